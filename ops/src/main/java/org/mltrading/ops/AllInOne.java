package org.mltrading.ops;

import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mltrading.auth.AuthServerLauncher;
import org.mltrading.ops.embedded.EmbeddedMongo;
import org.mltrading.ops.embedded.EmbeddedQuestDb;
import org.mltrading.ops.platform.PlatformApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole platform in one JVM on embedded infrastructure: QuestDB and the MongoDB wire server first,
 * then the auth server and the platform as two sibling Spring contexts on their own ports. Shutdown
 * runs in the reverse order from one hook, so the stores close only after the contexts are done.
 */
public final class AllInOne implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AllInOne.class);

    private final PlatformSettings settings;
    private final List<AutoCloseable> started = new ArrayList<>();
    private ConfigurableApplicationContext platform;
    private ConfigurableApplicationContext auth;

    private AllInOne(PlatformSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        // offline by design: no update checks or console banners from Axon
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        long begin = System.nanoTime();
        PlatformSettings settings;
        try {
            settings = PlatformSettings.fromEnvironment();
        } catch (IllegalArgumentException e) {
            System.err.println("Invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        AllInOne allInOne = new AllInOne(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(allInOne::close, "platform-shutdown"));
        try {
            allInOne.start(args);
        } catch (RuntimeException | Error e) {
            log.error("The platform could not start: {}", rootMessage(e), e);
            allInOne.close();
            System.exit(1);
        }
        allInOne.printWelcome(System.out, Duration.ofNanos(System.nanoTime() - begin));
    }

    /** Starts everything; used by main and by tests (which pass ephemeral ports in the settings). */
    public static AllInOne start(PlatformSettings settings, String... args) {
        AllInOne allInOne = new AllInOne(settings);
        try {
            allInOne.start(args);
            return allInOne;
        } catch (RuntimeException e) {
            allInOne.close();
            throw e;
        }
    }

    private void start(String... args) {
        try {
            Files.createDirectories(settings.dataDir());
            started.add(EmbeddedQuestDb.start(settings.dataDir().resolve("questdb"), settings.questDbHttpPort(),
                    settings.questDbHealthPort(), settings.questDbPgPort(), settings.questDbIlpPort()));
            started.add(EmbeddedMongo.start(settings.dataDir().resolve("mongo"), settings.mongoPort()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot prepare data directory " + settings.dataDir() + ": " + e.getMessage(), e);
        }
        // as command-line arguments: they beat application.yml and stray environment variables
        List<String> common = new ArrayList<>(List.of(args));
        settings.springProperties().forEach((key, value) -> common.add("--" + key + "=" + value));

        // The platform first: Vaadin replaces the JVM-wide SecurityContextHolderStrategy while its
        // context starts; a context started before that would keep filters holding the old strategy
        // next to filters using the new one, and lose its authentications between them.
        List<String> platformArgs = new ArrayList<>(common);
        platformArgs.add("--server.port=" + settings.platformHttpPort());
        platform = new SpringApplicationBuilder(PlatformApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .registerShutdownHook(false)
                .run(platformArgs.toArray(String[]::new));

        List<String> authArgs = new ArrayList<>(common);
        authArgs.add("--server.port=" + settings.authHttpPort());
        auth = AuthServerLauncher.start(authArgs.toArray(String[]::new));
    }

    void printWelcome(PrintStream out, Duration startup) {
        out.printf("""

                ================================================================================
                 ML Trading Platform is up (%.1f s)
                   UI        %s/
                   GraphQL   %s/graphql   (WebSocket: ws://%s:%d/subscriptions)
                   Health    %s/actuator/health
                   Auth      %s   (OIDC discovery: /.well-known/openid-configuration)
                   Data      %s
                 Demo identities (local profile only):
                   users     trader/trader-demo  risk/risk-demo  risk2/risk2-demo  compliance/compliance-demo  admin/admin-demo
                             second factor: TOTP code of the demo secret JBSWY3DPEHPK3PXP
                   clients   demo-integrator/demo-integrator-secret (read trade)
                             demo-compliance/demo-compliance-secret (read audit)
                             demo-risk/demo-risk-secret (read risk)
                             demo-admin/demo-admin-secret (read admin; ops/import-news)
                   accounts  demo-account, demo-account-2 (owner trader)
                 Stop with Ctrl-C.
                ================================================================================
                %n""", startup.toMillis() / 1000.0, settings.platformUrl(), settings.platformUrl(),
                settings.publicHost(), settings.platformHttpPort(), settings.platformUrl(), settings.authUrl(),
                settings.dataDir());
    }

    public ConfigurableApplicationContext platformContext() {
        return platform;
    }

    public ConfigurableApplicationContext authContext() {
        return auth;
    }

    @Override
    public synchronized void close() {
        if (platform != null) {
            closeQuietly(platform);
            platform = null;
        }
        if (auth != null) {
            closeQuietly(auth);
            auth = null;
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            closeQuietly(started.get(i));
        }
        started.clear();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("Error while stopping {}: {}", closeable.getClass().getSimpleName(), e.getMessage());
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? error.getMessage() : error.getMessage() + " (cause: " + root.getMessage() + ")";
    }
}
