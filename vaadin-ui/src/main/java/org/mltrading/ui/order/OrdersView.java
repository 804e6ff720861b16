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
import org.mltrading.ui.graphql.GraphQlApiException;
import org.mltrading.ui.security.AccessTokens;
import org.mltrading.ui.shell.MainLayout;
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
    private final org.mltrading.ui.marketdata.InstrumentCatalog instruments;
    /** Ticks and lots, read on attach: quantities to the lot, prices to the tick. */
    private org.mltrading.ui.shell.InstrumentFormats formats = new org.mltrading.ui.shell.InstrumentFormats();
    private final Select<AccountOption> accountSelect = new Select<>();
    private final Grid<OrderRow> grid = new Grid<>(OrderRow.class, false);
    private final LiveOrders live = new LiveOrders();
    private final ListDataProvider<OrderRow> rows = new ListDataProvider<>(live.rows());
    private Disposable updates;

    OrdersView(OrderClient orders, org.mltrading.ui.marketdata.InstrumentCatalog instruments) {
        this.orders = orders;
        this.instruments = instruments;
        setSizeFull();

        // the shell's user menu has the user and "Log out": a second header here repeated them
        // (and a second element with the id "logout")
        var header = new H2("Orders");

        accountSelect.setId(ACCOUNT_SELECT_ID);
        accountSelect.setLabel("Account");
        accountSelect.setItemLabelGenerator(AccountOption::label);
        accountSelect.setEmptySelectionAllowed(false);
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
        grid.addColumn(OrderRow::status).setHeader("Status").setKey("status").setAutoWidth(true);
        grid.addColumn(OrderRow::clientOrderId).setHeader("Client order id").setKey("clientOrderId")
                .setAutoWidth(true);
        grid.addColumn(row -> time(row.placedAt())).setHeader("Placed at (UTC)").setKey("placedAt")
                .setAutoWidth(true);
        grid.setPartNameGenerator(row -> row.status() == null ? null : "status-" + row.status().toLowerCase());
        grid.setEmptyStateText("No orders in this account yet.");
        grid.setSizeFull();

        add(header, accountSelect, grid);
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


    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
