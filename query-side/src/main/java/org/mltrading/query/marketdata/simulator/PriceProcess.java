package org.mltrading.query.marketdata.simulator;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The mid price of one instrument as a stochastic-volatility jump diffusion (Heston dynamics with
 * Merton jumps), stepped with a fixed time step by an Euler scheme:
 * <pre>
 *   x' = x − ½v·dt + √(v·dt)·Zₛ + Σ Jᵢ,           Jᵢ ~ N(−½σⱼ², σⱼ²), N ~ Poisson(λ·dt)
 *   v' = max(v + κ(θ − v)·dt + ξ√v·√dt·Zᵥ, v_min),  corr(Zₛ, Zᵥ) = ρ
 * </pre>
 * where x is the log price and v the annualised instantaneous variance of the diffusion. The drifts
 * make the price a martingale (no trend: E[e^J] = 1 and the −½v Itô term), θ and σⱼ split the
 * configured total variance σ² between diffusion and jumps ({@code θ + λσⱼ² = σ²}), and the floor
 * v_min = 10⁻⁴·θ keeps the variance strictly positive however coarse the step. Pure and deterministic:
 * the path depends only on the parameters, the time step and the random generator's stream.
 */
public final class PriceProcess {

    /** Seconds in a year of 365.25 days: the simulated market never closes. */
    public static final double SECONDS_PER_YEAR = 365.25 * 24 * 3600;
    static final double HOURS_PER_YEAR = 365.25 * 24;
    private static final double VARIANCE_FLOOR_RATIO = 1e-4;
    /** Above this mean, Knuth's Poisson sampler gets slow and imprecise: use a normal approximation. */
    private static final double POISSON_NORMAL_APPROXIMATION = 30;

    private final RandomGenerator random;
    private final double dt;
    private final double sqrtDt;
    private final double kappa;
    private final double theta;
    private final double xi;
    private final double rho;
    private final double rhoComplement;
    private final double varianceFloor;
    private final double jumpsPerStep;
    private final double noJumpProbability;
    private final double jumpMean;
    private final double jumpStdDev;
    private final double jumpsPerYear;

    private double logPrice;
    private double variance;

    /**
     * @param startPrice       first price (positive)
     * @param annualVolatility total volatility σ, a fraction per year
     * @param stepYears        length of one step in years (positive)
     */
    public PriceProcess(double startPrice, double annualVolatility, ModelParameters model, RandomGenerator random,
                        double stepYears) {
        if (!(startPrice > 0) || !(annualVolatility > 0) || !(stepYears > 0) || !Double.isFinite(stepYears)) {
            throw new IllegalArgumentException("start price, volatility and step must be positive");
        }
        this.random = Objects.requireNonNull(random, "random");
        this.dt = stepYears;
        this.sqrtDt = Math.sqrt(stepYears);
        double totalVariance = annualVolatility * annualVolatility;
        this.jumpsPerYear = model.jumpsPerHour() * HOURS_PER_YEAR;
        double jumpShare = jumpsPerYear > 0 ? model.jumpVarianceShare() : 0;
        this.theta = (1 - jumpShare) * totalVariance;
        double jumpVariance = jumpsPerYear > 0 ? jumpShare * totalVariance / jumpsPerYear : 0;
        this.jumpStdDev = Math.sqrt(jumpVariance);
        this.jumpMean = -0.5 * jumpVariance;
        this.kappa = model.meanReversionPerYear();
        this.xi = model.volOfVolRatio() * Math.sqrt(theta);
        this.rho = model.correlation();
        this.rhoComplement = Math.sqrt(1 - rho * rho);
        this.varianceFloor = VARIANCE_FLOOR_RATIO * theta;
        this.jumpsPerStep = jumpsPerYear * dt;
        this.noJumpProbability = Math.exp(-jumpsPerStep);
        this.logPrice = Math.log(startPrice);
        this.variance = theta;
    }

    /** Advances one time step; returns the number of jumps in it (usually 0). */
    public int step() {
        double v = variance;
        double zVariance = random.nextGaussian();
        double zPrice = rho * zVariance + rhoComplement * random.nextGaussian();
        logPrice += -0.5 * v * dt + Math.sqrt(v * dt) * zPrice;
        int jumps = jumpCount();
        for (int i = 0; i < jumps; i++) {
            logPrice += jumpMean + jumpStdDev * random.nextGaussian();
        }
        variance = Math.max(v + kappa * (theta - v) * dt + xi * Math.sqrt(v) * sqrtDt * zVariance, varianceFloor);
        return jumps;
    }

    private int jumpCount() {
        if (jumpsPerStep <= 0) {
            return 0;
        }
        if (jumpsPerStep > POISSON_NORMAL_APPROXIMATION) {
            return (int) Math.max(0, Math.round(jumpsPerStep + Math.sqrt(jumpsPerStep) * random.nextGaussian()));
        }
        // Knuth: multiply uniforms until the product drops below e^-λdt; one draw when nothing jumps
        int count = 0;
        double product = random.nextDouble();
        while (product > noJumpProbability) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    public double price() {
        return Math.exp(logPrice);
    }

    public double logPrice() {
        return logPrice;
    }

    /** Current annualised variance of the diffusion; always positive. */
    public double variance() {
        return variance;
    }

    /** θ: the level the diffusion variance reverts to. */
    public double longRunVariance() {
        return theta;
    }

    /** λ: mean number of jumps per year. */
    public double jumpsPerYear() {
        return jumpsPerYear;
    }

    /** σⱼ: standard deviation of one jump of the log price. */
    public double jumpStdDev() {
        return jumpStdDev;
    }

    /** Length of a step, in years. */
    public double stepYears() {
        return dt;
    }
}
