package org.mltrading.ml.live;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.mltrading.api.audit.AuditMetadata;
import org.mltrading.api.marketdata.Bar;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.api.marketdata.FindBarsQuery;
import org.mltrading.api.marketdata.MarketDataPort;
import org.mltrading.api.marketdata.Trade;
import org.mltrading.api.model.ModelVersionSpec;
import org.mltrading.api.model.Prediction;
import org.mltrading.api.model.PredictionMadeEvent;
import org.mltrading.api.model.PredictionScoredEvent;
import org.mltrading.ml.feature.ExternalFeatures;
import org.mltrading.ml.feature.Features;
import org.mltrading.ml.model.Forecast;
import org.mltrading.ml.model.ForecastModel;
import org.mltrading.ml.model.ModelCatalog;
import org.mltrading.ml.model.ModelLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Live predictions: on each closed bar of a configured symbol, every PRODUCTION model version
 * forecasts the next bar's return from the same {@link Features} the fits and backtests use, and the
 * forecast is published as a {@link PredictionMadeEvent}. At the next close the outcome is known and a
 * {@link PredictionScoredEvent} follows (direction hit, interval coverage), so drift shows.
 *
 * <p>Trades arrive on the feed's thread, which must not block: they are handed to one worker thread
 * that owns all series state. The queue is bounded; when full, trades are dropped (a close may then be
 * a slightly earlier price) rather than slowing the feed.
 *
 * <p>At start (and so after a restart) each series is warmed from the stored bars before the first
 * trade is taken: with the simulator's warm-start history a PRODUCTION model predicts at the first bar
 * close after start instead of after twenty bars.
 */
@Component
public class LivePredictor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LivePredictor.class);
    /** Stored bars asked for at warm start: this many times the bars the features read (quiet intervals have none). */
    private static final int WARM_SPAN_FACTOR = 3;
    private static final long WARM_PATIENCE_MILLIS = 30_000;
    private static final MetaData SYSTEM = MetaData.from(Map.of(AuditMetadata.ACTOR, "system:ml-bridge",
            AuditMetadata.ACTOR_TYPE, "SYSTEM", AuditMetadata.ROLES, "", AuditMetadata.MFA, false));

    private final ObjectProvider<MarketDataPort> marketData;
    private final ModelCatalog catalog;
    private final EventGateway events;
    private final Clock clock;
    private final BarInterval interval;
    private final Set<String> symbols;
    private final boolean enabled;
    private final Map<String, BarCloses> series = new HashMap<>();
    /** Predictions waiting for their outcome, by symbol, then by model version. */
    private final Map<String, Map<String, Prediction>> pending = new HashMap<>();
    /** Model versions (artefact and id) that forecast, or tried to, the open bar of each symbol. */
    private final Map<String, Set<String>> tried = new HashMap<>();
    /** Models being served, by artefact hash; ONNX ones hold a native session, closed when no longer served. */
    private final Map<String, ForecastModel> models = new HashMap<>();
    private final ModelLoader loader;
    private final StoredBars storedBars;
    private ExecutorService worker;
    private AutoCloseable subscription;
    private volatile boolean running;

    /** Stored bars of a symbol in [from, to], ascending: where a series warms from. */
    @FunctionalInterface
    public interface StoredBars {
        List<Bar> between(String symbol, BarInterval interval, Instant from, Instant to) throws Exception;
    }

    @Autowired
    public LivePredictor(ObjectProvider<MarketDataPort> marketData, ModelCatalog catalog, ModelLoader loader,
                         EventGateway events, Clock clock, ObjectProvider<QueryGateway> queries,
                         @Value("${platform.ml.live.interval:ONE_MINUTE}") BarInterval interval,
                         @Value("${platform.ml.live.symbols:AAPL,MSFT,NVDA,SPY,BTC-USD,ETH-USD,EURUSD}") List<String> symbols,
                         @Value("${platform.ml.live.enabled:true}") boolean enabled) {
        this(marketData, catalog, loader, events, clock, interval, symbols, enabled, storedBarsOf(queries.getIfAvailable()));
        QueryGateway gateway = queries.getIfAvailable();
        this.external = gateway == null ? null : new ExternalFeatures(gateway);
    }

    /** Without stored bars: each series starts empty. */
    public LivePredictor(ObjectProvider<MarketDataPort> marketData, ModelCatalog catalog, ModelLoader loader,
                         EventGateway events, Clock clock, BarInterval interval, List<String> symbols, boolean enabled) {
        this(marketData, catalog, loader, events, clock, interval, symbols, enabled, null);
    }

    public LivePredictor(ObjectProvider<MarketDataPort> marketData, ModelCatalog catalog, ModelLoader loader,
                         EventGateway events, Clock clock, BarInterval interval, List<String> symbols, boolean enabled,
                         StoredBars storedBars) {
        this.marketData = marketData;
        this.catalog = catalog;
        this.loader = loader;
        this.events = events;
        this.clock = clock;
        this.interval = interval;
        this.symbols = new LinkedHashSet<>(symbols.stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
        this.enabled = enabled;
        this.storedBars = storedBars;
    }

    /** Where models with external features (news sentiment, alt: series) read the closed bar's (null: they cannot serve). */
    private ExternalFeatures external;

    private static StoredBars storedBarsOf(QueryGateway queries) {
        return queries == null ? null : (symbol, interval, from, to) -> queries.query(
                new FindBarsQuery(symbol, interval, from, to), ResponseTypes.multipleInstancesOf(Bar.class))
                .get(30, TimeUnit.SECONDS);
    }

    @Override
    public void start() {
        MarketDataPort port = marketData.getIfAvailable();
        running = true;
        if (!enabled || port == null || symbols.isEmpty()) {
            log.info("Live predictions off (enabled={}, market data {}, symbols {})", enabled,
                    port == null ? "absent" : "present", symbols);
            return;
        }
        worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(100_000), runnable -> {
            Thread thread = new Thread(runnable, "live-predictor");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.DiscardPolicy());
        // first on the worker: the trades that arrive meanwhile queue behind it
        worker.execute(this::warm);
        subscription = port.subscribeTrades(symbols, trade -> worker.execute(() -> accept(trade)));
        log.info("Live predictions on {} bars of {}", interval, symbols);
    }

    /** Fills each series' closes from the stored bars of its interval (see {@link BarCloses#warm}). */
    void warm() {
        if (storedBars == null) {
            return;
        }
        Instant now = clock.instant();
        Instant from = now.minus(interval.length().multipliedBy((long) (Features.LOOKBACK + 1) * WARM_SPAN_FACTOR));
        for (String symbol : symbols) {
            List<Bar> bars = storedBars(symbol, from, now);
            BarCloses closes = new BarCloses(interval, Features.LOOKBACK + 1);
            BarCloses.Closed due = closes.warm(bars, now);
            series.put(symbol, closes);
            log.info("Live predictions of {} warmed from {} stored {} bars ({} closes)", symbol, bars.size(), interval,
                    closes.size());
            if (due != null) {
                // the bar that closed just before the start: its forecast (of the bar now open) is still ahead of the outcome
                try {
                    onClose(symbol, due);
                } catch (RuntimeException e) {
                    log.warn("Live prediction for {} at warm start failed: {}", symbol, e.toString());
                }
            }
        }
    }

    /** The stored bars, retried while the query side is still starting; none if it never answers. */
    private List<Bar> storedBars(String symbol, Instant from, Instant to) {
        long deadline = System.currentTimeMillis() + WARM_PATIENCE_MILLIS;
        while (true) {
            try {
                return storedBars.between(symbol, interval, from, to);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            } catch (Exception e) {
                if (System.currentTimeMillis() > deadline) {
                    log.warn("Live predictions of {} start cold: stored bars could not be read: {}", symbol, e.toString());
                    return List.of();
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return List.of();
                }
            }
        }
    }

    void accept(Trade trade) {
        try {
            BarCloses closes = series.computeIfAbsent(trade.symbol(), s -> new BarCloses(interval, Features.LOOKBACK + 1));
            BarCloses.Closed closed = closes.accept(trade);
            if (closed != null) {
                onClose(trade.symbol(), closed);
            } else {
                forecastMissing(trade.symbol(), closes);
            }
        } catch (RuntimeException e) {
            log.warn("Live prediction for {} failed: {}", trade.symbol(), e.toString());
        }
    }

    private void onClose(String symbol, BarCloses.Closed closed) {
        double[] closes = closed.closes();
        int last = closes.length - 1;
        Map<String, Prediction> waiting = pending.computeIfAbsent(symbol, s -> new HashMap<>());
        if (last >= 1) {
            double realised = Math.log(closes[last] / closes[last - 1]);
            for (Prediction prediction : waiting.values()) {
                events.publish(GenericEventMessage.asEventMessage(score(prediction, realised)).andMetaData(SYSTEM));
            }
        }
        waiting.clear();
        tried.computeIfAbsent(symbol, s -> new HashSet<>()).clear();
        if (!Features.available(last)) {
            return;
        }
        List<ModelVersionSpec> production = catalog.production();
        release(production);
        forecast(symbol, closed, production);
    }

    /**
     * Between closes: a PRODUCTION version that has not forecast the open bar yet (promoted since the
     * last close, or absent at a warm start) forecasts it now, from the last close's features, instead
     * of waiting a whole bar. The catalog answers from a cache of a couple of seconds.
     */
    private void forecastMissing(String symbol, BarCloses closes) {
        BarCloses.Closed due = closes.forecastDue();
        if (due == null || !Features.available(due.closes().length - 1)) {
            return;
        }
        Set<String> attempted = tried.computeIfAbsent(symbol, s -> new HashSet<>());
        List<ModelVersionSpec> missing = catalog.production().stream()
                .filter(spec -> !attempted.contains(spec.artefactHash() + spec.modelId())).toList();
        if (!missing.isEmpty()) {
            forecast(symbol, due, missing);
        }
    }

    private void forecast(String symbol, BarCloses.Closed closed, List<ModelVersionSpec> versions) {
        double[] closes = closed.closes();
        double[] features = Features.compute(closes, closes.length - 1, new double[Features.NAMES.size()]);
        Map<String, Double> provenance = Features.named(features);
        Map<String, Prediction> waiting = pending.computeIfAbsent(symbol, s -> new HashMap<>());
        Set<String> attempted = tried.computeIfAbsent(symbol, s -> new HashSet<>());
        for (ModelVersionSpec spec : versions) {
            // once per version and bar, whether it succeeds or not (a failing model is not retried every trade)
            if (!attempted.add(spec.artefactHash() + spec.modelId())) {
                continue;
            }
            double[] inputs = features;
            if (!Features.external(spec.features()).isEmpty()) {
                inputs = withExternal(symbol, closed, features, spec);
                if (inputs == null) {
                    continue; // without the bar's news or alternative data this version cannot forecast it
                }
            }
            Forecast forecast;
            try {
                double[] modelInputs = inputs;
                forecast = models.computeIfAbsent(spec.artefactHash(), hash -> loader.open(spec)).predict(modelInputs);
            } catch (RuntimeException e) {
                // one model that cannot serve must not silence the others
                log.warn("Model {}@{} did not predict {}: {}", spec.name(), spec.version(), symbol, e.getMessage());
                continue;
            }
            Prediction prediction = new Prediction(UUID.randomUUID().toString(), symbol, interval, spec.modelId(),
                    spec.name(), spec.version(), closed.barTime(), forecast.value(), forecast.lower80(),
                    forecast.upper80(), forecast.lower95(), forecast.upper95());
            events.publish(GenericEventMessage.asEventMessage(new PredictionMadeEvent(prediction, provenance,
                    clock.instant())).andMetaData(SYSTEM));
            waiting.put(prediction.modelVersion(), prediction);
        }
    }

    /** The version's feature vector with the bar's external features, or null when they cannot be had. */
    private double[] withExternal(String symbol, BarCloses.Closed closed, double[] features, ModelVersionSpec spec) {
        if (external == null) {
            log.warn("no source of news or alternative data: {}@{} does not forecast {}", spec.name(), spec.version(), symbol);
            return null;
        }
        try {
            double[] inputs = java.util.Arrays.copyOf(features, Features.size(spec.features()));
            boolean complete = ExternalFeatures.fill(inputs, spec.features(),
                    external.at(spec.features(), symbol, interval, closed.barTime()));
            return complete ? inputs : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            log.warn("external features of {} at {} not read, {}@{} skips this bar: {}", symbol, closed.barTime(),
                    spec.name(), spec.version(), e.getMessage());
            return null;
        }
    }

    /** Closes the models that left production (their ONNX sessions hold native memory). */
    private void release(List<ModelVersionSpec> production) {
        Set<String> served = new HashSet<>();
        production.forEach(spec -> served.add(spec.artefactHash()));
        models.entrySet().removeIf(entry -> {
            if (served.contains(entry.getKey())) {
                return false;
            }
            entry.getValue().close();
            return true;
        });
    }

    private PredictionScoredEvent score(Prediction prediction, double realised) {
        boolean hit = prediction.value() != 0 && Math.signum(prediction.value()) == Math.signum(realised);
        return new PredictionScoredEvent(prediction, realised, hit,
                realised >= prediction.lower80() && realised <= prediction.upper80(),
                realised >= prediction.lower95() && realised <= prediction.upper95(), clock.instant());
    }

    @Override
    public void stop() {
        running = false;
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                log.debug("closing the trade subscription: {}", e.toString());
            }
        }
        if (worker != null) {
            worker.shutdownNow();
            try {
                // the worker owns the models: close them only once it has stopped using them
                if (worker.awaitTermination(5, TimeUnit.SECONDS)) {
                    models.values().forEach(ForecastModel::close);
                    models.clear();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the market-data feed and Axon (default phase), before nothing else: start last, stop first. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    @Override
    public String toString() {
        return "LivePredictor" + Arrays.asList(interval, symbols);
    }
}
