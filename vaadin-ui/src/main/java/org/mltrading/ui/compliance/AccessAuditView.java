package org.mltrading.ui.compliance;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.mltrading.ui.graphql.GraphQlApiException;
import org.mltrading.ui.shell.MainLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compliance officer's access audit: logins (and failed ones), second-factor checks, locked
 * users, issued tokens and refused requests, newest first, from the auth server and the platform.
 * All times are UTC.
 */
@Route(value = "access-audit", layout = MainLayout.class)
@PageTitle("Access audit | ML Trading Platform")
@RolesAllowed({"COMPLIANCE", "ADMIN"})
class AccessAuditView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(AccessAuditView.class);
    /** The "any" choice of the selects, sent as no criterion. */
    private static final String ANY = "ANY";

    private final ComplianceClient compliance;
    private final AccessAuditSearch search = new AccessAuditSearch(Clock.systemUTC());
    private final TextField principal = new TextField("User or client");
    private final Select<String> type = new Select<>();
    private final Select<String> outcome = new Select<>();
    private final DateTimePicker from = new DateTimePicker("From (UTC)");
    private final DateTimePicker to = new DateTimePicker("To (UTC)");
    private final Span note = new Span();
    private final Grid<AccessAuditEntry> entries = new Grid<>();
    private final Button previous = new Button("Previous");
    private final Button next = new Button("Next");
    private final Span pageLabel = new Span();

    AccessAuditView(ComplianceClient compliance) {
        this.compliance = compliance;
        setId("access-audit");
        setSizeFull();
        principal.setId("access-principal");
        principal.setClearButtonVisible(true);
        type.setId("access-type");
        type.setLabel("Event");
        type.setItems(withAny(AccessAuditEntry.TYPES));
        type.setItemLabelGenerator(code -> ANY.equals(code) ? "Any" : AccessAuditEntry.words(code));
        type.setValue(ANY);
        outcome.setId("access-outcome");
        outcome.setLabel("Outcome");
        outcome.setItems(withAny(AccessAuditEntry.OUTCOMES));
        outcome.setItemLabelGenerator(code -> ANY.equals(code) ? "Any" : AccessAuditEntry.words(code));
        outcome.setValue(ANY);
        from.setId("access-from");
        to.setId("access-to");
        List.of(from, to).forEach(picker -> {
            picker.setLocale(Locale.UK);
            picker.setStep(Duration.ofMinutes(1));
        });
        Button run = new Button("Search", click -> runSearch());
        run.setId("access-search");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout criteria = new HorizontalLayout(principal, type, outcome, from, to, run);
        criteria.setAlignItems(FlexComponent.Alignment.BASELINE);
        criteria.setWrap(true);

        note.setId("access-note");
        note.getStyle().set("color", "var(--lumo-secondary-text-color)");
        entries.setId("access-entries");
        entries.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        entries.addColumn(entry -> entry.at() == null ? "" : AuditEventGrid.TIMESTAMP.format(entry.at()))
                .setHeader("Time (UTC)").setKey("time").setAutoWidth(true).setFlexGrow(0);
        entries.addColumn(new ComponentRenderer<>(entry -> {
            Span badge = new Span(AccessAuditEntry.words(entry.outcome()));
            badge.getElement().getThemeList().add(entry.outcomeTheme());
            return badge;
        })).setHeader("Outcome").setKey("outcome").setAutoWidth(true).setFlexGrow(0);
        entries.addColumn(AccessAuditEntry::typeLabel).setHeader("Event").setKey("type").setAutoWidth(true)
                .setFlexGrow(0);
        entries.addColumn(AccessAuditEntry::who).setHeader("Who").setKey("who").setAutoWidth(true).setFlexGrow(0);
        entries.addColumn(AccessAuditEntry::remoteAddress).setHeader("From address").setKey("address")
                .setAutoWidth(true).setFlexGrow(0);
        entries.addColumn(AccessAuditEntry::detail).setHeader("Detail").setKey("detail").setFlexGrow(1);
        entries.setEmptyStateText("Search with any criteria, or none for the last 24 hours.");

        previous.setId("access-previous");
        next.setId("access-next");
        pageLabel.setId("access-page");
        previous.addClickListener(click -> {
            search.previous();
            loadPage();
        });
        next.addClickListener(click -> {
            search.next();
            loadPage();
        });
        previous.setEnabled(false);
        next.setEnabled(false);
        HorizontalLayout paging = new HorizontalLayout(previous, pageLabel, next);
        paging.setAlignItems(FlexComponent.Alignment.BASELINE);

        add(new H3("Access audit"), criteria, note, entries, paging);
        expand(entries);
    }

    private static List<String> withAny(List<String> codes) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(ANY), codes.stream()).toList();
    }

    private void runSearch() {
        try {
            search.search(new AccessAuditSearch.Criteria(principal.getValue(), chosen(type), chosen(outcome),
                    utc(from.getValue()), utc(to.getValue())));
        } catch (AuditSearch.InvalidCriteria invalid) {
            to.setErrorMessage(invalid.getMessage());
            to.setInvalid(true);
            return;
        }
        to.setInvalid(false);
        note.setText(search.note());
        entries.setEmptyStateText("No access events match these criteria.");
        loadPage();
    }

    private void loadPage() {
        try {
            AccessAuditEntry.Page page = compliance.accessAudit(search.variables());
            search.shown(page);
            entries.setItems(page.entries());
        } catch (RuntimeException failure) {
            log.warn("access audit: {}", failure.toString());
            String detail = failure instanceof GraphQlApiException api ? api.userMessage() : "An unexpected error occurred.";
            Notification notification = new Notification("The access audit could not be searched. " + detail, 8000,
                    Notification.Position.TOP_CENTER);
            notification.setId("api-error");
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
            notification.open();
            entries.setItems(List.of());
        }
        pageLabel.setText("Page " + search.pageNumber());
        previous.setEnabled(search.hasPrevious());
        next.setEnabled(search.hasNext());
    }

    private static String chosen(Select<String> select) {
        return ANY.equals(select.getValue()) ? null : select.getValue();
    }

    private static Instant utc(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
