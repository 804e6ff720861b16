package org.mltrading.ml.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.mltrading.api.model.ModelKind;
import org.mltrading.api.model.OnnxArtefact;
import org.mltrading.ml.feature.Features;
import org.mltrading.ml.model.Forecast;
import org.mltrading.ml.model.ForecastModel;
import org.mltrading.ml.model.ModelFitter;
import org.mltrading.ml.model.SignalModel;
import org.mltrading.ml.model.onnx.OnnxCalibration;
import org.mltrading.ml.model.onnx.OnnxModel;
import org.mltrading.ml.model.onnx.OnnxRegressor;
import org.mltrading.ml.model.onnx.TribuoLinearModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one live inference as the live predictor does it at a bar close: the features of the
 * last 21 closes, then the model's forecast with both intervals. SampleTime mode reports percentiles.
 * ONNX runs the same path through ONNX Runtime (a Tribuo linear model exported to ONNX, as imported).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InferenceBenchmark {

    /** ONNX: a Tribuo linear regression on four features, exported to ONNX and served by ONNX Runtime. */
    @Param({"MOMENTUM", "MEAN_REVERSION", "ONNX"})
    public ModelKind kind;

    private ForecastModel model;
    private double[] window;
    private final double[] features = new double[Features.NAMES.size()];
    private final Random random = new Random(3);

    @Setup(Level.Trial)
    public void fit() {
        double[] closes = new double[600];
        closes[0] = 100;
        for (int i = 1; i < closes.length; i++) {
            closes[i] = closes[i - 1] * Math.exp(0.01 * random.nextGaussian());
        }
        if (kind == ModelKind.ONNX) {
            TribuoLinearModel trained = TribuoLinearModel.train(closes, 400, List.of("ret_5", "mom_20_vs", "z_20", "rsi_14"));
            OnnxCalibration calibration;
            try (OnnxRegressor regressor = OnnxRegressor.open(trained.onnx(), trained.inputOrder())) {
                calibration = OnnxCalibration.of(regressor, Arrays.copyOfRange(closes, 380, closes.length)).orElseThrow();
            }
            Map<String, Double> parameters = Map.of(SignalModel.Q80, calibration.q80(), SignalModel.Q95, calibration.q95());
            model = OnnxModel.open(new OnnxArtefact(trained.onnx()), trained.inputOrder(), parameters);
        } else {
            model = ModelFitter.fit(kind, closes, 0, closes.length - 1);
        }
        window = java.util.Arrays.copyOfRange(closes, closes.length - Features.LOOKBACK - 1, closes.length);
    }

    @TearDown(Level.Trial)
    public void close() {
        model.close(); // the ONNX session's native memory
    }

    @Setup(Level.Invocation)
    public void nextClose() {
        // a new close arrives, as at every live bar
        System.arraycopy(window, 1, window, 0, window.length - 1);
        window[window.length - 1] = window[window.length - 2] * Math.exp(0.01 * random.nextGaussian());
    }

    @Benchmark
    public Forecast featuresAndForecast() {
        return model.predict(Features.compute(window, window.length - 1, features));
    }
}
