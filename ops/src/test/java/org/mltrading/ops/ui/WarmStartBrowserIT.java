package org.mltrading.ops.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mltrading.ops.PlatformSettings;
import org.mltrading.ops.testing.PlatformProcess;
import org.mltrading.ops.testing.RunningPlatform;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A newcomer's first look, as {@code ops/run} gives it: the packaged platform started as its own
 * process on a fresh data directory with its defaults (5 days of warm-start history, live predictions
 * on one-minute bars). The desk's chart shows at least a day of one-minute bars and the PRODUCTION
 * model's prediction band within two minutes of the launch (real Chromium). A restart continues the
 * stored history: one-minute bars with no missing minute across the downtime and none twice.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WarmStartBrowserIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
    /** The promise: chart history and a prediction band within two minutes of the launch. */
    private static final Duration FIRST_LOOK = Duration.ofMinutes(2);
    private static final Path EVIDENCE = Path.of("target", "browser-it");

    @TempDir
    Path dataDir;

    @Test
    void a_fresh_start_shows_a_day_of_history_and_a_prediction_band_within_two_minutes_and_a_restart_leaves_no_gap()
            throws Exception {
        assumeTrue(BrowserSession.browserInstalled(), "needs " + BrowserSession.CHROMIUM + " and "
                + BrowserSession.CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
        PlatformSettings settings = RunningPlatform.settingsFor(dataDir);
        RunningPlatform client = RunningPlatform.clientOnly(settings);
        Path log = Path.of("target", "warm-start-it", "platform.log");
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        // the ops/run defaults, not the shorter history the other ITs run with
        Map<String, String> opsRunDefaults = Map.of("PLATFORM_MARKETDATA_SIMULATOR_HISTORY_LENGTH", "5d",
                "PLATFORM_MARKETDATA_SIMULATOR_HISTORY_TRADES", "60m");

        Instant launched = Instant.now();
        try (PlatformProcess platform = PlatformProcess.start(settings, log, opsRunDefaults)) {
            platform.awaitHealthy(settings.platformUrl(), START_TIMEOUT);
            Duration toHealthy = Duration.between(launched, Instant.now());

            // a day of one-minute bars at once (the simulator trades every minute)
            List<Instant> lastDay = minuteBars(client, Instant.now().minus(Duration.ofDays(1)), Instant.now());
            assertThat(lastDay).as("one-minute bars of AAPL in the last 24 hours").hasSizeGreaterThanOrEqualTo(1_380);
            assertThat(minuteBars(client, Instant.now().minus(Duration.ofDays(5)), Instant.now().minus(Duration.ofDays(4))))
                    .as("one-minute bars of AAPL four to five days ago").hasSizeGreaterThan(1_000);

            BrowserSession browser = BrowserSession.open("1440,900");
            try {
                browser.driver().get(settings.platformUrl() + "/");
                browser.awaitPresent(By.name("username"), START_TIMEOUT, "the login form of the auth server");
                browser.logIn("trader", "trader-demo", settings.platformUrl(), START_TIMEOUT);
                browser.awaitPresent(By.id("desk-chart"), START_TIMEOUT, "the desk's chart after the login");
                WebElement chart = browser.driver().findElement(By.id("desk-chart"));
                Duration left = FIRST_LOOK.minus(Duration.between(launched, Instant.now()));
                assertThat(left).as("time left of the first two minutes after the login (healthy after %s)", toHealthy)
                        .isPositive();
                browser.waitUpTo(left).withMessage(() -> "a prediction band on the one-minute chart within "
                                + FIRST_LOOK + " of the launch (healthy after " + toHealthy + "; data-band-points="
                                + chart.getDomAttribute("data-band-points") + ", data-band-drawn="
                                + chart.getDomAttribute("data-band-drawn") + ")")
                        .until(driver -> number(chart.getDomAttribute("data-band-drawn")) >= 2);
                Object bars = browser.js().executeScript("return document.getElementById('desk-chart').barCount();");
                assertThat(((Number) bars).intValue()).as("one-minute candles on the desk chart").isGreaterThanOrEqualTo(400);
                System.out.printf("warm start: healthy %d s after launch, prediction band drawn %d s after launch%n",
                        toHealthy.toSeconds(), Duration.between(launched, Instant.now()).toSeconds());
                browser.screenshot(Path.of("target", "screenshots", "desk-warm-start.png"));
            } catch (AssertionError | RuntimeException e) {
                browser.saveEvidence(EVIDENCE, "warm-start");
                throw e;
            } finally {
                browser.close();
            }
            assertThat(platform.stop(Duration.ofSeconds(60))).as("exit code after SIGTERM").isIn(0, 143);
        }

        // down for over a minute, then a restart: the gap is filled from the last stored print
        Instant stopped = Instant.now();
        Thread.sleep(70_000);
        try (PlatformProcess again = PlatformProcess.start(settings, log, opsRunDefaults)) {
            again.awaitHealthy(settings.platformUrl(), START_TIMEOUT);
            Instant now = Instant.now();
            List<Instant> around = minuteBars(client, stopped.minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MINUTES),
                    now);
            assertThat(around).as("one-minute bars around the downtime").doesNotHaveDuplicates();
            List<Instant> expected = new ArrayList<>();
            for (Instant minute = around.get(0); !minute.isAfter(around.get(around.size() - 1)); minute = minute.plus(Duration.ofMinutes(1))) {
                expected.add(minute);
            }
            assertThat(around).as("every minute from ten minutes before the stop to the restart").isEqualTo(expected);
            // the restart came over a minute after the stop: the gap fill reaches past the stop's next minute
            assertThat(around.get(around.size() - 1)).as("the last one-minute bar")
                    .isAfterOrEqualTo(stopped.plus(Duration.ofSeconds(60)).truncatedTo(ChronoUnit.MINUTES));
            assertThat(again.log()).contains("Market simulator warm start:").doesNotContain("Exception in thread");
            again.stop(Duration.ofSeconds(60));
        }
    }

    private static List<Instant> minuteBars(RunningPlatform client, Instant from, Instant to) {
        JsonNode bars = client.graphql(client.integratorToken(),
                "query($from: DateTime, $to: DateTime) { bars(symbol: \"AAPL\", interval: ONE_MINUTE, from: $from, to: $to) { time } }",
                Map.of("from", from.toString(), "to", to.toString())).data().path("bars");
        List<Instant> times = new ArrayList<>();
        bars.forEach(bar -> times.add(Instant.parse(bar.path("time").asText())));
        return times;
    }

    private static int number(String attribute) {
        return attribute == null ? 0 : Integer.parseInt(attribute);
    }
}
