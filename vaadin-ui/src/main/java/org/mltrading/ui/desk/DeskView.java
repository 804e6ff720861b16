package org.mltrading.ui.desk;

import static org.mltrading.ui.shell.Formats.plain;
import static org.mltrading.ui.shell.Formats.signedMoney;
import static org.mltrading.ui.shell.Formats.time;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mltrading.ui.chart.CandlestickChart;
import org.mltrading.ui.chart.ChartBar;
import org.mltrading.ui.graphql.GraphQlApiException;
import org.mltrading.ui.graphql.Refusals;
import org.mltrading.ui.graphql.SubscriptionChannel;
import org.mltrading.ui.marketdata.CandleSeries;
import org.mltrading.ui.marketdata.ChartInterval;
import org.mltrading.ui.marketdata.TimeAndSales;
import org.mltrading.ui.news.NewsClient;
import org.mltrading.ui.news.NewsMarkers;
import org.mltrading.ui.news.NewsPanel;
import org.mltrading.ui.marketdata.InstrumentInfo;
import org.mltrading.ui.marketdata.MarketDataClient;
import org.mltrading.ui.marketdata.QuoteTick;
import org.mltrading.ui.marketdata.Watchlist;
import org.mltrading.ui.model.ModelClient;
import org.mltrading.ui.model.PredictionOverlay;
import org.mltrading.ui.security.AccessTokens;
import org.mltrading.ui.shell.CancelAllDialog;
import org.mltrading.ui.shell.InstrumentFormat;
import org.mltrading.ui.shell.InstrumentFormats;
import org.mltrading.ui.shell.MainLayout;
import org.mltrading.ui.shell.NotificationCenter;
import org.mltrading.ui.shell.ThemeChanged;
import org.mltrading.ui.shell.ThemePreference;
import org.mltrading.ui.trading.AccountSummary;
import org.mltrading.ui.trading.AmendOrderDialog;
import org.mltrading.ui.trading.Blotter;
import org.mltrading.ui.trading.CancelAll;
import org.mltrading.ui.trading.DeskOrder;
import org.mltrading.ui.trading.LivePositions;
import org.mltrading.ui.trading.OrderMarkers;
import org.mltrading.ui.trading.OrderTicket;
import org.mltrading.ui.trading.PositionView;
import org.mltrading.ui.trading.PreTradeCheck;
import org.mltrading.ui.trading.TradingClient;
import org.slf4j.Logger;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * The trader's desk: watchlist with live quotes, candlestick chart with live bars and the user's
 * order/fill markers, order ticket with the pre-trade preview, blotter with cancel/amend, positions
 * with live P&L. Four subscriptions feed it (quotes, bars, orderUpdated, positionUpdated), pushed
 * to the browser through Vaadin Push; bursts are batched (at most one push per
 * {@link #PUSH_INTERVAL} per stream).
 *
 * <p>The state lives in plain view models ({@link Watchlist}, {@link CandleSeries}, {@link OrderTicket},
 * {@link Blotter}, {@link LivePositions}), unit-tested without Vaadin; this class wires them to
 * components. Ids of components are part of the browser tests' contract. Users without TRADER are
 * sent to the page of their role.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Desk | ML Trading Platform")
@PermitAll
class DeskView extends VerticalLayout implements BeforeEnterObserver {

    static final Duration PUSH_INTERVAL = Duration.ofMillis(250);
    /**
     * After a fill the account is read again at once and once more after this delay: the account
     * projection may book the cash a moment after the order and position updates are pushed.
     */
    static final Duration ACCOUNT_RECHECK = Duration.ofMillis(1500);
    static final int PREVIEW_TYPING_PAUSE_MS = 400;
    private static final String PLACE_ORDER_TIP = "Enter in the ticket; Alt+B buy, Alt+S sell, Alt+Q quantity";
    private static final Logger log = LoggerFactory.getLogger(DeskView.class);

    private final MarketDataClient marketData;
    private final TradingClient trading;
    private final AuthenticationContext authentication;
    private final NotificationCenter notifications;

    // view models
    private Watchlist watchlist = new Watchlist(List.of());
    private CandleSeries series;
    /** Time of the first bar the chart shows (null before any): where the order markers start. */
    private Instant chartFrom;
    private final DeskSelections remembered;
    /** The session's ticket (see {@link DeskSelections}): survives a reload as typed. */
    private final OrderTicket ticket;
    private final Blotter blotter = new Blotter();
    private final LivePositions positions = new LivePositions();
    /** Ticks, lots and currencies of the instruments: every number on the desk is written with them. */
    private final InstrumentFormats formats = new InstrumentFormats();
    private List<InstrumentInfo> instruments = List.of();

    // components
    private final Select<AccountSummary> account = new Select<>();
    private final Span accountFigures = new Span();
    private final Grid<Watchlist.Row> watchlistGrid = new Grid<>();
    /** The watchlist grid's rows, replaced in place: one data provider for the life of the view. */
    private final List<Watchlist.Row> watchRows = new ArrayList<>();
    private boolean watchlistMeasured;
    /** The watchlist row the keyboard focus is on (the grid's own arrow-key navigation moves it). */
    private String focusedSymbol;
    private final H3 chartTitle = new H3();
    private final Tabs intervals = new Tabs();
    private final CandlestickChart chart = new CandlestickChart();
    private final ComboBox<String> symbol = new ComboBox<>(OrderTicket.SYMBOL);
    private final RadioButtonGroup<OrderTicket.Side> side = new RadioButtonGroup<>(OrderTicket.SIDE);
    private final Select<OrderTicket.Type> type = new Select<>();
    private final BigDecimalField quantity = new BigDecimalField(OrderTicket.QUANTITY);
    private final BigDecimalField limitPrice = new BigDecimalField(OrderTicket.LIMIT_PRICE);
    private final BigDecimalField stopPrice = new BigDecimalField(OrderTicket.STOP_PRICE);
    private final Select<OrderTicket.TimeInForce> timeInForce = new Select<>();
    private final Div preview = new Div();
    private final Button placeOrder = new Button("Place order");
    private final Select<String> blotterFilter = new Select<>();
    private final Grid<DeskOrder> blotterGrid = new Grid<>();
    private final List<DeskOrder> blotterRows = new ArrayList<>();
    private final Grid<LivePositions.Row> positionsGrid = new Grid<>();
    private final List<LivePositions.Row> positionRows = new ArrayList<>();
    private final Span totalPnl = new Span();

    private final List<Disposable> accountStreams = new ArrayList<>();
    /** The shown account as last read (cash, state); equity is recomputed from it at every mark. */
    private AccountSummary figures;
    private Disposable accountRecheck;
    private Disposable quoteStream;
    private Disposable barStream;
    /** Time and sales of the chart's symbol: the latest prints, newest first. */
    private final Grid<TimeAndSales.Print> tapeGrid = new Grid<>();
    private TimeAndSales tape;
    private Disposable tapeStream;
    private final NewsClient news;
    private final NewsPanel newsPanel = new NewsPanel();
    private Disposable newsStream;
    static final int TAPE_PRINTS = 50;
    /** Live predictions of the chart's symbol, drawn over its candles with their interval band. */
    private Disposable predictionStream;
    private PredictionOverlay overlay;
    private final ModelClient models;
    private Registration themeListener;
    private Registration viewportListener;
    private VerticalLayout watchlistPanel;
    private VerticalLayout chartPanel;
    private VerticalLayout ticketPanel;
    private HorizontalLayout bottomRow;
    /** The user's security context, captured on attach for the stream callbacks. */
    private SecurityContext userContext;
    /** One WebSocket to the API for all live streams of this desk, open while it is attached. */
    private SubscriptionChannel channel;

    private final org.springframework.beans.factory.ObjectProvider<org.mltrading.ui.alert.AlertClient> alerts;

    DeskView(MarketDataClient marketData, TradingClient trading, AuthenticationContext authentication,
             NotificationCenter notifications, ModelClient models, DeskSelections remembered, NewsClient news,
             org.springframework.beans.factory.ObjectProvider<org.mltrading.ui.alert.AlertClient> alerts) {
        this.alerts = alerts;
        this.remembered = remembered;
        this.news = news;
        this.ticket = new OrderTicket(); // this tab's own; the session keeps a copy for a reload
        this.marketData = marketData;
        this.models = models;
        this.trading = trading;
        this.authentication = authentication;
        this.notifications = notifications;
        setId("desk");
        setSizeFull();
        setPadding(true);
        setSpacing(true);

        watchlistPanel = watchlistPanel();
        chartPanel = chartPanel();
        ticketPanel = ticketPanel();
        HorizontalLayout top = new HorizontalLayout(watchlistPanel, chartPanel, ticketPanel);
        top.setWidthFull();
        top.setFlexGrow(1, top.getComponentAt(1));
        HorizontalLayout bottom = new HorizontalLayout(blotterPanel(), positionsAndNews(), timeAndSalesPanel());
        bottomRow = bottom;
        bottom.setWidthFull();
        bottom.setFlexGrow(3, bottom.getComponentAt(0));
        bottom.setFlexGrow(2, bottom.getComponentAt(1));
        bottom.setMinHeight("260px");
        add(accountBar(), top, bottom);
        expand(bottom);
        registerShortcuts();
        restoreTicket();
    }

    /** The fields show the ticket last typed in the session (after a reload); their listeners fill this desk's ticket. */
    private void restoreTicket() {
        OrderTicket saved = remembered.ticket();
        side.setValue(saved.side() == null ? OrderTicket.Side.BUY : saved.side());
        type.setValue(saved.type() == null ? OrderTicket.Type.MARKET : saved.type());
        timeInForce.setValue(saved.timeInForce() == null ? OrderTicket.TimeInForce.DAY : saved.timeInForce());
        quantity.setValue(saved.quantity());
        limitPrice.setValue(saved.limitPrice());
        stopPrice.setValue(saved.stopPrice());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!authentication.hasRole("TRADER")) {
            event.forwardTo(authentication.hasRole("RISK_OFFICER") ? "risk"
                    : authentication.hasRole("COMPLIANCE") || authentication.hasRole("ADMIN") ? "compliance" : "orders");
        }
    }

    // ---------------------------------------------------------------- layout

    private HorizontalLayout accountBar() {
        account.setId("desk-account");
        account.setLabel("Account");
        account.setItemLabelGenerator(AccountSummary::label);
        account.setEmptySelectionAllowed(false);
        account.addValueChangeListener(change -> {
            if (change.getValue() != null && (change.getOldValue() == null
                    || !change.getOldValue().id().equals(change.getValue().id()))) {
                showAccount(change.getValue());
            }
        });
        accountFigures.setId("account-figures");
        HorizontalLayout bar = new HorizontalLayout(account, accountFigures);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        // wide enough for "Demo account (demo-account), USD" (280 px cut it to "…(demo-account), U…")
        account.setWidth("360px");
        return bar;
    }

    private VerticalLayout watchlistPanel() {
        watchlistGrid.setId("watchlist");
        watchlistGrid.setItems(watchRows);
        watchlistGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        watchlistGrid.addColumn(Watchlist.Row::symbol).setHeader("Symbol").setKey("symbol").setAutoWidth(true);
        watchlistGrid.addColumn(row -> row.quote() == null ? "" : fmt(row.symbol()).price(row.quote().bid())).setHeader("Bid")
                .setKey("bid").setAutoWidth(true);
        watchlistGrid.addColumn(row -> row.quote() == null ? "" : fmt(row.symbol()).price(row.quote().ask())).setHeader("Ask")
                .setKey("ask").setAutoWidth(true);
        watchlistGrid.addColumn(row -> row.quote() == null ? "" : fmt(row.symbol()).price(row.quote().last())).setHeader("Last")
                .setKey("last").setAutoWidth(true);
        watchlistGrid.setPartNameGenerator(row -> switch (row.tick()) {
            case UP -> "tick-up";
            case DOWN -> "tick-down";
            case UNCHANGED -> null;
        });
        watchlistGrid.setEmptyStateText("No instruments.");
        watchlistGrid.addItemClickListener(click -> selectSymbol(click.getItem().symbol()));
        // keyboard: the arrow keys move the grid's cell focus, Enter opens the focused instrument
        watchlistGrid.addCellFocusListener(focus -> focus.getItem().ifPresent(row -> focusedSymbol = row.symbol()));
        watchlistGrid.getElement().addEventListener("keydown", enter -> openFocusedInstrument())
                .setFilter("event.key === 'Enter'");
        watchlistGrid.setWidth(WATCHLIST_WIDTH);
        watchlistGrid.setAllRowsVisible(true);
        // up/down colours without a custom theme: a style element for the grid's cell parts
        watchlistGrid.getElement().executeJs("const s=document.createElement('style');"
                + "s.textContent='[part~=\"tick-up-cell\"]{color:var(--lumo-success-text-color)}"
                + "[part~=\"tick-down-cell\"]{color:var(--lumo-error-text-color)}';this.shadowRoot.appendChild(s);");
        Button shortcutHelp = new Button("Keys", click -> ShortcutHelp.open());
        shortcutHelp.setId("shortcut-help");
        shortcutHelp.getElement().setAttribute("title", "Keyboard shortcuts");
        shortcutHelp.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout heading = new HorizontalLayout(new H4("Watchlist"), shortcutHelp);
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        VerticalLayout panel = new VerticalLayout(heading, watchlistGrid);
        panel.setPadding(false);
        panel.setSpacing(false);
        panel.setWidth(null);
        // the chart takes the free width; the side panels keep theirs (they were squeezed to ~180 px,
        // cutting "Market" and "Time in force")
        panel.getStyle().set("flex-shrink", "0");
        return panel;
    }

    private void openAlertDialog() {
        org.mltrading.ui.alert.AlertClient client = alerts.getIfAvailable();
        if (series == null || client == null) {
            return;
        }
        String chartSymbol = series.symbol();
        java.math.BigDecimal mid = watchlist.quote(chartSymbol).map(q -> q.bid() != null && q.ask() != null
                ? q.bid().add(q.ask()).divide(java.math.BigDecimal.valueOf(2)) : q.last()).orElse(null);
        new org.mltrading.ui.alert.AlertDialog(chartSymbol, mid, client, created -> notifications.post(
                NotificationCenter.Level.INFO, "Alert set: " + created.symbol() + " at " + created.level().toPlainString())).open();
    }

    private VerticalLayout chartPanel() {
        chartTitle.getStyle().set("margin", "0");
        intervals.setId("chart-interval");
        for (ChartInterval interval : ChartInterval.values()) {
            Tab tab = new Tab(interval.label());
            tab.setId("interval-" + interval.label());
            ComponentUtil.setData(tab, ChartInterval.class, interval);
            intervals.add(tab);
        }
        intervals.setSelectedIndex(remembered.interval().ordinal());
        intervals.addSelectedChangeListener(change -> {
            if (change.getSelectedTab() != null && series != null) {
                remembered.interval(ComponentUtil.getData(change.getSelectedTab(), ChartInterval.class));
                loadChart(series.symbol(), ComponentUtil.getData(change.getSelectedTab(), ChartInterval.class));
            }
        });
        chart.setId("desk-chart");
        chart.setHeight("380px");
        // a price alert on the chart's instrument, prefilled with its mid (issue 19)
        com.vaadin.flow.component.button.Button alert = new com.vaadin.flow.component.button.Button(
                com.vaadin.flow.component.icon.VaadinIcon.BELL_O.create(), click -> openAlertDialog());
        alert.setId("chart-alert");
        alert.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY,
                com.vaadin.flow.component.button.ButtonVariant.LUMO_ICON);
        alert.setAriaLabel("Set a price alert");
        alert.setTooltipText("Set a price alert on this instrument");
        HorizontalLayout header = new HorizontalLayout(chartTitle, intervals, alert);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        VerticalLayout panel = new VerticalLayout(header, chart);
        panel.setPadding(false);
        panel.setSpacing(false);
        panel.setMinWidth("420px");
        return panel;
    }

    private VerticalLayout ticketPanel() {
        symbol.setId("ticket-symbol");
        symbol.setAllowCustomValue(false);
        symbol.addValueChangeListener(change -> {
            ticket.symbol(change.getValue());
            if (change.isFromClient() && change.getValue() != null) {
                selectSymbol(change.getValue());
            }
            ticketChanged();
        });
        side.setId("ticket-side");
        side.setItems(OrderTicket.Side.values());
        side.setItemLabelGenerator(s -> s == OrderTicket.Side.BUY ? "Buy" : "Sell");
        side.addThemeVariants(RadioGroupVariant.LUMO_HELPER_ABOVE_FIELD);
        side.setValue(OrderTicket.Side.BUY);
        side.addValueChangeListener(change -> {
            ticket.side(change.getValue());
            placeOrder.removeThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SUCCESS);
            placeOrder.addThemeVariants(change.getValue() == OrderTicket.Side.SELL
                    ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_SUCCESS);
            ticketChanged();
        });
        type.setId("ticket-type");
        type.setLabel(OrderTicket.TYPE);
        type.setItems(OrderTicket.Type.values());
        type.setItemLabelGenerator(t -> t.name().charAt(0) + t.name().substring(1).toLowerCase().replace('_', ' '));
        type.setValue(OrderTicket.Type.MARKET);
        type.addValueChangeListener(change -> {
            ticket.type(change.getValue());
            showPriceFields();
            ticketChanged();
        });
        // the preview follows the typing (a short pause), not only leaving the field
        List.of(quantity, limitPrice, stopPrice).forEach(field -> {
            field.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
            field.setValueChangeTimeout(PREVIEW_TYPING_PAUSE_MS);
        });
        quantity.setId("ticket-quantity");
        quantity.addValueChangeListener(change -> {
            ticket.quantity(change.getValue());
            ticketChanged();
        });
        limitPrice.setId("ticket-limit-price");
        limitPrice.addValueChangeListener(change -> {
            ticket.limitPrice(change.getValue());
            ticketChanged();
        });
        stopPrice.setId("ticket-stop-price");
        stopPrice.addValueChangeListener(change -> {
            ticket.stopPrice(change.getValue());
            ticketChanged();
        });
        timeInForce.setId("ticket-tif");
        // "TIF" fits half the ticket ("Time in f…" did not); the full words are the tooltip
        timeInForce.setLabel("TIF");
        timeInForce.setTooltipText(OrderTicket.TIME_IN_FORCE);
        timeInForce.setItems(OrderTicket.TimeInForce.values());
        timeInForce.setValue(OrderTicket.TimeInForce.DAY);
        timeInForce.addValueChangeListener(change -> {
            ticket.timeInForce(change.getValue());
            ticketChanged();
        });
        preview.setId("ticket-preview");
        preview.getStyle().set("font-size", "var(--lumo-font-size-s)").set("min-height", "6.5em")
                .set("margin-top", "var(--lumo-space-s)");
        placeOrder.setId("place-order");
        placeOrder.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        placeOrder.setWidthFull();
        placeOrder.setTooltipText(PLACE_ORDER_TIP);
        placeOrder.addClickListener(click -> place());
        showPriceFields();

        symbol.setWidthFull();
        // the preview is below the button and keeps its height: it used to grow above the button and
        // push it down under the cursor just as the trader went to click it
        VerticalLayout panel = new VerticalLayout(new H4("Order ticket"), symbol, side, pair(type, timeInForce),
                pair(quantity, limitPrice), pair(stopPrice), placeOrder, preview);
        panel.setId("order-ticket");
        panel.setPadding(false);
        panel.setSpacing(false);
        panel.setWidth(TICKET_WIDTH);
        panel.getStyle().set("flex-shrink", "0");
        // Enter anywhere in the ticket places the order (after the preview, see place())
        placeOrder.addClickShortcut(Key.ENTER).listenOn(panel);
        return panel;
    }

    /** Fields side by side, sharing the ticket's width equally. */
    private static HorizontalLayout pair(com.vaadin.flow.component.Component... fields) {
        HorizontalLayout row = new HorizontalLayout(fields);
        row.setWidthFull();
        for (com.vaadin.flow.component.Component field : fields) {
            field.getElement().getStyle().set("width", "0").set("min-width", "0");
            row.setFlexGrow(1, field);
        }
        return row;
    }

    private VerticalLayout blotterPanel() {
        blotterFilter.setId("blotter-filter");
        blotterFilter.setItems("All", "Working", "Done");
        blotterFilter.setValue("All");
        blotterFilter.addValueChangeListener(change -> refreshBlotter());
        blotterGrid.setId("blotter");
        blotterGrid.setItems(blotterRows);
        blotterGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        blotterGrid.addColumn(o -> time(o.placedAt())).setHeader("Time (UTC)").setKey("time").setAutoWidth(true);
        blotterGrid.addColumn(DeskOrder::symbol).setHeader("Symbol").setKey("symbol").setAutoWidth(true);
        blotterGrid.addColumn(DeskOrder::side).setHeader("Side").setKey("side").setAutoWidth(true);
        blotterGrid.addColumn(DeskOrder::type).setHeader("Type").setKey("type").setAutoWidth(true);
        blotterGrid.addColumn(o -> fmt(o.symbol()).quantity(o.quantity())).setHeader("Quantity").setKey("quantity").setAutoWidth(true);
        blotterGrid.addColumn(o -> fmt(o.symbol()).quantity(o.filledQuantity())).setHeader("Filled").setKey("filled").setAutoWidth(true);
        blotterGrid.addComponentColumn(DeskView::statusBadge).setHeader("Status").setKey("status").setAutoWidth(true)
                .setTooltipGenerator(o -> o.rejectReason() != null || o.rejectCode() != null
                        ? Refusals.describe(o.rejectCode(), o.rejectReason()) : o.cancelReason());
        blotterGrid.addColumn(o -> fmt(o.symbol()).price(o.limitPrice())).setHeader("Limit").setKey("limit").setAutoWidth(true);
        blotterGrid.addColumn(o -> fmt(o.symbol()).price(o.stopPrice())).setHeader("Stop").setKey("stop").setAutoWidth(true);
        blotterGrid.addColumn(o -> fmt(o.symbol()).averagePrice(o.averagePrice())).setHeader("Avg price").setKey("avgPrice")
                .setAutoWidth(true);
        blotterGrid.addColumn(DeskOrder::timeInForce).setHeader("TIF").setKey("tif").setAutoWidth(true);
        blotterGrid.addColumn(DeskOrder::clientOrderId).setHeader("Client order id").setKey("clientOrderId")
                .setAutoWidth(true);
        // last and pinned to the right edge: Amend/Cancel were off-screen at 1440 px
        blotterGrid.addComponentColumn(this::orderActions).setHeader("").setKey("actions").setAutoWidth(true)
                .setFlexGrow(0).setFrozenToEnd(true);
        blotterGrid.setPartNameGenerator(o -> "status-" + o.status().toLowerCase());
        blotterGrid.setEmptyStateText("No orders yet: use the ticket to place one.");
        blotterGrid.setSizeFull();
        Button cancelAll = new Button("Cancel all", click -> confirmCancelAll());
        cancelAll.setId("blotter-cancel-all");
        cancelAll.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        HorizontalLayout header = new HorizontalLayout(new H4("Blotter"), blotterFilter, cancelAll);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        VerticalLayout panel = new VerticalLayout(header, blotterGrid);
        panel.setPadding(false);
        panel.setSpacing(false);
        panel.setHeightFull();
        return panel;
    }

    private VerticalLayout positionsPanel() {
        positionsGrid.setId("positions");
        positionsGrid.setItems(positionRows);
        positionsGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        positionsGrid.addColumn(LivePositions.Row::symbol).setHeader("Symbol").setKey("symbol").setAutoWidth(true);
        positionsGrid.addColumn(r -> fmt(r.symbol()).quantity(r.quantity())).setHeader("Quantity").setKey("quantity").setAutoWidth(true);
        positionsGrid.addColumn(r -> fmt(r.symbol()).averagePrice(r.averagePrice())).setHeader("Avg price").setKey("avgPrice")
                .setAutoWidth(true);
        positionsGrid.addColumn(r -> fmt(r.symbol()).price(r.mark())).setHeader("Mark").setKey("mark").setAutoWidth(true);
        positionsGrid.addColumn(r -> fmt(r.symbol()).signedMoney(r.unrealizedPnl())).setHeader("Unrealised P&L")
                .setKey("unrealizedPnl").setAutoWidth(true);
        positionsGrid.addColumn(r -> fmt(r.symbol()).signedMoney(r.realizedPnl())).setHeader("Realised P&L").setKey("realizedPnl")
                .setAutoWidth(true);
        positionsGrid.setPartNameGenerator(r -> r.unrealizedPnl() == null ? null
                : r.unrealizedPnl().signum() >= 0 ? "pnl-up" : "pnl-down");
        positionsGrid.setEmptyStateText("No open positions.");
        positionsGrid.setSizeFull();
        totalPnl.setId("total-pnl");
        HorizontalLayout header = new HorizontalLayout(new H4("Positions"), totalPnl);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        VerticalLayout panel = new VerticalLayout(header, positionsGrid);
        panel.setPadding(false);
        panel.setSpacing(false);
        panel.setHeightFull();
        return panel;
    }

    /** Positions and the news of the watched instruments share a panel: one tab each. */
    private TabSheet positionsAndNews() {
        TabSheet tabs = new TabSheet();
        tabs.setId("positions-news");
        tabs.add(new Tab("Positions"), positionsPanel());
        Tab newsTab = new Tab("News");
        newsTab.setId("news-tab");
        tabs.add(newsTab, newsPanel);
        tabs.addThemeVariants(com.vaadin.flow.component.tabs.TabSheetVariant.LUMO_TABS_SMALL);
        tabs.setHeightFull();
        return tabs;
    }

    /** The last day's news of every instrument, then the live items of the watched ones. */
    private void showNews(UI ui) {
        dispose(newsStream);
        newsStream = null;
        try {
            newsPanel.load(news.recent(java.time.Duration.ofDays(1), NEWS_ITEMS));
            refreshMarkers();
        } catch (RuntimeException failure) {
            log.debug("recent news not loaded", failure); // live items fill the panel
        }
        if (ui == null || channel == null || watchlist == null || watchlist.symbols().isEmpty()) {
            return;
        }
        try {
            newsStream = batched(news.live(channel, watchlist.symbols())).subscribe(
                    items -> access(ui, () -> {
                        newsPanel.add(items);
                        refreshMarkers();
                        if (series != null && items.stream().anyMatch(item -> item.symbols().contains(series.symbol()))) {
                            refreshSentiment();
                        }
                    }),
                    failure -> access(ui, () -> showError("Live news stopped", failure)));
        } catch (RuntimeException failure) {
            showError("Live news is unavailable", failure);
        }
    }

    static final int NEWS_ITEMS = 50;

    /** The tape: time, price with its tick (▲ up, ▼ down, as the print before it), size. */
    private VerticalLayout timeAndSalesPanel() {
        tapeGrid.setId("time-and-sales");
        tapeGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        tapeGrid.addColumn(p -> time(p.time())).setHeader("Time (UTC)").setKey("time").setAutoWidth(true);
        tapeGrid.addColumn(p -> switch (p.tick()) {
            case UP -> "▲ ";
            case DOWN -> "▼ ";
            case UNCHANGED -> "";
        } + fmt(tape.symbol()).price(p.price())) // rows exist only once showTape set the tape
                .setHeader("Price").setKey("price").setAutoWidth(true);
        tapeGrid.addColumn(p -> fmt(tape.symbol()).quantity(p.size()))
                .setHeader("Size").setKey("size").setAutoWidth(true);
        tapeGrid.setPartNameGenerator(p -> switch (p.tick()) {
            case UP -> "tick-up";
            case DOWN -> "tick-down";
            case UNCHANGED -> null;
        });
        tapeGrid.setEmptyStateText("No prints yet.");
        tapeGrid.setSizeFull();
        VerticalLayout panel = new VerticalLayout(new H4("Time & sales"), tapeGrid);
        panel.setPadding(false);
        panel.setSpacing(false);
        panel.setHeightFull();
        panel.setWidth(TAPE_WIDTH);
        panel.getStyle().set("flex-shrink", "0");
        return panel;
    }

    /** Starts the tape of {@code symbol}: its last minutes of prints, then the live ones. */
    private void showTape(String symbol, UI ui) {
        dispose(tapeStream);
        tapeStream = null;
        TimeAndSales current = new TimeAndSales(symbol, TAPE_PRINTS);
        tape = current;
        try {
            current.load(marketData.recentTrades(symbol, java.time.Duration.ofMinutes(2)));
        } catch (RuntimeException failure) {
            log.debug("recent prints of {} not loaded", symbol, failure); // the live prints fill the tape
        }
        tapeGrid.setItems(current.prints());
        if (ui == null || channel == null) {
            return;
        }
        try {
            tapeStream = batched(marketData.tradePrints(channel, symbol)).subscribe(
                    prints -> access(ui, () -> {
                        boolean changed = false;
                        for (TimeAndSales.TradePrint print : prints) {
                            changed |= tape == current && current.add(print);
                        }
                        if (changed) {
                            tapeGrid.setItems(current.prints());
                        }
                    }),
                    failure -> access(ui, () -> showError("Live trade prints stopped", failure)));
        } catch (RuntimeException failure) {
            showError("Live trade prints are unavailable", failure);
        }
    }

    static final String TAPE_WIDTH = "250px";
    static final String TAPE_WIDTH_COMPACT = "210px";
    static final String WATCHLIST_WIDTH = "400px";
    static final String WATCHLIST_WIDTH_COMPACT = "270px";
    static final String TICKET_WIDTH = "330px";
    static final String TICKET_WIDTH_COMPACT = "290px";

    /**
     * 1024 x 700: watchlist and ticket narrower, chart shorter and allowed to shrink, so menu-less
     * width holds watchlist + chart (with its price axis) + ticket without a sideways scroll, and
     * the blotter starts above the fold.
     */
    private void applyViewport(boolean compact) {
        watchlistGrid.setWidth(compact ? WATCHLIST_WIDTH_COMPACT : WATCHLIST_WIDTH);
        ticketPanel.setWidth(compact ? TICKET_WIDTH_COMPACT : TICKET_WIDTH);
        chartPanel.setMinWidth(compact ? "300px" : "420px");
        chart.setHeight(compact ? "300px" : "380px");
        bottomRow.setMinHeight(compact ? "200px" : "260px");
        bottomRow.getComponentAt(2).getElement().getStyle().set("width", compact ? TAPE_WIDTH_COMPACT : TAPE_WIDTH);
        getElement().setAttribute("data-compact", compact);
    }

    private InstrumentFormat fmt(String symbolOfRow) {
        return formats.of(symbolOfRow);
    }

    private void registerShortcuts() {
        Shortcuts.addShortcutListener(this, () -> side.setValue(OrderTicket.Side.BUY), Key.KEY_B, KeyModifier.ALT);
        Shortcuts.addShortcutListener(this, () -> side.setValue(OrderTicket.Side.SELL), Key.KEY_S, KeyModifier.ALT);
        Shortcuts.addShortcutListener(this, quantity::focus, Key.KEY_Q, KeyModifier.ALT);
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        userContext = SecurityContextHolder.getContext();
        try {
            channel = marketData.openChannel();
        } catch (RuntimeException failure) {
            showError("Live updates are unavailable", failure);
        }
        chart.setDark(ThemePreference.isDark());
        applyViewport(org.mltrading.ui.shell.Viewport.isCompact(ui));
        viewportListener = ComponentUtil.addListener(ui, org.mltrading.ui.shell.Viewport.Changed.class,
                changed -> applyViewport(changed.compact()));
        themeListener = ComponentUtil.addListener(ui, ThemeChanged.class, event -> chart.setDark(event.dark()));
        if (instruments.isEmpty()) {
            loadInstruments();
        } else {
            listenToQuotes(ui);
            showNews(ui);
            if (series != null) {
                loadChart(series.symbol(), series.interval());
            }
        }
        if (account.getValue() == null) {
            loadAccounts();
        } else {
            showAccount(account.getValue());
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        dispose(quoteStream);
        dispose(barStream);
        dispose(predictionStream);
        dispose(tapeStream);
        dispose(newsStream);
        newsStream = null;
        quoteStream = null;
        barStream = null;
        predictionStream = null;
        tapeStream = null;
        stopAccountStreams();
        if (channel != null) {
            channel.close();
            channel = null;
        }
        if (themeListener != null) {
            themeListener.remove();
        }
        if (viewportListener != null) {
            viewportListener.remove();
            viewportListener = null;
        }
        super.onDetach(detachEvent);
    }

    private void loadInstruments() {
        try {
            instruments = marketData.instruments();
        } catch (RuntimeException failure) {
            showError("Instruments could not be loaded", failure);
            return;
        }
        List<String> symbols = instruments.stream().map(InstrumentInfo::symbol).toList();
        instruments.forEach(i -> formats.put(i.symbol(), i.tickSize(), i.lotSize(), i.currency()));
        blotter.formats(formats);
        watchlist = new Watchlist(symbols);
        watchRows.clear();
        watchRows.addAll(watchlist.rows());
        watchlistGrid.getDataProvider().refreshAll();
        symbol.setItems(symbols);
        if (!symbols.isEmpty()) {
            selectSymbol(symbols.contains(remembered.symbol()) ? remembered.symbol() : symbols.get(0));
        }
        listenToQuotes(UI.getCurrent());
        showNews(UI.getCurrent());
    }

    private void loadAccounts() {
        List<AccountSummary> accounts;
        try {
            accounts = trading.accounts();
        } catch (RuntimeException failure) {
            showError("Accounts could not be loaded", failure);
            return;
        }
        account.setItems(accounts);
        if (accounts.isEmpty()) {
            account.setHelperText("You are not entitled to any account.");
            placeOrder.setEnabled(false);
        } else {
            account.setValue(accounts.stream().filter(a -> a.id().equals(remembered.accountId())).findFirst()
                    .orElse(accounts.get(0)));
        }
    }

    private void showAccount(AccountSummary selected) {
        remembered.accountId(selected.id());
        stopAccountStreams();
        positions.replaceAll(selected.positions());
        watchlist.rows().stream().map(Watchlist.Row::quote).filter(q -> q != null).forEach(positions::mark);
        refreshPositions();
        showFigures(selected);
        try {
            blotter.replaceAll(trading.recentOrders(selected.id()));
        } catch (RuntimeException failure) {
            blotter.replaceAll(List.of());
            showError("Orders could not be loaded", failure);
        }
        refreshBlotter();
        refreshMarkers();
        UI ui = UI.getCurrent();
        if (ui == null || channel == null) {
            return;
        }
        try {
            accountStreams.add(batched(trading.orderUpdates(channel, selected.id())).subscribe(
                    updates -> access(ui, () -> onOrderUpdates(selected, updates)),
                    failure -> access(ui, () -> showError("Live order updates stopped", failure))));
            accountStreams.add(batched(trading.positionUpdates(channel, selected.id())).subscribe(
                    updates -> access(ui, () -> onPositionUpdates(selected, updates)),
                    failure -> access(ui, () -> showError("Live position updates stopped", failure))));
        } catch (RuntimeException failure) {
            showError("Live account updates are unavailable", failure);
        }
    }

    private void showFigures(AccountSummary summary) {
        figures = summary;
        String state = summary.tradingState() == null ? "" : summary.tradingState();
        BigDecimal equity = liveEquity(summary);
        accountFigures.setText("Cash " + InstrumentFormat.money(summary.cash(), summary.currency())
                + "  ·  Equity " + InstrumentFormat.money(equity, summary.currency())
                + "  ·  " + state + (summary.tradingStateReason() == null ? "" : " (" + summary.tradingStateReason() + ")"));
        accountFigures.getElement().getThemeList().clear();
        accountFigures.getElement().getThemeList().add("ACTIVE".equals(state) ? "badge success" : "badge error");
        // a halted account refuses every order: the button says so instead of inviting a doomed click
        boolean allowed = tradingAllowed(summary);
        placeOrder.setEnabled(allowed);
        placeOrder.setText(allowed ? "Place order" : "Trading halted");
        placeOrder.setTooltipText(allowed ? PLACE_ORDER_TIP : "Trading is halted on this account"
                + (summary.tradingStateReason() == null ? "" : ": " + summary.tradingStateReason())
                + ". A risk officer can resume it.");
    }

    /**
     * Cash plus the snapshot's positions at the live marks: cash and positions from the same account
     * read, so a position pushed before the cash is booked cannot inflate Equity for a moment (it
     * did: 1,001,609 on a 1,000,000 account right after a buy). The API's equity if a mark is missing.
     */
    private BigDecimal liveEquity(AccountSummary summary) {
        if (summary.cash() == null) {
            return summary.equity();
        }
        BigDecimal equity = summary.cash();
        for (PositionView position : summary.positions()) {
            BigDecimal mark = positions.markOf(position.symbol());
            BigDecimal value = mark != null ? mark.multiply(position.quantity()) : position.marketValue();
            if (value == null) {
                return summary.equity();
            }
            equity = equity.add(value);
        }
        return equity;
    }

    private static boolean tradingAllowed(AccountSummary summary) {
        return summary != null && !"HALTED".equals(summary.tradingState());
    }

    // ---------------------------------------------------------------- market data

    private void openFocusedInstrument() {
        if (focusedSymbol != null) {
            selectSymbol(focusedSymbol);
        }
    }

    private void selectSymbol(String selected) {
        remembered.symbol(selected);
        if (!selected.equals(symbol.getValue())) {
            symbol.setValue(selected);
        }
        ticket.symbol(selected);
        instruments.stream().filter(i -> i.symbol().equals(selected)).findFirst().ifPresent(instrument -> {
            ticket.increments(instrument.tickSize(), instrument.lotSize());
            quantity.setHelperText("Lot " + plain(instrument.lotSize()));
            limitPrice.setHelperText("Tick " + plain(instrument.tickSize()));
        });
        if (series == null || !series.symbol().equals(selected)) {
            loadChart(selected, series == null ? remembered.interval() : series.interval());
        }
    }

    private void loadChart(String chartSymbol, ChartInterval interval) {
        dispose(barStream);
        barStream = null;
        dispose(predictionStream);
        predictionStream = null;
        chartTitle.setText(chartSymbol);
        if (tape == null || !tape.symbol().equals(chartSymbol) || tapeStream == null) {
            showTape(chartSymbol, UI.getCurrent());
        }
        CandleSeries history;
        try {
            history = new CandleSeries(chartSymbol, interval, marketData.bars(chartSymbol, interval));
        } catch (RuntimeException failure) {
            history = new CandleSeries(chartSymbol, interval, List.of());
            showError("Bars of " + chartSymbol + " could not be loaded", failure);
        }
        List<org.mltrading.ui.marketdata.Candle> candles = history.candles();
        chart.setBars(candles.stream().map(c -> c.toChartBar()).toList());
        // the chart keeps what it shows; the desk keeps only the last candle (to place live bars) and where
        // the chart starts (for the markers): the history once per session, not twice (issue 16, memory)
        chartFrom = candles.isEmpty() ? null : candles.get(0).time();
        series = new CandleSeries(chartSymbol, interval,
                candles.isEmpty() ? List.of() : List.of(candles.get(candles.size() - 1)));
        refreshMarkers();
        refreshSentiment();
        UI ui = UI.getCurrent();
        showPredictions(chartSymbol, interval, ui);
        if (ui == null || channel == null) {
            return;
        }
        CandleSeries current = series;
        try {
            barStream = batched(marketData.liveBars(channel, chartSymbol, interval)).subscribe(
                    bars -> access(ui, () -> bars.forEach(bar -> {
                        if (series == current && current.apply(bar) != CandleSeries.Change.IGNORED) {
                            chart.updateBar(bar.toChartBar());
                        }
                    })),
                    failure -> access(ui, () -> showError("Live bars stopped", failure)));
        } catch (RuntimeException failure) {
            showError("Live bars are unavailable", failure);
        }
    }

    /**
     * The prediction overlay: stored predictions since the first bar shown, then the live ones. It is
     * an aid, not the desk's job: when predictions are unavailable the chart simply shows none.
     */
    private void showPredictions(String chartSymbol, ChartInterval interval, UI ui) {
        PredictionOverlay current = new PredictionOverlay(chartSymbol, interval);
        overlay = current;
        List<ChartBar> shown = chart.bars();
        try {
            if (!shown.isEmpty()) {
                models.predictions(chartSymbol, Instant.ofEpochSecond(shown.get(0).time())).forEach(current::add);
            }
        } catch (RuntimeException failure) {
            log.info("No prediction overlay for {}: {}", chartSymbol, failure.toString());
        }
        chart.setPredictions(current.points(shown));
        chart.setPredictionModel(current.modelVersion());
        if (ui == null || channel == null) {
            return;
        }
        try {
            predictionStream = models.livePredictions(channel, chartSymbol).subscribe(
                    prediction -> access(ui, () -> {
                        if (overlay == current && current.add(prediction)) {
                            chart.setPredictions(current.points(chart.bars()));
                            chart.setPredictionModel(current.modelVersion());
                        }
                    }),
                    failure -> log.info("Live predictions of {} stopped: {}", chartSymbol, failure.toString()));
        } catch (RuntimeException failure) {
            log.info("Live predictions of {} are unavailable: {}", chartSymbol, failure.toString());
        }
    }

    private void listenToQuotes(UI ui) {
        if (ui == null || channel == null || watchlist.symbols().isEmpty()) {
            return;
        }
        dispose(quoteStream);
        try {
            quoteStream = batched(marketData.quotes(channel, watchlist.symbols())).subscribe(
                    quotes -> access(ui, () -> onQuotes(quotes)),
                    failure -> access(ui, () -> showError("Live quotes stopped", failure)));
        } catch (RuntimeException failure) {
            showError("Live quotes are unavailable", failure);
        }
    }

    private void onQuotes(List<QuoteTick> quotes) {
        boolean positionsMoved = false;
        for (QuoteTick quote : quotes) {
            watchlist.apply(quote);
            positionsMoved |= positions.mark(quote);
        }
        watchRows.clear();
        watchRows.addAll(watchlist.rows());
        watchlistGrid.getDataProvider().refreshAll();
        if (!watchlistMeasured) {
            // auto widths were measured on empty cells: the first prices cut "94,947.06" to "94,947…"
            watchlistMeasured = true;
            watchlistGrid.recalculateColumnWidths();
        }
        if (positionsMoved) {
            refreshPositions();
            // equity = cash + market value: it follows the marks between fills
            if (figures != null) {
                showFigures(figures);
            }
        }
    }

    // ---------------------------------------------------------------- orders and positions

    private void onOrderUpdates(AccountSummary forAccount, List<DeskOrder> updates) {
        if (!isShown(forAccount)) {
            return;
        }
        boolean accountChanged = false;
        for (DeskOrder update : updates) {
            var event = blotter.apply(update).event();
            event.ifPresent(e -> notifications.post(switch (e.kind()) {
                case FILLED, PARTIALLY_FILLED -> NotificationCenter.Level.SUCCESS;
                case REJECTED -> NotificationCenter.Level.ERROR;
                case CANCELLED, EXPIRED -> NotificationCenter.Level.INFO;
            }, e.message(), eventKey(e)));
            accountChanged |= event.isPresent();
        }
        refreshBlotter();
        refreshMarkers();
        if (accountChanged) {
            // a fill moves cash and a position; a halt refusal says the state changed: read the account
            reloadAccountNowAndSoon(forAccount);
        }
    }

    private void onPositionUpdates(AccountSummary forAccount, List<PositionView> updates) {
        if (!isShown(forAccount)) {
            return;
        }
        updates.forEach(positions::apply);
        refreshPositions();
        reloadAccountNowAndSoon(forAccount);
    }

    /**
     * Cash, state and positions as the API has them now, and again after {@link #ACCOUNT_RECHECK}
     * (one pending re-check per desk): pushes can arrive before the account projection has booked
     * the fill, and a read at that moment would leave Cash frozen until the next fill.
     */
    private void reloadAccountNowAndSoon(AccountSummary forAccount) {
        reloadAccount(forAccount, false);
        UI ui = UI.getCurrent();
        dispose(accountRecheck);
        if (ui != null) {
            accountRecheck = reactor.core.publisher.Mono.delay(ACCOUNT_RECHECK)
                    .subscribe(tick -> access(ui, () -> reloadAccount(forAccount, true)));
        }
    }

    /**
     * @param replacePositions false right after a push: the read may predate it, so it only adds
     *                         positions the desk has not seen (a missed push); true for the re-check,
     *                         when the projection has caught up and the read is the truth
     */
    private void reloadAccount(AccountSummary forAccount, boolean replacePositions) {
        if (!isShown(forAccount)) {
            return;
        }
        try {
            AccountSummary now = trading.account(forAccount.id());
            if (now != null) {
                if (replacePositions) {
                    positions.replaceAll(now.positions());
                } else {
                    positions.addMissing(now.positions());
                }
                refreshPositions();
                showFigures(now);
            }
        } catch (RuntimeException failure) {
            log.debug("account figures not refreshed: {}", failure.toString());
        }
    }

    private boolean isShown(AccountSummary candidate) {
        return account.getValue() != null && account.getValue().id().equals(candidate.id());
    }

    private void refreshBlotter() {
        List<DeskOrder> rows = switch (blotterFilter.getValue() == null ? "All" : blotterFilter.getValue()) {
            case "Working" -> blotter.working();
            case "Done" -> blotter.done();
            default -> blotter.all();
        };
        blotterRows.clear();
        blotterRows.addAll(rows);
        blotterGrid.getDataProvider().refreshAll();
        // auto widths are measured when rows first render: an empty grid measured only the headers
        // and cut "MARKET" to "MA…" once orders arrived
        blotterGrid.recalculateColumnWidths();
    }

    private void refreshPositions() {
        positionRows.clear();
        positionRows.addAll(positions.rows());
        positionsGrid.getDataProvider().refreshAll();
        positionsGrid.recalculateColumnWidths();
        totalPnl.setText("Unrealised " + signedMoney(positions.totalUnrealizedPnl()));
    }

    /** The chart instrument's news sentiment per bar, in the pane under the candles (from the API's series). */
    private void refreshSentiment() {
        if (series == null || chartFrom == null) {
            chart.setSentiment(List.of());
            return;
        }
        try {
            chart.setSentiment(news.sentiment(series.symbol(), series.interval().name(), chartFrom));
        } catch (RuntimeException failure) {
            log.debug("sentiment of {} not loaded", series.symbol(), failure); // the pane stays as it was
        }
    }

    private void refreshMarkers() {
        if (series == null) {
            return;
        }
        Instant from = chartFrom == null ? Instant.now() : chartFrom;
        chart.setMarkers(NewsMarkers.merged(
                OrderMarkers.of(blotter.all(), series.symbol(), series.interval(), from, fmt(series.symbol())),
                NewsMarkers.of(newsPanel.items(), series.symbol(), series.interval().length(), from)));
    }

    /** The status as a coloured badge; the data attributes identify the order for browser tests. */
    private static Span statusBadge(DeskOrder order) {
        Span badge = new Span(order.status());
        badge.getElement().getThemeList().add(switch (order.status()) {
            case "FILLED" -> "badge success";
            case "REJECTED", "EXPIRED" -> "badge error";
            case "CANCELLED" -> "badge contrast";
            default -> "badge";
        });
        badge.getElement().setAttribute("data-client-order-id", order.clientOrderId());
        badge.getElement().setAttribute("data-order", order.side() + " " + plain(order.quantity()) + " " + order.symbol());
        badge.addClassName("order-status");
        return badge;
    }

    private HorizontalLayout orderActions(DeskOrder order) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (order.cancellable()) {
            Button cancel = new Button("Cancel", click -> cancel(order));
            cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            cancel.setClassName("cancel-order");
            Button amend = new Button("Amend", click -> new AmendOrderDialog("amend", order, this::amend).open());
            amend.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            amend.setClassName("amend-order");
            actions.add(amend, cancel);
        }
        return actions;
    }

    private void cancel(DeskOrder order) {
        try {
            applyOwn(trading.cancel(order.id()));
        } catch (RuntimeException failure) {
            showError("The order could not be cancelled", failure);
        }
    }

    private boolean amend(DeskOrder order, Map<String, Object> change) {
        try {
            applyOwn(trading.amend(order.id(), change));
            notifications.post(NotificationCenter.Level.INFO, "Amended: " + order.side() + " " + order.symbol());
            return true;
        } catch (RuntimeException failure) {
            showError("The order could not be amended", failure);
            return false;
        }
    }

    /** One bell entry per order state, however many desks of the session see it. */
    private static String eventKey(Blotter.DeskEvent event) {
        return event.order().id() + " " + event.kind() + " " + plain(event.order().filledQuantity());
    }

    /** Asks first: every working order of the account, counted in the question. */
    private void confirmCancelAll() {
        List<DeskOrder> open = blotter.working().stream().filter(DeskOrder::cancellable).toList();
        if (open.isEmpty()) {
            notifications.post(NotificationCenter.Level.INFO, "No working orders to cancel.");
            return;
        }
        CancelAllDialog.open("cancel-all", open.size(), "working", () -> cancelAll(open));
    }

    private void cancelAll(List<DeskOrder> open) {
        CancelAll.Outcome outcome = CancelAll.each(open.stream().map(DeskOrder::id).toList(), trading::cancel,
                this::applyOwn);
        notifications.post(outcome.complete() ? NotificationCenter.Level.INFO : NotificationCenter.Level.WARNING,
                outcome.summary("working") + (outcome.complete() ? "." : "; the others could not be cancelled."));
    }

    /** The answer of our own mutation (the subscription brings the same version again; that is a no-op). */
    private void applyOwn(DeskOrder order) {
        blotter.apply(order).event().ifPresent(event -> notifications.post(
                event.kind() == Blotter.DeskEvent.Kind.REJECTED ? NotificationCenter.Level.ERROR
                        : NotificationCenter.Level.INFO, event.message(), eventKey(event)));
        refreshBlotter();
        refreshMarkers();
    }

    // ---------------------------------------------------------------- ticket

    private void showPriceFields() {
        OrderTicket.Type current = type.getValue();
        limitPrice.setVisible(current != null && current.needsLimitPrice());
        stopPrice.setVisible(current != null && current.needsStopPrice());
    }

    /** Re-runs the pre-trade preview whenever the ticket is complete, so the trader sees it before sending. */
    private void ticketChanged() {
        remembered.ticket(ticket);
        clearFieldErrors();
        // a quantity off the lot or a price off the tick is said at the field as soon as it is entered
        showFieldErrors(ticket.enteredValueProblems());
        if (account.getValue() == null || !ticket.complete()) {
            preview.removeAll();
            return;
        }
        runPreview();
    }

    /** This desk's ticket (tests: each tab has its own). */
    OrderTicket ticket() {
        return ticket;
    }

    private PreTradeCheck runPreview() {
        try {
            PreTradeCheck check = trading.preview(ticket.toInput(account.getValue().id(), OrderTicket.newClientOrderId()));
            showPreview(check);
            return check;
        } catch (GraphQlApiException rejected) {
            preview.removeAll();
            preview.add(problem(rejected.userMessage()));
            return null;
        } catch (RuntimeException failure) {
            preview.removeAll();
            showError("The pre-trade check could not run", failure);
            return null;
        }
    }

    private void showPreview(PreTradeCheck check) {
        preview.removeAll();
        Span verdict = new Span(check.accepted() ? "Pre-trade check passed" : "Pre-trade check fails");
        verdict.getElement().getThemeList().add(check.accepted() ? "badge success" : "badge error");
        verdict.setId("preview-verdict");
        preview.add(verdict);
        InstrumentFormat format = fmt(ticket.symbol());
        preview.add(new Div(new Span("Notional " + InstrumentFormat.money(check.notional(), format.currency())
                + " @ " + format.price(check.referencePrice()))));
        preview.add(positionLine(check));
        preview.add(new Div(new Span("Gross exposure after " + InstrumentFormat.money(check.resultingGrossExposure(),
                account.getValue() == null ? null : account.getValue().currency()))));
        check.failed().forEach(failed -> preview.add(problem(Refusals.describe(failed.code(), failed.detail()))));
    }

    /**
     * "Position 10 → 17 after this order". The API's resulting position is the worst case: it counts
     * the account's working orders in the symbol as if they all filled. When that differs, it is
     * said as such, never as "Position after" (1,194 shown while the position was 10).
     */
    private Div positionLine(PreTradeCheck check) {
        BigDecimal now = ticket.symbol() == null ? BigDecimal.ZERO : positions.row(ticket.symbol())
                .map(LivePositions.Row::quantity).orElse(BigDecimal.ZERO);
        BigDecimal signed = ticket.side() == OrderTicket.Side.SELL ? ticket.quantity().negate() : ticket.quantity();
        BigDecimal afterThis = now.add(signed);
        InstrumentFormat format = fmt(ticket.symbol());
        String text = "Position " + format.quantity(now) + " → " + format.quantity(afterThis) + " after this order";
        if (check.resultingPosition() != null && check.resultingPosition().compareTo(afterThis) != 0) {
            text += "; " + format.quantity(check.resultingPosition()) + " if all working orders fill too";
        }
        Div line = new Div(new Span(text));
        line.setId("preview-position");
        return line;
    }

    private static Div problem(String text) {
        Div line = new Div(new Span(text));
        line.getStyle().set("color", "var(--lumo-error-text-color)");
        return line;
    }

    private void place() {
        AccountSummary target = account.getValue();
        if (target == null) {
            showError("No account to trade in", new IllegalStateException("no account selected"));
            return;
        }
        Map<String, String> problems = ticket.problems();
        if (!problems.isEmpty()) {
            showFieldErrors(problems);
            return;
        }
        PreTradeCheck check = runPreview();
        if (check == null) {
            return;
        }
        if (!check.accepted()) {
            notifications.post(NotificationCenter.Level.WARNING, "Not sent — " + ticket.summary() + ". "
                    + String.join("; ", check.failed().stream()
                            .map(failed -> Refusals.describe(failed.code(), failed.detail())).toList()));
            return;
        }
        String summary = ticket.summary();
        placeOrder.setEnabled(false);
        try {
            DeskOrder placed = trading.place(ticket.toInput(target.id(), OrderTicket.newClientOrderId()));
            applyOwn(placed);
            notifications.post(NotificationCenter.Level.INFO, "Placed: " + summary);
        } catch (RuntimeException failure) {
            showError("The order was not placed", failure);
        } finally {
            placeOrder.setEnabled(tradingAllowed(account.getValue()));
        }
    }

    private void showFieldErrors(Map<String, String> problems) {
        fieldError(symbol, problems.get(OrderTicket.SYMBOL));
        fieldError(quantity, problems.get(OrderTicket.QUANTITY));
        fieldError(limitPrice, problems.get(OrderTicket.LIMIT_PRICE));
        fieldError(stopPrice, problems.get(OrderTicket.STOP_PRICE));
    }

    private void clearFieldErrors() {
        List.<com.vaadin.flow.component.HasValidation>of(symbol, quantity, limitPrice, stopPrice)
                .forEach(field -> fieldError(field, null));
    }

    private static void fieldError(com.vaadin.flow.component.HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(message != null);
    }

    // ---------------------------------------------------------------- plumbing

    /** Collects a stream's bursts so the browser gets at most one push per stream and interval. */
    private static <T> Flux<List<T>> batched(Flux<T> stream) {
        return stream.bufferTimeout(512, PUSH_INTERVAL);
    }

    private void stopAccountStreams() {
        accountStreams.forEach(DeskView::dispose);
        accountStreams.clear();
        dispose(accountRecheck);
        accountRecheck = null;
    }

    private static void dispose(Disposable disposable) {
        if (disposable != null) {
            disposable.dispose();
        }
    }

    /**
     * Runs a stream callback under the session lock and as the desk's user: callbacks come on
     * Reactor threads, which carry no security context, and some of them call the API again.
     */
    private void access(UI ui, com.vaadin.flow.server.Command command) {
        SecurityContext user = userContext;
        try {
            ui.access(() -> {
                SecurityContext previous = SecurityContextHolder.getContext();
                if (user != null) {
                    SecurityContextHolder.setContext(user);
                }
                try {
                    command.execute();
                } finally {
                    SecurityContextHolder.setContext(previous);
                }
            });
        } catch (UIDetachedException closed) {
            // the user has left; onDetach cancels the subscriptions
        }
    }

    /** A short notification; details only in the log, never on the page. */
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
        notification.setId("api-error");
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.open();
    }
}
