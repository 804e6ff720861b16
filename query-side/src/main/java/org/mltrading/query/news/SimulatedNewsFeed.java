package org.mltrading.query.news;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.mltrading.api.marketdata.Instrument;
import org.mltrading.api.marketdata.Quote;
import org.mltrading.query.marketdata.MarketDataHub;
import org.mltrading.query.marketdata.instrument.InstrumentCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The local demo's news and social feed: deterministic (one seeded generator), it writes a story when
 * the simulated market jumps — a mid move far beyond the instrument's usual tick-to-tick move — mostly in
 * the jump's direction (so sentiment is correlated with the moves), and background items at a steady
 * rate: about 40 % positive, 35 % negative, 25 % neutral, NEWS and SOCIAL (with cashtags). On simulated
 * news a sentiment model can only learn the signal planted here; real value needs a real feed.
 * Items go through {@link NewsIngest} like any feed's, on this feed's own thread.
 */
@Component
class SimulatedNewsFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SimulatedNewsFeed.class);
    /** A move this many times the running mean absolute tick move is a jump. */
    static final double JUMP_FACTOR = 12;
    private static final double EWMA = 0.02;

    private static final String[] POSITIVE = {
        "{name} shares jump as analysts upgrade the stock",
        "{name} beats estimates; record profit lifts the outlook",
        "{name} rallies on strong demand and a raised forecast",
        "Investors cheer {name} after a surprise dividend increase",
    };
    private static final String[] NEGATIVE = {
        "{name} shares plunge after a profit warning",
        "{name} tumbles as regulators open a probe",
        "{name} slides on weak guidance and layoffs",
        "Analysts downgrade {name}, citing slowing growth and rising losses",
    };
    private static final String[] NEUTRAL = {
        "{name} to publish quarterly figures next week",
        "{name} schedules its annual shareholder meeting",
        "{name} names a new chief financial officer",
    };
    private static final String[] SOCIAL_POSITIVE = {"${symbol} looking strong, adding more here", "${symbol} breakout!! great volume today"};
    private static final String[] SOCIAL_NEGATIVE = {"${symbol} getting crushed, terrible price action", "Selling my ${symbol}, this looks bad"};
    private static final String[] SOCIAL_NEUTRAL = {"Watching ${symbol} into the close", "Anyone trading ${symbol} today?"};

    private final MarketDataHub hub;
    private final NewsIngest ingest;
    private final InstrumentCatalog instruments;
    private final Clock clock;
    private final boolean enabled;
    private final Duration backgroundEvery;
    private final Random random;
    private final Map<String, double[]> moves = new HashMap<>(); // symbol → {last mid, mean |log move|, ticks}
    private final BlockingQueue<NewsDraft> outbox = new ArrayBlockingQueue<>(1_000);
    private long sequence;
    private volatile boolean running;
    private AutoCloseable listening;
    private Thread worker;

    SimulatedNewsFeed(MarketDataHub hub, NewsIngest ingest, InstrumentCatalog instruments,
                      @Value("${platform.news.simulator.enabled:${platform.marketdata.simulator.enabled:true}}") boolean enabled,
                      @Value("${platform.news.simulator.background-every:30s}") Duration backgroundEvery,
                      @Value("${platform.news.simulator.seed:42}") long seed) {
        this.hub = hub;
        this.ingest = ingest;
        this.instruments = instruments;
        this.clock = Clock.systemUTC();
        this.enabled = enabled;
        this.backgroundEvery = backgroundEvery;
        this.random = new Random(seed);
    }

    @Override
    public synchronized void start() {
        if (!enabled || running) {
            return;
        }
        running = true;
        listening = hub.subscribeQuotes(instruments.all().stream().map(Instrument::symbol)
                .collect(java.util.stream.Collectors.toSet()), this::onQuote);
        worker = new Thread(this::run, "simulated-news");
        worker.setDaemon(true);
        worker.start();
        log.info("Simulated news feed started: stories on jumps, a background item every {}", backgroundEvery);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (listening != null) {
            try {
                listening.close();
            } catch (Exception e) {
                log.debug("quote listener not removed", e);
            }
        }
        if (worker != null) {
            worker.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 10; // after the market simulator
    }

    /** On the feed's thread: keep it cheap and never block. */
    private synchronized void onQuote(Quote quote) {
        if (quote.bid() == null || quote.ask() == null) {
            return;
        }
        double mid = (quote.bid().doubleValue() + quote.ask().doubleValue()) / 2;
        double[] state = moves.computeIfAbsent(quote.symbol(), s -> new double[] {mid, 0, 0});
        double move = Math.log(mid / state[0]);
        state[0] = mid;
        double usual = state[1];
        state[2]++;
        state[1] = usual == 0 ? Math.abs(move) : (1 - EWMA) * usual + EWMA * Math.abs(move);
        if (state[2] > 50 && usual > 0 && Math.abs(move) > JUMP_FACTOR * usual) {
            // 80 % of jump stories read in the jump's direction
            int direction = random.nextDouble() < 0.8 ? (int) Math.signum(move) : -(int) Math.signum(move);
            outbox.offer(draft(quote.symbol(), direction, random.nextDouble() < 0.3, quote.time()));
        }
    }

    private void run() {
        Instant nextBackground = clock.instant().plusSeconds(5); // a first item soon after start
        List<NewsDraft> batch = new ArrayList<>();
        while (running) {
            try {
                NewsDraft next = outbox.poll(1, TimeUnit.SECONDS);
                if (next != null) {
                    batch.add(next);
                    outbox.drainTo(batch, 99);
                }
                if (!clock.instant().isBefore(nextBackground)) {
                    batch.add(background());
                    nextBackground = clock.instant().plus(backgroundEvery);
                }
                if (!batch.isEmpty()) {
                    ingest.ingest(batch);
                    batch.clear();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // kept and tried again with the next batch: ingest is idempotent by (source, id)
                log.warn("simulated news not stored yet ({} items waiting): {}", batch.size(), e.getMessage());
                if (batch.size() > 1_000) {
                    batch.subList(0, batch.size() - 1_000).clear();
                }
                sleep();
            }
        }
    }

    private synchronized NewsDraft background() {
        List<Instrument> all = instruments.all();
        Instrument instrument = all.get(random.nextInt(all.size()));
        double p = random.nextDouble();
        int direction = p < 0.40 ? 1 : p < 0.75 ? -1 : 0;
        return draft(instrument.symbol(), direction, random.nextDouble() < 0.4, clock.instant());
    }

    private synchronized NewsDraft draft(String symbol, int direction, boolean social, Instant at) {
        String name = instruments.newsNames(symbol).stream().reduce((a, b) -> b.length() < a.length() ? b : a)
                .orElse(symbol);
        String[] templates = social
                ? (direction > 0 ? SOCIAL_POSITIVE : direction < 0 ? SOCIAL_NEGATIVE : SOCIAL_NEUTRAL)
                : (direction > 0 ? POSITIVE : direction < 0 ? NEGATIVE : NEUTRAL);
        String headline = templates[random.nextInt(templates.length)].replace("{name}", name).replace("{symbol}", symbol);
        String id = at.toEpochMilli() + "-" + (++sequence);
        return new NewsDraft(social ? "sim-social" : "sim-wire", id, social ? NewsKind.SOCIAL : NewsKind.NEWS, at,
                headline, null, "en", List.of(symbol), null);
    }

    private static void sleep() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
