package org.mltrading.query.marketdata.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 */
@Component
public class MarketSimulator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MarketSimulator.class);
    private static final long JOIN_MILLIS = 2_000;

    private final MarketDataHub hub;
    private final Clock clock;
    private final SimulatorSettings settings;
    private final List<InstrumentSimulation> simulations;
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
                           @Value("${platform.marketdata.simulator.enabled:true}") boolean enabled,
                           @Value("${platform.marketdata.simulator.ticks-per-second:50}") double ticksPerSecond,
                           @Value("${platform.marketdata.simulator.seed:42}") long seed,
                           @Value("${platform.marketdata.simulator.symbols:}") String symbols,
                           @Value("${platform.marketdata.simulator.time-scale:1}") double timeScale,
                           @Value("${platform.marketdata.simulator.jumps-per-hour:3}") double jumpsPerHour) {
        this(hub, catalog, clock.getIfAvailable(Clock::systemUTC),
                new SimulatorSettings(enabled, ticksPerSecond, seed, SimulatorSettings.parseSymbols(symbols), timeScale,
                        ModelParameters.DEFAULTS.withJumpsPerHour(jumpsPerHour)));
    }

    public MarketSimulator(MarketDataHub hub, InstrumentCatalog catalog, Clock clock, SimulatorSettings settings) {
        this.hub = Objects.requireNonNull(hub, "hub");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        List<String> symbols = settings.symbols().isEmpty()
                ? catalog.all().stream().map(Instrument::symbol).toList()
                : settings.symbols();
        this.stepSeconds = settings.timeScale() * symbols.size() / settings.ticksPerSecond();
        List<InstrumentSimulation> built = new ArrayList<>();
        for (String symbol : symbols) {
            Instrument instrument = catalog.find(symbol).orElseThrow(() -> new IllegalArgumentException(
                    "platform.marketdata.simulator.symbols names " + symbol + ", which is not in the instrument catalog "
                            + catalog.all().stream().map(Instrument::symbol).toList()));
            SimulationParameters parameters = catalog.parameters(symbol).orElseThrow();
            built.add(InstrumentSimulation.seeded(instrument, parameters, settings.model(), settings.seed(), stepSeconds));
        }
        this.simulations = List.copyOf(built);
        this.lastTimes = new Instant[simulations.size()];
    }

    @Override
    public synchronized void start() {
        if (running || simulations.isEmpty()) {
            return;
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

    @Override
    public boolean isAutoStartup() {
        return settings.enabled();
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
