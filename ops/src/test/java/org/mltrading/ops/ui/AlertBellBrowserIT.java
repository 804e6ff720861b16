package org.mltrading.ops.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mltrading.ops.testing.RunningPlatform;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Issue 19 in the browser: a trader sets a price alert from the desk's chart just above the mid; when
 * the simulator crosses it, the bell's count rises and the notification is under it. The alert is stored
 * on the platform: its notification is also there for the trader's next session (the API lists it).
 */
class AlertBellBrowserIT {

    private static final Path EVIDENCE = Path.of("target", "browser-it");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
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
        browser = BrowserSession.open("1440,900");
    }

    @AfterEach
    void close_the_browser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void a_trader_sets_an_alert_from_the_chart_and_the_bell_count_rises_when_it_fires() {
        browser.driver().get(platform.platformUrl() + "/");
        browser.awaitPresent(By.name("username"), PATIENCE, "the login form of the auth server");
        browser.logIn("trader", "trader-demo", platform.platformUrl(), PATIENCE);
        browser.awaitPresent(By.id("chart-alert"), PATIENCE, "the chart's alert button");
        int before = count();

        browser.js().executeScript("document.getElementById('chart-alert').click();");
        browser.awaitPresent(By.id("alert-level"), PATIENCE, "the alert dialog");
        WebElement level = browser.driver().findElement(By.cssSelector("#alert-level input"));
        browser.waitUpTo(PATIENCE).until(driver -> !level.getDomProperty("value").isBlank()); // prefilled with the mid
        BigDecimal mid = new BigDecimal(level.getDomProperty("value").replace(",", ""));
        level.clear();
        // just above the mid, relative to the price (the chart may show EURUSD at 1.08 or BTC-USD at 95,000)
        BigDecimal above = mid.multiply(new BigDecimal("1.00002")).setScale(Math.max(2, mid.scale() + 2), java.math.RoundingMode.CEILING);
        level.sendKeys(above.toPlainString(), Keys.TAB);
        browser.js().executeScript("document.getElementById('alert-save').click();");
        browser.waitUpTo(PATIENCE).until(driver -> driver.findElements(By.id("alert-dialog")).isEmpty());

        // the platform fired it (the trader's notifications through the API) ...
        String trader = platform.userToken("trader");
        browser.waitUpTo(Duration.ofSeconds(120)).withMessage("the simulator crosses the level and the alert fires")
                .until(driver -> platform.graphql(trader, "{ notifications(first: 20) { edges { node { title } } } }",
                        java.util.Map.of()).body().toString().contains(" crossed "));
        // ... and the bell counts it, beside the "Alert set" confirmation
        browser.waitUpTo(PATIENCE).withMessage("the bell counts the confirmation and the fired alert")
                .until(driver -> count() >= before + 2);
        assertThat(count()).isGreaterThan(before);
        // under the bell: the alert's notification ("<symbol> crossed <level>: mid … at …")
        browser.js().executeScript("document.getElementById('notification-bell').click();");
        browser.waitUpTo(PATIENCE).withMessage("the fired alert in the bell's inbox").until(driver -> (Boolean) browser.js()
                .executeScript("return document.body.innerText.includes(' crossed ');"));
    }

    /** The bell's unseen count (0 when the badge is hidden). */
    private int count() {
        var badges = browser.driver().findElements(By.id("notification-count"));
        if (badges.isEmpty() || !badges.get(0).isDisplayed()) {
            return 0;
        }
        String text = badges.get(0).getText().replaceAll("\\D", "");
        return text.isEmpty() ? 0 : Integer.parseInt(text);
    }

}
