package org.mltrading.ui.order;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.mltrading.ui.shell.CancelAllDialog;
import org.mltrading.ui.graphql.GraphQlApiException;
import org.mltrading.ui.security.AccessTokens;
import org.mltrading.ui.shell.MainLayout;
import org.mltrading.ui.trading.AmendOrderDialog;
import org.mltrading.ui.trading.CancelAll;
import org.mltrading.ui.trading.DeskOrder;
import org.mltrading.ui.trading.TradingClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;

/**
 * The landing page: the user's accounts and the live orders of the selected one.
 *
 * <p>{@code @PermitAll}: every logged-in user may open it; which accounts and orders they see is
 * decided by the API's entitlements, not here. Ids ({@code account-select}, {@code orders-grid},
 * column keys) are part of the browser tests' contract.
 */
@Route(value = "orders", layout = MainLayout.class)
@PageTitle("Orders | ML Trading Platform")
@PermitAll
class OrdersView extends VerticalLayout {

    static final String ACCOUNT_SELECT_ID = "account-select";
    static final String GRID_ID = "orders-grid";
    static final String ERROR_NOTIFICATION_ID = "api-error";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(OrdersView.class);

    private final OrderClient orders;
    /** Cancel and amend: the desk's calls, so both pages send the same mutations. */
    private final TradingClient trading;
    private final org.mltrading.ui.marketdata.InstrumentCatalog instruments;
    /** Ticks and lots, read on attach: quantities to the lot, prices to the tick. */
    private org.mltrading.ui.shell.InstrumentFormats formats = new org.mltrading.ui.shell.InstrumentFormats();
    private final Select<AccountOption> accountSelect = new Select<>();
    private final Grid<OrderRow> grid = new Grid<>(OrderRow.class, false);
    private final LiveOrders live = new LiveOrders();
    private final ListDataProvider<OrderRow> rows = new ListDataProvider<>(live.rows());
    private Disposable updates;
    private final boolean mayTrade;
    private final Select<OrderFilter.Group> statusFilter = new Select<>();
    private final TextField symbolFilter = new TextField("Symbol");

    OrdersView(OrderClient orders, TradingClient trading, org.mltrading.ui.marketdata.InstrumentCatalog instruments,
               AuthenticationContext authentication) {
        this.orders = orders;
        this.trading = trading;
        this.instruments = instruments;
        this.mayTrade = authentication.hasRole("TRADER");
        setSizeFull();

        // the shell's user menu has the user and "Log out": a second header here repeated them
        // (and a second element with the id "logout")
        var header = new H2("Orders");

        accountSelect.setId(ACCOUNT_SELECT_ID);
        accountSelect.setLabel("Account");
        accountSelect.setItemLabelGenerator(AccountOption::label);
        accountSelect.setEmptySelectionAllowed(false);
        accountSelect.setWidth("22em");
        accountSelect.addValueChangeListener(change -> showAccount(change.getValue()));

        grid.setId(GRID_ID);
        grid.setItems(rows);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(OrderRow::symbol).setHeader("Symbol").setKey("symbol").setAutoWidth(true);
        grid.addColumn(OrderRow::side).setHeader("Side").setKey("side").setAutoWidth(true);
        grid.addColumn(OrderRow::type).setHeader("Type").setKey("type").setAutoWidth(true);
        grid.addColumn(row -> formats.of(row.symbol()).quantity(row.quantity())).setHeader("Quantity").setKey("quantity").setAutoWidth(true);
        grid.addColumn(row -> formats.of(row.symbol()).price(row.limitPrice())).setHeader("Limit price").setKey("limitPrice")
                .setAutoWidth(true);
        grid.addColumn(row -> formats.of(row.symbol()).quantity(row.filledQuantity())).setHeader("Filled")
                .setKey("filledQuantity").setAutoWidth(true);
        grid.addColumn(row -> formats.of(row.symbol()).price(row.averagePrice())).setHeader("Avg price")
                .setKey("averagePrice").setAutoWidth(true);
        grid.addColumn(OrderRow::timeInForce).setHeader("TIF").setKey("timeInForce").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(OrdersView::statusBadge)).setHeader("Status").setKey("status").setAutoWidth(true);
        grid.addColumn(OrderRow::clientOrderId).setHeader("Client order id").setKey("clientOrderId")
                .setAutoWidth(true);
        grid.addColumn(row -> time(row.placedAt())).setHeader("Placed at (UTC)").setKey("placedAt")
                .setAutoWidth(true);
        grid.setPartNameGenerator(row -> row.status() == null ? null : "status-" + row.status().toLowerCase());
        if (mayTrade) {
            grid.addColumn(new ComponentRenderer<>(this::actions)).setHeader("").setKey("actions").setAutoWidth(true)
                    .setFlexGrow(0).setFrozenToEnd(true);
        }
        grid.setEmptyStateText("No orders in this account yet.");
        grid.setSizeFull();

        statusFilter.setId("orders-status-filter");
        statusFilter.setLabel("Status");
        statusFilter.setItems(OrderFilter.Group.values());
        statusFilter.setItemLabelGenerator(OrderFilter.Group::label);
        statusFilter.setValue(OrderFilter.Group.ALL);
        statusFilter.addValueChangeListener(change -> applyFilter());
        symbolFilter.setId("orders-symbol-filter");
        symbolFilter.setWidth("8em");
        symbolFilter.setClearButtonVisible(true);
        symbolFilter.setValueChangeMode(ValueChangeMode.LAZY);
        symbolFilter.addValueChangeListener(change -> applyFilter());
        HorizontalLayout bar = new HorizontalLayout(accountSelect, statusFilter, symbolFilter);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        if (mayTrade) {
            Button cancelAll = new Button("Cancel all open", click -> confirmCancelAll());
            cancelAll.setId("orders-cancel-all");
            cancelAll.addThemeVariants(ButtonVariant.LUMO_ERROR);
            bar.add(cancelAll);
        }

        add(header, bar, grid);
        expand(grid);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        formats = instruments.formats();
        if (accountSelect.getValue() == null) {
            loadAccounts();
        } else {
            // re-attached (e.g. navigated back): catch up and listen again
            showAccount(accountSelect.getValue());
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopUpdates();
        super.onDetach(detachEvent);
    }

    private void loadAccounts() {
        List<AccountOption> accounts;
        try {
            accounts = orders.accounts();
        } catch (RuntimeException failure) {
            showError("Accounts could not be loaded", failure);
            return;
        }
        accountSelect.setItems(accounts);
        if (accounts.isEmpty()) {
            accountSelect.setHelperText("You are not entitled to any account.");
        } else {
            accountSelect.setValue(accounts.get(0));
        }
    }

    private void showAccount(AccountOption account) {
        stopUpdates();
        live.replaceAll(List.of());
        rows.refreshAll();
        if (account == null) {
            return;
        }
        try {
            live.replaceAll(orders.recentOrders(account.id()));
        } catch (RuntimeException failure) {
            showError("Orders could not be loaded", failure);
        }
        rows.refreshAll();
        listenForUpdates(account);
    }

    private void listenForUpdates(AccountOption account) {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return;
        }
        try {
            updates = orders.orderUpdates(account.id()).subscribe(
                    update -> access(ui, () -> {
                        if (account.equals(accountSelect.getValue()) && live.apply(update)) {
                            rows.refreshAll();
                        }
                    }),
                    failure -> access(ui, () -> showError("Live order updates stopped", failure)));
        } catch (RuntimeException failure) {
            showError("Live order updates are unavailable", failure);
        }
    }

    private void stopUpdates() {
        if (updates != null) {
            updates.dispose();
            updates = null;
        }
    }

    private static void access(UI ui, com.vaadin.flow.server.Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException closed) {
            // the user has left; the detach listener cancels the subscription
        }
    }

    /** A short notification for the user; the details go to the log, never to the page. */
    private void showError(String what, Throwable failure) {
        String detail;
        if (failure instanceof GraphQlApiException api) {
            detail = api.userMessage();
        } else if (failure instanceof AccessTokens.NotLoggedInException notLoggedIn) {
            detail = notLoggedIn.getMessage();
        } else {
            detail = "An unexpected error occurred.";
        }
        log.warn("{}: {}", what, failure.toString());
        Notification notification = new Notification(what + ". " + detail, 8000, Notification.Position.TOP_CENTER);
        notification.setId(ERROR_NOTIFICATION_ID);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.open();
    }


    private void applyFilter() {
        OrderFilter filter = new OrderFilter(statusFilter.getValue(), symbolFilter.getValue());
        rows.setFilter(filter::test);
    }

    private static Span statusBadge(OrderRow row) {
        Span badge = new Span(statusText(row));
        badge.getElement().setAttribute("theme", statusTheme(row.status()));
        return badge;
    }

    private static String statusText(OrderRow row) {
        return row.status() == null ? "" : row.status().replace('_', ' ');
    }

    private static String statusTheme(String status) {
        return switch (status == null ? "" : status) {
            case "FILLED" -> "badge success small";
            case "REJECTED", "EXPIRED" -> "badge error small";
            case "CANCELLED" -> "badge contrast small";
            default -> "badge small";
        };
    }

    private Component actions(OrderRow row) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (row.amendable()) {
            Button amend = new Button("Amend", click -> openAmend(row));
            amend.setId("amend-" + row.clientOrderId());
            amend.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            actions.add(amend);
        }
        if (row.open()) {
            Button cancel = new Button("Cancel", click -> cancel(row));
            cancel.setId("cancel-" + row.clientOrderId());
            cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            actions.add(cancel);
        }
        return actions;
    }

    private void cancel(OrderRow row) {
        try {
            show(trading.cancel(row.id()));
        } catch (RuntimeException failure) {
            showError("The order could not be cancelled", failure);
        }
    }

    private void openAmend(OrderRow row) {
        new AmendOrderDialog("orders-amend", row.asDeskOrder(), (order, change) -> {
            try {
                show(trading.amend(order.id(), change));
                return true;
            } catch (RuntimeException failure) {
                showError("The order could not be amended", failure);
                return false;
            }
        }).open();
    }

    /** The mutation's answer, shown at once (the subscription's copy of it follows, and is not older). */
    private void show(DeskOrder answer) {
        if (live.apply(OrderRow.of(answer))) {
            rows.refreshAll();
        }
    }

    private void confirmCancelAll() {
        List<OrderRow> open = OrderFilter.cancellable(live.rows());
        if (open.isEmpty()) {
            Notification.show("No open orders to cancel.", 4000, Notification.Position.BOTTOM_END);
            return;
        }
        CancelAllDialog.open("orders-cancel-all", open.size(), "open", () -> cancelAll(open));
    }

    private void cancelAll(List<OrderRow> open) {
        CancelAll.Outcome outcome = CancelAll.each(open.stream().map(OrderRow::id).toList(), trading::cancel,
                cancelled -> live.apply(OrderRow.of(cancelled)));
        rows.refreshAll();
        String text = outcome.summary("open")
                + (outcome.complete() ? "." : "; the others could not be: " + outcome.firstFailure());
        Notification notification = new Notification(text, 6000, Notification.Position.BOTTOM_END);
        notification.setId("orders-cancel-all-outcome");
        notification.addThemeVariants(outcome.complete() ? NotificationVariant.LUMO_SUCCESS
                : NotificationVariant.LUMO_WARNING);
        notification.open();
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
