package org.mltrading.query.marketdata.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.mltrading.api.marketdata.Instrument;
import org.mltrading.api.marketdata.Quote;
import org.mltrading.api.marketdata.Trade;
import org.mltrading.query.marketdata.MarketDataHub;
import org.mltrading.query.marketdata.instrument.InstrumentCatalog;
import org.mltrading.query.marketdata.instrument.SimulationParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The default live feed: steps one {@link InstrumentSimulation} per instrument, round-robin, on one
 * daemon thread at {@code ticks-per-second} quote updates in total, and publishes each quote and trade
 * print to the {@link MarketDataHub}. Each step advances its instrument by the same simulated time
 * ({@code time-scale × instruments / ticks-per-second} seconds), so the prices for a seed do not
 * depend on how punctually the thread wakes: a late thread catches up (at most one second of
 * backlog, beyond which it falls behind instead of bursting). Events carry the injected clock's time,
 * truncated to microseconds and nudged forward so that they strictly increase per symbol; a trade
 * is stamped just before the quote whose {@code last} it sets.
 *
 * <p>Warm start: before it goes live, the feed writes the market each instrument would have had over
 * the {@link HistorySettings#length() history length} before now ({@link SimulatedHistory}, on the
 * seed's streams: the same prices in every run), so charts, features and models have data at once. A
 * restart continues each instrument from its last stored print and fills the gap up to now, on a
 * stream of the seed, the symbol and the resume time; nothing is written twice (the history starts
 * after the last stored print).
 */
@Component
public class MarketSimulator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MarketSimulator.class);
    private static final long JOIN_MILLIS = 2_000;
    /** The finest step of warm-start history (wall seconds): 5 days stay a few million steps. */
    private static final double MIN_HISTORY_STEP_SECONDS = 0.1;

    private final MarketDataHub hub;
    private final Clock clock;
    private final SimulatorSettings settings;
    private final List<InstrumentSimulation> simulations;
    private final List<SimulationParameters> parameters;
    private final SimulatedHistoryStore historyStore;
    private final HistorySettings history;
    private final Instant[] lastTimes;
    private final double stepSeconds;
    private final AtomicLong quotesPublished = new AtomicLong();
    private final AtomicLong tradesPublished = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private int cursor;
    private volatile boolean running;
    private Thread worker;

    @Autowired
    public MarketSimulator(MarketDataHub hub, InstrumentCatalog catalog, ObjectProvider<Clock> clock,
                           ObjectProvider<SimulatedHistoryStore> historyStore,
                           @Value("${platform.marketdata.simulator.history.length:5d}") String historyLength,
                           @Value("${platform.marketdata.simulator.history.trades:60m}") String historyTrades,
                           @Value("${platform.marketdata.simulator.enabled:true}") boolean enabled,
                           @Value("${platform.marketdata.simulator.ticks-per-second:50}") double ticksPerSecond,
                           @Value("${platform.marketdata.simulator.seed:42}") long seed,
                           @Value("${platform.marketdata.simulator.symbols:}") String symbols,
                           @Value("${platform.marketdata.simulator.time-scale:1}") double timeScale,
                           @Value("${platform.marketdata.simulator.jumps-per-hour:3}") double jumpsPerHour) {
        this(hub, catalog, clock.getIfAvailable(Clock::systemUTC),
                new SimulatorSettings(enabled, ticksPerSecond, seed, SimulatorSettings.parseSymbols(symbols), timeScale,
                        ModelParameters.DEFAULTS.withJumpsPerHour(jumpsPerHour)),
                historyStore.getIfAvailable(), new HistorySettings(DurationStyle.detectAndParse(historyLength),
                        DurationStyle.detectAndParse(historyTrades)));
    }

    /** A feed without warm start. */
    public MarketSimulator(MarketDataHub hub, InstrumentCatalog catalog, Clock clock, SimulatorSettings settings) {
        this(hub, catalog, clock, settings, null, HistorySettings.NONE);
    }

    public MarketSimulator(MarketDataHub hub, InstrumentCatalog catalog, Clock clock, SimulatorSettings settings,
                           SimulatedHistoryStore historyStore, HistorySettings history) {
        this.historyStore = historyStore;
        this.history = Objects.requireNonNull(history, "history");
        this.hub = Objects.requireNonNull(hub, "hub");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        List<String> symbols = settings.symbols().isEmpty()
                ? catalog.all().stream().map(Instrument::symbol).toList()
                : settings.symbols();
        this.stepSeconds = settings.timeScale() * symbols.size() / settings.ticksPerSecond();
        List<InstrumentSimulation> built = new ArrayList<>();
        List<SimulationParameters> parametersBuilt = new ArrayList<>();
        for (String symbol : symbols) {
            Instrument instrument = catalog.find(symbol).orElseThrow(() -> new IllegalArgumentException(
                    "platform.marketdata.simulator.symbols names " + symbol + ", which is not in the instrument catalog "
                            + catalog.all().stream().map(Instrument::symbol).toList()));
            SimulationParameters parameters = catalog.parameters(symbol).orElseThrow();
            parametersBuilt.add(parameters);
            built.add(InstrumentSimulation.seeded(instrument, parameters, settings.model(), settings.seed(), stepSeconds));
        }
        this.simulations = new ArrayList<>(built);
        this.parameters = List.copyOf(parametersBuilt);
        this.lastTimes = new Instant[simulations.size()];
    }

    @Override
    public synchronized void start() {
        if (running || simulations.isEmpty()) {
            return;
        }
        if (history.enabled() && historyStore != null) {
            warmStart();
        }
        running = true;
        worker = new Thread(this::run, "market-simulator");
        worker.setDaemon(true);
        worker.start();
        log.info("Market simulator started: {} instruments, {} quotes/s, seed {}, {} simulated s per step",
                simulations.size(), settings.ticksPerSecond(), settings.seed(), stepSeconds);
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        Thread thread = worker;
        LockSupport.unpark(thread);
        try {
            thread.join(JOIN_MILLIS);
            if (thread.isAlive()) {
                // blocked in a sink (e.g. a full storage queue): give up the tick rather than hang shutdown
                thread.interrupt();
                thread.join(JOIN_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker = null;
        log.info("Market simulator stopped after {} quotes and {} trades", quotesPublished.get(), tradesPublished.get());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * After the storage writer, before the live predictor: the predictor warms its series from the
     * bars the warm start stored.
     */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }

    @Override
    public boolean isAutoStartup() {
        return settings.enabled();
    }

    /**
     * Writes each instrument's history up to now and hands the live feed the simulation that wrote it,
     * so the live prices continue the history's last ones. Runs before the feed thread starts and the
     * live predictor reads stored bars (it starts in a later phase).
     */
    private void warmStart() {
        long began = System.nanoTime();
        double wallStep = stepSeconds / settings.timeScale();
        // a very fast feed (benchmarks) would take minutes to write days at its own pace: coarser steps
        double historyStep = Math.max(wallStep, MIN_HISTORY_STEP_SECONDS);
        int bars = 0;
        int trades = 0;
        for (int index = 0; index < simulations.size(); index++) {
            Instant now = clock.instant();
            Instant earliest = now.truncatedTo(ChronoUnit.MINUTES).minus(history.length());
            InstrumentSimulation fresh = simulations.get(index);
            String symbol = fresh.instrument().symbol();
            Optional<LastPrint> last;
            try {
                last = historyStore.lastPrint(symbol);
            } catch (RuntimeException e) {
                log.warn("Stored history of {} could not be read; its feed starts without warm start: {}", symbol,
                        e.getMessage());
                continue;
            }
            Instant from = earliest;
            InstrumentSimulation simulation = fresh;
            if (last.isPresent()) {
                Instant afterLast = last.get().time().plusNanos(Math.round(historyStep * 1e9));
                from = afterLast.isAfter(earliest) ? afterLast : earliest;
                simulation = resumed(index, last.get().price(), from, historyStep);
            } else if (historyStep != wallStep) {
                simulation = InstrumentSimulation.seeded(fresh.instrument(), parameters.get(index), settings.model(),
                        settings.seed(), historyStep * settings.timeScale());
            }
            Instant recent = now.minus(history.tradesPart());
            SimulatedHistory written = SimulatedHistory.generate(simulation, from, now,
                    recent.isAfter(from) ? recent : from, historyStep);
            try {
                historyStore.write(symbol, written.bars(), written.trades());
            } catch (RuntimeException e) {
                // no history is a poorer start, not a reason to have no feed: the live prices still flow
                log.warn("Warm-start history of {} could not be stored; its feed starts without it: {}", symbol,
                        e.getMessage());
            }
            bars += written.bars().size();
            trades += written.trades().size();
            LastPrint end = written.last() != null ? written.last() : last.orElse(null);
            if (historyStep == wallStep) {
                simulations.set(index, simulation); // the live feed goes on from the history's very state
            } else if (end != null) {
                simulations.set(index, resumed(index, end.price(), end.time(), wallStep));
            }
            lastTimes[index] = end == null ? null : end.time();
        }
        log.info("Market simulator warm start: {} one-minute bars and {} trades written for {} instruments in {} ms",
                bars, trades, simulations.size(), (System.nanoTime() - began) / 1_000_000);
    }

    /** A simulation of the instrument from {@code price} on, on the seed's stream for resuming at {@code at}. */
    private InstrumentSimulation resumed(int index, java.math.BigDecimal price, Instant at, double wallStep) {
        InstrumentSimulation fresh = simulations.get(index);
        return new InstrumentSimulation(fresh.instrument(),
                new SimulationParameters(price, parameters.get(index).annualVolatility()), settings.model(),
                Seeds.resumed(settings.seed(), fresh.instrument().symbol(), at), wallStep * settings.timeScale());
    }

    private void run() {
        double rate = settings.ticksPerSecond();
        long maxBacklog = Math.max(1, (long) rate);
        long origin = System.nanoTime();
        long done = 0;
        while (running) {
            long due = (long) ((System.nanoTime() - origin) * rate / 1e9);
            if (due - done > maxBacklog) {
                done = due - maxBacklog;
            }
            while (done < due && running) {
                stepNext();
                done++;
            }
            long wakeAt = origin + (long) Math.ceil((done + 1) * 1e9 / rate);
            LockSupport.parkNanos(this, wakeAt - System.nanoTime());
            // stop() interrupts only a thread stuck in a sink; clearing the flag keeps parkNanos from spinning
            if (Thread.interrupted() && !running) {
                return;
            }
        }
    }

    private void stepNext() {
        int index = cursor;
        cursor = (cursor + 1) % simulations.size();
        SimulatedTick tick = simulations.get(index).next();
        try {
            tick.trade().ifPresent(trade -> {
                hub.publish(new Trade(tick.symbol(), trade.price(), trade.size(), trade.tradeId(), stamp(index)));
                tradesPublished.incrementAndGet();
            });
            hub.publish(new Quote(tick.symbol(), tick.bid(), tick.ask(), tick.last(), stamp(index)));
            quotesPublished.incrementAndGet();
        } catch (RuntimeException e) {
            // a failing consumer must not kill the feed; log the first and then every 1000th
            if (failures.getAndIncrement() % 1000 == 0) {
                log.warn("Publishing simulated {} failed ({} failures so far): {}", tick.symbol(), failures.get(),
                        e.toString());
            }
        }
    }

    /** The clock's time in microseconds, strictly after the symbol's previous event. */
    private Instant stamp(int index) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant previous = lastTimes[index];
        if (previous != null && !now.isAfter(previous)) {
            now = previous.plus(1, ChronoUnit.MICROS);
        }
        lastTimes[index] = now;
        return now;
    }

    /** The simulated symbols, in round-robin order. */
    public List<String> symbols() {
        return simulations.stream().map(s -> s.instrument().symbol()).toList();
    }

    /** Simulated seconds each instrument advances per step. */
    public double stepSeconds() {
        return stepSeconds;
    }

    public HistorySettings history() {
        return history;
    }

    public SimulatorSettings settings() {
        return settings;
    }

    public long quotesPublished() {
        return quotesPublished.get();
    }

    public long tradesPublished() {
        return tradesPublished.get();
    }
}
