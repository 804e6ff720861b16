package org.mltrading.ops.ui;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mltrading.ops.testing.RunningPlatform;
import org.openqa.selenium.By;

/**
 * Screenshots of every page, light and dark, at 1440 x 900, into {@code ops/target/screenshots/pages}
 * (issue 15). Not an assertion of looks: it only waits for each page's main element. To refresh
 * {@code docs/screenshots/pages}: {@code ./mvnw -o -B -pl ops -am verify -Dit.test=PageScreenshotsBrowserIT
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false} and copy the files over.
 */
class PageScreenshotsBrowserIT {

    private static final Path PAGES = Path.of("target", "screenshots", "pages");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** A page: its path, the id of an element that shows it is there, the file name. */
    record Page(String path, String readyId, String name) {
    }

    private static RunningPlatform platform;
    private BrowserSession browser;

    @BeforeAll
    static void start_the_platform_if_a_browser_is_installed() {
        assumeTrue(BrowserSession.browserInstalled(), "needs chromium and chromedriver");
        platform = RunningPlatform.shared();
    }

    @AfterEach
    void close_the_browser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void pages_of_a_trader() throws IOException {
        shoot("trader", List.of(new Page("", "desk", "desk"), new Page("orders", "orders-grid", "orders"),
                new Page("strategies", "strategy-grid", "strategies"), new Page("models", "main-nav", "models"),
                new Page("backtests", "main-nav", "backtests")));
    }

    @Test
    void pages_of_a_compliance_officer() throws IOException {
        shoot("compliance", List.of(new Page("compliance", "compliance-tabs", "compliance"),
                new Page("access-audit", "access-entries", "access-audit")));
    }

    @Test
    void pages_of_a_risk_officer() throws IOException {
        shoot("risk", List.of(new Page("risk", "main-nav", "risk"),
                new Page("tearsheet", "tearsheet-figures", "tearsheet")));
    }

    private void shoot(String user, List<Page> pages) throws IOException {
        browser = BrowserSession.open("1440,900");
        browser.driver().get(platform.platformUrl() + "/");
        browser.awaitPresent(By.name("username"), PATIENCE, "the login form");
        browser.logIn(user, user + "-demo", platform.platformUrl(), PATIENCE);
        for (boolean dark : List.of(false, true)) {
            for (Page page : pages) {
                browser.driver().get(platform.platformUrl() + "/" + page.path());
                browser.awaitPresent(By.id(page.readyId()), PATIENCE, "the " + page.name() + " page");
                if (dark != isDark()) {
                    browser.driver().findElement(By.id("theme-toggle")).click();
                    browser.waitUpTo(PATIENCE).withMessage("the theme switched").until(driver -> isDark() == dark);
                }
                if (page.path().equals("access-audit")) {
                    browser.js().executeScript("document.getElementById('access-search').click();");
                }
                pause();
                browser.screenshot(PAGES.resolve(page.name() + (dark ? "-dark" : "") + ".png"));
            }
        }
    }

    private boolean isDark() {
        return Objects.toString(browser.js().executeScript(
                "return document.documentElement.getAttribute('theme') || document.body.getAttribute('theme')"), "")
                .contains("dark");
    }

    /** Lets charts, grids and pushed data settle; a picture, not a measurement. */
    private static void pause() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
