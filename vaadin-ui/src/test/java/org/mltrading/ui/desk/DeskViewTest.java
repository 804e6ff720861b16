package org.mltrading.ui.desk;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.server.VaadinServletRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mltrading.ui.chart.CandlestickChart;
import org.mltrading.ui.chart.ChartPrediction;
import org.mltrading.ui.model.ModelClient;
import org.mltrading.ui.model.PredictionPoint;
import org.mltrading.ui.graphql.SubscriptionChannel;
import org.mltrading.ui.marketdata.Candle;
import org.mltrading.ui.marketdata.ChartInterval;
import org.mltrading.ui.marketdata.InstrumentInfo;
import org.mltrading.ui.marketdata.MarketDataClient;
import org.mltrading.ui.news.NewsClient;
import org.mltrading.ui.news.NewsFeed;
import org.mltrading.ui.marketdata.TimeAndSales;
import org.mltrading.ui.marketdata.QuoteTick;
import org.mltrading.ui.shell.NotificationCenter;
import org.mltrading.ui.trading.AccountSummary;
import org.mltrading.ui.trading.DeskOrder;
import org.mltrading.ui.trading.PositionView;
import org.mltrading.ui.trading.PreTradeCheck;
import org.mltrading.ui.trading.TradingClient;
import org.mltrading.uitestapp.UiTestApplication;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import reactor.core.publisher.Sinks;

/** Browserless (Karibu-Testing) tests of the desk with the GraphQL clients stubbed out. */
@SpringBootTest(classes = UiTestApplication.class)
class DeskViewTest {

    private static final AccountSummary DEMO = new AccountSummary("demo-account", "Demo account", "USD",
            new BigDecimal("1000000"), new BigDecimal("1000000"), "ACTIVE", null, List.of());
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static Routes routes;

    @MockitoBean
    MarketDataClient marketData;
    @MockitoBean
    TradingClient trading;
    @MockitoBean
    ModelClient models;
    @MockitoBean
    NewsClient news;
    @Autowired
    ApplicationContext context;

    /** The desk's one connection to the API; the streams on it are the sinks below. */
    private final SubscriptionChannel channel = mock(SubscriptionChannel.class);
    private final Sinks.Many<QuoteTick> quotes = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<Candle> bars = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<DeskOrder> orders = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<PositionView> positions = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<PredictionPoint> predictions = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<TimeAndSales.TradePrint> prints = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<NewsFeed.Item> newsItems = Sinks.many().multicast().directBestEffort();

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("org.mltrading.ui");
        // Karibu's class scan skips package-private classes, and our views are package-private
        routes.getRoutes().add(DeskView.class);
    }

    @BeforeEach
    void openTheDeskAsTrader() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
        var trader = new UsernamePasswordAuthenticationToken("trader", null,
                List.of(new SimpleGrantedAuthority("ROLE_TRADER")));
        SecurityContextHolder.getContext().setAuthentication(trader);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(trader);
        request.setUserInRole((principal, role) -> Set.of("TRADER").contains(role));

        when(marketData.instruments()).thenReturn(List.of(
                new InstrumentInfo("AAPL", "Apple", "EQUITY", "USD", new BigDecimal("0.01"), BigDecimal.ONE),
                new InstrumentInfo("MSFT", "Microsoft", "EQUITY", "USD", new BigDecimal("0.01"), BigDecimal.ONE)));
        when(marketData.bars("AAPL", ChartInterval.ONE_MINUTE)).thenReturn(List.of(
                candle(T0, "100"), candle(T0.plusSeconds(60), "101")));
        when(marketData.openChannel()).thenReturn(channel);
        when(marketData.quotes(eq(channel), anyList())).thenReturn(quotes.asFlux());
        when(marketData.liveBars(eq(channel), eq("AAPL"), any())).thenReturn(bars.asFlux());
        when(marketData.recentTrades(eq("AAPL"), any())).thenReturn(List.of(print("1", T0, "100.00")));
        when(marketData.tradePrints(channel, "AAPL")).thenReturn(prints.asFlux());
        when(news.recent(any(), anyInt())).thenReturn(List.of(newsItem("sim-wire/1", T0, "Apple beats estimates", 0.62)));
        when(news.live(eq(channel), anyList())).thenReturn(newsItems.asFlux());
        when(news.sentiment(eq("AAPL"), any(), any())).thenReturn(List.of(
                new org.mltrading.ui.chart.ChartSentiment(T0.getEpochSecond(), 0.62, 1)));
        when(models.predictions(eq("AAPL"), any())).thenReturn(List.of(prediction(T0, 0.01)));
        when(models.livePredictions(channel, "AAPL")).thenReturn(predictions.asFlux());
        when(trading.accounts()).thenReturn(List.of(DEMO));
        when(trading.recentOrders("demo-account")).thenReturn(List.of());
        when(trading.orderUpdates(channel, "demo-account")).thenReturn(orders.asFlux());
        when(trading.positionUpdates(channel, "demo-account")).thenReturn(positions.asFlux());
        UI.getCurrent().navigate("");
    }

    @AfterEach
    void close() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    private static Candle candle(Instant time, String close) {
        BigDecimal price = new BigDecimal(close);
        return new Candle("AAPL", time, price, price, price, price, BigDecimal.TEN);
    }

    private static PredictionPoint prediction(Instant barTime, double logReturn) {
        return new PredictionPoint("AAPL", "momentum@1", "ONE_MINUTE", logReturn, logReturn - 0.02, logReturn + 0.02,
                barTime);
    }

    private static DeskOrder marketBuy(String status, String filled, Instant updatedAt) {
        return new DeskOrder("o1", "desk-1", "demo-account", "AAPL", "BUY", "MARKET", new BigDecimal("7"), null, null,
                "DAY", status, null, null, null, new BigDecimal(filled),
                "0".equals(filled) ? null : new BigDecimal("101.02"), List.of(), T0.plusSeconds(90), updatedAt);
    }

    /** Subscription callbacks arrive on other threads (batched): let them reach the UI. */
    private static void awaitPushed(Runnable assertion) {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).pollInSameThread().untilAsserted(() -> {
            MockVaadin.clientRoundtrip();
            assertion.run();
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> Grid<T> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    @Test
    void the_desk_shows_the_watchlist_and_the_chart_of_the_first_instrument() {
        assertThat(GridKt._size(grid("watchlist"))).isEqualTo(2);
        assertThat(_get(CandlestickChart.class).bars()).hasSize(2);
        assertThat(_get(CandlestickChart.class).bars().get(1).close()).isEqualTo(101.0);
    }

    @Test
    void live_quotes_and_bars_are_pushed_into_the_watchlist_and_the_chart() {
        quotes.tryEmitNext(new QuoteTick("AAPL", new BigDecimal("101.00"), new BigDecimal("101.04"), null, T0));
        bars.tryEmitNext(candle(T0.plusSeconds(60), "101.50"));
        bars.tryEmitNext(candle(T0.plusSeconds(120), "102"));

        awaitPushed(() -> {
            // to the tick (0.01): the watchlist mixed "230" and "230.02"
            assertThat(GridKt._getFormatted(grid("watchlist"), 0, "bid")).isEqualTo("101.00");
            assertThat(_get(CandlestickChart.class).bars()).extracting(b -> b.close())
                    .containsExactly(100.0, 101.5, 102.0);
        });
    }

    /** Issue 15: time and sales of the chart's instrument, stored prints first, then live, newest on top. */
    @Test
    void the_tape_shows_the_chart_instruments_prints_newest_first_with_their_tick() {
        prints.tryEmitNext(print("2", T0.plusSeconds(1), "100.05"));
        prints.tryEmitNext(print("3", T0.plusSeconds(2), "99.9"));

        awaitPushed(() -> {
            assertThat(GridKt._size(grid("time-and-sales"))).isEqualTo(3);
            assertThat(GridKt._getFormatted(grid("time-and-sales"), 0, "price")).isEqualTo("▼ 99.90");
            assertThat(GridKt._getFormatted(grid("time-and-sales"), 1, "price")).isEqualTo("▲ 100.05");
            assertThat(GridKt._getFormatted(grid("time-and-sales"), 2, "price")).isEqualTo("100.00");
            assertThat(GridKt._getFormatted(grid("time-and-sales"), 0, "size")).isEqualTo("10");
        });
    }

    @Test
    void the_news_tab_shows_stored_then_live_items_of_the_watched_instruments_with_sentiment_badges() {
        verify(news).live(eq(channel), eq(List.of("AAPL", "MSFT")));
        _get(com.vaadin.flow.component.tabs.TabSheet.class, spec -> spec.withId("positions-news")).setSelectedIndex(1);
        assertThat(GridKt._size(grid("news"))).isEqualTo(1);
        newsItems.tryEmitNext(newsItem("sim-social/2", T0.plusSeconds(60), "$MSFT getting crushed", -0.55));

        awaitPushed(() -> {
            assertThat(GridKt._size(grid("news"))).isEqualTo(2);
            assertThat(GridKt._getFormatted(grid("news"), 0, "headline")).isEqualTo("$MSFT getting crushed");
            assertThat(GridKt._getFormatted(grid("news"), 0, "time")).isEqualTo("01-01 10:01");
            assertThat(GridKt._getFormatted(grid("news"), 1, "symbols")).isEqualTo("AAPL");
        });
        // the chart's instrument (AAPL) shows its stored item as a green dot; MSFT's item is not on it
        assertThat(_get(CandlestickChart.class).markers())
                .anyMatch(m -> m.kind().equals("news") && m.side().equals("POSITIVE"))
                .noneMatch(m -> m.kind().equals("news") && m.side().equals("NEGATIVE"));
        assertThat(_get(CandlestickChart.class).sentiment())
                .containsExactly(new org.mltrading.ui.chart.ChartSentiment(T0.getEpochSecond(), 0.62, 1));
        NewsFeed.Item live = GridKt._get(grid("news"), 0);
        com.vaadin.flow.component.html.Span badge = org.mltrading.ui.news.NewsPanel.badge(live);
        assertThat(badge.getText()).isEqualTo("Negative −0.55");
        assertThat(badge.getElement().getThemeList()).contains("badge", "error");
    }

    private static NewsFeed.Item newsItem(String id, Instant at, String headline, double score) {
        return new NewsFeed.Item(id, at, id.substring(0, id.indexOf('/')), "NEWS", headline, score,
                score >= 0.05 ? "POSITIVE" : score <= -0.05 ? "NEGATIVE" : "NEUTRAL", List.of(headline.contains("MSFT") ? "MSFT" : "AAPL"));
    }

    private static TimeAndSales.TradePrint print(String id, Instant time, String price) {
        return new TimeAndSales.TradePrint("AAPL", id, time, new BigDecimal(price), BigDecimal.TEN);
    }

    @Test
    void predictions_are_drawn_as_prices_of_the_next_bar_with_their_band_stored_first_then_live() {
        verify(models).predictions("AAPL", T0);
        // the band starts at the close the first forecast was made at
        assertThat(_get(CandlestickChart.class).predictions()).containsExactly(
                new ChartPrediction(T0.getEpochSecond(), 100, 100, 100),
                new ChartPrediction(T0.plusSeconds(60).getEpochSecond(), 100 * Math.exp(0.01), 100 * Math.exp(-0.01),
                        100 * Math.exp(0.03)));

        predictions.tryEmitNext(prediction(T0.plusSeconds(60), -0.02));

        awaitPushed(() -> assertThat(_get(CandlestickChart.class).predictions()).extracting(ChartPrediction::time,
                ChartPrediction::value).containsExactly(
                tuple(T0.getEpochSecond(), 100.0),
                tuple(T0.plusSeconds(60).getEpochSecond(), 100 * Math.exp(0.01)),
                tuple(T0.plusSeconds(120).getEpochSecond(), 101 * Math.exp(-0.02))));
    }

    @Test
    void placing_from_the_ticket_previews_first_then_sends_and_lists_the_order() {
        when(trading.preview(any())).thenReturn(new PreTradeCheck(true, new BigDecimal("707.28"),
                new BigDecimal("101.04"), new BigDecimal("7"), new BigDecimal("707.28"), List.of(
                new PreTradeCheck.Check("orderNotionalWithinLimit", "RISK_MAX_ORDER_NOTIONAL", true, "707.28 <= 100000"))));
        when(trading.place(any())).thenReturn(marketBuy("PENDING", "0", T0.plusSeconds(90)));

        _get(BigDecimalField.class, spec -> spec.withLabel("Quantity")).setValue(new BigDecimal("7"));
        assertThat(_get(Span.class, spec -> spec.withId("preview-verdict")).getText()).isEqualTo("Pre-trade check passed");
        _click(_get(Button.class, spec -> spec.withText("Place order")));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> input = ArgumentCaptor.forClass(Map.class);
        verify(trading).place(input.capture());
        assertThat(input.getValue()).containsEntry("accountId", "demo-account").containsEntry("symbol", "AAPL")
                .containsEntry("side", "BUY").containsEntry("type", "MARKET").containsEntry("quantity", "7");
        assertThat(GridKt._size(grid("blotter"))).isEqualTo(1);
        assertThat(GridKt._getFormatted(grid("blotter"), 0, "clientOrderId")).isEqualTo("desk-1");
    }

    @Test
    void a_failing_pre_trade_check_keeps_the_order_on_the_ticket() {
        when(trading.preview(any())).thenReturn(new PreTradeCheck(false, new BigDecimal("2000000"),
                new BigDecimal("101"), new BigDecimal("20000"), new BigDecimal("2000000"), List.of(
                new PreTradeCheck.Check("orderNotionalWithinLimit", "RISK_MAX_ORDER_NOTIONAL", false,
                        "2,000,000 > 100,000"))));

        _get(BigDecimalField.class, spec -> spec.withLabel("Quantity")).setValue(new BigDecimal("20000"));
        _click(_get(Button.class, spec -> spec.withText("Place order")));

        verify(trading, never()).place(any());
        assertThat(_get(Span.class, spec -> spec.withId("preview-verdict")).getText()).isEqualTo("Pre-trade check fails");
        assertThat(context.getBean(NotificationCenter.class).entries()).singleElement().satisfies(entry -> {
            assertThat(entry.level()).isEqualTo(NotificationCenter.Level.WARNING);
            assertThat(entry.message()).isEqualTo("Not sent — Buy 20000 AAPL @ market. "
                    + "Order value over the account's limit: 2,000,000 > 100,000");
        });
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("ticket-preview")).getElement()
                .getTextRecursively()).contains("Order value over the account's limit: 2,000,000 > 100,000")
                .doesNotContain("RISK_");
    }

    @Test
    void a_quantity_off_the_lot_is_refused_at_the_field_with_the_numbers_and_never_sent() {
        _get(BigDecimalField.class, spec -> spec.withLabel("Quantity")).setValue(new BigDecimal("1.5"));

        BigDecimalField quantity = _get(BigDecimalField.class, spec -> spec.withLabel("Quantity"));
        assertThat(quantity.isInvalid()).isTrue();
        assertThat(quantity.getErrorMessage()).isEqualTo("Quantity 1.5 is not a multiple of the lot size 1 (nearest 1 or 2).");
        _click(_get(Button.class, spec -> spec.withId("place-order")));
        verify(trading, never()).preview(any());
        verify(trading, never()).place(any());
    }

    @Test
    void a_refusal_of_the_api_is_shown_in_words_with_its_numbers_not_as_an_unexpected_error() {
        when(trading.preview(any())).thenThrow(new org.mltrading.ui.graphql.GraphQlApiException(
                org.mltrading.ui.graphql.GraphQlApiException.Kind.REJECTED, "ORDER_INVALID_PRICE",
                "prices must be multiples of the tick size 0.01", null));

        _get(BigDecimalField.class, spec -> spec.withLabel("Quantity")).setValue(new BigDecimal("7"));

        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("ticket-preview")).getElement()
                .getTextRecursively()).isEqualTo("Price not accepted: prices must be multiples of the tick size 0.01");
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNoNotifications();
    }

    @Test
    void a_halted_account_cannot_place_orders_and_the_button_says_why() {
        AccountSummary halted = new AccountSummary("halted-account", "Halted", "USD", new BigDecimal("1000000"),
                new BigDecimal("1000000"), "HALTED", "desk limit breach", List.of());
        when(trading.recentOrders("halted-account")).thenReturn(List.of());
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.select.Select<AccountSummary> account =
                _get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("desk-account"));
        account.setItems(DEMO, halted);
        account.setValue(halted);

        Button place = _get(Button.class, spec -> spec.withId("place-order"));
        assertThat(place.isEnabled()).isFalse();
        assertThat(place.getText()).isEqualTo("Trading halted");
        assertThat(place.getTooltip().getText()).contains("desk limit breach");

        account.setValue(DEMO);
        assertThat(place.isEnabled()).isTrue();
        assertThat(place.getText()).isEqualTo("Place order");
    }

    @Test
    void a_limit_order_without_a_limit_price_is_not_sent_and_the_field_says_why() {
        _get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("ticket-type"))
                .setValue(org.mltrading.ui.trading.OrderTicket.Type.LIMIT);
        _get(BigDecimalField.class, spec -> spec.withLabel("Quantity")).setValue(new BigDecimal("7"));

        _click(_get(Button.class, spec -> spec.withText("Place order")));

        BigDecimalField limit = _get(BigDecimalField.class, spec -> spec.withLabel("Limit price"));
        assertThat(limit.isInvalid()).isTrue();
        assertThat(limit.getErrorMessage()).isEqualTo("A limit order needs a limit price.");
        verify(trading, never()).preview(any());
        verify(trading, never()).place(any());
    }

    @Test
    void a_pushed_fill_updates_the_blotter_and_rings_the_bell_and_positions_show_live_pnl() {
        orders.tryEmitNext(marketBuy("WORKING", "0", T0.plusSeconds(91)));
        orders.tryEmitNext(marketBuy("FILLED", "7", T0.plusSeconds(92)));
        positions.tryEmitNext(new PositionView("demo-account", "AAPL", new BigDecimal("7"), new BigDecimal("101.02"),
                null, null, BigDecimal.ZERO));
        quotes.tryEmitNext(new QuoteTick("AAPL", null, null, new BigDecimal("102.02"), T0.plusSeconds(93)));

        awaitPushed(() -> {
            assertThat(GridKt._getFormatted(grid("blotter"), 0, "filled")).isEqualTo("7");
            assertThat(_get(Span.class, spec -> spec.withId("notification-count")).getText()).isEqualTo("1");
            assertThat(GridKt._getFormatted(grid("positions"), 0, "unrealizedPnl")).isEqualTo("+7.00");
        });
    }

    @Test
    void leaving_the_desk_closes_every_subscription() {
        assertThat(quotes.currentSubscriberCount()).isEqualTo(1);
        assertThat(orders.currentSubscriberCount()).isEqualTo(1);

        _get(DeskView.class).removeFromParent();

        assertThat(quotes.currentSubscriberCount()).isZero();
        assertThat(bars.currentSubscriberCount()).isZero();
        assertThat(orders.currentSubscriberCount()).isZero();
        assertThat(positions.currentSubscriberCount()).isZero();
        assertThat(predictions.currentSubscriberCount()).isZero();
        verify(channel).close();
    }

    @Test
    void after_a_fill_cash_equity_and_positions_are_read_again_even_without_a_position_push() {
        PositionView bought = new PositionView("demo-account", "AAPL", new BigDecimal("7"), new BigDecimal("101.02"),
                new BigDecimal("707.14"), BigDecimal.ZERO, BigDecimal.ZERO);
        when(trading.account("demo-account")).thenReturn(new AccountSummary("demo-account", "Demo account", "USD",
                new BigDecimal("999292.86"), new BigDecimal("1000000"), "ACTIVE", null, List.of(bought)));

        orders.tryEmitNext(marketBuy("WORKING", "0", T0.plusSeconds(91)));
        orders.tryEmitNext(marketBuy("FILLED", "7", T0.plusSeconds(92)));

        awaitPushed(() -> {
            assertThat(_get(Span.class, spec -> spec.withId("account-figures")).getText())
                    .startsWith("Cash 999,292.86 USD  ·  Equity 1,000,000.00 USD");
            assertThat(GridKt._size(grid("positions"))).isEqualTo(1);
            assertThat(GridKt._getFormatted(grid("positions"), 0, "quantity")).isEqualTo("7");
        });
    }

    @Test
    void equity_follows_the_mark_between_fills() {
        PositionView bought = new PositionView("demo-account", "AAPL", new BigDecimal("7"), new BigDecimal("101.02"),
                new BigDecimal("707.14"), BigDecimal.ZERO, BigDecimal.ZERO);
        when(trading.account("demo-account")).thenReturn(new AccountSummary("demo-account", "Demo account", "USD",
                new BigDecimal("999292.86"), new BigDecimal("1000000"), "ACTIVE", null, List.of(bought)));
        positions.tryEmitNext(bought);
        awaitPushed(() -> assertThat(_get(Span.class, spec -> spec.withId("account-figures")).getText())
                .startsWith("Cash 999,292.86 USD  ·  Equity 1,000,000.00 USD"));

        quotes.tryEmitNext(new QuoteTick("AAPL", null, null, new BigDecimal("111.02"), T0.plusSeconds(93)));

        awaitPushed(() -> assertThat(_get(Span.class, spec -> spec.withId("account-figures")).getText())
                .startsWith("Cash 999,292.86 USD  ·  Equity 1,000,070.00 USD"));
    }

    @Test
    void the_preview_tells_the_position_now_and_after_this_order_and_names_working_orders_apart() {
        positions.tryEmitNext(new PositionView("demo-account", "AAPL", new BigDecimal("10"), new BigDecimal("100"),
                new BigDecimal("1000"), BigDecimal.ZERO, BigDecimal.ZERO));
        awaitPushed(() -> assertThat(GridKt._size(grid("positions"))).isEqualTo(1));
        when(trading.preview(any())).thenReturn(new PreTradeCheck(true, new BigDecimal("707.28"),
                new BigDecimal("101.04"), new BigDecimal("1194"), new BigDecimal("120000"), List.of()));

        _get(BigDecimalField.class, spec -> spec.withLabel("Quantity")).setValue(new BigDecimal("7"));

        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("preview-position"))
                .getElement().getTextRecursively())
                .isEqualTo("Position 10 → 17 after this order; 1,194 if all working orders fill too");
    }

    @Test
    void the_preview_follows_the_typing_and_sits_below_the_button_so_the_button_never_moves() {
        BigDecimalField quantity = _get(BigDecimalField.class, spec -> spec.withLabel("Quantity"));
        assertThat(quantity.getValueChangeMode()).isEqualTo(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        var ticket = _get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, spec -> spec.withId("order-ticket"));
        int button = ticket.indexOf(_get(Button.class, spec -> spec.withId("place-order")));
        int preview = ticket.indexOf(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("ticket-preview")));
        assertThat(button).isLessThan(preview);
    }

    @Test
    void at_1024_px_the_side_menu_closes_and_the_desk_narrows_its_side_panels_and_back_at_1440() {
        var shell = _get(org.mltrading.ui.shell.MainLayout.class);
        var ticket = _get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, spec -> spec.withId("order-ticket"));
        assertThat(shell.isDrawerOpened()).isTrue();

        org.mltrading.ui.shell.Viewport.update(UI.getCurrent(), 1024);

        assertThat(shell.isDrawerOpened()).isFalse();
        assertThat(grid("watchlist").getWidth()).isEqualTo(DeskView.WATCHLIST_WIDTH_COMPACT);
        assertThat(ticket.getWidth()).isEqualTo(DeskView.TICKET_WIDTH_COMPACT);
        assertThat(_get(CandlestickChart.class).getHeight()).isEqualTo("300px");

        org.mltrading.ui.shell.Viewport.update(UI.getCurrent(), 1440);

        assertThat(shell.isDrawerOpened()).isTrue();
        assertThat(grid("watchlist").getWidth()).isEqualTo(DeskView.WATCHLIST_WIDTH);
        assertThat(ticket.getWidth()).isEqualTo(DeskView.TICKET_WIDTH);
    }

    @Test
    void enter_on_the_focused_watchlist_row_opens_that_instrument_and_the_keys_are_listed() {
        when(marketData.bars(eq("MSFT"), any())).thenReturn(List.of());
        when(marketData.liveBars(eq(channel), eq("MSFT"), any())).thenReturn(bars.asFlux());
        when(models.predictions(eq("MSFT"), any())).thenReturn(List.of());
        when(models.livePredictions(channel, "MSFT")).thenReturn(predictions.asFlux());
        Grid<?> watchlist = grid("watchlist");
        Object second = GridKt._get(watchlist, 1);

        // the arrow keys move the grid's cell focus in the browser; the grid reports the focused row
        fireFocus(watchlist, second);
        // the browser sends a keydown only when the listener's filter held: here, the key was Enter
        elemental.json.JsonObject enter = elemental.json.Json.createObject();
        enter.put("event.key === 'Enter'", true);
        watchlist.getElement().getNode().getFeature(com.vaadin.flow.internal.nodefeature.ElementListenerMap.class)
                .fireEvent(new com.vaadin.flow.dom.DomEvent(watchlist.getElement(), "keydown", enter));

        assertThat(_get(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withId("ticket-symbol"))
                .getValue()).isEqualTo("MSFT");
        verify(marketData, org.mockito.Mockito.atLeastOnce()).bars(eq("MSFT"), any());

        _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("shortcut-help")));
        String listed = _get(com.vaadin.flow.component.dialog.Dialog.class, spec -> spec.withId("shortcut-help-dialog"))
                .getElement().getTextRecursively();
        assertThat(listed).contains("↑ ↓", "Alt+B / Alt+S", "Alt+Q", "place the order");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void fireFocus(Grid grid, Object item) {
        String key = grid.getDataCommunicator().getKeyMapper().key(item);
        com.vaadin.flow.component.ComponentUtil.fireEvent(grid,
                new com.vaadin.flow.component.grid.CellFocusEvent<>(grid, true, key, null, "body"));
    }

    @Test
    void two_desks_of_one_session_edit_tickets_of_their_own() {
        DeskView first = _get(DeskView.class);
        _get(BigDecimalField.class, spec -> spec.withLabel("Quantity")).setValue(new BigDecimal("10"));

        UI.getCurrent().getPage().reload(); // a second tab of the same session: a new UI, a new desk
        UI.getCurrent().navigate("");
        DeskView second = _get(DeskView.class);
        BigDecimalField quantity = _get(BigDecimalField.class, spec -> spec.withLabel("Quantity"));
        assertThat(quantity.getValue()).isEqualByComparingTo("10"); // opens as last typed
        quantity.setValue(new BigDecimal("1000"));

        assertThat(second).isNotSameAs(first);
        assertThat(second.ticket().quantity()).isEqualByComparingTo("1000");
        // what the first tab's Place order would send is what the first tab shows
        assertThat(first.ticket().quantity()).isEqualByComparingTo("10");
    }

    @Test
    void a_reload_keeps_the_symbol_the_interval_the_ticket_and_the_bells_history() {
        when(marketData.bars(eq("MSFT"), any())).thenReturn(List.of());
        when(marketData.liveBars(eq(channel), eq("MSFT"), any())).thenReturn(bars.asFlux());
        when(models.predictions(eq("MSFT"), any())).thenReturn(List.of());
        when(models.livePredictions(channel, "MSFT")).thenReturn(predictions.asFlux());
        _get(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withId("ticket-symbol")).setValue("MSFT");
        GridKt._clickItem(grid("watchlist"), 1);
        _get(com.vaadin.flow.component.tabs.Tabs.class, spec -> spec.withId("chart-interval")).setSelectedIndex(
                ChartInterval.FIVE_MINUTES.ordinal());
        _get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("ticket-type"))
                .setValue(org.mltrading.ui.trading.OrderTicket.Type.LIMIT);
        _get(BigDecimalField.class, spec -> spec.withLabel("Limit price")).setValue(new BigDecimal("101.50"));
        orders.tryEmitNext(marketBuy("WORKING", "0", T0.plusSeconds(91)));
        orders.tryEmitNext(marketBuy("FILLED", "7", T0.plusSeconds(92)));
        awaitPushed(() -> assertThat(_get(Span.class, spec -> spec.withId("notification-count")).getText()).isEqualTo("1"));

        UI.getCurrent().getPage().reload();
        UI.getCurrent().navigate("");

        assertThat(_get(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withId("ticket-symbol"))
                .getValue()).isEqualTo("MSFT");
        assertThat(_get(com.vaadin.flow.component.tabs.Tabs.class, spec -> spec.withId("chart-interval"))
                .getSelectedIndex()).isEqualTo(ChartInterval.FIVE_MINUTES.ordinal());
        verify(marketData, org.mockito.Mockito.atLeastOnce()).bars("MSFT", ChartInterval.FIVE_MINUTES);
        assertThat(_get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("ticket-type")).getValue())
                .isEqualTo(org.mltrading.ui.trading.OrderTicket.Type.LIMIT);
        assertThat(_get(BigDecimalField.class, spec -> spec.withLabel("Limit price")).getValue())
                .isEqualByComparingTo("101.50");
        assertThat(_get(Span.class, spec -> spec.withId("notification-count")).getText()).isEqualTo("1");
        assertThat(context.getBean(NotificationCenter.class).entries()).extracting(NotificationCenter.Entry::message)
                .containsExactly("Filled: BUY 7 AAPL @ 101.02");
    }

    @Test
    void prices_quantities_and_money_on_the_desk_are_written_to_tick_lot_and_currency() {
        DeskOrder filled = new DeskOrder("o9", "desk-9", "demo-account", "AAPL", "BUY", "LIMIT", new BigDecimal("11"),
                new BigDecimal("230.10"), null, "DAY", "FILLED", null, null, null, new BigDecimal("11.000000"),
                new BigDecimal("230.0445481818182"), List.of(new DeskOrder.DeskFill("f1", new BigDecimal("230.053003"),
                new BigDecimal("11"), BigDecimal.ZERO, T0.plusSeconds(60))), T0.plusSeconds(30), T0.plusSeconds(60));
        orders.tryEmitNext(filled);
        positions.tryEmitNext(new PositionView("demo-account", "AAPL", new BigDecimal("11.0000"),
                new BigDecimal("230.0445481818182"), null, null, new BigDecimal("0.123456")));
        quotes.tryEmitNext(new QuoteTick("AAPL", new BigDecimal("230"), new BigDecimal("230.02"),
                new BigDecimal("230.053003"), T0.plusSeconds(61)));

        awaitPushed(() -> {
            assertThat(GridKt._getFormatted(grid("watchlist"), 0, "bid")).isEqualTo("230.00");
            assertThat(GridKt._getFormatted(grid("watchlist"), 0, "ask")).isEqualTo("230.02");
            assertThat(GridKt._getFormatted(grid("blotter"), 0, "filled")).isEqualTo("11");
            assertThat(GridKt._getFormatted(grid("blotter"), 0, "limit")).isEqualTo("230.10");
            assertThat(GridKt._getFormatted(grid("blotter"), 0, "avgPrice")).isEqualTo("230.0445");
            assertThat(GridKt._getFormatted(grid("positions"), 0, "quantity")).isEqualTo("11");
            assertThat(GridKt._getFormatted(grid("positions"), 0, "avgPrice")).isEqualTo("230.0445");
            assertThat(GridKt._getFormatted(grid("positions"), 0, "mark")).isEqualTo("230.05");
            assertThat(GridKt._getFormatted(grid("positions"), 0, "realizedPnl")).isEqualTo("+0.12");
        });
        assertThat(_get(CandlestickChart.class).markers()).extracting(m -> m.text()).contains("Fill 11 @ 230.05");
        assertThat(context.getBean(NotificationCenter.class).entries()).extracting(NotificationCenter.Entry::message)
                .contains("Filled: BUY 11 AAPL @ 230.0445");
    }

    @Test
    void amend_and_cancel_stay_pinned_to_the_blotters_right_edge() {
        Grid<DeskOrder> blotter = grid("blotter");
        var actions = blotter.getColumnByKey("actions");

        assertThat(actions.isFrozenToEnd()).isTrue();
        assertThat(blotter.getColumns().get(blotter.getColumns().size() - 1)).isSameAs(actions);
    }

    @Test
    void a_position_pushed_before_the_cash_is_booked_does_not_inflate_equity() {
        when(trading.account("demo-account")).thenReturn(DEMO);
        positions.tryEmitNext(new PositionView("demo-account", "AAPL", new BigDecimal("7"), new BigDecimal("230"),
                new BigDecimal("1610"), BigDecimal.ZERO, BigDecimal.ZERO));
        quotes.tryEmitNext(new QuoteTick("AAPL", null, null, new BigDecimal("230"), T0.plusSeconds(61)));

        awaitPushed(() -> {
            assertThat(GridKt._size(grid("positions"))).isEqualTo(1);
            assertThat(_get(Span.class, spec -> spec.withId("account-figures")).getText())
                    .startsWith("Cash 1,000,000.00 USD  ·  Equity 1,000,000.00 USD");
        });
    }

    @Test
    void cancel_all_asks_first_then_cancels_each_working_order_and_says_how_many() {
        DeskOrder first = limitBuy("o1", "desk-1", "WORKING", T0.plusSeconds(91));
        DeskOrder second = limitBuy("o2", "desk-2", "PARTIALLY_FILLED", T0.plusSeconds(92));
        orders.tryEmitNext(first);
        orders.tryEmitNext(second);
        awaitPushed(() -> assertThat(GridKt._size(grid("blotter"))).isEqualTo(2));
        when(trading.cancel("o1")).thenReturn(limitBuy("o1", "desk-1", "CANCELLED", T0.plusSeconds(93)));
        when(trading.cancel("o2")).thenThrow(new org.mltrading.ui.graphql.GraphQlApiException(
                org.mltrading.ui.graphql.GraphQlApiException.Kind.UNREACHABLE, "timeout", null));

        _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("blotter-cancel-all")));
        verify(trading, never()).cancel(any());
        _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("cancel-all-confirm")));

        verify(trading).cancel("o1");
        verify(trading).cancel("o2");
        assertThat(context.getBean(NotificationCenter.class).entries()).extracting(NotificationCenter.Entry::message)
                .contains("Cancelled 1 of 2 working orders; the others could not be cancelled.");
    }

    private static DeskOrder limitBuy(String id, String clientOrderId, String status, Instant updatedAt) {
        return new DeskOrder(id, clientOrderId, "demo-account", "AAPL", "BUY", "LIMIT", new BigDecimal("5"),
                new BigDecimal("90.00"), null, "GTC", status, null, null, null,
                "PARTIALLY_FILLED".equals(status) ? new BigDecimal("1") : BigDecimal.ZERO, null, List.of(),
                T0.plusSeconds(90), updatedAt);
    }
}
