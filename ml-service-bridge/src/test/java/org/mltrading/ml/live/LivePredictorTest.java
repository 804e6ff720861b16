package org.mltrading.ml.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mltrading.api.marketdata.Bar;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.api.marketdata.MarketDataPort;
import org.mltrading.api.marketdata.Trade;
import org.mltrading.api.model.ModelId;
import org.mltrading.api.model.ModelKind;
import org.mltrading.api.model.ModelStatus;
import org.mltrading.api.model.ModelVersionSpec;
import org.mltrading.api.model.Prediction;
import org.mltrading.api.model.PredictionMadeEvent;
import org.mltrading.api.model.PredictionScoredEvent;
import org.mltrading.ml.AppleDailyBars;
import org.mltrading.ml.feature.Features;
import org.mltrading.ml.model.Forecast;
import org.mltrading.ml.model.ModelCatalog;
import org.mltrading.ml.model.ModelFitter;
import org.mltrading.ml.model.ModelLoader;
import org.mltrading.ml.model.SignalModel;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The live path on real closes: AAPL's 2013 daily closes replayed as one trade per one-minute bar.
 * The forecast published at a close equals the model's forecast on the same features a backtest
 * computes, and the next close scores it.
 */
class LivePredictorTest {

    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private final List<Object> published = new ArrayList<>();
    private SignalModel model;
    private LivePredictor predictor;
    private double[] closes;
    private ModelCatalog catalog;
    private EventGateway events;
    private ModelLoader loader;

    @BeforeEach
    void setUp() {
        List<Bar> bars = AppleDailyBars.load();
        closes = AppleDailyBars.closes(bars);
        model = ModelFitter.fit(ModelKind.MOMENTUM, closes, 0, 150);
        catalog = mock(ModelCatalog.class);
        when(catalog.production()).thenReturn(List.of(new ModelVersionSpec(ModelId.forName("momentum"), "momentum", 1,
                ModelKind.MOMENTUM, ModelStatus.PRODUCTION, SignalModel.featuresOf(ModelKind.MOMENTUM),
                model.parameters(), "a".repeat(64))));
        events = mock(EventGateway.class);
        org.mockito.Mockito.doAnswer(call -> {
            for (Object argument : call.getArguments()) {
                for (Object message : argument instanceof Object[] many ? many : new Object[] {argument}) {
                    published.add(message instanceof EventMessage<?> event ? event.getPayload() : message);
                }
            }
            return null;
        }).when(events).publish(any(Object[].class));
        @SuppressWarnings("unchecked")
        ObjectProvider<MarketDataPort> none = mock(ObjectProvider.class);
        loader = new ModelLoader((id, hash) -> {
            throw new AssertionError("no ONNX artefact is served here");
        });
        predictor = new LivePredictor(none, catalog, loader, events, Clock.fixed(START, ZoneOffset.UTC), BarInterval.ONE_MINUTE,
                List.of("AAPL"), true);
    }

    private void trade(int minute, double price) {
        predictor.accept(new Trade("AAPL", BigDecimal.valueOf(price), BigDecimal.ONE, minute,
                START.plusSeconds(60L * minute + 30)));
    }

    @Test
    void the_first_prediction_comes_at_the_close_of_the_twenty_first_bar_and_matches_the_backtest_features() {
        for (int minute = 0; minute <= 21; minute++) {
            trade(minute, closes[minute]);
        }
        // minute 21's trade closed bar 20: the 21st close, the first with 20 closes before it
        assertThat(published).hasSize(1);
        PredictionMadeEvent made = (PredictionMadeEvent) published.get(0);
        Forecast expected = model.predict(Features.compute(closes, 20, new double[Features.NAMES.size()]));
        Prediction prediction = made.prediction();
        assertThat(prediction.barTime()).isEqualTo(START.plusSeconds(60 * 20));
        assertThat(prediction.value()).isEqualTo(expected.value());
        assertThat(prediction.lower95()).isEqualTo(expected.lower95());
        assertThat(prediction.upper80()).isEqualTo(expected.upper80());
        assertThat(prediction.modelVersion()).isEqualTo("momentum@1");
        assertThat(made.features()).containsEntry("mom_20_vs", Features.compute(closes, 20,
                new double[Features.NAMES.size()])[Features.MOM_20_VS]);
    }

    @Test
    void the_next_close_scores_the_prediction_with_the_realised_return() {
        for (int minute = 0; minute <= 22; minute++) {
            trade(minute, closes[minute]);
        }
        PredictionMadeEvent made = (PredictionMadeEvent) published.get(0);
        PredictionScoredEvent scored = (PredictionScoredEvent) published.get(1);
        double realised = Math.log(closes[21] / closes[20]);
        assertThat(scored.prediction()).isEqualTo(made.prediction());
        assertThat(scored.realisedReturn()).isCloseTo(realised, within(1e-15));
        assertThat(scored.directionHit()).isEqualTo(Math.signum(made.prediction().value()) == Math.signum(realised));
        assertThat(scored.within95()).isEqualTo(realised >= made.prediction().lower95()
                && realised <= made.prediction().upper95());
        assertThat(published.get(2)).isInstanceOf(PredictionMadeEvent.class);
    }

    @Test
    void trades_within_a_bar_only_move_its_close_and_late_prints_are_ignored() {
        BarCloses bars = new BarCloses(BarInterval.ONE_MINUTE, 3);
        assertThat(bars.accept(new Trade("X", BigDecimal.TEN, BigDecimal.ONE, 1, START))).isNull();
        assertThat(bars.accept(new Trade("X", BigDecimal.valueOf(11), BigDecimal.ONE, 2, START.plusSeconds(59)))).isNull();
        BarCloses.Closed first = bars.accept(new Trade("X", BigDecimal.valueOf(12), BigDecimal.ONE, 3, START.plusSeconds(61)));
        assertThat(first.barTime()).isEqualTo(START);
        assertThat(first.closes()).containsExactly(11.0);
        assertThat(bars.accept(new Trade("X", BigDecimal.ONE, BigDecimal.ONE, 4, START.plusSeconds(10)))).isNull();
        BarCloses.Closed second = bars.accept(new Trade("X", BigDecimal.valueOf(13), BigDecimal.ONE, 5, START.plusSeconds(125)));
        assertThat(second.closes()).containsExactly(11.0, 12.0);
    }

    @Test
    void warmed_from_stored_bars_it_forecasts_the_open_bar_at_once_and_every_close_after() {
        // the stored one-minute bars: minutes 0..21 closed at AAPL's daily closes; minute 22 is still open at start
        List<Bar> stored = new ArrayList<>();
        for (int minute = 0; minute <= 22; minute++) {
            BigDecimal close = BigDecimal.valueOf(closes[minute]);
            stored.add(new Bar("AAPL", BarInterval.ONE_MINUTE, START.plusSeconds(60L * minute), close, close, close, close,
                    BigDecimal.ONE));
        }
        Instant startedAt = START.plusSeconds(60 * 22 + 30);
        List<Instant[]> asked = new ArrayList<>();
        LivePredictor warm = new LivePredictor(none(), catalog, loader, events, Clock.fixed(startedAt, ZoneOffset.UTC),
                BarInterval.ONE_MINUTE, List.of("AAPL"), true, (symbol, interval, from, to) -> {
                    asked.add(new Instant[] {from, to});
                    return stored;
                });

        // minute 21 closed just before the start: its forecast (of minute 22, still open) is made at once
        warm.warm();
        assertThat(asked.get(0)[1]).isEqualTo(startedAt);
        assertThat(asked.get(0)[0]).isBeforeOrEqualTo(startedAt.minusSeconds(60L * (Features.LOOKBACK + 1)));
        assertThat(published).hasSize(1);
        Prediction atStart = ((PredictionMadeEvent) published.get(0)).prediction();
        assertThat(atStart.barTime()).isEqualTo(START.plusSeconds(60 * 21));
        assertThat(atStart.value()).isEqualTo(model.predict(Features.compute(closes, 21,
                new double[Features.NAMES.size()])).value());

        // the first trade of minute 23 closes minute 22 (at its stored close): it scores the first, forecasts again
        warm.accept(new Trade("AAPL", BigDecimal.valueOf(closes[23]), BigDecimal.ONE, 1, START.plusSeconds(60 * 23 + 1)));
        assertThat(published).hasSize(3);
        assertThat(((PredictionScoredEvent) published.get(1)).realisedReturn())
                .isCloseTo(Math.log(closes[22] / closes[21]), within(1e-15));
        Prediction prediction = ((PredictionMadeEvent) published.get(2)).prediction();
        assertThat(prediction.barTime()).isEqualTo(START.plusSeconds(60 * 22));
        assertThat(prediction.value()).isEqualTo(model.predict(Features.compute(closes, 22,
                new double[Features.NAMES.size()])).value());
    }

    @Test
    void stored_bars_that_stop_before_the_last_interval_warm_the_series_but_forecast_nothing_stale() {
        List<Bar> stored = new ArrayList<>();
        for (int minute = 0; minute <= 21; minute++) {
            BigDecimal close = BigDecimal.valueOf(closes[minute]);
            stored.add(new Bar("AAPL", BarInterval.ONE_MINUTE, START.plusSeconds(60L * minute), close, close, close, close,
                    BigDecimal.ONE));
        }
        // started at minute 30: the stored closes are eight minutes old
        LivePredictor warm = new LivePredictor(none(), catalog, loader, events,
                Clock.fixed(START.plusSeconds(60 * 30 + 5), ZoneOffset.UTC), BarInterval.ONE_MINUTE, List.of("AAPL"), true,
                (symbol, interval, from, to) -> stored);
        warm.warm();
        assertThat(published).isEmpty();
        warm.accept(new Trade("AAPL", BigDecimal.valueOf(closes[22]), BigDecimal.ONE, 1, START.plusSeconds(60 * 30 + 10)));
        warm.accept(new Trade("AAPL", BigDecimal.valueOf(closes[23]), BigDecimal.ONE, 2, START.plusSeconds(60 * 31 + 10)));
        assertThat(published).hasSize(1).first().isInstanceOf(PredictionMadeEvent.class);
    }

    @Test
    void a_model_promoted_between_closes_forecasts_the_open_bar_at_the_next_trade_once() {
        List<ModelVersionSpec> promoted = catalog.production();
        when(catalog.production()).thenReturn(List.of());
        for (int minute = 0; minute <= 21; minute++) {
            trade(minute, closes[minute]);
        }
        assertThat(published).isEmpty(); // bar 20 closed with 21 closes, but nothing was in production

        when(catalog.production()).thenReturn(promoted);
        predictor.accept(new Trade("AAPL", BigDecimal.valueOf(closes[21]), BigDecimal.ONE, 100, START.plusSeconds(60 * 21 + 40)));
        predictor.accept(new Trade("AAPL", BigDecimal.valueOf(closes[21]), BigDecimal.ONE, 101, START.plusSeconds(60 * 21 + 50)));
        assertThat(published).hasSize(1);
        Prediction late = ((PredictionMadeEvent) published.get(0)).prediction();
        assertThat(late.barTime()).isEqualTo(START.plusSeconds(60 * 20));
        assertThat(late.value()).isEqualTo(model.predict(Features.compute(closes, 20,
                new double[Features.NAMES.size()])).value());

        // the next close scores it like any other
        trade(22, closes[22]);
        assertThat(published.get(1)).isInstanceOf(PredictionScoredEvent.class);
        assertThat(((PredictionScoredEvent) published.get(1)).prediction()).isEqualTo(late);
    }

    @Test
    void without_stored_bars_a_series_starts_cold() {
        LivePredictor cold = new LivePredictor(none(), catalog, loader, events, Clock.fixed(START, ZoneOffset.UTC),
                BarInterval.ONE_MINUTE, List.of("AAPL"), true, (symbol, interval, from, to) -> List.of());
        cold.warm();
        for (int minute = 0; minute <= 20; minute++) {
            cold.accept(new Trade("AAPL", BigDecimal.valueOf(closes[minute]), BigDecimal.ONE, minute,
                    START.plusSeconds(60L * minute + 30)));
        }
        assertThat(published).isEmpty(); // 20 closed bars: one short of the first forecast
    }

    @SuppressWarnings("unchecked")
    private static ObjectProvider<MarketDataPort> none() {
        return mock(ObjectProvider.class);
    }

    @Test
    void no_production_model_means_no_prediction() {
        ModelCatalog empty = mock(ModelCatalog.class);
        when(empty.production()).thenReturn(List.of());
        @SuppressWarnings("unchecked")
        ObjectProvider<MarketDataPort> none = mock(ObjectProvider.class);
        EventGateway events = mock(EventGateway.class);
        LivePredictor idle = new LivePredictor(none, empty, new ModelLoader((id, hash) -> {
            throw new AssertionError("nothing is served");
        }), events, Clock.systemUTC(),
                BarInterval.ONE_MINUTE, List.of("AAPL"), true);
        for (int minute = 0; minute <= 30; minute++) {
            idle.accept(new Trade("AAPL", BigDecimal.valueOf(closes[minute]), BigDecimal.ONE, minute,
                    START.plusSeconds(60L * minute)));
        }
        org.mockito.Mockito.verifyNoInteractions(events);
    }
}
