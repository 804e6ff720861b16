package org.mltrading.ui.strategy;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
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
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.mltrading.ui.graphql.GraphQlApiException;
import org.mltrading.ui.order.AccountOption;
import org.mltrading.ui.shell.Formats;
import org.mltrading.ui.shell.MainLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paper strategies of an account: start one (traders), stop one (traders, risk officers, admins,
 * with a reason), and each strategy's orders with the prediction behind them.
 */
@Route(value = "strategies", layout = MainLayout.class)
@PageTitle("Strategies | ML Trading Platform")
@RolesAllowed({"TRADER", "RISK_OFFICER", "COMPLIANCE", "ADMIN"})
class StrategiesView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(StrategiesView.class);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final StrategyClient strategies;
    private final boolean mayStart;
    private final boolean mayStop;
    private final Select<AccountOption> account = new Select<>();
    private final Grid<StrategyRow> grid = new Grid<>();
    private final Span ordersHeading = new Span("Select a strategy to see its orders.");
    private final Grid<StrategyOrder> orders = new Grid<>();

    StrategiesView(StrategyClient strategies, AuthenticationContext authentication) {
        this.strategies = strategies;
        this.mayStart = authentication.hasRole("TRADER");
        this.mayStop = authentication.hasAnyRole("TRADER", "RISK_OFFICER", "ADMIN");
        setId("strategies");
        setSizeFull();

        account.setId("strategy-account");
        account.setLabel("Account");
        account.setItemLabelGenerator(AccountOption::label);
        account.addValueChangeListener(change -> refresh());

        grid.setId("strategy-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(StrategyRow::modelLabel).setHeader("Model").setKey("model").setAutoWidth(true);
        grid.addColumn(StrategyRow::symbol).setHeader("Symbol").setKey("symbol").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(row -> badge(row.status(), row.active() ? "badge success" : "badge contrast")))
                .setHeader("Status").setKey("status").setAutoWidth(true);
        grid.addColumn(row -> Formats.number(row.position())).setHeader("Position").setKey("position").setAutoWidth(true);
        grid.addColumn(row -> Formats.number(row.openQuantity())).setHeader("Open").setKey("open").setAutoWidth(true);
        grid.addColumn(StrategyRow::ordersDecided).setHeader("Orders").setKey("orders").setAutoWidth(true);
        grid.addColumn(row -> Formats.number(row.orderQuantity()) + " / max " + Formats.number(row.maxPosition())
                        + (row.longOnly() ? ", long only" : ""))
                .setHeader("Per order / cap").setKey("sizing").setAutoWidth(true);
        grid.addColumn(row -> row.startedBy() + ", " + time(row.startedAt())).setHeader("Started (UTC)")
                .setKey("started").setAutoWidth(true);
        grid.addColumn(row -> row.stoppedAt() == null ? "" : row.stoppedBy() + ", " + time(row.stoppedAt())
                        + (row.stopReason() == null ? "" : ": " + row.stopReason()))
                .setHeader("Stopped (UTC)").setKey("stopped").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(this::stopButton)).setHeader("").setKey("actions").setAutoWidth(true)
                .setFrozenToEnd(true);
        grid.setEmptyStateText("No strategies in this account.");
        grid.asSingleSelect().addValueChangeListener(selected -> showOrders(selected.getValue()));

        ordersHeading.setId("strategy-orders-heading");
        orders.setId("strategy-orders");
        orders.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        orders.addColumn(order -> time(order.placedAt())).setHeader("Placed (UTC)").setKey("placed").setAutoWidth(true)
                .setFlexGrow(0);
        orders.addColumn(StrategyOrder::side).setHeader("Side").setKey("side").setAutoWidth(true).setFlexGrow(0);
        orders.addColumn(order -> Formats.number(order.quantity())).setHeader("Quantity").setKey("quantity")
                .setAutoWidth(true).setFlexGrow(0);
        orders.addColumn(new ComponentRenderer<>(order -> badge(order.status(), statusTheme(order.status()))))
                .setHeader("Status").setKey("status").setAutoWidth(true).setFlexGrow(0);
        orders.addColumn(order -> Formats.number(order.filledQuantity())
                        + (order.averagePrice() == null ? "" : " @ " + Formats.number(order.averagePrice())))
                .setHeader("Filled").setKey("filled").setAutoWidth(true).setFlexGrow(0);
        orders.addColumn(StrategyOrder::provenanceText).setHeader("Why (provenance)").setKey("provenance").setFlexGrow(1);
        orders.setEmptyStateText("No orders of this strategy among the account's newest.");

        add(new H3("Strategies"), account);
        if (mayStart) {
            add(startForm());
        }
        add(grid, ordersHeading, orders);
        setFlexGrow(1, grid, orders);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (account.getValue() == null) {
            try {
                List<AccountOption> accounts = strategies.accounts();
                account.setItems(accounts);
                if (!accounts.isEmpty()) {
                    account.setValue(accounts.get(0));
                }
            } catch (RuntimeException failure) {
                showError("Accounts could not be loaded", failure);
            }
        }
    }

    private Component startForm() {
        TextField model = new TextField("Model");
        model.setId("strategy-model");
        model.setHelperText("name or id; its PRODUCTION version trades");
        TextField symbol = new TextField("Symbol");
        symbol.setId("strategy-symbol");
        symbol.setWidth("7em");
        BigDecimalField quantity = new BigDecimalField("Units per order");
        quantity.setId("strategy-quantity");
        quantity.setWidth("9em");
        BigDecimalField cap = new BigDecimalField("Position cap");
        cap.setId("strategy-cap");
        cap.setWidth("9em");
        NumberField threshold = new NumberField("Entry threshold (bp)");
        threshold.setId("strategy-threshold");
        threshold.setHelperText("forecast log return to exceed");
        threshold.setWidth("11em");
        Checkbox longOnly = new Checkbox("Long only");
        longOnly.setId("strategy-long-only");
        TextField reason = new TextField("Reason");
        reason.setId("strategy-reason");
        Button start = new Button("Start strategy", click -> {
            if (account.getValue() == null || model.isEmpty() || symbol.isEmpty() || quantity.isEmpty() || cap.isEmpty()) {
                model.setErrorMessage("Give the model, symbol, units per order and the position cap.");
                model.setInvalid(true);
                return;
            }
            model.setInvalid(false);
            try {
                strategies.start(new StrategyClient.StartRequest(account.getValue().id(), model.getValue(),
                        symbol.getValue().toUpperCase(java.util.Locale.ROOT), quantity.getValue(), cap.getValue(),
                        threshold.getValue() == null ? null : threshold.getValue() / 10_000, longOnly.getValue(),
                        reason.getValue()));
                Notification.show("Strategy started", 4000, Notification.Position.BOTTOM_END)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (RuntimeException failure) {
                showError("The strategy could not be started", failure);
            }
        });
        start.setId("strategy-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(model, symbol, quantity, cap, threshold, longOnly, reason, start);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        Details details = new Details("Start a strategy", form);
        details.setId("strategy-start-form");
        return details;
    }

    private Component stopButton(StrategyRow row) {
        if (!mayStop || !row.active()) {
            return new Span();
        }
        Button stop = new Button("Stop", click -> confirmStop(row));
        stop.setId("stop-" + row.id());
        stop.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        return stop;
    }

    private void confirmStop(StrategyRow row) {
        Dialog dialog = new Dialog();
        dialog.setId("stop-dialog");
        dialog.setHeaderTitle("Stop " + row.modelLabel() + " on " + row.symbol() + "?");
        TextField reason = new TextField("Reason");
        reason.setId("stop-reason");
        reason.setWidthFull();
        dialog.add(new Span("It places no further orders; its open orders stay."), reason);
        Button confirm = new Button("Stop strategy", click -> {
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage("Say why, for the audit trail.");
                reason.setInvalid(true);
                return;
            }
            try {
                strategies.stop(row.id(), reason.getValue());
                dialog.close();
                refresh();
            } catch (RuntimeException failure) {
                showError("The strategy could not be stopped", failure);
            }
        });
        confirm.setId("stop-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Keep running", click -> dialog.close());
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    private void refresh() {
        AccountOption selected = account.getValue();
        if (selected == null) {
            grid.setItems(List.of());
            return;
        }
        try {
            grid.setItems(strategies.strategies(selected.id()));
        } catch (RuntimeException failure) {
            showError("Strategies could not be loaded", failure);
        }
        showOrders(null);
    }

    private void showOrders(StrategyRow strategy) {
        if (strategy == null) {
            ordersHeading.setText("Select a strategy to see its orders.");
            orders.setItems(List.of());
            return;
        }
        try {
            List<StrategyOrder> placed = strategies.ordersOf(strategy);
            ordersHeading.setText("Orders of " + strategy.modelLabel() + " on " + strategy.symbol() + ": "
                    + placed.size());
            orders.setItems(placed);
        } catch (RuntimeException failure) {
            showError("The strategy's orders could not be loaded", failure);
        }
    }

    private static Span badge(String text, String theme) {
        Span badge = new Span(text == null ? "" : text.replace('_', ' '));
        badge.getElement().getThemeList().add(theme);
        return badge;
    }

    private static String statusTheme(String status) {
        return switch (status == null ? "" : status) {
            case "FILLED" -> "badge success";
            case "REJECTED", "EXPIRED" -> "badge error";
            case "CANCELLED" -> "badge contrast";
            default -> "badge";
        };
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    private void showError(String what, RuntimeException failure) {
        String detail = failure instanceof GraphQlApiException api ? api.userMessage() : "An unexpected error occurred.";
        log.warn("{}: {}", what, failure.toString());
        Notification notification = new Notification(what + ". " + detail, 8000, Notification.Position.TOP_CENTER);
        notification.setId("api-error");
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.open();
    }
}
