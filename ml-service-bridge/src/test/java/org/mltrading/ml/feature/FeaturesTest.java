package org.mltrading.ml.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mltrading.ml.AppleDailyBars;

class FeaturesTest {

    private static double[] compute(double[] closes, int end) {
        return Features.compute(closes, end, new double[Features.NAMES.size()]);
    }

    @Test
    void features_at_a_bar_do_not_change_when_later_bars_change() {
        double[] closes = AppleDailyBars.closes(AppleDailyBars.load());
        double[] before = compute(closes, 100);
        double[] altered = Arrays.copyOf(closes, closes.length);
        for (int i = 101; i < altered.length; i++) {
            altered[i] = altered[i] * 3 + 7;
        }
        assertThat(compute(altered, 100)).containsExactly(before);
    }

    @Test
    void returns_are_log_returns_over_their_horizons() {
        double[] closes = AppleDailyBars.closes(AppleDailyBars.load());
        double[] f = compute(closes, 30);
        assertThat(f[Features.RET_1]).isCloseTo(Math.log(closes[30] / closes[29]), within(1e-15));
        assertThat(f[Features.RET_5]).isCloseTo(Math.log(closes[30] / closes[25]), within(1e-15));
        assertThat(f[Features.RET_20]).isCloseTo(Math.log(closes[30] / closes[10]), within(1e-15));
        assertThat(f[Features.MOM_20_VS]).isCloseTo(f[Features.RET_20] / (f[Features.VOL_20] * Math.sqrt(20)),
                within(1e-12));
    }

    @Test
    void a_steady_uptrend_has_rsi_100_and_a_positive_z_score() {
        double[] closes = new double[21];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = 100 + i;
        }
        double[] f = compute(closes, 20);
        assertThat(f[Features.RSI_14]).isEqualTo(100.0);
        // the last of 20 evenly spaced values sits 9.5 steps above their mean, std = √35
        assertThat(f[Features.Z_20]).isCloseTo(9.5 / Math.sqrt(35), within(1e-12));
    }

    @Test
    void a_flat_window_gives_zero_ratios_not_nan() {
        double[] closes = new double[25];
        Arrays.fill(closes, 42.0);
        double[] f = compute(closes, 24);
        assertThat(f).containsOnly(0.0, 50.0);
        assertThat(f[Features.RSI_14]).isEqualTo(50.0);
    }

    @Test
    void features_need_twenty_closes_before_the_bar() {
        assertThatThrownBy(() -> compute(new double[30], 19)).isInstanceOf(IllegalArgumentException.class);
    }
}
