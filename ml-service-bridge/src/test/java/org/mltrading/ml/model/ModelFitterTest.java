package org.mltrading.ml.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mltrading.api.model.ModelKind;
import org.mltrading.ml.AppleDailyBars;
import org.mltrading.ml.feature.Features;

class ModelFitterTest {

    /** Log prices of an Ornstein-Uhlenbeck process reverting by {@code kappa} per bar. */
    private static double[] ouPrices(double kappa, int n, long seed) {
        Random random = new Random(seed);
        double[] closes = new double[n];
        double x = 0;
        for (int i = 0; i < n; i++) {
            x += -kappa * x + 0.01 * random.nextGaussian();
            closes[i] = 100 * Math.exp(x);
        }
        return closes;
    }

    @Test
    void mean_reversion_finds_the_half_life_and_a_negative_slope_of_an_ou_process() {
        double kappa = 0.1; // true half-life: ln 2 / −ln(0.9) ≈ 6.58 bars
        double[] closes = ouPrices(kappa, 3000, 7);
        SignalModel model = ModelFitter.fit(ModelKind.MEAN_REVERSION, closes, 0, closes.length - 1);
        assertThat(model.halfLifeBars()).isBetween(5.0, 9.0);
        assertThat(model.slope()).isNegative();
    }

    @Test
    void a_sentiment_model_learns_the_return_the_news_surprise_announces_and_reads_it_from_the_features() {
        // the next bar's return is 0.3 × vol × the bar's news surprise, plus noise of the same scale
        Random random = new Random(11);
        int n = 2000;
        double[] closes = new double[n];
        double[][] news = new double[n][];
        closes[0] = 100;
        for (int t = 0; t < n - 1; t++) {
            double surprise = random.nextDouble() < 0.3 ? random.nextGaussian() : 0;
            news[t] = surprise == 0 ? null : new double[] {1, surprise, surprise};
            closes[t + 1] = closes[t] * Math.exp(0.01 * (0.3 * surprise + random.nextGaussian() * 0.3));
        }
        SignalModel model = ModelFitter.fit(ModelKind.SENTIMENT, closes, news, 0, n - 1);

        // planted: 0.003 per unit of surprise over a volatility of about 0.0034 → a slope near 0.9 in vol units
        assertThat(model.slope()).isBetween(0.3, 2.0);
        assertThat(SignalModel.featuresOf(ModelKind.SENTIMENT)).containsExactly("sent_surprise", "vol_20");
        double[] features = Features.compute(closes, n - 1, new double[Features.NAMES.size()]);
        double without = model.predict(features).value();
        Features.sentiment(features, new double[] {3, 0.5, 1.0});
        assertThat(model.predict(features).value()).isGreaterThan(without);
        assertThat(Features.external(java.util.List.of("sent_mean"))).isNotEmpty();
        assertThat(Features.external(java.util.List.of("ret_1", "vol_20"))).isEmpty();
    }

    @Test
    void momentum_has_no_half_life_and_its_intervals_nest() {
        double[] closes = AppleDailyBars.closes(AppleDailyBars.load());
        SignalModel model = ModelFitter.fit(ModelKind.MOMENTUM, closes, 0, 150);
        assertThat(model.halfLifeBars()).isNaN();
        assertThat(model.q80()).isPositive().isLessThan(model.q95());
        assertThat(model.parameters()).doesNotContainKey(SignalModel.HALF_LIFE);
    }

    @Test
    void conformal_intervals_cover_about_their_level_out_of_sample() {
        double[] closes = ouPrices(0.05, 6000, 11);
        SignalModel model = ModelFitter.fit(ModelKind.MEAN_REVERSION, closes, 0, 3000);
        int inside80 = 0;
        int inside95 = 0;
        int total = 0;
        double[] features = new double[Features.NAMES.size()];
        for (int t = 3001; t < closes.length - 1; t++) {
            Forecast forecast = model.predict(Features.compute(closes, t, features));
            double actual = Math.log(closes[t + 1] / closes[t]);
            inside80 += actual >= forecast.lower80() && actual <= forecast.upper80() ? 1 : 0;
            inside95 += actual >= forecast.lower95() && actual <= forecast.upper95() ? 1 : 0;
            total++;
        }
        // generous bounds: the guarantee is marginal and the test set is finite
        assertThat(inside80 / (double) total).isBetween(0.72, 0.88);
        assertThat(inside95 / (double) total).isBetween(0.90, 0.99);
    }

    @Test
    void a_forecast_lies_inside_both_of_its_intervals() {
        double[] closes = AppleDailyBars.closes(AppleDailyBars.load());
        SignalModel model = ModelFitter.fit(ModelKind.MEAN_REVERSION, closes, 0, 150);
        Forecast forecast = model.predict(Features.compute(closes, 200, new double[Features.NAMES.size()]));
        assertThat(forecast.lower95()).isLessThanOrEqualTo(forecast.lower80());
        assertThat(forecast.lower80()).isLessThanOrEqualTo(forecast.value());
        assertThat(forecast.value()).isLessThanOrEqualTo(forecast.upper80());
        assertThat(forecast.upper80()).isLessThanOrEqualTo(forecast.upper95());
    }

    @Test
    void a_fit_reads_no_bar_after_its_end() {
        double[] closes = AppleDailyBars.closes(AppleDailyBars.load());
        SignalModel model = ModelFitter.fit(ModelKind.MOMENTUM, closes, 0, 120);
        double[] truncated = java.util.Arrays.copyOf(closes, 121);
        assertThat(ModelFitter.fit(ModelKind.MOMENTUM, truncated, 0, 120)).isEqualTo(model);
    }

    @Test
    void parameters_round_trip_and_the_hash_follows_every_value() {
        double[] closes = AppleDailyBars.closes(AppleDailyBars.load());
        SignalModel model = ModelFitter.fit(ModelKind.MEAN_REVERSION, closes, 0, 150);
        SignalModel restored = SignalModel.fromParameters(ModelKind.MEAN_REVERSION, model.parameters());
        assertThat(restored).isEqualTo(model);
        String hash = ModelArtefact.sha256(ModelKind.MEAN_REVERSION, model.parameters());
        assertThat(hash).matches("[0-9a-f]{64}")
                .isEqualTo(ModelArtefact.sha256(ModelKind.MEAN_REVERSION, restored.parameters()))
                .isNotEqualTo(ModelArtefact.sha256(ModelKind.MOMENTUM, model.parameters()));
    }

    @Test
    void too_short_a_history_is_refused() {
        double[] closes = AppleDailyBars.closes(AppleDailyBars.load());
        assertThatThrownBy(() -> ModelFitter.fit(ModelKind.MOMENTUM, closes, 0, 50))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 40 samples");
    }
}
