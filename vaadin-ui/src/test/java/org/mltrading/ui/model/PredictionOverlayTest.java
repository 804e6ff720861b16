package org.mltrading.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mltrading.ui.chart.ChartBar;
import org.mltrading.ui.chart.ChartPrediction;
import org.mltrading.ui.marketdata.ChartInterval;

class PredictionOverlayTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final List<ChartBar> BARS = List.of(bar(T0, 100), bar(T0.plusSeconds(60), 200));

    private static ChartBar bar(Instant time, double close) {
        return new ChartBar(time.getEpochSecond(), close, close, close, close, 1);
    }

    private static PredictionPoint prediction(String model, String symbol, String interval, Instant barTime,
                                              double value) {
        return new PredictionPoint(symbol, model, interval, value, value - 0.1, value + 0.1, barTime);
    }

    @Test
    void a_predicted_log_return_becomes_the_next_bars_close_with_its_band() {
        PredictionOverlay overlay = new PredictionOverlay("AAPL", ChartInterval.ONE_MINUTE);

        assertThat(overlay.add(prediction("momentum@1", "AAPL", "ONE_MINUTE", T0, 0.05))).isTrue();

        // from the close the forecast was made at (a point without width) to the next bar: one forecast is a band
        assertThat(overlay.points(BARS)).containsExactly(new ChartPrediction(T0.getEpochSecond(), 100, 100, 100),
                new ChartPrediction(T0.plusSeconds(60).getEpochSecond(),
                        100 * Math.exp(0.05), 100 * Math.exp(-0.05), 100 * Math.exp(0.15)));
    }

    @Test
    void other_symbols_and_intervals_are_ignored_and_predictions_without_their_bar_are_not_drawn() {
        PredictionOverlay overlay = new PredictionOverlay("AAPL", ChartInterval.ONE_MINUTE);

        assertThat(overlay.add(prediction("momentum@1", "MSFT", "ONE_MINUTE", T0, 0.05))).isFalse();
        assertThat(overlay.add(prediction("momentum@1", "AAPL", "ONE_DAY", T0, 0.05))).isFalse();
        assertThat(overlay.add(prediction("momentum@1", "AAPL", "ONE_MINUTE", T0.minusSeconds(60), 0.05))).isTrue();

        assertThat(overlay.points(BARS)).isEmpty();
    }

    @Test
    void only_the_model_version_that_predicted_last_is_drawn() {
        PredictionOverlay overlay = new PredictionOverlay("AAPL", ChartInterval.ONE_MINUTE);
        overlay.add(prediction("momentum@1", "AAPL", "ONE_MINUTE", T0, 0.05));
        overlay.add(prediction("mean-reversion@3", "AAPL", "ONE_MINUTE", T0.plusSeconds(60), -0.01));

        assertThat(overlay.modelVersion()).isEqualTo("mean-reversion@3");
        assertThat(overlay.points(BARS)).extracting(ChartPrediction::time, ChartPrediction::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(T0.plusSeconds(60).getEpochSecond(), 200.0),
                        org.assertj.core.groups.Tuple.tuple(T0.plusSeconds(120).getEpochSecond(), 200 * Math.exp(-0.01)));
    }
}
