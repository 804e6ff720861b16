package org.mltrading.ops.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mltrading.ops.testing.RunningPlatform;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The desk chart's prediction overlay in a real headless Chromium: the local profile promotes a model
 * to PRODUCTION, the live predictor forecasts every closed one-second bar (the ITs run it on
 * ONE_SECOND), and the desk on one-second bars draws that model's forecasts with their 95 % interval
 * as a filled band (a lightweight-charts series primitive, {@code candle-chart.js}). Checked in the
 * page: the model named on the chart is a PRODUCTION version, the band has points and was drawn with
 * them, and the chart's canvas inside the band has the band's fill colour over the background. The
 * screenshot goes to target/screenshots/desk-prediction-band.png.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PredictionBandBrowserIT {

    private static final Path EVIDENCE = Path.of("target", "browser-it");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Predictions need 21 closed bars of the symbol since the platform started, then a trade per bar. */
    private static final Duration PREDICTIONS_PATIENCE = Duration.ofSeconds(120);

    private static RunningPlatform platform;
    private BrowserSession browser;

    @RegisterExtension
    final AfterTestExecutionCallback evidenceOnFailure = context -> context.getExecutionException()
            .ifPresent(failure -> browser.saveEvidence(EVIDENCE, context.getRequiredTestMethod().getName()));

    @BeforeAll
    static void start_the_platform_if_a_browser_is_installed() {
        assumeTrue(BrowserSession.browserInstalled(), "needs " + BrowserSession.CHROMIUM + " and "
                + BrowserSession.CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
        platform = RunningPlatform.shared();
    }

    @BeforeEach
    void open_a_browser() throws IOException {
        browser = BrowserSession.open("1600,1000");
    }

    @AfterEach
    void close_the_browser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void the_desk_chart_draws_the_production_models_forecasts_with_a_filled_interval_band() throws IOException {
        List<String> production = browser.waitUpTo(PATIENCE).withMessage("a PRODUCTION model (the local seed promotes momentum)")
                .until(driver -> {
                    List<String> versions = productionVersions();
                    return versions.isEmpty() ? null : versions;
                });

        browser.driver().get(platform.platformUrl() + "/");
        browser.awaitPresent(By.name("username"), PATIENCE, "the login form of the auth server");
        browser.logIn("trader", "trader-demo", platform.platformUrl(), PATIENCE);
        browser.awaitPresent(By.id("desk-chart"), PATIENCE, "the desk's chart after the login");
        browser.driver().findElement(By.id("interval-1s")).click();

        WebElement chart = browser.driver().findElement(By.id("desk-chart"));
        browser.waitUpTo(PREDICTIONS_PATIENCE).withMessage(() -> "the interval band drawn through at least 3 forecasts"
                        + " (data-band-points=" + chart.getDomAttribute("data-band-points") + ", data-band-drawn="
                        + chart.getDomAttribute("data-band-drawn") + ")")
                .until(driver -> number(chart.getDomAttribute("data-band-drawn")) >= 3);

        assertThat(chart.getDomAttribute("data-prediction-model")).as("the version the overlay shows").isIn(production);
        // both attributes in one read: the live chart adds forecasts between two separate reads
        @SuppressWarnings("unchecked")
        List<String> pointsAndDrawn = (List<String>) browser.js().executeScript(
                "const c = document.getElementById('desk-chart');"
                        + " return [c.getAttribute('data-band-points'), c.getAttribute('data-band-drawn')];");
        assertThat(number(pointsAndDrawn.get(0))).isGreaterThanOrEqualTo(number(pointsAndDrawn.get(1)));

        // the pixels: inside the band (between two forecasts, between the forecast line and the upper
        // bound) the chart's canvas shows the band's fill composited over the background
        Map<String, Object> colours = browser.waitUpTo(PATIENCE)
                .withMessage("places inside the band at least 6 px tall to sample")
                .until(driver -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> read = (Map<String, Object>) browser.js()
                            .executeScript("return document.getElementById('desk-chart').bandSamples(8);");
                    return samples(read).isEmpty() ? null : read;
                });
        List<Number> fill = numbers(colours.get("expected"));
        assertThat(samples(colours)).as("canvas colours inside the band, expected the fill %s", fill)
                .anySatisfy(rgba -> {
                    for (int k = 0; k < 3; k++) {
                        assertThat(rgba.get(k).intValue()).isCloseTo(fill.get(k).intValue(), Offset.offset(6));
                    }
                    assertThat(rgba.get(3).intValue()).isEqualTo(255);
                });
        browser.screenshot(SCREENSHOTS.resolve("desk-prediction-band.png"));
    }

    /** "name@version" of every model version in PRODUCTION, read through the public API. */
    private static List<String> productionVersions() {
        JsonNode models = platform.graphql(platform.integratorToken(), "{ models { name productionVersion } }", null)
                .body().path("data").path("models");
        List<String> versions = new ArrayList<>();
        for (JsonNode model : models) {
            if (model.hasNonNull("productionVersion")) {
                versions.add(model.get("name").asText() + "@" + model.get("productionVersion").asInt());
            }
        }
        return versions;
    }

    private static int number(String attribute) {
        return attribute == null ? 0 : Integer.parseInt(attribute);
    }

    @SuppressWarnings("unchecked")
    private static List<Number> numbers(Object value) {
        return (List<Number>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<List<Number>> samples(Map<String, Object> read) {
        return (List<List<Number>>) read.get("samples");
    }
}
