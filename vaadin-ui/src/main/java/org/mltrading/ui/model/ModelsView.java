package org.mltrading.ui.model;

import static org.mltrading.ui.model.ModelRegistry.percent;
import static org.mltrading.ui.model.ModelRegistry.ratio;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.function.Function;
import org.mltrading.ui.graphql.GraphQlApiException;
import org.mltrading.ui.security.AccessTokens;
import org.mltrading.ui.shell.MainLayout;
import org.mltrading.ui.shell.NotificationCenter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model registry: every model version with its status, validation metrics and live score.
 * Everyone logged in may read it; promote and retire are shown only to ADMIN and RISK_OFFICER (the
 * API enforces the same roles and the promotion thresholds).
 */
@Route(value = "models", layout = MainLayout.class)
@PageTitle("Models | ML Trading Platform")
@PermitAll
class ModelsView extends VerticalLayout {

    private static final java.time.format.DateTimeFormatter REGISTERED = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneOffset.UTC);

    private static final Logger log = LoggerFactory.getLogger(ModelsView.class);

    private final ModelClient models;
    private final NotificationCenter notifications;
    private final boolean mayManage;
    private final Grid<ModelRegistry.Row> versions = new Grid<>();

    ModelsView(ModelClient models, NotificationCenter notifications, AuthenticationContext authentication) {
        this.models = models;
        this.notifications = notifications;
        this.mayManage = authentication.hasAnyRole("ADMIN", "RISK_OFFICER");
        setId("models");
        setSizeFull();

        versions.setId("model-versions");
        versions.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        versions.addColumn(ModelRegistry.Row::model).setHeader("Model").setKey("model").setAutoWidth(true);
        versions.addColumn(ModelRegistry.Row::kind).setHeader("Kind").setKey("kind").setAutoWidth(true);
        versions.addColumn(row -> row.version().version()).setHeader("Version").setKey("version").setAutoWidth(true);
        versions.addComponentColumn(ModelsView::status).setHeader("Status").setKey("status").setAutoWidth(true);
        versions.addColumn(row -> ModelRegistry.validationSummary(row.version())).setHeader("Validation")
                .setKey("validation").setAutoWidth(true);
        metricColumn("Return", "totalReturn", m -> percent(m.totalReturn()));
        metricColumn("Benchmark", "benchmarkReturn", m -> percent(m.benchmarkReturn()));
        metricColumn("Sharpe", "sharpe", m -> ratio(m.sharpe()));
        metricColumn("Max DD", "maxDrawdown", m -> percent(m.maxDrawdown()));
        metricColumn("Trades", "trades", m -> Integer.toString(m.trades()));
        metricColumn("Win rate", "winRate", m -> percent(m.winRate()));
        versions.addColumn(row -> ModelRegistry.liveScoreSummary(row.version().liveScore())).setHeader("Live score")
                .setKey("liveScore").setAutoWidth(true);
        // UTC on a 24-hour clock to the second, as everywhere else; the raw ISO instant was hard to read
        versions.addColumn(row -> row.version().registeredAt() == null ? ""
                : REGISTERED.format(row.version().registeredAt())).setHeader("Registered (UTC)").setKey("registered");
        versions.addComponentColumn(this::actions).setHeader("Lifecycle").setKey("actions").setAutoWidth(true)
                .setVisible(mayManage);
        versions.setItemDetailsRenderer(new ComponentRenderer<>(row ->
                new Span("Features: " + String.join(", ", row.version().features())
                        + (row.version().retiredReason() == null ? "" : " · Retired: " + row.version().retiredReason()))));
        versions.setEmptyStateText("No models are registered.");
        versions.setSizeFull();

        add(new H3("Models"), versions);
        expand(versions);
    }

    private void metricColumn(String header, String key, Function<BacktestMetrics, String> format) {
        versions.addColumn(row -> row.metrics() == null ? "" : format.apply(row.metrics()))
                .setHeader(header).setKey(key).setAutoWidth(true);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        refresh();
    }

    private void refresh() {
        try {
            versions.setItems(ModelRegistry.rows(models.models(), mayManage));
        } catch (RuntimeException failure) {
            showError("Models could not be loaded", failure);
        }
    }

    private static Span status(ModelRegistry.Row row) {
        Span status = new Span(row.version().status());
        status.getElement().getThemeList().add(switch (row.version().status()) {
            case "PRODUCTION" -> "badge success";
            case "VALIDATED" -> "badge";
            case "RETIRED" -> "badge contrast";
            default -> "badge warning";
        });
        return status;
    }

    private HorizontalLayout actions(ModelRegistry.Row row) {
        HorizontalLayout actions = new HorizontalLayout();
        if (row.canPromote()) {
            Button promote = new Button("Promote", click -> promote(row));
            promote.setId("promote-" + row.key());
            promote.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
            actions.add(promote);
        }
        if (row.canRetire()) {
            Button retire = new Button("Retire", click -> confirmRetire(row));
            retire.setId("retire-" + row.key());
            retire.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            actions.add(retire);
        }
        return actions;
    }

    private void promote(ModelRegistry.Row row) {
        try {
            models.promote(row.model(), row.version().version());
            notifications.post(NotificationCenter.Level.SUCCESS, row.key() + " is in production");
            refresh();
        } catch (RuntimeException failure) {
            showError(row.key() + " could not be promoted", failure);
        }
    }

    private void confirmRetire(ModelRegistry.Row row) {
        Dialog dialog = new Dialog();
        dialog.setId("retire-dialog");
        dialog.setHeaderTitle("Retire " + row.key() + "?");
        TextField reason = new TextField("Reason");
        reason.setId("retire-reason");
        reason.setRequired(true);
        reason.setWidthFull();
        dialog.add(new Span("A retired version stops predicting and cannot be promoted again."), reason);
        Button retire = new Button("Retire", click -> {
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage("Give a reason: it is recorded with the version.");
                reason.setInvalid(true);
                return;
            }
            try {
                models.retire(row.model(), row.version().version(), reason.getValue().trim());
                notifications.post(NotificationCenter.Level.WARNING, row.key() + " retired");
                dialog.close();
                refresh();
            } catch (RuntimeException failure) {
                showError(row.key() + " could not be retired", failure);
            }
        });
        retire.setId("retire-confirm");
        retire.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), retire);
        dialog.open();
    }

    private void showError(String what, Throwable failure) {
        String detail = failure instanceof GraphQlApiException api ? api.userMessage()
                : failure instanceof AccessTokens.NotLoggedInException n ? n.getMessage() : "An unexpected error occurred.";
        log.warn("{}: {}", what, failure.toString());
        Notification notification = new Notification(what + ". " + detail, 8000, Notification.Position.TOP_CENTER);
        notification.setId("api-error");
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.open();
    }
}
