package org.mltrading.ui.news;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.mltrading.ui.graphql.GraphQlApiException;
import org.mltrading.ui.marketdata.InstrumentInfo;
import org.mltrading.ui.marketdata.MarketDataClient;
import org.mltrading.ui.shell.MainLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * News impact: the event study of an instrument's news in a date range — per item and window the raw
 * and the abnormal return, its t-statistic and abnormal volume — and the same aggregated by source, kind
 * and sentiment. All from the API's {@code newsImpact} and {@code newsImpactSummary}.
 */
@Route(value = "news-impact", layout = MainLayout.class)
@PageTitle("News impact | ML Trading Platform")
@RolesAllowed({"TRADER", "INTEGRATOR", "RISK_OFFICER", "COMPLIANCE", "ADMIN"})
class NewsImpactView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(NewsImpactView.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final NewsClient news;
    private final MarketDataClient marketData;
    private final ComboBox<String> symbol = new ComboBox<>("Instrument");
    private final DatePicker from = new DatePicker("From (UTC)");
    private final DatePicker to = new DatePicker("To (UTC)");
    private final Grid<NewsClient.Impact> impacts = new Grid<>();
    private final Grid<NewsClient.ImpactGroup> summary = new Grid<>();

    NewsImpactView(NewsClient news, MarketDataClient marketData) {
        this.news = news;
        this.marketData = marketData;
        setSizeFull();
        symbol.setId("impact-symbol");
        from.setId("impact-from");
        to.setId("impact-to");
        to.setValue(LocalDate.now(ZoneOffset.UTC));
        from.setValue(LocalDate.now(ZoneOffset.UTC).minusDays(30));
        Button study = new Button("Study", click -> study());
        study.setId("impact-study");
        study.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(symbol, from, to, study);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);

        impacts.setId("news-impact-grid");
        impacts.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        impacts.addColumn(i -> TIME.format(i.publishedAt())).setHeader("Published (UTC)").setKey("published").setAutoWidth(true)
                .setFlexGrow(0);
        impacts.addColumn(NewsClient.Impact::headline).setHeader("Headline").setKey("headline").setFlexGrow(1);
        impacts.addColumn(NewsClient.Impact::window).setHeader("Window").setKey("window").setAutoWidth(true).setFlexGrow(0);
        impacts.addColumn(i -> i.interval().replace('_', ' ').toLowerCase(Locale.ROOT)).setHeader("Bars").setKey("interval")
                .setAutoWidth(true).setFlexGrow(0);
        impacts.addColumn(i -> percent(i.rawReturn())).setHeader("Raw").setKey("raw").setAutoWidth(true).setFlexGrow(0);
        impacts.addColumn(i -> percent(i.abnormalReturn())).setHeader("Abnormal (CAR)").setKey("abnormal").setAutoWidth(true)
                .setFlexGrow(0);
        impacts.addColumn(i -> i.tStatistic() == null ? "" : String.format(Locale.ROOT, "%.2f", i.tStatistic()))
                .setHeader("t").setKey("t").setAutoWidth(true).setFlexGrow(0);
        impacts.addColumn(i -> i.abnormalVolume() == null ? "" : percent(i.abnormalVolume())).setHeader("Abn. volume")
                .setKey("volume").setAutoWidth(true).setFlexGrow(0);
        impacts.addColumn(i -> i.model().equals("MARKET_MODEL") ? "market model (" + i.benchmark() + ")" : "mean-adjusted")
                .setHeader("Expected").setKey("model").setAutoWidth(true).setFlexGrow(0);
        impacts.setPartNameGenerator(i -> i.abnormalReturn() >= 0 ? "pnl-up" : "pnl-down");
        impacts.setEmptyStateText("No news of this instrument with enough bars around it in the range.");

        summary.setId("news-impact-summary");
        summary.addThemeVariants(GridVariant.LUMO_COMPACT);
        summary.addColumn(g -> g.grouping().toLowerCase(Locale.ROOT) + ": " + g.key()).setHeader("Group").setKey("group")
                .setAutoWidth(true);
        summary.addColumn(NewsClient.ImpactGroup::window).setHeader("Window").setKey("window").setAutoWidth(true);
        summary.addColumn(NewsClient.ImpactGroup::events).setHeader("Events").setKey("events").setAutoWidth(true);
        summary.addColumn(g -> percent(g.meanRawReturn())).setHeader("Mean raw").setKey("raw").setAutoWidth(true);
        summary.addColumn(g -> percent(g.meanAbnormalReturn())).setHeader("Mean abnormal").setKey("abnormal").setAutoWidth(true);
        summary.addColumn(g -> g.tStatistic() == null ? "" : String.format(Locale.ROOT, "%.2f", g.tStatistic()))
                .setHeader("t").setKey("t").setAutoWidth(true);
        summary.addColumn(g -> String.format(Locale.ROOT, "%.0f %%", 100 * g.positiveShare())).setHeader("Positive")
                .setKey("positive").setAutoWidth(true);
        summary.setEmptyStateText("");

        add(new H3("News impact"), new Paragraph("Bar 0 is the last bar closed at or before the item; a US equity's"
                + " daily bar closes at 16:00 New York. Windows run from bar a's close to bar b's close; abnormal ="
                + " raw minus expected (market model against SPY where it has bars, else the estimation mean)."),
                form, impacts, new H4("By source, kind and sentiment"), summary);
        setFlexGrow(2, impacts);
        setFlexGrow(1, summary);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (symbol.getValue() == null) {
            try {
                List<String> symbols = marketData.instruments().stream().map(InstrumentInfo::symbol).toList();
                symbol.setItems(symbols);
                if (!symbols.isEmpty()) {
                    symbol.setValue(symbols.contains("AAPL") ? "AAPL" : symbols.get(0));
                }
            } catch (RuntimeException failure) {
                showError("Instruments could not be loaded", failure);
            }
        }
    }

    private void study() {
        if (symbol.getValue() == null || from.getValue() == null || to.getValue() == null) {
            showError("Choose an instrument and a range", null);
            return;
        }
        if (from.getValue().isAfter(to.getValue())) {
            showError("From must not be after to", null);
            return;
        }
        var start = from.getValue().atStartOfDay(ZoneOffset.UTC).toInstant();
        var end = to.getValue().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        try {
            impacts.setItems(news.impacts(symbol.getValue(), start, end));
            summary.setItems(news.impactSummary(symbol.getValue(), start, end));
        } catch (RuntimeException failure) {
            showError("The news impact could not be computed", failure);
        }
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%+.2f %%", 100 * fraction);
    }

    private void showError(String what, Throwable failure) {
        String detail = failure instanceof GraphQlApiException api ? " " + api.userMessage() : failure == null ? "" : " An unexpected error occurred.";
        if (failure != null) {
            log.warn("{}: {}", what, failure.toString());
        }
        Notification notification = new Notification(what + "." + detail, 8000, Notification.Position.TOP_CENTER);
        notification.setId("api-error");
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.open();
    }
}
