package org.mltrading.ui.compliance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The access-audit search: the officer's criteria as an {@code AccessAuditFilter} (blank ones left
 * out; none at all = the last 24 hours, said so), and the cursors of the pages seen for "Previous".
 * The API answers newest first.
 */
public final class AccessAuditSearch {

    public static final int PAGE_SIZE = 50;
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** Any of them may be blank or null. */
    public record Criteria(String principal, String type, String outcome, Instant from, Instant to) {
    }

    private final Clock clock;
    private Map<String, Object> filter = Map.of();
    private String note = "";
    private final CursorPages pages = new CursorPages();

    public AccessAuditSearch(Clock clock) {
        this.clock = clock;
    }

    public void search(Criteria criteria) {
        if (criteria.from() != null && criteria.to() != null && criteria.to().isBefore(criteria.from())) {
            throw new AuditSearch.InvalidCriteria("The end of the time range is before its start.");
        }
        Map<String, Object> built = new LinkedHashMap<>();
        put(built, "principal", criteria.principal());
        put(built, "type", criteria.type());
        put(built, "outcome", criteria.outcome());
        Instant from = criteria.from();
        note = "";
        if (built.isEmpty() && criteria.from() == null && criteria.to() == null) {
            from = clock.instant().minus(DEFAULT_WINDOW);
            note = "No criteria given: access events of the last 24 hours (since " + MINUTE.format(from) + " UTC).";
        }
        if (from != null) {
            built.put("from", from.toString());
        }
        if (criteria.to() != null) {
            built.put("to", criteria.to().toString());
        }
        filter = built;
        pages.restart();
    }

    private static void put(Map<String, Object> filter, String key, String value) {
        if (value != null && !value.isBlank()) {
            filter.put(key, value.trim());
        }
    }

    public String note() {
        return note;
    }

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
    public void shown(AccessAuditEntry.Page page) {
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
