package org.mltrading.ui.compliance;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mltrading.uitestapp.UiTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** Browserless (Karibu-Testing) tests of the compliance page with the GraphQL client stubbed out. */
@SpringBootTest(classes = UiTestApplication.class)
class ComplianceViewTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Routes routes;

    @MockitoBean
    ComplianceClient compliance;
    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("org.mltrading.ui");
        routes.getRoutes().add(ComplianceView.class);
    }

    private void login(String user, String role) {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
        var principal = new UsernamePasswordAuthenticationToken(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role)));
        SecurityContextHolder.getContext().setAuthentication(principal);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(principal);
        request.setUserInRole((p, r) -> role.equals(r));
    }

    @AfterEach
    void close() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    private static AuditEvent event(int sequence, String type, String actor) {
        return new AuditEvent(sequence, type, Instant.parse("2026-11-25T10:00:0" + sequence + "Z"), actor, "USER",
                "TRADER", "corr", "cause", "evt-" + sequence, "o-1", "Order",
                JSON.createObjectNode().put("orderId", "o-1"), sequence + 1);
    }

    @SuppressWarnings("unchecked")
    private static <T> Grid<T> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    /** The tab sheet attaches a tab's content only when it is selected. */
    private static void openTab(String label) {
        TabSheet tabs = _get(TabSheet.class, spec -> spec.withId("compliance-tabs"));
        for (int index = 0; ; index++) {
            if (tabs.getTabAt(index).getLabel().equals(label)) {
                tabs.setSelectedIndex(index);
                return;
            }
        }
    }

    private static boolean navigationOffersCompliance() {
        return _find(SideNavItem.class).stream().anyMatch(item -> "compliance".equals(item.getPath()));
    }

    @Test
    void compliance_officers_and_admins_see_the_page_in_the_navigation_traders_do_not() {
        login("officer", "COMPLIANCE");
        UI.getCurrent().navigate("compliance");
        assertThat(navigationOffersCompliance()).isTrue();
        assertThat(_find(ComplianceView.class)).hasSize(1);
        close();

        login("admin", "ADMIN");
        UI.getCurrent().navigate("compliance");
        assertThat(navigationOffersCompliance()).isTrue();
        close();

        login("trader", "TRADER");
        UI.getCurrent().navigate("orders");
        assertThat(navigationOffersCompliance()).isFalse();
        UI.getCurrent().navigate("compliance");
        // access denied: the router shows its error view instead of the page
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                .noneMatch(ComplianceView.class::isInstance);
    }

    @Test
    void the_search_sends_the_filter_and_pages_with_the_cursor() {
        login("officer", "COMPLIANCE");
        when(compliance.auditEvents(anyMap())).thenAnswer(call -> {
            Map<String, Object> variables = call.getArgument(0);
            boolean firstPage = !variables.containsKey("after");
            return new AuditEventPage(
                    List.of(new AuditEventPage.Edge("c" + (firstPage ? 0 : 1), event(firstPage ? 0 : 1,
                            firstPage ? "OrderPlacedEvent" : "OrderFilledEvent", "trader1"))),
                    new AuditEventPage.PageInfo(firstPage, firstPage ? "c0" : "c1"));
        });
        UI.getCurrent().navigate("compliance");

        _get(TextField.class, spec -> spec.withId("search-actor")).setValue("trader1");
        _click(_get(Button.class, spec -> spec.withId("search-run")));

        verify(compliance).auditEvents(Map.of("filter", Map.of("actor", "trader1"), "first", AuditSearch.PAGE_SIZE));
        assertThat(GridKt._getFormatted(grid("audit-search-results"), 0, "type")).isEqualTo("Order placed");
        assertThat(GridKt._getFormatted(grid("audit-search-results"), 0, "actor")).isEqualTo("trader1 (USER)");
        Button next = _get(Button.class, spec -> spec.withId("search-next"));
        Button previous = _get(Button.class, spec -> spec.withId("search-previous"));
        assertThat(next.isEnabled()).isTrue();
        assertThat(previous.isEnabled()).isFalse();

        _click(next);

        verify(compliance).auditEvents(Map.of("filter", Map.of("actor", "trader1"), "first", AuditSearch.PAGE_SIZE,
                "after", "c0"));
        assertThat(GridKt._getFormatted(grid("audit-search-results"), 0, "type")).isEqualTo("Order filled");
        assertThat(next.isEnabled()).isFalse();
        assertThat(previous.isEnabled()).isTrue();
        assertThat(_get(Span.class, spec -> spec.withId("search-page")).getText()).isEqualTo("Page 2");
    }

    @Test
    void a_reversed_time_range_is_refused_without_asking_the_server() {
        login("officer", "COMPLIANCE");
        UI.getCurrent().navigate("compliance");

        _get(DateTimePicker.class, spec -> spec.withId("search-from")).setValue(LocalDateTime.of(2026, 11, 25, 12, 0));
        _get(DateTimePicker.class, spec -> spec.withId("search-to")).setValue(LocalDateTime.of(2026, 11, 25, 11, 0));
        _click(_get(Button.class, spec -> spec.withId("search-run")));

        verify(compliance, never()).auditEvents(anyMap());
        assertThat(_get(DateTimePicker.class, spec -> spec.withId("search-to")).isInvalid()).isTrue();
    }

    @Test
    void the_timeline_lists_an_aggregates_events_in_sequence_with_actor_and_payload() {
        login("officer", "COMPLIANCE");
        when(compliance.auditTrail("o-1")).thenReturn(List.of(event(0, "OrderPlacedEvent", "trader1"),
                event(1, "OrderFilledEvent", null)));
        UI.getCurrent().navigate("compliance");
        openTab("Timeline");

        _get(TextField.class, spec -> spec.withId("trail-aggregate")).setValue(" o-1 ");
        _click(_get(Button.class, spec -> spec.withId("trail-show")));

        Grid<AuditEvent> trail = grid("audit-trail");
        assertThat(GridKt._size(trail)).isEqualTo(2);
        assertThat(GridKt._getFormatted(trail, 0, "sequence")).isEqualTo("0");
        assertThat(GridKt._getFormatted(trail, 0, "time")).isEqualTo("2026-11-25 10:00:00.000");
        assertThat(GridKt._getFormatted(trail, 1, "actor")).isEqualTo("(none)");
        // the order id is the row's own: the readable payload leaves it out
        assertThat(GridKt._getFormatted(trail, 0, "payload")).isEmpty();
        assertThat(GridKt._getFormatted(trail, 0, "type")).isEqualTo("Order placed");
    }

    @Test
    void the_timeline_finds_an_order_by_the_client_order_id_a_trader_quoted() throws Exception {
        login("officer", "COMPLIANCE");
        when(compliance.auditTrail("desk-42")).thenReturn(List.of());
        when(compliance.ordersByClientOrderId("desk-42", null)).thenReturn(List.of(new OrderMatch("o-1", "desk-42",
                "demo-account", "AAPL", "BUY", new java.math.BigDecimal("10"), "FILLED",
                Instant.parse("2026-11-25T10:00:00Z"))));
        AuditEvent placed = new AuditEvent(0, "OrderPlacedEvent", Instant.parse("2026-11-25T10:00:00Z"), "trader1",
                "USER", "TRADER", "corr", null, "evt-0", "o-1", "OrderAggregate", JSON.readTree("""
                        {"orderId":"o-1","accountId":"demo-account","clientOrderId":"desk-42",
                         "terms":{"symbol":"AAPL","side":"BUY","type":"LIMIT","quantity":10,"limitPrice":230.05,
                                  "timeInForce":"DAY","expireAt":null},"placedAt":"2026-11-25T10:00:00Z"}"""), 1);
        AuditEvent filled = new AuditEvent(1, "OrderFilledEvent", Instant.parse("2026-11-25T10:00:01Z"), null,
                null, null, "corr", null, "evt-1", "o-1", "OrderAggregate",
                JSON.readTree("{\"orderId\":\"o-1\",\"price\":230.053003,\"quantity\":10,\"fee\":1.15}"), 2);
        // answered out of time order: the timeline shows them in time order
        when(compliance.auditTrail("o-1")).thenReturn(List.of(filled, placed));
        UI.getCurrent().navigate("compliance");
        openTab("Timeline");

        _get(TextField.class, spec -> spec.withId("trail-aggregate")).setValue("desk-42");
        _click(_get(Button.class, spec -> spec.withId("trail-show")));

        Grid<AuditEvent> trail = grid("audit-trail");
        assertThat(GridKt._size(trail)).isEqualTo(2);
        assertThat(GridKt._getFormatted(trail, 0, "type")).isEqualTo("Order placed");
        assertThat(GridKt._getFormatted(trail, 0, "payload")).isEqualTo("Account id: demo-account · "
                + "Client order id: desk-42 · Symbol: AAPL · Side: BUY · Type: LIMIT · Quantity: 10 · "
                + "Limit price: 230.05 · Time in force: DAY · Placed at: 2026-11-25 10:00:00 UTC");
        assertThat(GridKt._getFormatted(trail, 1, "type")).isEqualTo("Order filled");
        assertThat(GridKt._getFormatted(trail, 1, "payload")).isEqualTo("Price: 230.053003 · Quantity: 10 · Fee: 1.15");
        assertThat(_get(Span.class, spec -> spec.withId("trail-heading")).getText())
                .startsWith("Order desk-42 · demo-account · BUY 10 AAPL · FILLED");
    }

    @Test
    void a_client_order_id_used_in_two_accounts_offers_a_choice() {
        login("officer", "COMPLIANCE");
        when(compliance.auditTrail("desk-42")).thenReturn(List.of());
        when(compliance.ordersByClientOrderId("desk-42", null)).thenReturn(List.of(
                new OrderMatch("o-1", "desk-42", "demo-account", "AAPL", "BUY", java.math.BigDecimal.TEN, "FILLED", null),
                new OrderMatch("o-2", "desk-42", "demo-account-2", "MSFT", "SELL", java.math.BigDecimal.ONE, "WORKING",
                        null)));
        UI.getCurrent().navigate("compliance");
        openTab("Timeline");

        _get(TextField.class, spec -> spec.withId("trail-aggregate")).setValue("desk-42");
        _click(_get(Button.class, spec -> spec.withId("trail-show")));

        var choice = _get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("trail-choice"));
        assertThat(choice.isVisible()).isTrue();
        assertThat(_get(Span.class, spec -> spec.withId("trail-heading")).getText())
                .isEqualTo("2 orders have this client order id: choose one.");
        verify(compliance, never()).auditTrail("o-1");
    }

    @Test
    void a_search_without_criteria_looks_at_the_last_24_hours_and_says_so() {
        login("officer", "COMPLIANCE");
        when(compliance.auditEvents(anyMap())).thenReturn(new AuditEventPage(List.of(),
                new AuditEventPage.PageInfo(false, null)));
        UI.getCurrent().navigate("compliance");

        _click(_get(Button.class, spec -> spec.withId("search-run")));

        verify(compliance).auditEvents(org.mockito.ArgumentMatchers.argThat(variables ->
                ((Map<?, ?>) variables.get("filter")).containsKey("from")));
        assertThat(_get(Span.class, spec -> spec.withId("search-note")).getText())
                .startsWith("No criteria given: events of the last 24 hours");
    }

    @Test
    void event_types_are_searched_by_their_business_names() {
        login("officer", "COMPLIANCE");
        when(compliance.auditEvents(anyMap())).thenReturn(new AuditEventPage(List.of(),
                new AuditEventPage.PageInfo(false, null)));
        UI.getCurrent().navigate("compliance");

        _get(TextField.class, spec -> spec.withId("search-types")).setValue("OrderFilled, order placed");
        _click(_get(Button.class, spec -> spec.withId("search-run")));

        verify(compliance).auditEvents(Map.of("filter", Map.of("types", List.of("OrderFilledEvent", "OrderPlacedEvent")),
                "first", AuditSearch.PAGE_SIZE));
    }

    @Test
    void the_as_of_view_takes_the_client_order_id_of_an_order() {
        login("officer", "COMPLIANCE");
        Instant then = Instant.parse("2026-11-25T10:00:00Z");
        when(compliance.ordersByClientOrderId("desk-42", null)).thenReturn(List.of(new OrderMatch("o-1", "desk-42",
                "demo-account", "AAPL", "BUY", java.math.BigDecimal.TEN, "FILLED", then)));
        // no order has the id desk-42: the API answers null (a mock's default would be an empty map)
        when(compliance.state(eq(ComplianceClient.AggregateKind.ORDER), eq("desk-42"), any())).thenReturn(null);
        when(compliance.state(ComplianceClient.AggregateKind.ORDER, "o-1", then))
                .thenReturn(Map.of("filledQuantity", "0", "updatedAt", "2026-11-25T10:00:00Z"));
        when(compliance.state(eq(ComplianceClient.AggregateKind.ORDER), eq("o-1"), isNull()))
                .thenReturn(Map.of("filledQuantity", "10", "updatedAt", "2026-11-25T14:05:09Z"));
        UI.getCurrent().navigate("compliance");
        openTab("As of");

        _get(TextField.class, spec -> spec.withId("asof-id")).setValue("desk-42");
        _get(DateTimePicker.class, spec -> spec.withId("asof-instant")).setValue(LocalDateTime.of(2026, 11, 25, 10, 0));
        _click(_get(Button.class, spec -> spec.withId("asof-compare")));

        Grid<AsOfComparison.Row> rows = grid("asof-rows");
        List<String> fields = List.of(GridKt._getFormatted(rows, 0, "field"), GridKt._getFormatted(rows, 1, "field"));
        int filled = fields.indexOf("Filled quantity");
        int updated = fields.indexOf("Updated at");
        assertThat(GridKt._getFormatted(rows, filled, "difference")).isEqualTo("+10");
        assertThat(GridKt._getFormatted(rows, updated, "now")).isEqualTo("2026-11-25 14:05:09 UTC");
    }

    @Test
    void the_as_of_view_compares_the_state_then_with_the_state_now() {
        login("officer", "COMPLIANCE");
        Instant then = Instant.parse("2026-11-25T10:00:00Z");
        when(compliance.state(ComplianceClient.AggregateKind.ORDER, "o-1", then))
                .thenReturn(Map.of("status", "WORKING"));
        when(compliance.state(eq(ComplianceClient.AggregateKind.ORDER), eq("o-1"), isNull()))
                .thenReturn(Map.of("status", "FILLED"));
        UI.getCurrent().navigate("compliance");
        openTab("As of");

        _get(TextField.class, spec -> spec.withId("asof-id")).setValue("o-1");
        _get(DateTimePicker.class, spec -> spec.withId("asof-instant")).setValue(LocalDateTime.of(2026, 11, 25, 10, 0));
        _click(_get(Button.class, spec -> spec.withId("asof-compare")));

        Grid<AsOfComparison.Row> rows = grid("asof-rows");
        assertThat(GridKt._size(rows)).isEqualTo(1);
        assertThat(GridKt._getFormatted(rows, 0, "then")).isEqualTo("WORKING");
        assertThat(GridKt._getFormatted(rows, 0, "now")).isEqualTo("FILLED");
        assertThat(GridKt._getFormatted(rows, 0, "changed")).isEqualTo("changed");
    }

    @Test
    void a_generated_report_is_offered_as_a_download_with_its_hash() {
        login("officer", "COMPLIANCE");
        ReportRange range = ReportRange.ofDays(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 25));
        when(compliance.transactionReport(range, "")).thenReturn(new ReportDocument("transactions.csv", "text/csv",
                1, "9f86d081", "header\nrow\n"));
        UI.getCurrent().navigate("compliance");
        openTab("Reports");

        _click(_get(Button.class, spec -> spec.withId("report-transactions")));
        verify(compliance, never()).transactionReport(any(), any());
        assertThat(_get(DatePicker.class, spec -> spec.withId("report-to")).isInvalid()).isTrue();

        _get(DatePicker.class, spec -> spec.withId("report-from")).setValue(LocalDate.of(2026, 11, 24));
        _get(DatePicker.class, spec -> spec.withId("report-to")).setValue(LocalDate.of(2026, 11, 25));
        _click(_get(Button.class, spec -> spec.withId("report-transactions")));

        Anchor download = _get(Anchor.class, spec -> spec.withId("transactions-download"));
        assertThat(download.getText()).isEqualTo("Download transactions.csv");
        assertThat(download.getHref()).isNotBlank();
        assertThat(_get(Span.class, spec -> spec.withId("transactions-details")).getText())
                .isEqualTo("1 rows, SHA-256 9f86d081");

        _click(_get(Button.class, spec -> spec.withId("report-transactions")));
        assertThat(_find(Anchor.class, spec -> spec.withId("transactions-download"))).hasSize(1);
    }

    @Test
    void verify_chain_shows_where_the_chain_breaks() {
        login("admin", "ADMIN");
        when(compliance.verifyChain()).thenReturn(new ChainVerification(false, 57, 42, "evt-42", "hash mismatch",
                1, 0, "ab"));
        UI.getCurrent().navigate("compliance");
        openTab("Hash chain");

        _click(_get(Button.class, spec -> spec.withId("chain-verify")));

        Span result = _get(Span.class, spec -> spec.withId("chain-result"));
        assertThat(result.getText()).contains("BROKEN at chain sequence 42");
        assertThat(result.getElement().getThemeList()).contains("badge", "error");
    }
}
