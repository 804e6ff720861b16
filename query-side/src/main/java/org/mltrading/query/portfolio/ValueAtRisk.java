package org.mltrading.query.portfolio;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.stat.correlation.Covariance;

/**
 * Value at risk and expected shortfall (CVaR) of a portfolio of exposures (value held per instrument, in
 * the account's currency; negative = short) from the instruments' historical one-period simple returns
 * (rows = periods, aligned, oldest first). Losses are positive numbers. Three methods:
 * <ul>
 *   <li><b>HISTORICAL</b>: the P&amp;L the exposures would have made over every overlapping window of
 *       {@code horizon} periods (compounded returns); VaR = minus the empirical quantile at 1 − level (the
 *       ⌈N(1 − level)⌉-th worst), CVaR = minus the mean of the P&amp;Ls at or below it;</li>
 *   <li><b>PARAMETRIC</b> (normal, zero mean as RiskMetrics has it: a mean estimated from a short sample is
 *       noise that can outweigh the volatility and turn the VaR into a gain): σ_p² = wᵀΣw per period;
 *       VaR = z σ_p √h, CVaR = φ(z)/(1 − level) σ_p √h;</li>
 *   <li><b>MONTE_CARLO</b>: {@code paths} seeded draws of h-period P&amp;L from the zero-mean multivariate
 *       normal with the same Σ (Cholesky), then the empirical quantile as in HISTORICAL.</li>
 * </ul>
 * Doubles: these are statistics of a distribution, not booked money.
 */
public final class ValueAtRisk {

    public enum Method { HISTORICAL, PARAMETRIC, MONTE_CARLO }

    /** VaR and CVaR at 95 % and 99 % (positive losses), from {@code observations} scenarios or periods. */
    public record Result(Method method, double var95, double var99, double cvar95, double cvar99, int observations) {
    }

    private static final NormalDistribution NORMAL = new NormalDistribution();

    private ValueAtRisk() {
    }

    public static Result of(Method method, double[] exposures, double[][] returns, int horizon, int paths, long seed) {
        if (horizon < 1) {
            throw new IllegalArgumentException("the horizon is at least one period");
        }
        for (double[] row : returns) {
            if (row.length != exposures.length) {
                throw new IllegalArgumentException("every return row needs one return per exposure");
            }
        }
        return switch (method) {
            case HISTORICAL -> historical(exposures, returns, horizon);
            case PARAMETRIC -> parametric(exposures, returns, horizon);
            case MONTE_CARLO -> monteCarlo(exposures, returns, horizon, paths, seed);
        };
    }

    static Result historical(double[] exposures, double[][] returns, int horizon) {
        int windows = returns.length - horizon + 1;
        if (windows < 2) {
            throw new IllegalArgumentException("too little history: " + returns.length + " periods for a horizon of " + horizon);
        }
        double[] pnl = new double[windows];
        for (int start = 0; start < windows; start++) {
            double total = 0;
            for (int i = 0; i < exposures.length; i++) {
                double growth = 1;
                for (int t = start; t < start + horizon; t++) {
                    growth *= 1 + returns[t][i];
                }
                total += exposures[i] * (growth - 1);
            }
            pnl[start] = total;
        }
        return fromScenarios(Method.HISTORICAL, pnl);
    }

    static Result parametric(double[] exposures, double[][] returns, int horizon) {
        Moments moments = moments(returns);
        double variance = 0;
        for (int i = 0; i < exposures.length; i++) {
            for (int j = 0; j < exposures.length; j++) {
                variance += exposures[i] * exposures[j] * moments.covariance.getEntry(i, j);
            }
        }
        double sigma = Math.sqrt(Math.max(0, variance)) * Math.sqrt(horizon);
        double drift = 0; // zero mean (see the class comment)
        double z95 = NORMAL.inverseCumulativeProbability(0.95);
        double z99 = NORMAL.inverseCumulativeProbability(0.99);
        return new Result(Method.PARAMETRIC, z95 * sigma - drift, z99 * sigma - drift,
                NORMAL.density(z95) / 0.05 * sigma - drift, NORMAL.density(z99) / 0.01 * sigma - drift, returns.length);
    }

    /** An instrument's share of the parametric VaR: marginal VaR per unit of exposure, component = exposure × marginal. */
    public record Contribution(int index, double exposure, double marginal95, double component95, double component99) {
    }

    /**
     * The Euler decomposition of the parametric (zero-mean normal) VaR: marginal VaRᵢ = z (Σe)ᵢ / σ_p √h, component
     * VaRᵢ = eᵢ × marginal VaRᵢ; the components sum to the VaR. A flat portfolio (σ_p = 0) has none.
     */
    public static java.util.List<Contribution> contributions(double[] exposures, double[][] returns, int horizon) {
        Moments moments = moments(returns);
        int n = exposures.length;
        double[] covarianceTimesExposure = new double[n];
        double variance = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                covarianceTimesExposure[i] += moments.covariance.getEntry(i, j) * exposures[j];
            }
            variance += exposures[i] * covarianceTimesExposure[i];
        }
        double sigma = Math.sqrt(Math.max(0, variance));
        java.util.List<Contribution> contributions = new java.util.ArrayList<>();
        double z95 = NORMAL.inverseCumulativeProbability(0.95);
        double z99 = NORMAL.inverseCumulativeProbability(0.99);
        for (int i = 0; i < n; i++) {
            double marginal = sigma == 0 ? 0 : covarianceTimesExposure[i] / sigma * Math.sqrt(horizon);
            contributions.add(new Contribution(i, exposures[i], z95 * marginal, z95 * marginal * exposures[i],
                    z99 * marginal * exposures[i]));
        }
        return contributions;
    }

    static Result monteCarlo(double[] exposures, double[][] returns, int horizon, int paths, long seed) {
        Moments moments = moments(returns);
        int n = exposures.length;
        RealMatrix lower;
        try {
            lower = new CholeskyDecomposition(moments.covariance, 1e-12, 1e-14).getL();
        } catch (NonPositiveDefiniteMatrixException e) {
            throw new IllegalArgumentException("the covariance of the returns is not positive definite (an instrument"
                    + " that never moved, or two that move as one); use HISTORICAL or PARAMETRIC");
        }
        MersenneTwister random = new MersenneTwister(seed);
        double[] pnl = new double[paths];
        double[] z = new double[n];
        double scale = Math.sqrt(horizon);
        for (int path = 0; path < paths; path++) {
            for (int i = 0; i < n; i++) {
                z[i] = random.nextGaussian();
            }
            double total = 0;
            for (int i = 0; i < n; i++) {
                double shock = 0;
                for (int k = 0; k <= i; k++) {
                    shock += lower.getEntry(i, k) * z[k];
                }
                total += exposures[i] * shock * scale; // zero mean (see the class comment)
            }
            pnl[path] = total;
        }
        return fromScenarios(Method.MONTE_CARLO, pnl);
    }

    /** VaR and CVaR from scenario P&amp;Ls: the ⌈N(1 − level)⌉-th worst and the mean of those at or below it. */
    static Result fromScenarios(Method method, double[] pnl) {
        double[] sorted = pnl.clone();
        Arrays.sort(sorted);
        return new Result(method, -quantile(sorted, 0.95), -quantile(sorted, 0.99), -tailMean(sorted, 0.95),
                -tailMean(sorted, 0.99), sorted.length);
    }

    static double quantile(double[] sorted, double level) {
        return sorted[tail(sorted.length, level) - 1];
    }

    /** ⌈N(1 − level)⌉, at least 1; rounded first so that 500 × (1 − 0.95) is 25, not 25.000000000000004. */
    static int tail(int n, double level) {
        double exact = Math.round(n * (1 - level) * 1e9) / 1e9;
        return Math.max(1, (int) Math.ceil(exact));
    }

    private static double tailMean(double[] sorted, double level) {
        int k = tail(sorted.length, level);
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += sorted[i];
        }
        return sum / k;
    }

    private record Moments(double[] mean, RealMatrix covariance) {
    }

    private static Moments moments(double[][] returns) {
        if (returns.length < 2) {
            throw new IllegalArgumentException("too little history: " + returns.length + " periods");
        }
        int n = returns[0].length;
        double[] mean = new double[n];
        for (double[] row : returns) {
            for (int i = 0; i < n; i++) {
                mean[i] += row[i] / returns.length;
            }
        }
        RealMatrix covariance = n == 1
                ? new Array2DRowRealMatrix(new double[][] {{variance(returns, mean[0])}})
                : new Covariance(returns).getCovarianceMatrix();
        return new Moments(mean, covariance);
    }

    private static double variance(double[][] returns, double mean) {
        double sum = 0;
        for (double[] row : returns) {
            sum += (row[0] - mean) * (row[0] - mean);
        }
        return sum / (returns.length - 1);
    }
}
