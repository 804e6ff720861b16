package org.mltrading.query.model;

import java.time.Duration;
import org.mltrading.query.stream.KeyedFanOut;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** In-process fan-out of projected model, backtest and prediction changes to subscriptions and waiting mutations. */
@Component
class ModelUpdates {

    private final Sinks.Many<ModelView> models = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<BacktestView> backtests = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<PredictionRow> predictions = Sinks.many().multicast().directBestEffort();
    /** predictions subscribers, indexed by symbol. */
    private final KeyedFanOut<PredictionRow> bySymbol = new KeyedFanOut<>(predictions.asFlux(), PredictionRow::symbol);

    void modelChanged(ModelView model) {
        models.emitNext(model, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(50)));
    }

    void backtestChanged(BacktestView backtest) {
        backtests.emitNext(backtest, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(50)));
    }

    void predicted(PredictionRow prediction) {
        predictions.emitNext(prediction, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(50)));
    }

    Flux<ModelView> models() {
        return models.asFlux();
    }

    Flux<BacktestView> backtests() {
        return backtests.asFlux();
    }

    Flux<PredictionRow> predictions() {
        return predictions.asFlux();
    }

    KeyedFanOut<PredictionRow> predictionsBySymbol() {
        return bySymbol;
    }
}
