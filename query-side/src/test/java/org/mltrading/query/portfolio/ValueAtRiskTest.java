package org.mltrading.query.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Known answers (issue 18 item 7): historical = the empirical quantile, parametric = the normal formula. */
class ValueAtRiskTest {

    private static double[][] returns(int periods, long seed, double... vols) {
        Random random = new Random(seed);
        double[][] rows = new double[periods][vols.length];
        for (int t = 0; t < periods; t++) {
            double common = random.nextGaussian();
            for (int i = 0; i < vols.length; i++) {
                rows[t][i] = vols[i] * (0.6 * common + 0.8 * random.nextGaussian());
            }
        }
        return rows;
    }

    @Test
    void historical_var_is_the_empirical_quantile_of_the_portfolios_pnl() {
        double[][] r = returns(500, 1, 0.01, 0.02);
        double[] exposures = {100_000, -50_000};
        ValueAtRisk.Result result = ValueAtRisk.of(ValueAtRisk.Method.HISTORICAL, exposures, r, 1, 0, 0);

        double[] pnl = new double[r.length];
        for (int t = 0; t < r.length; t++) {
            pnl[t] = exposures[0] * r[t][0] + exposures[1] * r[t][1];
        }
        Arrays.sort(pnl);
        // 500 × 5 % = 25: the 25th worst; 500 × 1 % = 5: the 5th worst
        assertThat(result.var95()).isCloseTo(-pnl[24], within(1e-6));
        assertThat(result.var99()).isCloseTo(-pnl[4], within(1e-6));
        assertThat(result.cvar99()).isCloseTo(-(pnl[0] + pnl[1] + pnl[2] + pnl[3] + pnl[4]) / 5, within(1e-9));
        assertThat(result.cvar95()).isGreaterThanOrEqualTo(result.var95());
        assertThat(result.observations()).isEqualTo(500);
    }

    @Test
    void parametric_var_follows_the_zero_mean_normal_formula() {
        // one instrument: σ_p = |w| σ, VaR = z σ_p √h (zero mean, as RiskMetrics)
        double[][] r = returns(1000, 2, 0.015);
        double mean = Arrays.stream(r).mapToDouble(row -> row[0]).average().orElseThrow();
        double variance = Arrays.stream(r).mapToDouble(row -> (row[0] - mean) * (row[0] - mean)).sum() / (r.length - 1);
        double w = 250_000;
        ValueAtRisk.Result tenDay = ValueAtRisk.of(ValueAtRisk.Method.PARAMETRIC, new double[] {w}, r, 10, 0, 0);

        double sigma = w * Math.sqrt(variance) * Math.sqrt(10);
        assertThat(tenDay.var95()).isCloseTo(1.6448536269514722 * sigma, within(1e-6));
        assertThat(tenDay.var99()).isCloseTo(2.3263478740408408 * sigma, within(1e-6));
        // expected shortfall of a normal at 99 %: φ(z)/0.01 σ
        double phi = Math.exp(-2.3263478740408408 * 2.3263478740408408 / 2) / Math.sqrt(2 * Math.PI);
        assertThat(tenDay.cvar99()).isCloseTo(phi / 0.01 * sigma, within(1e-6));
    }

    @Test
    void monte_carlo_is_seeded_and_agrees_with_the_parametric_figure_it_samples() {
        double[][] r = returns(750, 3, 0.01, 0.02, 0.015);
        double[] exposures = {100_000, 80_000, -40_000};
        ValueAtRisk.Result mc = ValueAtRisk.of(ValueAtRisk.Method.MONTE_CARLO, exposures, r, 1, 100_000, 42);
        ValueAtRisk.Result again = ValueAtRisk.of(ValueAtRisk.Method.MONTE_CARLO, exposures, r, 1, 100_000, 42);
        ValueAtRisk.Result normal = ValueAtRisk.of(ValueAtRisk.Method.PARAMETRIC, exposures, r, 1, 0, 0);

        assertThat(mc).isEqualTo(again);
        assertThat(mc.var99()).isCloseTo(normal.var99(), within(normal.var99() * 0.03)); // sampling error ≈ 1 %
        assertThat(mc.var95()).isCloseTo(normal.var95(), within(normal.var95() * 0.03));
    }

    @Test
    void a_longer_horizon_compounds_overlapping_windows_and_too_little_history_is_refused() {
        double[][] r = {{0.01}, {-0.02}, {0.03}};
        ValueAtRisk.Result twoDay = ValueAtRisk.of(ValueAtRisk.Method.HISTORICAL, new double[] {100}, r, 2, 0, 0);
        // windows: (1.01 × 0.98 − 1) × 100 = −1.02 and (0.98 × 1.03 − 1) × 100 = 0.94
        assertThat(twoDay.var99()).isCloseTo(1.02, within(1e-12));
        assertThatThrownBy(() -> ValueAtRisk.of(ValueAtRisk.Method.HISTORICAL, new double[] {100}, r, 3, 0, 0))
                .hasMessageContaining("too little history");
        assertThatThrownBy(() -> ValueAtRisk.of(ValueAtRisk.Method.MONTE_CARLO, new double[] {1, 1},
                new double[][] {{0.01, 0.01}, {0.02, 0.02}, {-0.01, -0.01}}, 1, 10, 1)).hasMessageContaining("positive definite");
    }

    @Test
    void component_var_sums_to_the_parametric_var_and_marginal_var_is_its_derivative() {
        java.util.Random random = new java.util.Random(9);
        double[][] r = new double[300][3];
        for (double[] row : r) {
            double common = random.nextGaussian();
            row[0] = 0.01 * (common + random.nextGaussian());
            row[1] = 0.02 * (0.5 * common + random.nextGaussian());
            row[2] = 0.015 * random.nextGaussian();
        }
        double[] exposures = {100_000, -40_000, 60_000};
        double var95 = ValueAtRisk.of(ValueAtRisk.Method.PARAMETRIC, exposures, r, 1, 0, 0).var95();
        var contributions = ValueAtRisk.contributions(exposures, r, 1);
        assertThat(contributions.stream().mapToDouble(ValueAtRisk.Contribution::component95).sum()).isCloseTo(var95, within(1e-6));
        // the marginal VaR is the VaR's change per unit of exposure (a central difference)
        double bump = 1;
        double[] up = exposures.clone();
        up[1] += bump;
        double[] down = exposures.clone();
        down[1] -= bump;
        double slope = (ValueAtRisk.of(ValueAtRisk.Method.PARAMETRIC, up, r, 1, 0, 0).var95()
                - ValueAtRisk.of(ValueAtRisk.Method.PARAMETRIC, down, r, 1, 0, 0).var95()) / (2 * bump);
        assertThat(contributions.get(1).marginal95()).isCloseTo(slope, within(1e-6));
    }
}
