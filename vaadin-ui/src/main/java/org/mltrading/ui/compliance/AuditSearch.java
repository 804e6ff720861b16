package org.mltrading.ui.compliance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event-history search of the compliance page: turns the officer's criteria into an
 * {@code AuditEventFilter} (blank criteria are left out, a range ending before it starts is refused)
 * and keeps the cursors of the pages seen, so "Previous" goes back without the server needing
 * backward paging. A search without any criterion looks at the last {@link #DEFAULT_WINDOW} and says
 * so: "No events." for a search that never ran looked like an empty history.
 */
public final class AuditSearch {

    /** Events per page of the grid. */
    public static final int PAGE_SIZE = 50;
    /** What a search without criteria looks at, up to now. */
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** The criteria as typed; any of them may be blank or null. */
    public record Criteria(String accountId, String actor, String eventTypes, Instant from, Instant to) {
    }

    /** Criteria that cannot form a filter, with a message for the officer. */
    public static final class InvalidCriteria extends RuntimeException {
        public InvalidCriteria(String message) {
            super(message);
        }
    }

    private final Clock clock;
    private Map<String, Object> filter = Map.of();
    private String note = "";
    private final CursorPages pages = new CursorPages();

    public AuditSearch() {
        this(Clock.systemUTC());
    }

    public AuditSearch(Clock clock) {
        this.clock = clock;
    }

    /** Starts a new search at its first page. */
    public void search(Criteria criteria) {
        Criteria effective = criteria;
        note = "";
        if (isEmpty(criteria)) {
            Instant from = clock.instant().minus(DEFAULT_WINDOW);
            effective = new Criteria(null, null, null, from, null);
            note = "No criteria given: events of the last 24 hours (since " + MINUTE.format(from) + " UTC).";
        }
        filter = filterOf(effective);
        pages.restart();
    }

    /** What the current search shows when the officer did not say (empty when the criteria say it all). */
    public String note() {
        return note;
    }

    private static boolean isEmpty(Criteria criteria) {
        return blank(criteria.accountId()) && blank(criteria.actor()) && blank(criteria.eventTypes())
                && criteria.from() == null && criteria.to() == null;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static Map<String, Object> filterOf(Criteria criteria) {
        if (criteria.from() != null && criteria.to() != null && criteria.to().isBefore(criteria.from())) {
            throw new InvalidCriteria("The end of the time range is before its start.");
        }
        Map<String, Object> filter = new LinkedHashMap<>();
        putIfPresent(filter, "accountId", criteria.accountId());
        putIfPresent(filter, "actor", criteria.actor());
        List<String> types = EventTypes.storedNames(criteria.eventTypes());
        if (!types.isEmpty()) {
            filter.put("types", types);
        }
        if (criteria.from() != null) {
            filter.put("from", criteria.from().toString());
        }
        if (criteria.to() != null) {
            filter.put("to", criteria.to().toString());
        }
        return filter;
    }

    private static void putIfPresent(Map<String, Object> filter, String key, String value) {
        if (value != null && !value.isBlank()) {
            filter.put(key, value.trim());
        }
    }

    /** Variables of the query for the current page. */
    public Map<String, Object> variables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("filter", filter);
        variables.put("first", PAGE_SIZE);
        String after = pages.after();
        if (!after.isEmpty()) {
            variables.put("after", after);
        }
        return variables;
    }

    /** Records what the server answered for the current page. */
    public void shown(AuditEventPage page) {
        pages.shown(page.pageInfo());
    }

    public boolean hasNext() {
        return pages.hasNext();
    }

    public boolean hasPrevious() {
        return pages.hasPrevious();
    }

    /** Moves to the next page; {@link #variables()} then asks for it. */
    public void next() {
        pages.next();
    }

    public void previous() {
        pages.previous();
    }

    /** 1 for the first page. */
    public int pageNumber() {
        return pages.pageNumber();
    }
}
