package org.mltrading.ops.bench;

import java.util.Arrays;
import java.util.Random;
import org.mltrading.query.portfolio.ValueAtRisk;

/**
 * Issue 18's goal "Monte Carlo VaR with 100,000 paths over 20 instruments ≤ 1 s", measured on generated
 * correlated returns (500 periods, one common factor), beside the historical and parametric figures of the
 * same portfolio in the same run. {@code ops/bench var [--instruments=20 --paths=100000 --runs=5]}.
 */
public final class VarBenchmark {

    public static void main(String[] args) {
        BenchArgs options = new BenchArgs(args, "instruments", "paths", "runs");
        int n = options.intValue("instruments", 20);
        int paths = options.intValue("paths", 100_000);
        int runs = options.intValue("runs", 5);
        Random random = new Random(5);
        double[][] returns = new double[500][n];
        for (double[] row : returns) {
            double common = random.nextGaussian();
            for (int i = 0; i < n; i++) {
                row[i] = 0.01 * (0.5 * common + 0.85 * random.nextGaussian());
            }
        }
        double[] exposures = new double[n];
        for (int i = 0; i < n; i++) {
            exposures[i] = (i % 3 == 2 ? -1 : 1) * 50_000.0 * (1 + i % 5);
        }
        System.out.printf("VarBenchmark: %d instruments, 500 return periods, %,d Monte Carlo paths, %d runs after 2 warm-ups%n",
                n, paths, runs);
        for (ValueAtRisk.Method method : ValueAtRisk.Method.values()) {
            double[] millis = new double[runs];
            ValueAtRisk.Result result = null;
            for (int run = -2; run < runs; run++) {
                long start = System.nanoTime();
                result = ValueAtRisk.of(method, exposures, returns, 1, paths, 42);
                if (run >= 0) {
                    millis[run] = (System.nanoTime() - start) / 1e6;
                }
            }
            Arrays.sort(millis);
            System.out.printf("%-12s median %8.2f ms (min %.2f, max %.2f)   VaR95 %,.0f  VaR99 %,.0f  CVaR99 %,.0f%n", method,
                    millis[runs / 2], millis[0], millis[runs - 1], result.var95(), result.var99(), result.cvar99());
        }
        System.out.println("goal: Monte Carlo with 100,000 paths over 20 instruments <= 1,000 ms");
        System.out.println("load average: " + LoadAverage.read() + " (2 cores)");
    }
}
