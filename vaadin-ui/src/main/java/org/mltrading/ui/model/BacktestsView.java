package org.mltrading.ui.model;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.mltrading.ui.graphql.GraphQlApiException;
import org.mltrading.ui.marketdata.ChartInterval;
import org.mltrading.ui.security.AccessTokens;
import org.mltrading.ui.shell.MainLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;

/**
 * Runs a backtest of a model on one symbol's stored bars and follows it live (the backtestProgress
 * subscription) to its metrics and equity curve. The form starts on the integrator's reference run:
 * AAPL daily bars of 2013 (load them with ops/import-history first).
 */
@Route(value = "backtests", layout = MainLayout.class)
@PageTitle("Backtests | ML Trading Platform")
@RolesAllowed({"TRADER", "INTEGRATOR", "RISK_OFFICER", "ADMIN"})
class BacktestsView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(BacktestsView.class);
    private static final double CURVE_WIDTH = 800;
    private static final double CURVE_HEIGHT = 240;

    private final ModelClient models;
    private final ComboBox<String> model = new ComboBox<>("Model");
    private final TextField symbol = new TextField("Symbol");
    private final Select<ChartInterval> interval = new Select<>();
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To (inclusive)");
    private final Button run = new Button("Run backtest");
    private final Span status = new Span();
    private final ProgressBar progress = new ProgressBar(0, 1, 0);
    private final Grid<MetricsTable.Line> metrics = new Grid<>();
    private final Svg equity = new Svg();
    private final H4 equityTitle = new H4("Equity (multiple of the initial equity)");
    private Disposable following;
    private final Grid<BacktestRun> history = new Grid<>();

    BacktestsView(ModelClient models) {
        this.models = models;
        setId("backtests");

        model.setId("backtest-model");
        model.setAllowCustomValue(false);
        symbol.setId("backtest-symbol");
        symbol.setValue("AAPL");
        interval.setId("backtest-interval");
        interval.setLabel("Interval");
        interval.setItems(ChartInterval.values());
        interval.setItemLabelGenerator(ChartInterval::label);
        interval.setValue(ChartInterval.ONE_DAY);
        from.setId("backtest-from");
        from.setValue(LocalDate.of(2013, 1, 1));
        to.setId("backtest-to");
        to.setValue(LocalDate.of(2013, 12, 31));
        run.setId("backtest-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(click -> submit());
        HorizontalLayout form = new HorizontalLayout(model, symbol, interval, from, to, run);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        status.setId("backtest-status");
        progress.setId("backtest-progress");
        progress.setVisible(false);
        metrics.setId("backtest-metrics");
        metrics.addThemeVariants(GridVariant.LUMO_COMPACT);
        metrics.addColumn(MetricsTable.Line::metric).setHeader("Metric").setKey("metric");
        metrics.addColumn(MetricsTable.Line::value).setHeader("Value").setKey("value");
        metrics.setAllRowsVisible(true);
        metrics.setWidth("420px");
        metrics.setVisible(false);
        equity.setId("backtest-equity");
        equity.setVisible(false);
        equityTitle.setVisible(false);

        history.setId("backtest-history");
        history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        history.addColumn(run -> run.model() + "@" + run.version()).setHeader("Model").setKey("model").setAutoWidth(true);
        history.addColumn(BacktestRun::symbol).setHeader("Symbol").setKey("symbol").setAutoWidth(true);
        history.addColumn(BacktestRun::interval).setHeader("Interval").setKey("interval").setAutoWidth(true);
        history.addColumn(run -> day(run.from()) + " – " + day(run.to())).setHeader("Bars of (UTC)").setKey("range")
                .setAutoWidth(true);
        history.addColumn(run -> run.status() + ("FAILED".equals(run.status()) && run.reason() != null
                ? ": " + run.reason() : "")).setHeader("Status").setKey("status").setAutoWidth(true);
        history.addColumn(run -> run.metrics() == null ? "" : ModelRegistry.percent(run.metrics().totalReturn()))
                .setHeader("Return").setKey("return").setAutoWidth(true);
        history.addColumn(run -> run.metrics() == null ? "" : String.format(java.util.Locale.ROOT, "%.2f",
                run.metrics().sharpe())).setHeader("Sharpe").setKey("sharpe").setAutoWidth(true);
        history.setAllRowsVisible(true);
        history.setEmptyStateText("No backtests yet.");
        // a past run opens with its metrics and equity curve
        history.asSingleSelect().addValueChangeListener(chosen -> {
            if (chosen.getValue() != null) {
                try {
                    BacktestRun full = models.backtest(chosen.getValue().id());
                    if (full != null) {
                        show(full);
                    }
                } catch (RuntimeException failure) {
                    showError("The backtest could not be loaded", failure);
                }
            }
        });

        add(new H3("Backtests"), form, status, progress, metrics, equityTitle, equity, new H4("Past runs"), history);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        try {
            model.setItems(models.models().stream().map(ModelInfo::name).sorted().toList());
            model.getListDataView().getItems().findFirst().ifPresent(model::setValue);
        } catch (RuntimeException failure) {
            showError("Models could not be loaded", failure);
        }
        loadHistory();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopFollowing();
        super.onDetach(detachEvent);
    }

    private void submit() {
        Map<String, HasValidation> fields =
                Map.of("model", model, "symbol", symbol, "interval", interval, "from", from, "to", to);
        fields.values().forEach(field -> field.setInvalid(false));
        BacktestRequest.Outcome outcome = BacktestRequest.of(model.getValue(), symbol.getValue(),
                interval.getValue() == null ? null : interval.getValue().name(), from.getValue(), to.getValue());
        if (!outcome.valid()) {
            for (BacktestRequest.Problem problem : outcome.problems()) {
                fields.get(problem.field()).setErrorMessage(problem.message());
                fields.get(problem.field()).setInvalid(true);
            }
            return;
        }
        BacktestRun started;
        try {
            started = models.runBacktest(outcome.request());
        } catch (RuntimeException failure) {
            showError("The backtest could not be started", failure);
            return;
        }
        show(started);
        if (!started.finished()) {
            follow(started.id());
        }
    }

    private void follow(String id) {
        stopFollowing();
        UI ui = UI.getCurrent();
        run.setEnabled(false);
        following = models.progress(id).subscribe(
                update -> access(ui, () -> show(update)),
                failure -> access(ui, () -> {
                    showError("Progress stopped arriving", failure);
                    run.setEnabled(true);
                }),
                () -> access(ui, () -> run.setEnabled(true)));
    }

    private void stopFollowing() {
        if (following != null) {
            following.dispose();
            following = null;
        }
    }

    private static void access(UI ui, com.vaadin.flow.server.Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException closed) {
            // the user has left; onDetach disposes the subscription
        }
    }

    private void show(BacktestRun backtest) {
        String what = backtest.model() + "@" + backtest.version() + " on " + backtest.symbol() + " "
                + backtest.interval() + ": " + backtest.status();
        if ("FAILED".equals(backtest.status())) {
            what += " — " + backtest.reason();
        } else if (!backtest.finished()) {
            what += " (" + backtest.barsProcessed()
                    + (backtest.barsTotal() == null ? "" : " of " + backtest.barsTotal()) + " bars)";
        }
        status.setText(what);
        status.getElement().getThemeList().clear();
        status.getElement().getThemeList().add(switch (backtest.status()) {
            case "COMPLETED" -> "badge success";
            case "FAILED" -> "badge error";
            default -> "badge";
        });
        progress.setVisible(!backtest.finished());
        progress.setValue(Math.max(0, Math.min(1, backtest.progress())));
        if (backtest.finished()) {
            run.setEnabled(true);
            loadHistory();
        }
        boolean hasMetrics = backtest.metrics() != null;
        metrics.setVisible(hasMetrics);
        metrics.setItems(hasMetrics ? MetricsTable.lines(backtest.metrics()) : List.of());
        String curve = EquityCurve.polyline(backtest.equity(), CURVE_WIDTH, CURVE_HEIGHT);
        equity.setVisible(!curve.isEmpty());
        equityTitle.setVisible(!curve.isEmpty());
        if (!curve.isEmpty()) {
            equity.setSvg("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + (int) CURVE_WIDTH + " "
                    + (int) CURVE_HEIGHT + "\" width=\"100%\" height=\"" + (int) CURVE_HEIGHT + "\" "
                    + "preserveAspectRatio=\"none\"><polyline fill=\"none\" stroke=\"var(--lumo-primary-color)\" "
                    + "stroke-width=\"1.5\" vector-effect=\"non-scaling-stroke\" points=\"" + curve + "\"/></svg>");
        }
    }

    private void loadHistory() {
        try {
            history.setItems(models.backtests());
        } catch (RuntimeException failure) {
            showError("Past backtests could not be loaded", failure);
        }
    }

    private static String day(java.time.Instant instant) {
        return instant == null ? "" : instant.atOffset(java.time.ZoneOffset.UTC).toLocalDate().toString();
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
