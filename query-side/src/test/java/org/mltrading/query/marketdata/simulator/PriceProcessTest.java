package org.mltrading.query.marketdata.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The stochastic model: positive variance, the configured volatility and jump rate, on seeded paths. */
class PriceProcessTest {

    private static final double MINUTE = 60 / PriceProcess.SECONDS_PER_YEAR;
    private static final double SECOND = 1 / PriceProcess.SECONDS_PER_YEAR;

    @ParameterizedTest(name = "volatility {0}")
    @ValueSource(doubles = {0.07, 0.15, 0.25, 0.55, 0.70})
    void realised_volatility_is_close_to_the_configured_annual_volatility(double volatility) {
        // 200k one-minute steps: about 139 days of 24/7 trading, several variance half-lives
        PriceProcess process = new PriceProcess(100, volatility, ModelParameters.DEFAULTS, new SplittableRandom(42), MINUTE);
        double sumOfSquares = 0;
        int steps = 200_000;

        for (int i = 0; i < steps; i++) {
            double before = process.logPrice();
            process.step();
            double r = process.logPrice() - before;
            sumOfSquares += r * r;
        }

        double realised = Math.sqrt(sumOfSquares / (steps * MINUTE));
        assertThat(realised).isBetween(0.7 * volatility, 1.3 * volatility);
    }

    @ParameterizedTest(name = "volatility of volatility {0}× the level")
    @ValueSource(doubles = {2.5, 10, 40})
    void the_variance_stays_positive_even_with_coarse_steps_and_wild_volatility_of_volatility(double ratio) {
        // daily steps and (for 10 and 40) far beyond the Feller bound: the Euler scheme alone would go negative
        PriceProcess process = new PriceProcess(100, 0.5, ModelParameters.DEFAULTS.withVolOfVolRatio(ratio),
                new SplittableRandom(7), 1 / 365.25);
        double lowest = Double.MAX_VALUE;

        for (int i = 0; i < 100_000; i++) {
            process.step();
            lowest = Math.min(lowest, process.variance());
            if (!(process.variance() > 0) || !Double.isFinite(process.logPrice())) {
                assertThat(process.variance()).as("variance at step %d", i).isPositive();
                assertThat(process.logPrice()).as("log price at step %d", i).isFinite();
            }
        }
        assertThat(lowest).isPositive();
    }

    @ParameterizedTest(name = "{0} jumps an hour over {1} hours")
    @CsvSource({"3, 100", "30, 20", "0.5, 1000"})
    void jumps_arrive_at_the_configured_rate(double perHour, int hours) {
        PriceProcess process = new PriceProcess(100, 0.3, ModelParameters.DEFAULTS.withJumpsPerHour(perHour),
                new SplittableRandom(42), SECOND);
        long jumps = 0;

        for (int i = 0; i < hours * 3600; i++) {
            jumps += process.step();
        }

        double expected = perHour * hours;
        assertThat((double) jumps).isBetween(0.7 * expected, 1.3 * expected);
    }

    @ParameterizedTest(name = "{0} jumps an hour")
    @ValueSource(doubles = {0.5, 3, 30})
    void jumps_and_diffusion_share_the_configured_variance(double perHour) {
        PriceProcess process = new PriceProcess(100, 0.3, ModelParameters.DEFAULTS.withJumpsPerHour(perHour),
                new SplittableRandom(1), SECOND);

        double total = process.longRunVariance() + process.jumpsPerYear() * process.jumpStdDev() * process.jumpStdDev();
        assertThat(total).isCloseTo(0.09, offset(1e-12));
        assertThat(process.longRunVariance()).isCloseTo(0.8 * 0.09, offset(1e-12));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 42, 1234567})
    void without_jumps_nothing_jumps(long seed) {
        PriceProcess process = new PriceProcess(100, 0.3, ModelParameters.DEFAULTS.withJumpsPerHour(0),
                new SplittableRandom(seed), SECOND);
        int jumps = 0;
        for (int i = 0; i < 10_000; i++) {
            jumps += process.step();
        }
        assertThat(jumps).isZero();
        assertThat(process.longRunVariance()).isCloseTo(0.09, offset(1e-12));
    }
}
