package org.mltrading.ops.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mltrading.ops.testing.AppleDailyHistory;
import org.mltrading.ops.testing.RunningPlatform;
import org.openqa.selenium.By;

/**
 * A risk officer studies Apple's 2013 news on the News impact page in a real Chromium: the seeded results
 * of 2013-01-23 against the imported daily bars show the real [0,+1] move of −12.36 %.
 */
class NewsImpactBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Path EVIDENCE = Path.of("target", "browser-it");
    private static RunningPlatform platform;
    private BrowserSession browser;

    @RegisterExtension
    final AfterTestExecutionCallback evidenceOnFailure = context -> context.getExecutionException()
            .ifPresent(failure -> browser.saveEvidence(EVIDENCE, context.getRequiredTestMethod().getName()));

    @BeforeAll
    static void start_the_platform_with_apples_2013_bars() throws Exception {
        assumeTrue(BrowserSession.browserInstalled(), "needs " + BrowserSession.CHROMIUM + " and "
                + BrowserSession.CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
        platform = RunningPlatform.shared();
        Path dir = Files.createTempDirectory("impact-browser-");
        AppleDailyHistory.importInto(platform, platform.integratorToken(), dir);
    }

    @AfterEach
    void close_the_browser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void the_results_of_2013_01_23_show_the_real_one_day_move() throws IOException {
        browser = BrowserSession.open("1440,900");
        browser.driver().get(platform.platformUrl() + "/");
        browser.awaitPresent(By.name("username"), PATIENCE, "the login form of the auth server");
        browser.logIn("risk", "risk-demo", platform.platformUrl(), PATIENCE);
        browser.awaitPresent(By.id("main-nav"), PATIENCE, "the menu after the login");

        browser.driver().findElement(By.cssSelector("#main-nav vaadin-side-nav-item[path='news-impact']")).click();
        browser.awaitPresent(By.id("impact-study"), PATIENCE, "the news impact page");
        // the date pickers hold ISO dates; setting the property is what picking a date does
        browser.js().executeScript("const f = document.getElementById('impact-from'); f.value = '2013-01-01';"
                + "const t = document.getElementById('impact-to'); t.value = '2013-12-31';");
        browser.waitUpTo(PATIENCE).withMessage("the instrument preselected")
                .until(driver -> "AAPL".equals(browser.js().executeScript(
                        "return document.querySelector('#impact-symbol input').value")));
        browser.driver().findElement(By.id("impact-study")).click();

        browser.waitUpTo(PATIENCE).withMessage(() -> "the studies: " + browser.gridCellTexts("news-impact-grid"))
                .until(driver -> browser.gridCellTexts("news-impact-grid").contains("Apple Reports First Quarter Results"));
        assertThat(browser.gridCellTexts("news-impact-grid")).contains("-12.36 %", "[0,+1]", "[-1,+5]");
        assertThat(browser.gridCellTexts("news-impact-summary")).contains("source: event-calendar");
    }
}
