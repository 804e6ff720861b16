package org.mltrading.ops.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mltrading.ops.PlatformSettings;

/**
 * The packaged all-in-one ({@code target/platform-exec.jar}, built by {@code package} before failsafe
 * runs) as a separate OS process, so tests can stop it with SIGTERM or kill it with SIGKILL.
 */
public final class PlatformProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private PlatformProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static PlatformProcess start(PlatformSettings settings, Path log) {
        return start(settings, log, Path.of("target", "platform-exec.jar").toAbsolutePath());
    }

    /** With extra environment variables (e.g. a setting a test needs at its {@code ops/run} default). */
    public static PlatformProcess start(PlatformSettings settings, Path log, Map<String, String> environment) {
        return start(settings, log, Path.of("target", "platform-exec.jar").toAbsolutePath(), environment);
    }

    /** The given packaged jar (the benchmarks run from the repository root: {@code ops/target/...}). */
    public static PlatformProcess start(PlatformSettings settings, Path log, Path jar) {
        return start(settings, log, jar, Map.of());
    }

    private static PlatformProcess start(PlatformSettings settings, Path log, Path jar, Map<String, String> environment) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run `./mvnw verify` (package runs before the ITs)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx768m",
                "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("PLATFORM_DATA_DIR", settings.dataDir().toString());
        env.put("PLATFORM_HTTP_PORT", Integer.toString(settings.platformHttpPort()));
        env.put("AUTH_HTTP_PORT", Integer.toString(settings.authHttpPort()));
        env.put("PLATFORM_MONGO_PORT", Integer.toString(settings.mongoPort()));
        env.put("PLATFORM_QUESTDB_HTTP_PORT", Integer.toString(settings.questDbHttpPort()));
        env.put("PLATFORM_QUESTDB_HEALTH_PORT", Integer.toString(settings.questDbHealthPort()));
        env.put("PLATFORM_QUESTDB_PG_PORT", Integer.toString(settings.questDbPgPort()));
        env.put("PLATFORM_QUESTDB_ILP_PORT", Integer.toString(settings.questDbIlpPort()));
        env.putAll(environment);
        // the ITs' shorter warm-start history (ops/pom.xml), unless a test chose otherwise
        forward(env, "platform.marketdata.simulator.history.length", "PLATFORM_MARKETDATA_SIMULATOR_HISTORY_LENGTH");
        forward(env, "platform.marketdata.simulator.history.trades", "PLATFORM_MARKETDATA_SIMULATOR_HISTORY_TRADES");
        try {
            Files.createDirectories(log.getParent());
            return new PlatformProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void forward(Map<String, String> env, String property, String variable) {
        String value = System.getProperty(property);
        if (value != null && !env.containsKey(variable)) {
            env.put(variable, value);
        }
    }

    public void awaitHealthy(String platformUrl, Duration timeout) {
        try {
            RunningPlatform.awaitHealthy(HttpClient.newHttpClient(), platformUrl, timeout);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + " (alive: " + process.isAlive() + ", log: " + log + ")", e);
        }
    }

    /** SIGTERM, as Ctrl-C or a container stop; returns the exit code. */
    public int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("did not stop within " + timeout + " after SIGTERM (log: " + log + ")");
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hooks, no flushing. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
