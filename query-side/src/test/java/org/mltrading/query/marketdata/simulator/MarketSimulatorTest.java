package org.mltrading.query.marketdata.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mltrading.api.marketdata.Bar;
import org.mltrading.api.marketdata.Instrument;
import org.mltrading.api.marketdata.Quote;
import org.mltrading.api.marketdata.Trade;
import org.mltrading.query.marketdata.MarketDataHub;
import org.mltrading.query.marketdata.instrument.InstrumentCatalog;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

/** The live feed: schedules the simulations, stamps their events and publishes them to the hub. */
class MarketSimulatorTest {

    private static final InstrumentCatalog CATALOG =
            InstrumentCatalog.fromResource(new ClassPathResource("marketdata/instruments.csv"));
    private static final Set<String> ALL = Set.of("AAPL", "MSFT", "NVDA", "SPY", "BTC-USD", "ETH-USD", "EURUSD");

    private final MarketDataHub hub = new MarketDataHub(List.of());
    private final List<Object> events = new CopyOnWriteArrayList<>();
    private MarketSimulator simulator;

    @AfterEach
    void stop_the_feed() {
        if (simulator != null) {
            simulator.stop();
        }
    }

    private MarketSimulator start(Clock clock, SimulatorSettings settings) throws Exception {
        hub.subscribeQuotes(ALL, events::add);
        hub.subscribeTrades(ALL, events::add);
        simulator = new MarketSimulator(hub, CATALOG, clock, settings);
        simulator.start();
        return simulator;
    }

    @Test
    void it_publishes_quotes_for_every_instrument_within_a_second() throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch allSeen = new CountDownLatch(1);
        hub.subscribeQuotes(ALL, quote -> {
            if (seen.add(quote.symbol()) && seen.size() == ALL.size()) {
                allSeen.countDown();
            }
        });

        start(Clock.systemUTC(), SimulatorSettings.defaults());

        assertThat(allSeen.await(1, TimeUnit.SECONDS)).as("quotes of %s within a second", seen).isTrue();
        assertThat(simulator.isRunning()).isTrue();
        for (String symbol : ALL) {
            Quote quote = hub.latestQuote(symbol).orElseThrow();
            assertThat(quote.bid()).isLessThan(quote.ask());
        }
    }

    @Test
    void events_strictly_increase_in_time_per_symbol_even_when_the_clock_stands_still() throws Exception {
        Instant frozen = Instant.parse("2026-11-25T10:15:30.123456789Z");
        start(Clock.fixed(frozen, ZoneOffset.UTC), SimulatorSettings.defaults().withTicksPerSecond(5_000));

        awaitQuotes(5_000);
        simulator.stop();

        Map<String, Instant> last = new HashMap<>();
        for (Object event : events) {
            String symbol = event instanceof Quote q ? q.symbol() : ((Trade) event).symbol();
            Instant time = event instanceof Quote q ? q.time() : ((Trade) event).time();
            assertThat(time.getNano() % 1_000).as("micro precision").isZero();
            assertThat(time).isAfterOrEqualTo(frozen.truncatedTo(ChronoUnit.MICROS));
            Instant previous = last.put(symbol, time);
            if (previous != null) {
                assertThat(time).as("%s after %s", symbol, previous).isAfter(previous);
            }
        }
    }

    @Test
    void trade_ids_count_up_per_symbol_and_each_trade_sets_the_next_quotes_last_price() throws Exception {
        start(Clock.systemUTC(), SimulatorSettings.defaults().withTicksPerSecond(5_000));

        awaitQuotes(5_000);
        simulator.stop();

        Map<String, Long> lastId = new HashMap<>();
        Trade pending = null;
        for (Object event : events) {
            if (event instanceof Trade trade) {
                assertThat(trade.tradeId()).isEqualTo(lastId.getOrDefault(trade.symbol(), 0L) + 1);
                lastId.put(trade.symbol(), trade.tradeId());
                pending = trade;
            } else if (pending != null) {
                Quote quote = (Quote) event;
                assertThat(quote.symbol()).isEqualTo(pending.symbol());
                assertThat(quote.last()).isEqualByComparingTo(pending.price());
                assertThat(pending.price()).isIn(quote.bid(), quote.ask());
                pending = null;
            }
        }
        assertThat(lastId).containsOnlyKeys(ALL);
    }

    @Test
    void the_live_feed_follows_the_seeded_path_however_the_thread_is_scheduled() throws Exception {
        SimulatorSettings settings = SimulatorSettings.defaults().withSeed(99).withTicksPerSecond(5_000)
                .withSymbols(List.of("NVDA", "EURUSD"));
        start(Clock.systemUTC(), settings);

        awaitQuotes(2_000);
        simulator.stop();

        List<Quote> live = events.stream().filter(e -> e instanceof Quote q && q.symbol().equals("NVDA"))
                .map(Quote.class::cast).toList();
        InstrumentSimulation replay = InstrumentSimulation.seeded(CATALOG.find("NVDA").orElseThrow(),
                CATALOG.parameters("NVDA").orElseThrow(), ModelParameters.DEFAULTS, 99, simulator.stepSeconds());
        assertThat(simulator.stepSeconds()).isEqualTo(2 / 5_000.0);
        List<List<Object>> expected = new ArrayList<>();
        for (int i = 0; i < live.size(); i++) {
            SimulatedTick tick = replay.next();
            expected.add(List.of(tick.bid(), tick.ask(), tick.last()));
        }
        assertThat(live).extracting(q -> List.<Object>of(q.bid(), q.ask(), q.last())).isEqualTo(expected);
    }

    @Test
    void stopping_ends_the_feed() throws Exception {
        start(Clock.systemUTC(), SimulatorSettings.defaults().withTicksPerSecond(1_000));
        awaitQuotes(100);

        simulator.stop();
        long published = simulator.quotesPublished();
        Thread.sleep(100);

        assertThat(simulator.isRunning()).isFalse();
        assertThat(simulator.quotesPublished()).isEqualTo(published);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("market-simulator"));
    }

    @Test
    void a_symbol_missing_from_the_catalog_is_refused_at_start_up() {
        assertThatThrownBy(() -> new MarketSimulator(hub, CATALOG, Clock.systemUTC(),
                SimulatorSettings.defaults().withSymbols(List.of("AAPL", "TSLA"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TSLA");
    }

    @Test
    void the_properties_configure_the_spring_bean() {
        new ApplicationContextRunner()
                .withBean(MarketDataHub.class, () -> new MarketDataHub(List.of()))
                .withUserConfiguration(InstrumentCatalog.class)
                .withBean(Clock.class, Clock::systemUTC)
                .withUserConfiguration(MarketSimulator.class)
                .withPropertyValues("platform.marketdata.simulator.enabled=false",
                        "platform.marketdata.simulator.ticks-per-second=200",
                        "platform.marketdata.simulator.seed=7",
                        "platform.marketdata.simulator.symbols=eurusd, AAPL",
                        "platform.marketdata.simulator.jumps-per-hour=1")
                .run(context -> {
                    MarketSimulator bean = context.getBean(MarketSimulator.class);
                    assertThat(bean.isRunning()).isFalse();
                    assertThat(bean.symbols()).containsExactly("EURUSD", "AAPL");
                    assertThat(bean.settings().seed()).isEqualTo(7);
                    assertThat(bean.settings().model().jumpsPerHour()).isEqualTo(1);
                    assertThat(bean.stepSeconds()).isEqualTo(2 / 200.0);
                });
    }

    @Test
    void by_default_the_spring_bean_starts_with_the_context_and_simulates_every_instrument() {
        new ApplicationContextRunner()
                .withBean(MarketDataHub.class, () -> new MarketDataHub(List.of()))
                .withUserConfiguration(InstrumentCatalog.class)
                .withUserConfiguration(MarketSimulator.class)
                .run(context -> {
                    MarketSimulator bean = context.getBean(MarketSimulator.class);
                    assertThat(bean.isRunning()).isTrue();
                    assertThat(bean.symbols()).containsExactlyElementsOf(
                            CATALOG.all().stream().map(Instrument::symbol).toList());
                    assertThat(bean.settings().seed()).isEqualTo(SimulatorSettings.DEFAULT_SEED);
                });
    }

    @Test
    void a_first_start_writes_the_history_before_now_and_the_live_feed_continues_its_prices() throws Exception {
        InMemoryHistoryStore store = new InMemoryHistoryStore();
        Instant now = Instant.parse("2026-12-07T10:15:42Z");
        hub.subscribeTrades(ALL, events::add);
        simulator = new MarketSimulator(hub, CATALOG, Clock.fixed(now, ZoneOffset.UTC),
                SimulatorSettings.defaults().withSymbols(List.of("AAPL", "EURUSD")).withTicksPerSecond(20), store,
                new HistorySettings(Duration.ofHours(3), Duration.ofMinutes(10)));
        simulator.start();
        awaitQuotes(40);
        simulator.stop();

        for (String symbol : List.of("AAPL", "EURUSD")) {
            List<Bar> bars = store.bars.get(symbol);
            assertThat(bars.get(0).time()).isEqualTo(Instant.parse("2026-12-07T07:15:00Z"));
            assertThat(bars).hasSizeGreaterThan(170);
            List<Trade> trades = store.trades.get(symbol);
            assertThat(trades.get(0).time()).isAfterOrEqualTo(now.minus(Duration.ofMinutes(10)));
            Trade lastStored = trades.get(trades.size() - 1);
            Trade firstLive = events.stream().filter(Trade.class::isInstance).map(Trade.class::cast)
                    .filter(t -> t.symbol().equals(symbol)).findFirst().orElseThrow();
            // the live feed is the history's simulation going on: a price a few steps on, a later time
            assertThat(firstLive.time()).isAfter(lastStored.time());
            assertThat(firstLive.tradeId()).isGreaterThan(lastStored.tradeId());
            double move = Math.abs(Math.log(firstLive.price().doubleValue() / lastStored.price().doubleValue()));
            assertThat(move).as("%s live %s after history %s", symbol, firstLive.price(), lastStored.price())
                    .isLessThan(0.01);
        }
    }

    @Test
    void a_restart_fills_the_gap_from_the_last_stored_print_without_writing_anything_twice() throws Exception {
        InMemoryHistoryStore store = new InMemoryHistoryStore();
        HistorySettings history = new HistorySettings(Duration.ofHours(2), Duration.ofMinutes(10));
        Instant firstStart = Instant.parse("2026-12-07T10:15:42Z");
        MarketSimulator first = new MarketSimulator(hub, CATALOG, Clock.fixed(firstStart, ZoneOffset.UTC),
                SimulatorSettings.defaults().withSymbols(List.of("AAPL")).withTicksPerSecond(1), store, history);
        first.start();
        first.stop();
        Trade lastBefore = store.trades.get("AAPL").get(store.trades.get("AAPL").size() - 1);
        int barsBefore = store.bars.get("AAPL").size();

        // down for 40 minutes: the gap's older 30 minutes are written as bars, its last 10 as trades
        Instant restart = firstStart.plus(Duration.ofMinutes(40));
        simulator = new MarketSimulator(hub, CATALOG, Clock.fixed(restart, ZoneOffset.UTC),
                SimulatorSettings.defaults().withSymbols(List.of("AAPL")).withTicksPerSecond(1), store, history);
        simulator.start();
        simulator.stop();

        List<Bar> gapBars = store.bars.get("AAPL").subList(barsBefore, store.bars.get("AAPL").size());
        assertThat(gapBars).isNotEmpty();
        Instant lastMinute = lastBefore.time().truncatedTo(ChronoUnit.MINUTES);
        assertThat(gapBars.get(0).time()).isBetween(lastMinute, lastMinute.plus(Duration.ofMinutes(1)));
        assertThat(gapBars.get(gapBars.size() - 1).time()).isBefore(restart.minus(Duration.ofMinutes(10)));
        List<Trade> trades = store.trades.get("AAPL");
        for (int i = 1; i < trades.size(); i++) {
            assertThat(trades.get(i).time()).isAfter(trades.get(i - 1).time());
        }
        assertThat(trades.get(trades.size() - 1).time()).isAfter(restart.minus(Duration.ofSeconds(30)));
        // the restart continues from the stored price: the gap's first bar opens near the last print
        double move = Math.abs(Math.log(gapBars.get(0).open().doubleValue() / lastBefore.price().doubleValue()));
        assertThat(move).isLessThan(0.01);

        // and a restart with nothing missed (within a step of the last print) writes nothing
        int barsNow = store.bars.get("AAPL").size();
        int tradesNow = trades.size();
        Instant lastPrint = trades.get(trades.size() - 1).time();
        MarketSimulator again = new MarketSimulator(hub, CATALOG, Clock.fixed(lastPrint.plusMillis(500), ZoneOffset.UTC),
                SimulatorSettings.defaults().withSymbols(List.of("AAPL")).withTicksPerSecond(1), store, history);
        again.start();
        again.stop();
        assertThat(store.bars.get("AAPL")).hasSize(barsNow);
        assertThat(store.trades.get("AAPL")).hasSize(tradesNow);
    }

    private void awaitQuotes(long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (simulator.quotesPublished() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(simulator.quotesPublished()).isGreaterThanOrEqualTo(count);
    }
}
