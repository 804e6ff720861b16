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
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.Test;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.api.marketdata.MarketDataPort;
import org.mltrading.api.marketdata.Trade;
import org.mltrading.api.model.ModelId;
import org.mltrading.api.model.ModelKind;
import org.mltrading.api.model.ModelStatus;
import org.mltrading.api.model.ModelVersionSpec;
import org.mltrading.api.model.OnnxArtefact;
import org.mltrading.api.model.Prediction;
import org.mltrading.api.model.PredictionMadeEvent;
import org.mltrading.ml.AppleDailyBars;
import org.mltrading.ml.feature.Features;
import org.mltrading.ml.model.Forecast;
import org.mltrading.ml.model.ForecastModel;
import org.mltrading.ml.model.ModelCatalog;
import org.mltrading.ml.model.ModelLoader;
import org.mltrading.ml.model.onnx.TribuoLinearModel;
import org.springframework.beans.factory.ObjectProvider;

/**
 * An imported ONNX version in the live path: it predicts at each close with the exported model's
 * forecast and its calibrated intervals, and its ONNX Runtime session is closed once it leaves
 * production.
 */
class LivePredictorOnnxTest {

    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void an_onnx_version_in_production_predicts_with_its_intervals_and_is_closed_when_it_leaves() {
        double[] closes = AppleDailyBars.closes(AppleDailyBars.load());
        TribuoLinearModel trained = TribuoLinearModel.train(closes, 150, List.of("ret_5", "mom_20_vs", "z_20", "rsi_14"));
        OnnxArtefact artefact = new OnnxArtefact(trained.onnx());
        ModelVersionSpec spec = new ModelVersionSpec(ModelId.forName("tribuo-linear"), "tribuo-linear", 1, ModelKind.ONNX,
                ModelStatus.PRODUCTION, trained.inputOrder(), Map.of("q80", 1.2, "q95", 2.0), artefact.sha256());
        AtomicReference<List<ModelVersionSpec>> production = new AtomicReference<>(List.of(spec));
        ModelCatalog catalog = mock(ModelCatalog.class);
        when(catalog.production()).thenAnswer(call -> production.get());
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        ModelLoader loader = new ModelLoader((id, hash) -> artefact) {
            @Override
            public ForecastModel open(ModelVersionSpec version) {
                ForecastModel model = super.open(version);
                opened.incrementAndGet();
                return new ForecastModel() {
                    @Override
                    public Forecast predict(double[] features) {
                        return model.predict(features);
                    }

                    @Override
                    public void close() {
                        closed.incrementAndGet();
                        model.close();
                    }
                };
            }
        };
        List<Object> published = new ArrayList<>();
        EventGateway events = mock(EventGateway.class);
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
        LivePredictor predictor = new LivePredictor(none, catalog, loader, events, Clock.fixed(START, ZoneOffset.UTC),
                BarInterval.ONE_MINUTE, List.of("AAPL"), true);

        for (int minute = 0; minute <= 25; minute++) {
            predictor.accept(new Trade("AAPL", BigDecimal.valueOf(closes[minute]), BigDecimal.ONE, minute,
                    START.plusSeconds(60L * minute + 30)));
        }
        List<Prediction> made = published.stream().filter(PredictionMadeEvent.class::isInstance)
                .map(event -> ((PredictionMadeEvent) event).prediction()).toList();
        assertThat(made).hasSize(5); // bars 20..24 closed
        for (int i = 0; i < made.size(); i++) {
            double[] features = Features.compute(closes, 20 + i, new double[Features.NAMES.size()]);
            Prediction prediction = made.get(i);
            assertThat(prediction.modelVersion()).isEqualTo("tribuo-linear@1");
            assertThat(prediction.value()).isCloseTo(trained.predict(features), within(1e-5));
            assertThat(prediction.upper95() - prediction.value()).isCloseTo(2.0 * features[Features.VOL_20], within(1e-12));
            assertThat(prediction.lower80()).isLessThanOrEqualTo(prediction.value());
        }
        assertThat(opened).as("one session, reused at every close").hasValue(1);
        assertThat(closed).hasValue(0);

        production.set(List.of());
        predictor.accept(new Trade("AAPL", BigDecimal.valueOf(closes[26]), BigDecimal.ONE, 26,
                START.plusSeconds(60L * 26 + 30)));
        assertThat(closed).as("closed once it left production").hasValue(1);
    }
}
