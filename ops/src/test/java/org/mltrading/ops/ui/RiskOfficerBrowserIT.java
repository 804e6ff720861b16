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

    /**
     * Issue 18's journey: the page updates live (a proposal made through the API appears without a reload), a
     * limit increase entered on the page waits for a second risk officer who approves it in another browser,
     * and the firm-wide switch halts every account (an order placed meanwhile is refused) and resumes.
     */
    @Test
    void the_risk_page_is_live_a_limit_rise_waits_for_a_second_officer_and_the_firm_switch_halts_every_account()
            throws IOException {
        browser.driver().get(platform.platformUrl() + "/");
        browser.awaitPresent(By.name("username"), PATIENCE, "the login form of the auth server");
        browser.logIn("risk", "risk-demo", platform.platformUrl(), PATIENCE);
        browser.awaitPresent(By.id("limits-" + ACCOUNT), PATIENCE, "the limits editor of " + ACCOUNT);
        browser.awaitPresent(By.id("firm-state"), PATIENCE, "the firm's state");
        browser.waitUpTo(PATIENCE).until(driver -> browser.driver().findElement(By.id("firm-var")).getText().contains("VaR"));

        // live: a proposal made elsewhere (the API) shows up on the open page
        String api = platform.userToken("risk");
        String limits = "{accountId: \"" + ACCOUNT + "\", maxOrderNotional: \"%s\", maxPositionPerInstrument: \"100000\","
                + " maxGrossExposure: \"5000000\", maxDailyLoss: \"100000\", maxOrdersPerSecond: 5000}";
        var current = platform.graphql(api, "{ account(id: \"" + ACCOUNT + "\") { limits { maxOrderNotional } } }", java.util.Map.of());
        java.math.BigDecimal notional = new java.math.BigDecimal(current.data().get("account").get("limits")
                .get("maxOrderNotional").asText());
        var proposed = platform.graphql(api, "mutation { proposeRiskLimits(input: " + limits.formatted(notional.add(java.math.BigDecimal.ONE))
                + ", reason: \"live check\") { id } }", java.util.Map.of());
        assertThat(proposed.errors()).as(proposed.body().toString()).isNull();
        browser.waitUpTo(PATIENCE).until(driver -> String.join("|", browser.gridCellTexts("risk-proposals")).contains("live check"));

        // a rise entered on the page is proposed, not applied
        String raised = notional.add(new java.math.BigDecimal("500000")).toPlainString();
        click("limits-" + ACCOUNT);
        browser.awaitPresent(By.id("limits-dialog"), PATIENCE, "the limits dialog");
        var field = browser.driver().findElement(By.cssSelector("#limit-maxOrderNotional input"));
        field.clear();
        field.sendKeys(raised, Keys.TAB);
        browser.driver().findElement(By.cssSelector("#limits-reason input")).sendKeys("browser test: bigger book", Keys.TAB);
        click("limits-save");
        browser.waitUpTo(PATIENCE).until(driver -> String.join("|", browser.gridCellTexts("risk-proposals"))
                .contains("browser test: bigger book"));
        var unchanged = platform.graphql(api, "{ account(id: \"" + ACCOUNT + "\") { limits { maxOrderNotional } pendingRiskLimits { id reason } } }",
                java.util.Map.of()).data().get("account");
        assertThat(new java.math.BigDecimal(unchanged.get("limits").get("maxOrderNotional").asText())).isEqualByComparingTo(notional);
        String proposalId = null;
        for (var pending : unchanged.get("pendingRiskLimits")) {
            if (pending.get("reason").asText().equals("browser test: bigger book")) {
                proposalId = pending.get("id").asText();
            }
        }
        assertThat(proposalId).isNotNull();
        browser.screenshot(SCREENSHOTS.resolve("risk-approvals.png"));

        // the second risk officer approves it in another browser
        BrowserSession second = BrowserSession.open("1440,900");
        try {
            second.driver().get(platform.platformUrl() + "/");
            second.awaitPresent(By.name("username"), PATIENCE, "the login form for risk2");
            second.logIn("risk2", "risk2-demo", platform.platformUrl(), PATIENCE);
            String approve = "approve-" + ACCOUNT + "-" + proposalId;
            second.awaitPresent(By.id(approve), PATIENCE, "risk2's approve button");
            second.js().executeScript("document.getElementById(arguments[0]).click();", approve);
            second.waitUpTo(PATIENCE).until(driver -> new java.math.BigDecimal(platform.graphql(api, "{ account(id: \""
                    + ACCOUNT + "\") { limits { maxOrderNotional } } }", java.util.Map.of()).data().get("account").get("limits")
                    .get("maxOrderNotional").asText()).compareTo(new java.math.BigDecimal(raised)) == 0);
        } catch (RuntimeException | AssertionError failure) {
            second.saveEvidence(EVIDENCE, "second-risk-officer");
            throw new AssertionError("after approval, wanted maxOrderNotional " + raised + ": " + platform.graphql(api,
                    "{ account(id: \"" + ACCOUNT + "\") { limits { maxOrderNotional } pendingRiskLimits { id reason limits"
                            + " { maxOrderNotional } } } }", java.util.Map.of()).body(), failure);
        } finally {
            second.close();
        }

        // the firm-wide switch halts every account, and resumes
        click("firm-switch");
        browser.awaitPresent(By.id("halt-firm-reason"), PATIENCE, "the firm halt dialog");
        browser.driver().findElement(By.cssSelector("#halt-firm-reason input")).sendKeys("browser test: firm drill", Keys.TAB);
        click("halt-firm-confirm");
        try {
            browser.waitUpTo(PATIENCE).until(driver -> driver.findElement(By.id("firm-state")).getText().equals("HALTED"));
            String trader = platform.userToken("trader");
            var order = platform.graphql(trader, "mutation($in: PlaceOrderInput!) { placeOrder(input: $in) { status rejectCode } }",
                    java.util.Map.of("in", java.util.Map.of("accountId", "demo-account", "clientOrderId", "firm-drill-"
                            + java.util.UUID.randomUUID(), "symbol", "AAPL", "side", "BUY", "type", "LIMIT", "quantity", "1",
                            "limitPrice", "1.00", "timeInForce", "DAY")));
            assertThat(order.data().get("placeOrder").get("rejectCode").asText()).isEqualTo("RISK_FIRM_HALTED");
            browser.screenshot(SCREENSHOTS.resolve("risk-firm-halted.png"));
            click("firm-switch");
            browser.awaitPresent(By.id("resume-firm-reason"), PATIENCE, "the firm resume dialog");
            browser.driver().findElement(By.cssSelector("#resume-firm-reason input")).sendKeys("browser test: drill over", Keys.TAB);
            click("resume-firm-confirm");
            browser.waitUpTo(PATIENCE).until(driver -> driver.findElement(By.id("firm-state")).getText().equals("ACTIVE"));
        } finally {
            platform.graphql(api, "mutation { resumeFirm(reason: \"browser test cleanup\") { halted } }", java.util.Map.of());
        }
    }

    private void click(String id) {
        browser.js().executeScript("document.getElementById(arguments[0]).click();", id);
    }

    private boolean onScreen(String id) {
        return (Boolean) browser.js().executeScript("const r = document.getElementById(arguments[0])"
                + ".getBoundingClientRect(); return r.width > 60 && r.right <= window.innerWidth;", id);
    }
}
