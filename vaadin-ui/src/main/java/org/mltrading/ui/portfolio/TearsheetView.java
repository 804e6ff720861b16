package org.mltrading.ui.portfolio;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import org.mltrading.ui.graphql.GraphQlApiException;
import org.mltrading.ui.model.EquityCurve;
import org.mltrading.ui.order.AccountOption;
import org.mltrading.ui.order.OrderClient;
import org.mltrading.ui.shell.InstrumentFormat;
import org.mltrading.ui.shell.MainLayout;

/**
 * An account's performance tearsheet: figures, the equity curve (from its own fills, marked on stored closes),
 * P&amp;L attribution by instrument, and the same as CSV and PDF downloads. Ids: {@code tearsheet-account},
 * {@code tearsheet-figures}, {@code tearsheet-curve}, {@code tearsheet-attribution}, {@code tearsheet-csv},
 * {@code tearsheet-pdf}.
 */
@Route(value = "tearsheet", layout = MainLayout.class)
@PageTitle("Tearsheet | ML Trading Platform")
@RolesAllowed({"TRADER", "RISK_OFFICER", "COMPLIANCE", "ADMIN"})
class TearsheetView extends VerticalLayout {

    private static final double CURVE_WIDTH = 800;
    private static final double CURVE_HEIGHT = 220;

    private static final java.time.format.DateTimeFormatter MINUTE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneOffset.UTC);

    record Figure(String name, String value) {
    }

    private final TearsheetClient tearsheets;
    private final OrderClient orders;
    private final ComboBox<AccountOption> account = new ComboBox<>("Account");
    private final Grid<Figure> figures = new Grid<>();
    private final Svg curve = new Svg();
    private final Grid<TearsheetClient.Attribution> attribution = new Grid<>();
    private final HorizontalLayout downloads = new HorizontalLayout();

    TearsheetView(TearsheetClient tearsheets, OrderClient orders) {
        this.tearsheets = tearsheets;
        this.orders = orders;
        setId("tearsheet");
        account.setId("tearsheet-account");
        account.setItemLabelGenerator(option -> option.name() + " (" + option.id() + ")");
        account.setWidth("360px");
        account.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                show(change.getValue());
            }
        });
        figures.setId("tearsheet-figures");
        figures.addThemeVariants(GridVariant.LUMO_COMPACT);
        figures.addColumn(Figure::name).setHeader("Figure").setKey("name").setAutoWidth(true);
        figures.addColumn(Figure::value).setHeader("Value").setKey("value").setTextAlign(ColumnTextAlign.END).setFlexGrow(1);
        figures.setAllRowsVisible(true);
        figures.setWidth("620px");
        curve.setId("tearsheet-curve");
        curve.getElement().getStyle().set("width", "100%");
        attribution.setId("tearsheet-attribution");
        attribution.addThemeVariants(GridVariant.LUMO_COMPACT);
        attribution.addColumn(TearsheetClient.Attribution::symbol).setHeader("Instrument").setKey("symbol");
        attribution.addColumn(a -> a.pnl().toPlainString()).setHeader("P&L").setKey("pnl").setTextAlign(ColumnTextAlign.END);
        attribution.addColumn(a -> a.fees().toPlainString()).setHeader("Fees").setKey("fees").setTextAlign(ColumnTextAlign.END);
        attribution.addColumn(a -> percent(a.share())).setHeader("Share").setKey("share").setTextAlign(ColumnTextAlign.END);
        attribution.setAllRowsVisible(true);
        attribution.setEmptyStateText("No fills in the window.");
        add(new H3("Tearsheet"), account, downloads, figures, new H4("Equity"), curve, new H4("P&L attribution"), attribution);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        try {
            List<AccountOption> options = orders.accounts();
            account.setItems(options);
            if (!options.isEmpty() && account.getValue() == null) {
                account.setValue(options.get(0));
            }
        } catch (RuntimeException failure) {
            error("Accounts could not be loaded", failure);
        }
    }

    private void show(AccountOption option) {
        TearsheetClient.Sheet sheet;
        try {
            sheet = tearsheets.tearsheet(option.id());
        } catch (RuntimeException failure) {
            error("The tearsheet could not be computed", failure);
            return;
        }
        String currency = sheet.currency();
        figures.setItems(List.of(
                new Figure("Window", MINUTE.format(sheet.from()) + " to " + MINUTE.format(sheet.to()) + " UTC"),
                new Figure("Marked on", sheet.interval().toLowerCase(Locale.ROOT).replace('_', ' ') + " closes"),
                new Figure("Start equity", InstrumentFormat.money(sheet.startEquity(), currency)),
                new Figure("End equity", InstrumentFormat.money(sheet.endEquity(), currency)),
                new Figure("Total return", percent(sheet.totalReturn())),
                new Figure("Annualised return", sheet.annualisedReturn() == null ? "n/a" : percent(sheet.annualisedReturn())),
                new Figure("Volatility (annualised)", sheet.volatility() == null ? "n/a" : percent(sheet.volatility())),
                new Figure("Sharpe ratio", ratio(sheet.sharpeRatio())),
                new Figure("Sortino ratio", ratio(sheet.sortinoRatio())),
                new Figure("Max drawdown", percent(sheet.maxDrawdown())),
                new Figure("Turnover", String.format(Locale.ROOT, "%.4f × average equity", sheet.turnover())),
                new Figure("Fills", Integer.toString(sheet.fills()))));
        String points = EquityCurve.polyline(sheet.equityCurve(), CURVE_WIDTH, CURVE_HEIGHT);
        curve.setSvg("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + (int) CURVE_WIDTH + " " + (int) CURVE_HEIGHT
                + "\" width=\"100%\" height=\"" + (int) CURVE_HEIGHT + "\" preserveAspectRatio=\"none\"><polyline fill=\"none\""
                + " stroke=\"var(--lumo-primary-color)\" stroke-width=\"1.5\" vector-effect=\"non-scaling-stroke\" points=\""
                + points + "\"/></svg>");
        attribution.setItems(sheet.attribution() == null ? List.of() : sheet.attribution());
        downloads.removeAll();
        downloads.add(download(option.id(), "CSV", "tearsheet-csv"), download(option.id(), "PDF", "tearsheet-pdf"));
    }

    /** The file is made when the link is followed, from the same figures. */
    private Anchor download(String accountId, String format, String id) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            TearsheetClient.Document document = tearsheets.document(accountId, format);
            byte[] bytes = document.bytes();
            return new DownloadResponse(new ByteArrayInputStream(bytes), document.fileName(), document.contentType(),
                    bytes.length);
        }), "Download " + format);
        link.setId(id);
        return link;
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f %%", fraction * 100);
    }

    private static String ratio(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static void error(String what, RuntimeException failure) {
        String detail = failure instanceof GraphQlApiException api ? api.userMessage() : "An unexpected error occurred.";
        Notification notification = new Notification(what + ". " + detail, 8000, Notification.Position.TOP_CENTER);
        notification.setId("api-error");
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.open();
    }
}
