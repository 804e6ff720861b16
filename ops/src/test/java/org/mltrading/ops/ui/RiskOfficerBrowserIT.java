package org.mltrading.ops.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.Keys;

/**
 * The risk officer's journey in headless Chromium at 1440 x 900 (issue 15): the kill switch is
 * readable and on screen, halting and resuming each need a reason and a confirmation, and a page of
 * another role answers with the access-denied page inside the shell. Uses demo-account-2 so the
 * trader journeys on demo-account are never halted.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RiskOfficerBrowserIT {

    private static final Path EVIDENCE = Path.of("target", "browser-it");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String ACCOUNT = "demo-account-2";

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
    void a_risk_officer_halts_and_resumes_an_account_each_with_a_reason_and_a_confirmation() throws IOException {
        browser.driver().get(platform.platformUrl() + "/");
        browser.awaitPresent(By.name("username"), PATIENCE, "the login form of the auth server");
        browser.logIn("risk", "risk-demo", platform.platformUrl(), PATIENCE);
        browser.awaitPresent(By.id("halt-" + ACCOUNT), PATIENCE, "the kill switch of " + ACCOUNT);

        assertThat(browser.driver().findElement(By.id("halt-" + ACCOUNT)).getText()).isEqualTo("Halt trading");
        assertThat(onScreen("halt-" + ACCOUNT)).as("the kill switch inside the window at 1440 px").isTrue();
        assertThat((Boolean) browser.js().executeScript("const t = document.getElementById('risk-accounts')"
                + ".shadowRoot.querySelector('#table'); return t.scrollWidth <= t.clientWidth + 1;"))
                .as("every column of the accounts grid fits at 1440 px, no sideways scroll").isTrue();
        browser.screenshot(SCREENSHOTS.resolve("risk.png"));

        click("halt-" + ACCOUNT);
        browser.awaitPresent(By.id("halt-confirm"), PATIENCE, "the halt dialog");
        click("halt-confirm");
        assertThat(browser.driver().findElements(By.id("halt-dialog"))).as("no halt without a reason").isNotEmpty();
        browser.driver().findElement(By.cssSelector("#halt-reason input")).sendKeys("browser test: desk review", Keys.TAB);
        click("halt-confirm");
        browser.awaitPresent(By.id("resume-" + ACCOUNT), PATIENCE, "Resume trading once halted");

        click("resume-" + ACCOUNT);
        browser.awaitPresent(By.id("resume-confirm"), PATIENCE, "the resume dialog");
        click("resume-confirm");
        assertThat(browser.driver().findElements(By.id("resume-dialog"))).as("no resume without a reason").isNotEmpty();
        browser.driver().findElement(By.cssSelector("#resume-reason input")).sendKeys("browser test: reviewed", Keys.TAB);
        click("resume-confirm");
        browser.awaitPresent(By.id("halt-" + ACCOUNT), PATIENCE, "Halt trading again once resumed");

        browser.driver().get(platform.platformUrl() + "/compliance");
        browser.awaitPresent(By.id("access-denied"), PATIENCE, "the access-denied page for /compliance");
        assertThat(browser.driver().findElements(By.id("main-nav"))).as("the menu stays").isNotEmpty();
        assertThat(browser.driver().findElement(By.id("access-denied-home")).getText()).isEqualTo("Go to the risk page");
    }

    private void click(String id) {
        browser.js().executeScript("document.getElementById(arguments[0]).click();", id);
    }

    private boolean onScreen(String id) {
        return (Boolean) browser.js().executeScript("const r = document.getElementById(arguments[0])"
                + ".getBoundingClientRect(); return r.width > 60 && r.right <= window.innerWidth;", id);
    }
}
