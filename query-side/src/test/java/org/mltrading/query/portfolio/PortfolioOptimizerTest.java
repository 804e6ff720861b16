package org.mltrading.query.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

/** Known answers: every optimum here is checked against a closed form or an independent formulation. */
class PortfolioOptimizerTest {

    private static final double TOLERANCE = 1e-6;

    /** A positive definite 5×5 covariance of annualised returns (vols 15–40 %, correlations 0.1–0.6). */
    private static final double[] VOLS = {0.15, 0.22, 0.30, 0.18, 0.40};
    private static final double[] MU = {0.05, 0.08, 0.12, 0.06, 0.15};

    private static double[][] covariance() {
        double[][] correlation = {
                {1.0, 0.3, 0.2, 0.5, 0.1},
                {0.3, 1.0, 0.4, 0.2, 0.3},
                {0.2, 0.4, 1.0, 0.1, 0.6},
                {0.5, 0.2, 0.1, 1.0, 0.2},
                {0.1, 0.3, 0.6, 0.2, 1.0}};
        double[][] cov = new double[5][5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                cov[i][j] = correlation[i][j] * VOLS[i] * VOLS[j];
            }
        }
        return cov;
    }

    private static RealVector inverseTimes(double[][] cov, double[] v) {
        RealMatrix inverse = new LUDecomposition(new Array2DRowRealMatrix(cov)).getSolver().getInverse();
        return inverse.operate(new ArrayRealVector(v));
    }

    private static double[] ones(int n) {
        double[] ones = new double[n];
        Arrays.fill(ones, 1);
        return ones;
    }

    @Test
    void twoAssetMinimumVarianceMatchesItsClosedForm() {
        double s1 = 0.2;
        double s2 = 0.3;
        double rho = 0.25;
        double[][] cov = {{s1 * s1, rho * s1 * s2}, {rho * s1 * s2, s2 * s2}};
        double[] w = new PortfolioOptimizer(cov, null, PortfolioOptimizer.Constraints.fullyInvested(2, true)).minimumVariance();
        double expected = (s2 * s2 - rho * s1 * s2) / (s1 * s1 + s2 * s2 - 2 * rho * s1 * s2);
        assertThat(w[0]).isCloseTo(expected, within(TOLERANCE));
        assertThat(w[1]).isCloseTo(1 - expected, within(TOLERANCE));
    }

    @Test
    void unconstrainedMinimumVarianceEqualsTheInverseCovarianceFormula() {
        double[][] cov = covariance();
        double[] w = new PortfolioOptimizer(cov, null, PortfolioOptimizer.Constraints.fullyInvested(5, false)).minimumVariance();
        RealVector closed = inverseTimes(cov, ones(5));
        closed = closed.mapDivide(closed.dotProduct(new ArrayRealVector(ones(5))));
        for (int i = 0; i < 5; i++) {
            assertThat(w[i]).isCloseTo(closed.getEntry(i), within(TOLERANCE));
        }
    }

    @Test
    void longOnlyMinimumVarianceIsTheUnconstrainedOneWhereNoBoundBinds() {
        double[][] cov = covariance();
        double[] free = new PortfolioOptimizer(cov, null, PortfolioOptimizer.Constraints.fullyInvested(5, false)).minimumVariance();
        assertThat(Arrays.stream(free).boxed().toList()).allMatch(weight -> weight > 0); // the long-only bound is inactive here
        double[] longOnly = new PortfolioOptimizer(cov, null, PortfolioOptimizer.Constraints.fullyInvested(5, true)).minimumVariance();
        for (int i = 0; i < 5; i++) {
            assertThat(longOnly[i]).isCloseTo(free[i], within(TOLERANCE));
        }
        double volatility = Math.sqrt(PortfolioOptimizer.variance(longOnly, cov));
        assertThat(volatility).isLessThanOrEqualTo(Arrays.stream(VOLS).min().orElseThrow());
    }

    @Test
    void meanVarianceWithRiskAversionMatchesItsClosedForm() {
        double[][] cov = covariance();
        double lambda = 4;
        double[] w = new PortfolioOptimizer(cov, MU, PortfolioOptimizer.Constraints.fullyInvested(5, false)).meanVariance(lambda);
        // w = (1/λ) Σ⁻¹(μ − γ1) with γ = (1ᵀΣ⁻¹μ − λ) / 1ᵀΣ⁻¹1 so that Σw = 1
        RealVector inverseMu = inverseTimes(cov, MU);
        RealVector inverseOnes = inverseTimes(cov, ones(5));
        double a = inverseOnes.dotProduct(new ArrayRealVector(ones(5)));
        double b = inverseMu.dotProduct(new ArrayRealVector(ones(5)));
        double gamma = (b - lambda) / a;
        RealVector closed = inverseMu.subtract(inverseOnes.mapMultiply(gamma)).mapDivide(lambda);
        for (int i = 0; i < 5; i++) {
            assertThat(w[i]).isCloseTo(closed.getEntry(i), within(TOLERANCE));
        }
    }

    @Test
    void targetReturnMatchesTheTwoFundClosedForm() {
        double[][] cov = covariance();
        double target = 0.10;
        double[] w = new PortfolioOptimizer(cov, MU, PortfolioOptimizer.Constraints.fullyInvested(5, false)).targetReturn(target);
        RealVector inverseMu = inverseTimes(cov, MU);
        RealVector inverseOnes = inverseTimes(cov, ones(5));
        RealVector one = new ArrayRealVector(ones(5));
        RealVector mu = new ArrayRealVector(MU);
        double a = inverseOnes.dotProduct(one);
        double b = inverseOnes.dotProduct(mu);
        double c = inverseMu.dotProduct(mu);
        double d = a * c - b * b;
        RealVector closed = inverseOnes.mapMultiply((c - b * target) / d).add(inverseMu.mapMultiply((a * target - b) / d));
        for (int i = 0; i < 5; i++) {
            assertThat(w[i]).isCloseTo(closed.getEntry(i), within(TOLERANCE));
        }
        assertThat(PortfolioOptimizer.dot(w, MU)).isCloseTo(target, within(TOLERANCE));
    }

    @Test
    void maximumSharpeIsTheTangencyPortfolio() {
        double[][] cov = covariance();
        double riskFree = 0.02;
        double[] w = new PortfolioOptimizer(cov, MU, PortfolioOptimizer.Constraints.fullyInvested(5, false)).maximumSharpe(riskFree);
        double[] excess = Arrays.stream(MU).map(mu -> mu - riskFree).toArray();
        RealVector closed = inverseTimes(cov, excess);
        closed = closed.mapDivide(closed.dotProduct(new ArrayRealVector(ones(5))));
        for (int i = 0; i < 5; i++) {
            assertThat(w[i]).isCloseTo(closed.getEntry(i), within(TOLERANCE));
        }
    }

    @Test
    void maximumSharpeBeatsEveryFrontierPortfolioUnderConstraints() {
        double[][] cov = covariance();
        double[] upper = {0.4, 0.4, 0.4, 0.4, 0.4};
        var constraints = new PortfolioOptimizer.Constraints(true, new double[5], upper, 1, null, null, null);
        PortfolioOptimizer optimizer = new PortfolioOptimizer(cov, MU, constraints);
        double[] best = optimizer.maximumSharpe(0);
        assertThat(Arrays.stream(best).boxed().toList()).allMatch(weight -> weight >= -1e-9 && weight <= 0.4 + 1e-9);
        assertThat(Arrays.stream(best).sum()).isCloseTo(1, within(TOLERANCE));
        double bestSharpe = PortfolioOptimizer.dot(best, MU) / Math.sqrt(PortfolioOptimizer.variance(best, cov));
        List<double[]> frontier = optimizer.frontier(25);
        assertThat(frontier).hasSizeGreaterThan(20);
        for (double[] point : frontier) {
            double sharpe = PortfolioOptimizer.dot(point, MU) / Math.sqrt(PortfolioOptimizer.variance(point, cov));
            assertThat(sharpe).isLessThanOrEqualTo(bestSharpe + TOLERANCE);
        }
    }

    @Test
    void riskParityContributionsAreEqual() {
        double[][] cov = covariance();
        double[] w = PortfolioOptimizer.riskParity(cov, 1);
        assertThat(Arrays.stream(w).sum()).isCloseTo(1, within(1e-12));
        for (double contribution : PortfolioOptimizer.riskContributions(w, cov)) {
            assertThat(contribution).isCloseTo(0.2, within(TOLERANCE));
        }
        // two assets: the inverse-volatility weights, whatever the correlation
        double[][] two = {{0.04, 0.3 * 0.2 * 0.5}, {0.3 * 0.2 * 0.5, 0.25}};
        double[] pair = PortfolioOptimizer.riskParity(two, 1);
        assertThat(pair[0]).isCloseTo(0.5 / (0.2 + 0.5), within(TOLERANCE));
    }

    @Test
    void riskParityOfAHundredInstrumentsConverges() {
        double[][] cov = randomCovariance(100, new Random(7));
        double[] w = PortfolioOptimizer.riskParity(cov, 1);
        for (double contribution : PortfolioOptimizer.riskContributions(w, cov)) {
            assertThat(contribution).isCloseTo(0.01, within(TOLERANCE));
        }
    }

    @Test
    void boundsGrossAndTurnoverAreHonoured() {
        double[][] cov = covariance();
        double[] lower = {-0.5, -0.5, -0.5, -0.5, -0.5};
        double[] upper = {0.6, 0.6, 0.6, 0.6, 0.6};
        double[] current = {0.2, 0.2, 0.2, 0.2, 0.2};
        var constraints = new PortfolioOptimizer.Constraints(false, lower, upper, 1, 1.5, current, 0.3);
        double[] w = new PortfolioOptimizer(cov, MU, constraints).meanVariance(1);
        double gross = 0;
        double turnover = 0;
        for (int i = 0; i < 5; i++) {
            assertThat(w[i]).isBetween(-0.5 - 1e-9, 0.6 + 1e-9);
            gross += Math.abs(w[i]);
            turnover += Math.abs(w[i] - current[i]);
        }
        assertThat(Arrays.stream(w).sum()).isCloseTo(1, within(TOLERANCE));
        assertThat(gross).isLessThanOrEqualTo(1.5 + 1e-7);
        assertThat(turnover).isLessThanOrEqualTo(0.3 + 1e-7);
        // without the turnover cap the optimum moves further: the cap binds
        var free = new PortfolioOptimizer.Constraints(false, lower, upper, 1, 1.5, null, null);
        double[] unconstrained = new PortfolioOptimizer(cov, MU, free).meanVariance(1);
        double freeTurnover = 0;
        for (int i = 0; i < 5; i++) {
            freeTurnover += Math.abs(unconstrained[i] - current[i]);
        }
        assertThat(freeTurnover).isGreaterThan(0.3 + 1e-3);
    }

    @Test
    void aCashBufferLowersTheBudget() {
        var constraints = new PortfolioOptimizer.Constraints(true, new double[5], new double[] {1, 1, 1, 1, 1}, 0.9, null, null, null);
        double[] w = new PortfolioOptimizer(covariance(), null, constraints).minimumVariance();
        assertThat(Arrays.stream(w).sum()).isCloseTo(0.9, within(TOLERANCE));
    }

    @Test
    void infeasibleConstraintsAreSaid() {
        double[] upper = {0.15, 0.15, 0.15, 0.15, 0.15};
        var constraints = new PortfolioOptimizer.Constraints(true, new double[5], upper, 1, null, null, null);
        assertThatThrownBy(() -> new PortfolioOptimizer(covariance(), null, constraints).minimumVariance())
                .isInstanceOf(PortfolioOptimizer.Infeasible.class)
                .hasMessageContaining("no portfolio satisfies the constraints");
        double[] losing = {-0.01, -0.02, -0.03, -0.01, -0.02};
        assertThatThrownBy(() -> new PortfolioOptimizer(covariance(), losing,
                PortfolioOptimizer.Constraints.fullyInvested(5, true)).maximumSharpe(0))
                .isInstanceOf(PortfolioOptimizer.Infeasible.class);
        assertThatThrownBy(() -> new PortfolioOptimizer(covariance(), MU,
                PortfolioOptimizer.Constraints.fullyInvested(5, true)).targetReturn(0.5))
                .isInstanceOf(PortfolioOptimizer.Infeasible.class)
                .hasMessageContaining("target return");
    }

    static double[][] randomCovariance(int n, Random random) {
        // one market factor plus idiosyncratic noise: a realistic, well-conditioned matrix
        double[] beta = new double[n];
        double[] idio = new double[n];
        for (int i = 0; i < n; i++) {
            beta[i] = 0.5 + random.nextDouble();
            idio[i] = 0.1 + 0.3 * random.nextDouble();
        }
        double[][] cov = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cov[i][j] = beta[i] * beta[j] * 0.04 + (i == j ? idio[i] * idio[i] : 0);
            }
        }
        return cov;
    }
}
