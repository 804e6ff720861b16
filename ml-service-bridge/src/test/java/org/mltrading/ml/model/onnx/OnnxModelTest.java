package org.mltrading.ml.model.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mltrading.api.marketdata.Bar;
import org.mltrading.api.model.ModelKind;
import org.mltrading.ml.AppleDailyBars;
import org.mltrading.ml.backtest.BacktestEngine;
import org.mltrading.ml.backtest.BacktestResult;
import org.mltrading.ml.backtest.BacktestSettings;
import org.mltrading.ml.backtest.FillCosts;
import org.mltrading.ml.feature.Features;
import org.mltrading.ml.model.Forecast;
import org.mltrading.ml.model.ForecastModel;

/**
 * A model trained in the test (Tribuo, on AAPL's 2013 daily features) and exported to ONNX is served
 * through ONNX Runtime with the same forecasts on every bar; its intervals are calibrated with the
 * platform's conformal rule; artefacts that cannot be served are refused with a reason.
 */
class OnnxModelTest {

    /** Trained on the samples up to bar 150; bars 150..251 are held out for calibration. */
    private static final int TRAINING_END = 150;
    private static final List<String> FEATURES = List.of("ret_5", "mom_20_vs", "z_20", "rsi_14");

    private static List<Bar> bars;
    private static double[] closes;
    private static TribuoLinearModel trained;

    @BeforeAll
    static void train() {
        bars = AppleDailyBars.load();
        closes = AppleDailyBars.closes(bars);
        trained = TribuoLinearModel.train(closes, TRAINING_END, FEATURES);
    }

    @Test
    void an_onnx_export_of_a_model_trained_on_apple_2013_serves_tribuos_forecast_on_every_bar() {
        assertThat(trained.inputOrder()).containsExactlyInAnyOrderElementsOf(FEATURES);
        double[] features = new double[Features.NAMES.size()];
        List<Double> served = new ArrayList<>();
        try (OnnxRegressor model = OnnxRegressor.open(trained.onnx(), trained.inputOrder())) {
            for (int t = Features.LOOKBACK; t < closes.length; t++) {
                Features.compute(closes, t, features);
                double value = model.value(features);
                assertThat(value).as("bar %d", t).isCloseTo(trained.predict(features), within(1e-5));
                served.add(value);
            }
        }
        assertThat(served).hasSize(closes.length - Features.LOOKBACK);
        assertThat(served.stream().distinct().count()).as("the forecasts move with the features").isGreaterThan(100);
    }

    @Test
    void the_declared_feature_order_binds_the_input_columns() {
        List<String> reversed = new ArrayList<>(trained.inputOrder());
        java.util.Collections.reverse(reversed);
        double[] features = Features.compute(closes, 100, new double[Features.NAMES.size()]);
        try (OnnxRegressor right = OnnxRegressor.open(trained.onnx(), trained.inputOrder());
             OnnxRegressor wrong = OnnxRegressor.open(trained.onnx(), reversed)) {
            assertThat(right.value(features)).isCloseTo(trained.predict(features), within(1e-5));
            assertThat(Math.abs(wrong.value(features) - trained.predict(features))).isGreaterThan(1e-4);
        }
        // a one-column identity graph in double precision returns exactly the feature it is bound to
        byte[] identity = OnnxGraphs.graph("Identity", DataType.DOUBLE, new long[] {1, 1}, 1, new long[] {1, 1});
        try (OnnxRegressor z = OnnxRegressor.open(identity, List.of("z_20"))) {
            assertThat(z.value(features)).isEqualTo(features[Features.Z_20]);
        }
    }

    @Test
    void intervals_are_split_conformal_quantiles_of_held_out_residuals_in_volatility_units() {
        double[] heldOut = Arrays.copyOfRange(closes, TRAINING_END - Features.LOOKBACK, closes.length);
        try (OnnxRegressor regressor = OnnxRegressor.open(trained.onnx(), trained.inputOrder())) {
            OnnxCalibration calibration = OnnxCalibration.of(regressor, heldOut).orElseThrow();

            // the same rule computed here from Tribuo's own forecasts
            double[] features = new double[Features.NAMES.size()];
            List<Double> scores = new ArrayList<>();
            for (int t = Features.LOOKBACK; t + 1 < heldOut.length; t++) {
                Features.compute(heldOut, t, features);
                double vol = features[Features.VOL_20];
                scores.add(Math.abs(Math.log(heldOut[t + 1] / heldOut[t]) - trained.predict(features)) / vol);
            }
            scores.sort(Double::compare);
            int m = scores.size();
            assertThat(calibration.samples()).isEqualTo(m).isEqualTo(heldOut.length - 1 - Features.LOOKBACK);
            assertThat(calibration.q80()).isCloseTo(scores.get((int) Math.ceil((m + 1) * 0.8) - 1), within(1e-3));
            assertThat(calibration.q95()).isCloseTo(scores.get((int) Math.ceil((m + 1) * 0.95) - 1), within(1e-3));
            assertThat(calibration.q80()).isPositive().isLessThan(calibration.q95());

            OnnxModel model = new OnnxModel(regressor, calibration.q80(), calibration.q95());
            for (int t = Features.LOOKBACK; t < closes.length; t++) {
                Features.compute(closes, t, features);
                Forecast forecast = model.predict(features);
                double vol = features[Features.VOL_20];
                assertThat(forecast.value()).isCloseTo(trained.predict(features), within(1e-5));
                assertThat(forecast.upper80() - forecast.value()).isCloseTo(vol * calibration.q80(), within(1e-12));
                assertThat(forecast.upper95() - forecast.value()).isCloseTo(vol * calibration.q95(), within(1e-12));
                assertThat(forecast.lower95()).isLessThanOrEqualTo(forecast.lower80());
                assertThat(forecast.lower80()).isLessThanOrEqualTo(forecast.value());
                assertThat(forecast.value()).isLessThanOrEqualTo(forecast.upper80());
                assertThat(forecast.upper80()).isLessThanOrEqualTo(forecast.upper95());
            }
        }
    }

    @Test
    void fewer_than_nineteen_calibration_samples_give_no_calibration() {
        try (OnnxRegressor regressor = OnnxRegressor.open(trained.onnx(), trained.inputOrder())) {
            assertThat(OnnxCalibration.of(regressor, Arrays.copyOf(closes, Features.LOOKBACK + 19))).isEmpty();
            assertThat(OnnxCalibration.of(regressor, Arrays.copyOf(closes, Features.LOOKBACK + 20))).isPresent();
        }
    }

    @Test
    void a_backtest_serves_the_imported_model_unchanged_and_trades_as_its_forecasts_say() {
        BacktestEngine engine = new BacktestEngine(FillCosts.venueDefaults());
        BacktestSettings settings = BacktestSettings.of(ModelKind.ONNX, Map.of(BacktestSettings.LONG_ONLY, 0.0));
        ForecastModel tribuo = features -> {
            double value = trained.predict(features);
            return new Forecast(value, value, value, value, value);
        };
        try (OnnxRegressor regressor = OnnxRegressor.open(trained.onnx(), trained.inputOrder());
             OnnxModel onnx = new OnnxModel(regressor, 0.5, 1.0)) {
            BacktestResult served = engine.run(settings, onnx, bars, null);
            BacktestResult expected = engine.run(settings, tribuo, bars, null);
            assertThat(served.fills()).isNotEmpty().isEqualTo(expected.fills());
            assertThat(served.metrics()).isEqualTo(expected.metrics());
            assertThat(served.fills().get(0).barIndex()).as("no forecast before 20 bars of history")
                    .isGreaterThan(Features.LOOKBACK);
        }
    }

    @Test
    void bytes_that_are_not_onnx_are_refused_with_onnx_runtimes_reason() {
        assertThatThrownBy(() -> OnnxRegressor.open("date,open,high,low,close\n".getBytes(StandardCharsets.UTF_8), FEATURES))
                .isInstanceOf(InvalidArtefactException.class)
                .hasMessageStartingWith("not an ONNX model that ONNX Runtime can load");
        assertThatThrownBy(() -> OnnxRegressor.open(new byte[0], FEATURES))
                .isInstanceOf(InvalidArtefactException.class).hasMessage("the artefact is empty");
    }

    @Test
    void an_input_of_another_width_than_the_declared_features_is_refused() {
        assertThatThrownBy(() -> OnnxRegressor.open(trained.onnx(), trained.inputOrder().subList(0, 3)))
                .isInstanceOf(InvalidArtefactException.class)
                .hasMessageContaining("has shape [-1, 4]; it must be [batch, 3]");
    }

    @Test
    void inputs_and_outputs_of_the_wrong_type_number_or_shape_are_refused() {
        assertThatThrownBy(() -> OnnxRegressor.open(OnnxGraphs.graph("Identity", DataType.INT64, new long[] {-1, 1}, 1,
                new long[] {-1, 1}), List.of("ret_1")))
                .isInstanceOf(InvalidArtefactException.class).hasMessageContaining("holds INT64; it must hold float or double");
        assertThatThrownBy(() -> OnnxRegressor.open(OnnxGraphs.graph("Add", DataType.FLOAT, new long[] {-1, 1}, 2,
                new long[] {-1, 1}), List.of("ret_1")))
                .isInstanceOf(InvalidArtefactException.class).hasMessageContaining("must take one input");
        assertThatThrownBy(() -> OnnxRegressor.open(OnnxGraphs.graph("Identity", DataType.FLOAT, new long[] {-1, 3}, 1,
                new long[] {-1, 3}), List.of("ret_1", "ret_5", "ret_20")))
                .isInstanceOf(InvalidArtefactException.class).hasMessageContaining("it must be [batch] or [batch, 1]");
        assertThatThrownBy(() -> OnnxRegressor.open(OnnxGraphs.graph("Identity", DataType.FLOAT, new long[] {4, 1}, 1,
                new long[] {4, 1}), List.of("ret_1")))
                .isInstanceOf(InvalidArtefactException.class).hasMessageContaining("(batch 1 or dynamic)");
    }

    @Test
    void unknown_or_repeated_feature_names_are_refused_before_the_artefact_is_read() {
        assertThatThrownBy(() -> OnnxRegressor.open(trained.onnx(), List.of("ret_5", "momentum_60", "z_20", "rsi_14")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unknown feature momentum_60");
        assertThatThrownBy(() -> OnnxRegressor.open(trained.onnx(), List.of("ret_5", "ret_5", "z_20", "rsi_14")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("feature ret_5 is listed twice");
    }
}
