package org.mltrading.ops.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
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
import org.openqa.selenium.WebElement;

/**
 * The trader's journey in a real headless Chromium: / redirects to the auth server's login, the
 * trader logs in (with the TOTP code if the auth server asks for one) and lands on the desk with a
 * live chart; an order typed into the ticket (quantity 7 of AAPL, market) appears in the blotter,
 * fills against the simulated venue, and the position shows. Screenshots of the desk (light and
 * dark) go to target/screenshots/ (copied into docs/screenshots/ by hand when the desk changes).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TraderDeskBrowserIT {

    private static final Path EVIDENCE = Path.of("target", "browser-it");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** The chart's bars come from the simulator's trade prints: a few seconds after start there are some. */
    private static final String BAR_COUNT = "const c = document.getElementById('desk-chart');"
            + "return c && typeof c.barCount === 'function' ? c.barCount() : -1;";
    private static final String BAR_SECONDS = "const c = document.getElementById('desk-chart');"
            + "return c && typeof c.barSeconds === 'function' ? c.barSeconds() : -1;";

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
    void a_trader_logs_in_to_the_desk_places_an_order_from_the_ticket_and_sees_it_fill() throws IOException {
        browser.driver().get(platform.platformUrl() + "/");
        browser.awaitPresent(By.name("username"), PATIENCE, "the login form of the auth server");
        assertThat(browser.driver().getCurrentUrl()).startsWith(platform.authUrl());

        browser.logIn("trader", "trader-demo", platform.platformUrl(), PATIENCE);

        browser.awaitPresent(By.id("desk"), PATIENCE, "the desk after the login");
        assertThat(browser.driver().getCurrentUrl()).startsWith(platform.platformUrl());
        browser.waitUpTo(PATIENCE).withMessage("a candlestick chart with bars")
                .until(driver -> ((Number) browser.js().executeScript(BAR_COUNT)).intValue() > 0);
        assertThat(browser.driver().findElements(By.cssSelector("#desk-chart canvas")))
                .as("lightweight-charts draws on canvases inside the chart element").isNotEmpty();
        browser.waitUpTo(PATIENCE).withMessage("live quotes in the watchlist")
                .until(driver -> browser.gridCellTexts("watchlist").stream().anyMatch(t -> t.matches("\\d+(\\.\\d+)?")));
        // time and sales of the chart's instrument: prints with their tick, at the instrument's tick size
        browser.waitUpTo(PATIENCE).withMessage(() -> "trade prints on the tape: " + browser.gridCellTexts("time-and-sales"))
                .until(driver -> browser.gridCellTexts("time-and-sales").stream()
                        .anyMatch(t -> t.matches("[▲▼] [\\d,]+(\\.\\d+)?")));

        // live simulated news of the watched instruments, each with its sentiment badge (issue 17)
        browser.driver().findElement(By.id("news-tab")).click();
        browser.waitUpTo(Duration.ofSeconds(90)).withMessage(() -> "news with sentiment badges: " + browser.gridCellTexts("news"))
                .until(driver -> driver.findElements(By.cssSelector("#news .sentiment-badge")).stream()
                        .anyMatch(badge -> badge.getText().matches("(Positive|Negative|Neutral) [+−]?\\d\\.\\d\\d")));
        assertThat(browser.driver().findElements(By.cssSelector("#news .sentiment-badge")).get(0).getDomAttribute("data-label"))
                .isIn("POSITIVE", "NEGATIVE", "NEUTRAL");
        assertThat(browser.gridCellTexts("news")).anyMatch(text -> text.matches(".*(AAPL|MSFT|NVDA|SPY|BTC-USD|ETH-USD|EURUSD).*"));
        // the chart has its news-sentiment pane under the candles
        Object panes = browser.js().executeScript(
                "return document.querySelector('mlt-candle-chart')._chart.panes().length");
        assertThat(((Number) panes).intValue()).isEqualTo(2);
        browser.driver().findElement(By.cssSelector("#positions-news vaadin-tab")).click(); // back to the positions

        List<String> ordersBefore = clientOrderIdsInBlotter();
        WebElement symbol = browser.driver().findElement(By.cssSelector("#ticket-symbol input"));
        symbol.sendKeys(Keys.chord(Keys.CONTROL, "a"), "AAPL");
        symbol.sendKeys(Keys.ENTER);
        browser.driver().findElement(By.cssSelector("#ticket-quantity input")).sendKeys("7", Keys.TAB);
        browser.waitUpTo(PATIENCE).withMessage("the pre-trade preview of the ticket")
                .until(driver -> !driver.findElements(By.id("preview-verdict")).isEmpty());
        assertThat(browser.driver().findElement(By.id("preview-verdict")).getText())
                .isEqualTo("Pre-trade check passed");
        browser.driver().findElement(By.id("place-order")).click();

        BlotterRow placed = browser.waitUpTo(Duration.ofSeconds(10)).withMessage("the new order in the blotter")
                .until(driver -> blotterRows().stream()
                        .filter(row -> !ordersBefore.contains(row.clientOrderId())).findFirst().orElse(null));
        assertThat(placed.order()).isEqualTo("BUY 7 AAPL");
        String clientOrderId = placed.clientOrderId();

        browser.waitUpTo(PATIENCE).withMessage(() -> "order " + clientOrderId + " FILLED in the blotter: " + blotterRows())
                .until(driver -> blotterRows().contains(new BlotterRow(clientOrderId, "BUY 7 AAPL", "FILLED")));
        browser.waitUpTo(PATIENCE).withMessage("the AAPL position")
                .until(driver -> browser.gridCellTexts("positions").contains("AAPL"));
        browser.waitUpTo(PATIENCE).withMessage("the fill under the notification bell")
                .until(driver -> driver.findElement(By.id("notification-count")).isDisplayed());

        browser.driver().findElement(By.id("interval-1s")).click();
        browser.waitUpTo(PATIENCE).withMessage(() -> "the chart switched to one-second bars (bar interval "
                        + browser.js().executeScript(BAR_SECONDS) + " s)")
                .until(driver -> ((Number) browser.js().executeScript(BAR_SECONDS)).intValue() == 1);

        browser.screenshot(SCREENSHOTS.resolve("desk.png"));
        browser.driver().findElement(By.id("theme-toggle")).click();
        browser.waitUpTo(PATIENCE).withMessage("the dark theme")
                .until(driver -> Objects.toString(browser.js().executeScript(
                        "return document.documentElement.getAttribute('theme') || document.body.getAttribute('theme')"), "")
                        .contains("dark"));
        browser.screenshot(SCREENSHOTS.resolve("desk-dark.png"));
    }

    /**
     * Issue 15: on a 1024 x 700 laptop the side menu is closed and the ticket's button is on screen
     * without a sideways scroll; "Log out" ends the session at the auth server too, so opening the
     * platform again asks for the login instead of silently signing the user back in.
     */
    @Test
    void at_1024_px_the_ticket_is_on_screen_and_log_out_ends_the_session_at_the_auth_server_too() throws IOException {
        browser.close();
        browser = BrowserSession.open("1024,700");
        browser.driver().get(platform.platformUrl() + "/");
        browser.awaitPresent(By.name("username"), PATIENCE, "the login form of the auth server");
        browser.logIn("trader", "trader-demo", platform.platformUrl(), PATIENCE);
        browser.awaitPresent(By.id("place-order"), PATIENCE, "the desk after the login");

        browser.waitUpTo(PATIENCE).withMessage("the side menu closed at 1024 px")
                .until(driver -> browser.js().executeScript(
                        "return document.querySelector('vaadin-app-layout').hasAttribute('drawer-opened')")
                        .equals(Boolean.FALSE));
        browser.waitUpTo(PATIENCE).withMessage("Place order inside the window, no sideways scroll")
                .until(driver -> (Boolean) browser.js().executeScript(
                        "const r = document.getElementById('place-order').getBoundingClientRect();"
                                + "return r.right <= window.innerWidth && r.width > 0;"));
        browser.screenshot(SCREENSHOTS.resolve("desk-1024.png"));

        browser.js().executeScript("document.querySelector('#user-menu vaadin-menu-bar-button').click();");
        browser.awaitPresent(By.id("logout"), PATIENCE, "the user menu's Log out");
        browser.js().executeScript("document.getElementById('logout').click();");

        browser.awaitPresent(By.name("username"), PATIENCE, "the auth server's login after logging out");
        assertThat(browser.driver().getCurrentUrl()).startsWith(platform.authUrl());
        browser.driver().get(platform.platformUrl() + "/");
        browser.awaitPresent(By.name("username"), PATIENCE, "the login again, not the desk, on the next visit");
        assertThat(browser.driver().getCurrentUrl()).startsWith(platform.authUrl());
    }

    private List<String> clientOrderIdsInBlotter() {
        return blotterRows().stream().map(BlotterRow::clientOrderId).toList();
    }

    /** One blotter row as its status badge describes it. */
    record BlotterRow(String clientOrderId, String order, String status) {
    }

    /**
     * The rows the blotter renders, read in one script: the grid re-creates its cell components on
     * every update, so element handles would go stale between two reads.
     */
    @SuppressWarnings("unchecked")
    private List<BlotterRow> blotterRows() {
        List<List<String>> rows = (List<List<String>>) browser.js().executeScript(
                "return Array.from(document.querySelectorAll('#blotter .order-status'))"
                        + ".map(e => [e.dataset.clientOrderId, e.dataset.order, e.textContent.trim()]);");
        return rows.stream().map(row -> new BlotterRow(row.get(0), row.get(1), row.get(2))).toList();
    }
}
