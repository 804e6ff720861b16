package org.mltrading.ui.order;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.util.List;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinServletRequest;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mltrading.ui.graphql.GraphQlApiException;
import org.mltrading.ui.trading.TradingClient;
import org.mltrading.uitestapp.UiTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import reactor.core.publisher.Sinks;

/** Browserless (Karibu-Testing) tests of the orders view with the GraphQL client stubbed out. */
@SpringBootTest(classes = UiTestApplication.class)
class OrdersViewTest {

    private static final AccountOption DEMO = new AccountOption("demo-account", "Demo account", "USD");
    private static final AccountOption DEMO_2 = new AccountOption("demo-account-2", "Second demo account", "USD");
    private static Routes routes;

    @MockitoBean
    OrderClient orderClient;
    @MockitoBean
    TradingClient trading;
    @MockitoBean
    org.mltrading.ui.marketdata.MarketDataClient marketData;
    @Autowired
    ApplicationContext context;

    private final Sinks.Many<OrderRow> demoUpdates = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<OrderRow> demo2Updates = Sinks.many().multicast().directBestEffort();

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("org.mltrading.ui");
        // Karibu's class scan skips package-private classes, and our views are package-private
        routes.getRoutes().add(OrdersView.class);
    }

    @BeforeEach
    void openVaadinAsTrader() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
        var authorities = List.of(new SimpleGrantedAuthority("ROLE_TRADER"));
        var trader = new UsernamePasswordAuthenticationToken("trader", null, authorities);
        SecurityContextHolder.getContext().setAuthentication(trader);
        // Vaadin's navigation access control reads the servlet request, not the security context
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(trader);
        request.setUserInRole((principal, role) -> "TRADER".equals(role));

        when(orderClient.accounts()).thenReturn(List.of(DEMO, DEMO_2));
        when(orderClient.recentOrders("demo-account")).thenReturn(List.of(
                LiveOrdersTest.order("o1", "c-working", "WORKING", "2026-01-01T10:00:00Z", "2026-01-01T10:00:00Z")));
        when(orderClient.recentOrders("demo-account-2")).thenReturn(List.of(
                LiveOrdersTest.order("o9", "c-other", "FILLED", "2026-01-01T09:00:00Z", "2026-01-01T09:00:00Z")));
        when(orderClient.orderUpdates("demo-account")).thenReturn(demoUpdates.asFlux());
        when(orderClient.orderUpdates("demo-account-2")).thenReturn(demo2Updates.asFlux());
    }

    @AfterEach
    void close() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    @SuppressWarnings("unchecked")
    private static Grid<OrderRow> grid() {
        return _get(Grid.class, spec -> spec.withId(OrdersView.GRID_ID));
    }

    @Test
    void the_view_lists_the_orders_of_the_first_account() {
        UI.getCurrent().navigate(OrdersView.class);

        Select<?> accounts = _get(Select.class, spec -> spec.withId(OrdersView.ACCOUNT_SELECT_ID));
        assertThat(accounts.getValue()).isEqualTo(DEMO);
        assertThat(GridKt._size(grid())).isEqualTo(1);
        assertThat(GridKt._getFormatted(grid(), 0, "clientOrderId")).isEqualTo("c-working");
        assertThat(GridKt._getFormatted(grid(), 0, "limitPrice")).isEqualTo("187.25");
        assertThat(GridKt._getFormatted(grid(), 0, "placedAt")).isEqualTo("2026-01-01 10:00:00");
    }

    @Test
    void a_pushed_update_changes_the_row_and_a_new_order_appears_on_top() {
        UI.getCurrent().navigate(OrdersView.class);

        demoUpdates.tryEmitNext(LiveOrdersTest.order("o1", "c-working", "FILLED", "2026-01-01T10:00:00Z",
                "2026-01-01T10:00:05Z"));
        demoUpdates.tryEmitNext(LiveOrdersTest.order("o2", "c-new", "PENDING", "2026-01-01T11:00:00Z",
                "2026-01-01T11:00:00Z"));
        MockVaadin.clientRoundtrip();

        assertThat(GridKt._size(grid())).isEqualTo(2);
        assertThat(GridKt._getFormatted(grid(), 0, "clientOrderId")).isEqualTo("c-new");
        // the status is a badge now: its text and its colour
        var badge = (com.vaadin.flow.component.html.Span) GridKt._getCellComponent(grid(), 1, "status");
        assertThat(badge.getText()).isEqualTo("FILLED");
        assertThat(badge.getElement().getAttribute("theme")).contains("success");
    }

    @Test
    void selecting_another_account_shows_its_orders_and_stops_listening_to_the_first() {
        UI.getCurrent().navigate(OrdersView.class);
        @SuppressWarnings("unchecked")
        Select<AccountOption> accounts = _get(Select.class, spec -> spec.withId(OrdersView.ACCOUNT_SELECT_ID));

        accounts.setValue(DEMO_2);

        assertThat(GridKt._getFormatted(grid(), 0, "clientOrderId")).isEqualTo("c-other");
        assertThat(demoUpdates.currentSubscriberCount()).isZero();
        assertThat(demo2Updates.currentSubscriberCount()).isEqualTo(1);
    }

    @Test
    void leaving_the_view_unsubscribes() {
        UI.getCurrent().navigate(OrdersView.class);
        assertThat(demoUpdates.currentSubscriberCount()).isEqualTo(1);

        _get(OrdersView.class).removeFromParent();

        assertThat(demoUpdates.currentSubscriberCount()).isZero();
    }

    @Test
    void an_unreachable_api_shows_a_notification_not_a_stack_trace() {
        when(orderClient.accounts()).thenThrow(new GraphQlApiException(GraphQlApiException.Kind.UNREACHABLE,
                "Connection refused: localhost/127.0.0.1:8080", new java.net.ConnectException()));

        UI.getCurrent().navigate(OrdersView.class);

        List<Notification> notifications = NotificationsKt.getNotifications();
        assertThat(notifications).singleElement().satisfies(n -> {
            assertThat(n.getId()).hasValue(OrdersView.ERROR_NOTIFICATION_ID);
            assertThat(n.getElement().getProperty("text"))
                    .contains("cannot be reached")
                    .doesNotContain("Exception", "127.0.0.1");
        });
    }

    @Test
    void quantities_and_prices_are_written_to_the_instruments_lot_and_tick() {
        when(marketData.instruments()).thenReturn(List.of(new org.mltrading.ui.marketdata.InstrumentInfo("AAPL", "Apple",
                "EQUITY", "USD", new java.math.BigDecimal("0.001"), new java.math.BigDecimal("0.5"))));

        UI.getCurrent().navigate(OrdersView.class);

        assertThat(GridKt._getFormatted(grid(), 0, "quantity")).isEqualTo("10.0");
        assertThat(GridKt._getFormatted(grid(), 0, "limitPrice")).isEqualTo("187.250");
    }

    @Test
    void status_and_symbol_filters_narrow_the_list() {
        when(orderClient.recentOrders("demo-account")).thenReturn(List.of(
                LiveOrdersTest.order("o1", "c-working", "WORKING", "2026-01-01T10:00:00Z", "2026-01-01T10:00:00Z"),
                LiveOrdersTest.order("o2", "c-filled", "FILLED", "2026-01-01T09:00:00Z", "2026-01-01T09:00:00Z")));
        UI.getCurrent().navigate(OrdersView.class);
        assertThat(GridKt._size(grid())).isEqualTo(2);

        @SuppressWarnings("unchecked")
        Select<OrderFilter.Group> status = _get(Select.class, spec -> spec.withId("orders-status-filter"));
        status.setValue(OrderFilter.Group.OPEN);
        assertThat(GridKt._size(grid())).isEqualTo(1);
        assertThat(GridKt._getFormatted(grid(), 0, "clientOrderId")).isEqualTo("c-working");

        status.setValue(OrderFilter.Group.ALL);
        _get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("orders-symbol-filter"))
                .setValue("msft");
        assertThat(GridKt._size(grid())).isZero();
    }

    @Test
    void an_open_order_is_cancelled_from_its_row_and_cancel_all_reports_how_many() {
        when(orderClient.recentOrders("demo-account")).thenReturn(List.of(
                LiveOrdersTest.order("o1", "c-working", "WORKING", "2026-01-01T10:00:00Z", "2026-01-01T10:00:00Z"),
                LiveOrdersTest.order("o2", "c-partial", "PARTIALLY_FILLED", "2026-01-01T09:30:00Z", "2026-01-01T09:30:00Z"),
                LiveOrdersTest.order("o3", "c-filled", "FILLED", "2026-01-01T09:00:00Z", "2026-01-01T09:00:00Z")));
        when(trading.cancel("o1")).thenReturn(
                LiveOrdersTest.order("o1", "c-working", "CANCELLED", "2026-01-01T10:00:00Z", "2026-01-01T10:05:00Z")
                        .asDeskOrder());
        when(trading.cancel("o2")).thenThrow(new org.mltrading.ui.graphql.GraphQlApiException(
                org.mltrading.ui.graphql.GraphQlApiException.Kind.UNREACHABLE, "timeout", null));
        UI.getCurrent().navigate(OrdersView.class);

        var actions = (com.vaadin.flow.component.orderedlayout.HorizontalLayout)
                GridKt._getCellComponent(grid(), 2, "actions");
        assertThat(actions.getChildren()).as("a filled order has no actions").isEmpty();

        _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("orders-cancel-all")));
        _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("orders-cancel-all-confirm")));

        org.mockito.Mockito.verify(trading).cancel("o1");
        org.mockito.Mockito.verify(trading).cancel("o2");
        org.mockito.Mockito.verify(trading, org.mockito.Mockito.never()).cancel("o3");
        assertThat(_get(com.vaadin.flow.component.notification.Notification.class,
                spec -> spec.withId("orders-cancel-all-outcome")).getElement().getProperty("text"))
                .isEqualTo("Cancelled 1 of 2 open orders; the others could not be: "
                        + "The trading API cannot be reached right now. Please try again in a moment.");
        assertThat(GridKt._getFormatted(grid(), 0, "filledQuantity")).isEqualTo("0");
    }

    @Test
    void a_pending_order_is_open_everywhere_it_is_listed_cancelled_and_counted_but_not_amended() {
        when(orderClient.recentOrders("demo-account")).thenReturn(List.of(
                LiveOrdersTest.order("o1", "c-pending", "PENDING", "2026-01-01T10:00:00Z", "2026-01-01T10:00:00Z"),
                LiveOrdersTest.order("o2", "c-working", "WORKING", "2026-01-01T09:30:00Z", "2026-01-01T09:30:00Z"),
                LiveOrdersTest.order("o3", "c-filled", "FILLED", "2026-01-01T09:00:00Z", "2026-01-01T09:00:00Z")));
        UI.getCurrent().navigate(OrdersView.class);

        @SuppressWarnings("unchecked")
        Select<OrderFilter.Group> status = _get(Select.class, spec -> spec.withId("orders-status-filter"));
        status.setValue(OrderFilter.Group.OPEN);
        assertThat(GridKt._size(grid())).isEqualTo(2);
        var pendingActions = (com.vaadin.flow.component.orderedlayout.HorizontalLayout)
                GridKt._getCellComponent(grid(), 0, "actions");
        assertThat(pendingActions.getChildren().map(c -> ((com.vaadin.flow.component.button.Button) c).getText()))
                .as("amendOrder refuses a PENDING order; cancelOrder takes it").containsExactly("Cancel");

        _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("orders-cancel-all")));

        assertThat(_get(com.vaadin.flow.component.dialog.Dialog.class, spec -> spec.withId("orders-cancel-all-dialog"))
                .getHeaderTitle()).isEqualTo("Cancel all 2 open orders?");
    }

    /** Buttons of a row's actions cell (rendered per row, so not in the UI's component tree). */
    private static com.vaadin.flow.component.button.Button rowButton(int row, String id) {
        return GridKt._getCellComponent(grid(), row, "actions").getChildren()
                .filter(c -> c.getId().orElse("").equals(id))
                .map(com.vaadin.flow.component.button.Button.class::cast)
                .findFirst().orElseThrow();
    }

    @Test
    void an_order_is_amended_with_the_desks_dialog_which_sends_only_what_changed() {
        when(trading.amend("o1", java.util.Map.of("quantity", "12"))).thenReturn(new org.mltrading.ui.trading.DeskOrder(
                "o1", "c-working", "demo-account", "AAPL", "BUY", "LIMIT", new java.math.BigDecimal("12"),
                new java.math.BigDecimal("187.25"), null, "DAY", "WORKING", null, null, null, java.math.BigDecimal.ZERO,
                null, List.of(), java.time.Instant.parse("2026-01-01T10:00:00Z"),
                java.time.Instant.parse("2026-01-01T10:01:00Z")));
        UI.getCurrent().navigate(OrdersView.class);

        _click(rowButton(0, "amend-c-working"));
        var dialog = _get(com.vaadin.flow.component.dialog.Dialog.class, spec -> spec.withId("orders-amend-dialog"));
        assertThat(dialog.getHeaderTitle()).isEqualTo("Amend BUY AAPL (c-working)");
        assertThat(_get(com.vaadin.flow.component.textfield.BigDecimalField.class,
                spec -> spec.withId("orders-amend-limit")).getValue()).isEqualByComparingTo("187.25");
        _get(com.vaadin.flow.component.textfield.BigDecimalField.class, spec -> spec.withId("orders-amend-quantity"))
                .setValue(new java.math.BigDecimal("12"));
        _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("orders-amend-save")));

        org.mockito.Mockito.verify(trading).amend("o1", java.util.Map.of("quantity", "12"));
        assertThat(dialog.isOpened()).isFalse();
        assertThat(GridKt._getFormatted(grid(), 0, "quantity")).isEqualTo("12");
    }

    @Test
    void an_amend_the_api_refuses_keeps_the_dialog_open_and_says_why() {
        when(trading.amend(org.mockito.ArgumentMatchers.eq("o1"), org.mockito.ArgumentMatchers.any()))
                .thenThrow(new GraphQlApiException(GraphQlApiException.Kind.UNREACHABLE, "timeout", null));
        UI.getCurrent().navigate(OrdersView.class);

        _click(rowButton(0, "amend-c-working"));
        _get(com.vaadin.flow.component.textfield.BigDecimalField.class, spec -> spec.withId("orders-amend-limit"))
                .setValue(new java.math.BigDecimal("188"));
        _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("orders-amend-save")));

        org.mockito.Mockito.verify(trading).amend("o1", java.util.Map.of("limitPrice", "188"));
        assertThat(_get(com.vaadin.flow.component.dialog.Dialog.class, spec -> spec.withId("orders-amend-dialog"))
                .isOpened()).isTrue();
        assertThat(NotificationsKt.getNotifications()).singleElement()
                .satisfies(n -> assertThat(n.getElement().getProperty("text")).startsWith("The order could not be amended."));
    }
}
