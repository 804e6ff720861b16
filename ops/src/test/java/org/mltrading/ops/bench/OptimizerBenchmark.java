package org.mltrading.ops.bench;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;
import org.mltrading.query.portfolio.Covariances;
import org.mltrading.query.portfolio.PortfolioOptimizer;

/**
 * Issue 18's goal "a 100-instrument minimum-variance or risk-parity optimisation ≤ 100 ms", on generated
 * returns (1,000 periods, a market factor and two sector factors), each programme timed beside the
 * Ledoit-Wolf covariance estimate of the same returns in the same run (the baseline: the work every
 * optimisation starts with). {@code ops/bench optimize [--instruments=100 --runs=7]}.
 */
public final class OptimizerBenchmark {

    public static void main(String[] args) {
        BenchArgs options = new BenchArgs(args, "instruments", "runs");
        int n = options.intValue("instruments", 100);
        int runs = options.intValue("runs", 7);
        Random random = new Random(11);
        double[][] returns = new double[1_000][n];
        for (double[] row : returns) {
            double market = random.nextGaussian();
            double sectorA = random.nextGaussian();
            double sectorB = random.nextGaussian();
            for (int i = 0; i < n; i++) {
                double sector = i % 2 == 0 ? sectorA : sectorB;
                row[i] = 0.0002 + 0.01 * (0.6 * market + 0.4 * sector + (0.5 + 0.01 * (i % 50)) * random.nextGaussian());
            }
        }
        double[] mean = Covariances.means(returns);
        double[] expected = Arrays.stream(mean).map(mu -> mu * 252).toArray();
        double[][] covariance = annualised(Covariances.ledoitWolf(returns).covariance());
        PortfolioOptimizer longOnly = new PortfolioOptimizer(covariance, expected, PortfolioOptimizer.Constraints.fullyInvested(n, true));
        double[] upper = new double[n];
        Arrays.fill(upper, 0.05);
        PortfolioOptimizer capped = new PortfolioOptimizer(covariance, expected,
                new PortfolioOptimizer.Constraints(true, new double[n], upper, 1, null, null, null));
        System.out.printf("OptimizerBenchmark: %d instruments, 1,000 return periods, %d runs after 2 warm-ups%n", n, runs);
        double baseline = time("Ledoit-Wolf covariance (baseline)", runs, () -> Covariances.ledoitWolf(returns).covariance()[0]);
        time("minimum variance, long only", runs, longOnly::minimumVariance, baseline, covariance);
        time("minimum variance, max 5 % each", runs, capped::minimumVariance, baseline, covariance);
        time("risk parity", runs, () -> PortfolioOptimizer.riskParity(covariance, 1), baseline, covariance);
        time("maximum Sharpe, long only", runs, () -> longOnly.maximumSharpe(0), baseline, covariance);
        time("mean-variance, risk aversion 4", runs, () -> longOnly.meanVariance(4), baseline, covariance);
        System.out.println("goal: 100-instrument minimum variance or risk parity <= 100 ms");
        System.out.println("load average: " + LoadAverage.read() + " (2 cores)");
    }

    private static double[][] annualised(double[][] covariance) {
        return Arrays.stream(covariance).map(row -> Arrays.stream(row).map(value -> value * 252).toArray()).toArray(double[][]::new);
    }

    private static double time(String name, int runs, Supplier<double[]> work) {
        double[] millis = measure(runs, work);
        System.out.printf("%-34s median %8.2f ms (min %.2f, max %.2f)%n", name, millis[runs / 2], millis[0], millis[runs - 1]);
        return millis[runs / 2];
    }

    private static void time(String name, int runs, Supplier<double[]> work, double baseline, double[][] covariance) {
        double[] millis = measure(runs, work);
        double[] weights = work.get();
        long held = Arrays.stream(weights).filter(weight -> Math.abs(weight) > 1e-6).count();
        System.out.printf("%-34s median %8.2f ms (min %.2f, max %.2f)  ratio to baseline %.2f  vol %.4f, %d held%n", name,
                millis[runs / 2], millis[0], millis[runs - 1], millis[runs / 2] / baseline,
                Math.sqrt(PortfolioOptimizer.variance(weights, covariance)), held);
    }

    private static double[] measure(int runs, Supplier<double[]> work) {
        double[] millis = new double[runs];
        for (int run = -2; run < runs; run++) {
            long start = System.nanoTime();
            work.get();
            if (run >= 0) {
                millis[run] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(millis);
        return millis;
    }
}
