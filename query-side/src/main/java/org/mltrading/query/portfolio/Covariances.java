package org.mltrading.query.portfolio;

/**
 * Covariance estimates of aligned returns (rows = periods, columns = instruments). The sample covariance
 * of a few hundred returns over tens of instruments is noisy and often near singular, and an optimiser
 * leans hardest on exactly its errors; Ledoit and Wolf's shrinkage towards a scaled identity ("A
 * well-conditioned estimator for large-dimensional covariance matrices", 2004) trades a little bias for
 * much less error and is always positive definite. Both use the maximum-likelihood divisor n, as the
 * paper does.
 */
public final class Covariances {

    /** A covariance and the shrinkage intensity that produced it (0 = the sample covariance). */
    public record Estimate(double[][] covariance, double shrinkage) {
    }

    private Covariances() {
    }

    public static double[] means(double[][] returns) {
        int p = returns[0].length;
        double[] mean = new double[p];
        for (double[] row : returns) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= returns.length;
        }
        return mean;
    }

    public static Estimate sample(double[][] returns) {
        return new Estimate(sampleCovariance(centred(returns)), 0);
    }

    /**
     * Σ* = δ·m·I + (1 − δ)·S with m = tr(S)/p, δ = b²/d² where d² = ‖S − mI‖², b² = min(d², (1/n²) Σₖ ‖xₖxₖᵀ − S‖²)
     * (‖A‖² = tr(AAᵀ)/p).
     */
    public static Estimate ledoitWolf(double[][] returns) {
        double[][] x = centred(returns);
        int n = x.length;
        int p = x[0].length;
        double[][] s = sampleCovariance(x);
        double m = 0;
        for (int i = 0; i < p; i++) {
            m += s[i][i];
        }
        m /= p;
        double d2 = 0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double diff = s[i][j] - (i == j ? m : 0);
                d2 += diff * diff;
            }
        }
        d2 /= p;
        if (d2 == 0) {
            return new Estimate(s, 0);
        }
        double b2 = 0;
        for (double[] row : x) {
            double norm = 0;
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    double diff = row[i] * row[j] - s[i][j];
                    norm += diff * diff;
                }
            }
            b2 += norm / p;
        }
        b2 /= (double) n * n;
        double shrinkage = Math.min(b2, d2) / d2;
        double[][] shrunk = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                shrunk[i][j] = (1 - shrinkage) * s[i][j] + (i == j ? shrinkage * m : 0);
            }
        }
        return new Estimate(shrunk, shrinkage);
    }

    private static double[][] centred(double[][] returns) {
        if (returns.length < 2) {
            throw new IllegalArgumentException("a covariance needs at least two returns");
        }
        double[] mean = means(returns);
        double[][] x = new double[returns.length][];
        for (int t = 0; t < returns.length; t++) {
            x[t] = new double[mean.length];
            for (int j = 0; j < mean.length; j++) {
                x[t][j] = returns[t][j] - mean[j];
            }
        }
        return x;
    }

    private static double[][] sampleCovariance(double[][] x) {
        int p = x[0].length;
        double[][] s = new double[p][p];
        for (double[] row : x) {
            for (int i = 0; i < p; i++) {
                double xi = row[i];
                for (int j = i; j < p; j++) {
                    s[i][j] += xi * row[j];
                }
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                s[i][j] /= x.length;
                s[j][i] = s[i][j];
            }
        }
        return s;
    }
}
