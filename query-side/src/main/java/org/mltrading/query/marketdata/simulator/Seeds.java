package org.mltrading.query.marketdata.simulator;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Per-instrument random streams derived from one master seed, so an instrument's path depends on the
 * seed and its symbol only: not on which other instruments are simulated or in which order.
 */
public final class Seeds {

    private Seeds() {
    }

    /** The seed of {@code symbol}'s stream: SplitMix64 finalisers over the seed and an FNV-1a hash of the symbol. */
    public static long forSymbol(long masterSeed, String symbol) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : symbol.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return mix(mix(masterSeed) + hash);
    }

    /** {@link SplittableRandom} (in java.base, with a documented algorithm): the same seed gives the same stream run to run. */
    public static RandomGenerator generator(long masterSeed, String symbol) {
        return new SplittableRandom(forSymbol(masterSeed, symbol));
    }

    /**
     * The stream of a feed that resumes {@code symbol} at {@code resumedAt} after a restart: a stream of
     * its own (not a replay of the first start's), the same for the same seed, symbol and instant.
     */
    public static RandomGenerator resumed(long masterSeed, String symbol, java.time.Instant resumedAt) {
        return new SplittableRandom(mix(forSymbol(masterSeed, symbol) + mix(resumedAt.toEpochMilli())));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
