package org.mltrading.query.marketdata.simulator;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How the live simulated feed runs ({@code platform.marketdata.simulator.*}).
 *
 * @param enabled        start with the application ({@code enabled}, default true)
 * @param ticksPerSecond quote updates per second across all simulated instruments, taken round-robin
 *                       ({@code ticks-per-second}, default 50)
 * @param seed           master seed; each instrument's stream derives from it and the symbol
 *                       ({@code seed}, default {@value #DEFAULT_SEED})
 * @param symbols        instruments to simulate; empty means every instrument of the catalog
 *                       ({@code symbols}, comma-separated)
 * @param timeScale      simulated seconds per wall-clock second ({@code time-scale}, default 1: real
 *                       time; 3600 lets an hour of market pass every second in a demo)
 * @param model          the shape of the market ({@code jumps-per-hour} overrides its jump rate)
 */
public record SimulatorSettings(boolean enabled, double ticksPerSecond, long seed, List<String> symbols,
                                double timeScale, ModelParameters model) {

    /** The documented default seed: the feed is the same in every run unless a seed is configured. */
    public static final long DEFAULT_SEED = 42L;
    public static final double DEFAULT_TICKS_PER_SECOND = 50;
    static final double MAX_TICKS_PER_SECOND = 1_000_000;

    public SimulatorSettings {
        if (!(ticksPerSecond > 0 && ticksPerSecond <= MAX_TICKS_PER_SECOND)) {
            throw new IllegalArgumentException("platform.marketdata.simulator.ticks-per-second must be within (0, "
                    + (long) MAX_TICKS_PER_SECOND + "]: " + ticksPerSecond);
        }
        if (!(timeScale > 0) || !Double.isFinite(timeScale)) {
            throw new IllegalArgumentException("platform.marketdata.simulator.time-scale must be positive: " + timeScale);
        }
        symbols = symbols == null ? List.of() : symbols.stream()
                .map(s -> s.strip().toUpperCase(Locale.ROOT)).filter(s -> !s.isEmpty()).distinct().toList();
        Objects.requireNonNull(model, "model");
    }

    /** The defaults: enabled, 50 ticks per second, seed 42, every instrument, real time. */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings(true, DEFAULT_TICKS_PER_SECOND, DEFAULT_SEED, List.of(), 1, ModelParameters.DEFAULTS);
    }

    public SimulatorSettings withTicksPerSecond(double rate) {
        return new SimulatorSettings(enabled, rate, seed, symbols, timeScale, model);
    }

    public SimulatorSettings withSeed(long newSeed) {
        return new SimulatorSettings(enabled, ticksPerSecond, newSeed, symbols, timeScale, model);
    }

    public SimulatorSettings withSymbols(List<String> newSymbols) {
        return new SimulatorSettings(enabled, ticksPerSecond, seed, newSymbols, timeScale, model);
    }

    /** Parses the comma-separated {@code symbols} property. */
    static List<String> parseSymbols(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of() : List.of(commaSeparated.split(","));
    }
}
