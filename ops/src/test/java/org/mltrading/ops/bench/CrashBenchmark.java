package org.mltrading.ops.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.mltrading.ops.PlatformSettings;
import org.mltrading.ops.testing.CrashCheck;
import org.mltrading.ops.testing.PlatformProcess;
import org.mltrading.ops.testing.RunningPlatform;
import org.springframework.util.FileSystemUtils;

/**
 * {@code ops/bench crash}: kill -9 under sustained order load, {@code --cycles} times on one data
 * directory. Each cycle starts the packaged all-in-one as its own process, lets {@code --clients}
 * clients place MARKET orders back to back (journalling every acknowledgement), kills the process
 * after a seeded random 2–6 s of load, restarts it and checks, within 10 s of the restart being
 * healthy: every acknowledged order of every cycle so far is readable, no clientOrderId is stored
 * twice, no order is PENDING, and the account's positions equal the signed sum of its orders' fills.
 * A cycle that breaks one of these fails the run (exit code 1).
 */
public final class CrashBenchmark {

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args, "cycles", "clients", "seed", "jar");
        int cycles = options.intValue("cycles", 20);
        int clients = options.intValue("clients", 6);
        Random random = new Random(options.longValue("seed", 42));
        Path jar = Path.of(options.value("jar", "ops/target/platform-exec.jar")).toAbsolutePath();
        Path dataDir = Files.createTempDirectory("crash-bench-");
        PlatformSettings settings = RunningPlatform.settingsFor(dataDir);
        RunningPlatform client = RunningPlatform.clientOnly(settings);
        Path log = dataDir.resolve("platform.log");
        List<String> acknowledged = new ArrayList<>();
        System.out.printf("CrashBenchmark %s: %d cycles of load (%d clients) and kill -9, data in %s%n", Instant.now(),
                cycles, clients, dataDir);
        int passed = 0;
        try {
            for (int cycle = 1; cycle <= cycles; cycle++) {
                long loadMillis = 2_000 + random.nextInt(4_000);
                int before = acknowledged.size();
                try (PlatformProcess platform = PlatformProcess.start(settings, log, jar)) {
                    long startBegin = System.nanoTime();
                    platform.awaitHealthy(settings.platformUrl(), Duration.ofSeconds(300));
                    double startSeconds = (System.nanoTime() - startBegin) / 1e9;
                    long checkBegin = System.nanoTime();
                    CrashCheck.assertEveryOrderDecidedOnceAndPositionsEqualFills(client, acknowledged,
                            Duration.ofSeconds(10));
                    double checkSeconds = (System.nanoTime() - checkBegin) / 1e9;
                    CrashCheck.Load load = CrashCheck.Load.start(client, "c" + cycle, clients);
                    Thread.sleep(loadMillis);
                    platform.kill();
                    load.stop();
                    acknowledged.addAll(load.acknowledged());
                    System.out.printf("cycle %2d: started in %.1f s; previous cycles' %,d orders checked in %.1f s; "
                                    + "%,d orders acknowledged in %.1f s of load, then kill -9%n", cycle, startSeconds,
                            before, checkSeconds, acknowledged.size() - before, loadMillis / 1e3);
                    passed = cycle - 1;
                }
            }
            try (PlatformProcess platform = PlatformProcess.start(settings, log, jar)) {
                platform.awaitHealthy(settings.platformUrl(), Duration.ofSeconds(300));
                CrashCheck.assertEveryOrderDecidedOnceAndPositionsEqualFills(client, acknowledged, Duration.ofSeconds(10));
                passed = cycles;
            }
            System.out.printf("%d of %d kill -9 cycles passed: %,d acknowledged orders, 0 lost, 0 duplicated, "
                    + "0 undecided, positions = Σ fills%n", passed, cycles, acknowledged.size());
        } catch (AssertionError | RuntimeException e) {
            System.out.printf("FAILED after %d of %d cycles (%,d acknowledged orders): %s%nplatform log: %s%n", passed,
                    cycles, acknowledged.size(), e.getMessage(), log);
            System.exit(1);
        }
        FileSystemUtils.deleteRecursively(dataDir);
        System.exit(0);
    }
}
