package org.mltrading.ui.compliance;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.mltrading.ui.graphql.GraphQlApiException;
import org.mltrading.ui.security.AccessTokens;
import org.mltrading.ui.shell.MainLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compliance officer's page, read from the event store through the API: search of the event
 * history, one aggregate's timeline, the as-of view (state then vs now), the report downloads and
 * the verification of the tamper-evident hash chain. All times are UTC.
 */
@Route(value = "compliance", layout = MainLayout.class)
@PageTitle("Compliance | ML Trading Platform")
@RolesAllowed({"COMPLIANCE", "ADMIN"})
class ComplianceView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(ComplianceView.class);

    private final ComplianceClient compliance;
    private final AuditSearch search = new AuditSearch();

    private final TextField searchAccount = new TextField("Account");
    private final TextField searchActor = new TextField("Actor");
    private final TextField searchTypes = new TextField("Event types");
    private final DateTimePicker searchFrom = new DateTimePicker("From (UTC)");
    private final DateTimePicker searchTo = new DateTimePicker("To (UTC)");
    private final Grid<AuditEvent> searchResults = AuditEventGrid.create("audit-search-results", true);
    private final Span searchNote = new Span();
    private final Button previousPage = new Button("Previous");
    private final Button nextPage = new Button("Next");
    private final Span pageLabel = new Span();

    private final TimelineLookup lookup;

    private final RadioButtonGroup<ComplianceClient.AggregateKind> asOfKind = new RadioButtonGroup<>("Aggregate");
    private final TextField asOfId = new TextField("Id or client order id");
    private final DateTimePicker asOfInstant = new DateTimePicker("As of (UTC)");
    private final Grid<AsOfComparison.Row> asOfRows = new Grid<>();

    private final DatePicker reportFrom = new DatePicker("First day (UTC)");
    private final DatePicker reportTo = new DatePicker("Last day (UTC)");
    private final TextField reportAccount = new TextField("Account (optional)");
    private final VerticalLayout reportLinks = new VerticalLayout();

    private final Span chainResult = new Span();

    ComplianceView(ComplianceClient compliance) {
        this.compliance = compliance;
        this.lookup = TimelineLookup.over(compliance);
        setId("compliance");
        setSizeFull();

        TabSheet tabs = new TabSheet();
        tabs.setId("compliance-tabs");
        tabs.setSizeFull();
        tabs.add("Event history", searchTab());
        tabs.add("Timeline", new TimelinePanel(lookup, this::showError));
        tabs.add("As of", asOfTab());
        tabs.add("Reports", reportsTab());
        tabs.add("Hash chain", chainTab());
        add(new H3("Compliance"), tabs);
        expand(tabs);
    }

    private Component searchTab() {
        searchAccount.setId("search-account");
        searchActor.setId("search-actor");
        searchTypes.setId("search-types");
        searchTypes.setPlaceholder("OrderPlaced, Order filled");
        searchTypes.setHelperText("business names, separated by commas");
        searchNote.setId("search-note");
        searchNote.getStyle().set("color", "var(--lumo-secondary-text-color)");
        searchFrom.setId("search-from");
        searchTo.setId("search-to");
        Button run = new Button("Search", click -> runSearch());
        run.setId("search-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        previousPage.setId("search-previous");
        nextPage.setId("search-next");
        pageLabel.setId("search-page");
        previousPage.addClickListener(click -> {
            search.previous();
            loadPage();
        });
        nextPage.addClickListener(click -> {
            search.next();
            loadPage();
        });
        previousPage.setEnabled(false);
        nextPage.setEnabled(false);
        HorizontalLayout criteria = new HorizontalLayout(searchAccount, searchActor, searchTypes, searchFrom,
                searchTo, run);
        criteria.setAlignItems(FlexComponent.Alignment.BASELINE);
        criteria.setWrap(true);
        HorizontalLayout paging = new HorizontalLayout(previousPage, pageLabel, nextPage);
        paging.setAlignItems(FlexComponent.Alignment.BASELINE);
        searchResults.setEmptyStateText("Search with any criteria, or none for the last 24 hours.");
        VerticalLayout tab = new VerticalLayout(criteria, searchNote, searchResults, paging);
        tab.setSizeFull();
        tab.expand(searchResults);
        return tab;
    }

    private void runSearch() {
        try {
            search.search(new AuditSearch.Criteria(searchAccount.getValue(), searchActor.getValue(),
                    searchTypes.getValue(), utc(searchFrom.getValue()), utc(searchTo.getValue())));
        } catch (AuditSearch.InvalidCriteria invalid) {
            searchTo.setErrorMessage(invalid.getMessage());
            searchTo.setInvalid(true);
            return;
        }
        searchTo.setInvalid(false);
        searchNote.setText(search.note());
        searchResults.setEmptyStateText("No events match these criteria.");
        loadPage();
    }

    private void loadPage() {
        try {
            AuditEventPage page = compliance.auditEvents(search.variables());
            search.shown(page);
            // a page in time order; pages follow the hash chain, which is the order the events were stored
            searchResults.setItems(page.events().stream().sorted(AuditEvent.IN_TIME_ORDER).toList());
        } catch (RuntimeException failure) {
            showError("The event history could not be searched", failure);
            searchResults.setItems(List.of());
        }
        pageLabel.setText("Page " + search.pageNumber());
        previousPage.setEnabled(search.hasPrevious());
        nextPage.setEnabled(search.hasNext());
    }

    private Component asOfTab() {
        asOfKind.setId("asof-kind");
        asOfKind.setItems(ComplianceClient.AggregateKind.values());
        asOfKind.setItemLabelGenerator(kind -> kind == ComplianceClient.AggregateKind.ORDER ? "Order" : "Account");
        asOfKind.setValue(ComplianceClient.AggregateKind.ORDER);
        asOfId.setId("asof-id");
        asOfInstant.setId("asof-instant");
        asOfInstant.setStep(java.time.Duration.ofSeconds(1));
        // en-GB: a 24-hour clock and day-month order; en-US showed "10:00 AM" next to UTC times elsewhere
        java.util.List.of(asOfInstant, searchFrom, searchTo).forEach(picker -> picker.setLocale(java.util.Locale.UK));
        Button compare = new Button("Compare with now", click -> compareAsOf());
        compare.setId("asof-compare");
        compare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        asOfRows.setId("asof-rows");
        asOfRows.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        // every field on the page (about 16), none hidden below a scroll inside the grid at 700 px
        asOfRows.setAllRowsVisible(true);
        asOfId.setWidth("18em");
        asOfId.setHelperText("order id, the trader's client order id, or account id");
        asOfRows.addColumn(AsOfComparison.Row::label).setHeader("Field").setKey("field").setAutoWidth(true);
        asOfRows.addColumn(AsOfComparison.Row::then).setHeader("Then").setKey("then");
        asOfRows.addColumn(AsOfComparison.Row::now).setHeader("Now").setKey("now");
        asOfRows.addColumn(row -> row.changed() ? "changed" : "").setHeader("Since then").setKey("changed")
                .setAutoWidth(true);
        asOfRows.addColumn(AsOfComparison.Row::difference).setHeader("Difference").setKey("difference")
                .setAutoWidth(true);
        asOfRows.setPartNameGenerator(row -> row.changed() ? "changed" : null);
        asOfRows.setEmptyStateText("Enter an id and an instant.");
        HorizontalLayout form = new HorizontalLayout(asOfKind, asOfId, asOfInstant, compare);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return new VerticalLayout(form, asOfRows);
    }

    private void compareAsOf() {
        if (asOfId.getValue().isBlank() || asOfInstant.getValue() == null) {
            asOfId.setErrorMessage("Give the id and the instant to look at.");
            asOfId.setInvalid(true);
            return;
        }
        asOfId.setInvalid(false);
        String id = asOfId.getValue().trim();
        try {
            Map<String, Object> then = compliance.state(asOfKind.getValue(), id, utc(asOfInstant.getValue()));
            Map<String, Object> now = compliance.state(asOfKind.getValue(), id, null);
            if (then == null && now == null && asOfKind.getValue() == ComplianceClient.AggregateKind.ORDER) {
                // not an order id: the client order id a trader quoted, when exactly one order has it
                var orderId = lookup.orderId(id);
                if (orderId.isPresent()) {
                    then = compliance.state(asOfKind.getValue(), orderId.get(), utc(asOfInstant.getValue()));
                    now = compliance.state(asOfKind.getValue(), orderId.get(), null);
                }
            }
            if (then == null && now == null) {
                showError("Nothing to compare", new IllegalArgumentException(id));
                asOfRows.setItems(List.of());
                return;
            }
            asOfRows.setItems(AsOfComparison.of(then, now));
        } catch (RuntimeException failure) {
            showError("The state could not be rebuilt", failure);
        }
    }

    private Component reportsTab() {
        reportFrom.setId("report-from");
        reportTo.setId("report-to");
        reportAccount.setId("report-account");
        reportLinks.setId("report-links");
        reportLinks.setPadding(false);
        Button orderTrail = new Button("Order audit trail",
                click -> generate("order-audit", compliance::orderAuditReport));
        orderTrail.setId("report-order-audit");
        Button transactions = new Button("Transaction report",
                click -> generate("transactions", compliance::transactionReport));
        transactions.setId("report-transactions");
        HorizontalLayout form = new HorizontalLayout(reportFrom, reportTo, reportAccount, orderTrail, transactions);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return new VerticalLayout(form,
                new Span("Reports are generated from the event history: the same range always gives the same "
                        + "bytes, which the SHA-256 shown proves."), reportLinks);
    }

    private void generate(String idPrefix, BiFunction<ReportRange, String, ReportDocument> report) {
        ReportRange range;
        try {
            range = ReportRange.ofDays(reportFrom.getValue(), reportTo.getValue());
        } catch (AuditSearch.InvalidCriteria invalid) {
            reportTo.setErrorMessage(invalid.getMessage());
            reportTo.setInvalid(true);
            return;
        }
        reportTo.setInvalid(false);
        ReportDocument document;
        try {
            document = report.apply(range, reportAccount.getValue());
        } catch (RuntimeException failure) {
            showError("The report could not be generated", failure);
            return;
        }
        // The CSV is already in memory: the link streams exactly these bytes, whose hash is shown next to it
        byte[] bytes = document.bytes();
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(bytes), document.fileName(), document.contentType(), bytes.length)),
                "Download " + document.fileName());
        download.setId(idPrefix + "-download");
        Span details = new Span(document.rows() + " rows, SHA-256 " + document.sha256());
        details.setId(idPrefix + "-details");
        reportLinks.getChildren().filter(child -> child.getId().map(id -> id.equals(idPrefix + "-report")).orElse(false))
                .toList().forEach(reportLinks::remove);
        HorizontalLayout line = new HorizontalLayout(download, details);
        line.setId(idPrefix + "-report");
        reportLinks.add(line);
    }

    private Component chainTab() {
        chainResult.setId("chain-result");
        Button verify = new Button("Verify chain", click -> {
            try {
                ChainVerification verification = compliance.verifyChain();
                chainResult.setText(verification.summary());
                chainResult.getElement().getThemeList().clear();
                chainResult.getElement().getThemeList().add(verification.valid() ? "badge success" : "badge error");
            } catch (RuntimeException failure) {
                showError("The hash chain could not be verified", failure);
            }
        });
        verify.setId("chain-verify");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return new VerticalLayout(new Span("Recomputes the hash chain over the stored events and checks the signed "
                + "checkpoints: any edited event breaks it at that entry."), verify, chainResult);
    }

    private static Instant utc(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private void showError(String what, RuntimeException failure) {
        String detail = failure instanceof GraphQlApiException api ? api.userMessage()
                : failure instanceof AccessTokens.NotLoggedInException n ? n.getMessage()
                : failure instanceof IllegalArgumentException ? "No order or account " + failure.getMessage() + "."
                : "An unexpected error occurred.";
        log.warn("{}: {}", what, failure.toString());
        Notification notification = new Notification(what + ". " + detail, 8000, Notification.Position.TOP_CENTER);
        notification.setId("api-error");
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.open();
    }
}
