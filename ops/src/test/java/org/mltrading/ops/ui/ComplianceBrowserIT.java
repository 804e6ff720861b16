package org.mltrading.ops.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
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
 * The compliance officer's journey in headless Chromium (issue 15), at 1440 x 900 and at 1024 x 700:
 * an order is found by the client order id the trader quoted, its timeline reads in words, the as-of
 * view shows what changed since (quantity +1, WORKING → CANCELLED) on a 24-hour clock, and the order
 * audit trail downloads under a name of UTC days with the SHA-256 the page shows. Every control of the
 * journey is inside the window. The order is a far-off limit order of demo-account, amended and then
 * cancelled through the API as the integrator.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ComplianceBrowserIT {

    private static final Path EVIDENCE = Path.of("target", "browser-it");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String ACCOUNT = "demo-account";

    private static RunningPlatform platform;
    private BrowserSession browser;

    @RegisterExtension
    final AfterTestExecutionCallback evidenceOnFailure = context -> context.getExecutionException()
            .filter(failure -> browser != null)
            .ifPresent(failure -> browser.saveEvidence(EVIDENCE, context.getRequiredTestMethod().getName()));

    @BeforeAll
    static void start_the_platform_if_a_browser_is_installed() {
        assumeTrue(BrowserSession.browserInstalled(), "needs " + BrowserSession.CHROMIUM + " and "
                + BrowserSession.CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
        platform = RunningPlatform.shared();
    }

    @AfterEach
    void close_the_browser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void at_1440_px_compliance_finds_an_order_by_its_client_order_id_and_downloads_the_report() throws Exception {
        journey("1440,900", "compliance");
    }

    @Test
    void at_1024_px_compliance_finds_an_order_by_its_client_order_id_and_downloads_the_report() throws Exception {
        journey("1024,700", "compliance-1024");
    }

    private void journey(String windowSize, String screenshotName) throws Exception {
        String clientOrderId = "compliance-it-" + System.nanoTime();
        Instant asOf = placeAmendAndCancel(clientOrderId);

        browser = BrowserSession.open(windowSize);
        browser.driver().get(platform.platformUrl() + "/compliance");
        browser.awaitPresent(By.name("username"), PATIENCE, "the login form of the auth server");
        browser.logIn("compliance", "compliance-demo", platform.platformUrl(), PATIENCE);
        browser.awaitPresent(By.id("compliance-tabs"), PATIENCE, "the compliance page");

        // the timeline, by the id the trader sees
        openTab("Timeline");
        browser.awaitPresent(By.cssSelector("#trail-aggregate input"), PATIENCE, "the timeline's search field");
        browser.driver().findElement(By.cssSelector("#trail-aggregate input")).sendKeys(clientOrderId);
        assertOnScreen("trail-show");
        click("trail-show");
        browser.waitUpTo(PATIENCE).withMessage("the timeline of " + clientOrderId)
                .until(driver -> text("trail-heading").startsWith("Order " + clientOrderId));
        browser.waitUpTo(PATIENCE).withMessage("the cancellation in the timeline")
                .until(driver -> browser.gridCellTexts("audit-trail").contains("Order cancelled"));
        List<String> trail = browser.gridCellTexts("audit-trail");
        assertThat(trail).contains("Order placed", "Order amended", "Order cancelled");
        assertThat(trail).as("the payload in words, nothing in raw JSON")
                .anyMatch(cell -> cell.contains("Client order id: " + clientOrderId) && cell.contains("Limit price: 1"))
                .noneMatch(cell -> cell.contains("{\""));
        assertThat(trail.indexOf("Order placed")).as("time order").isLessThan(trail.indexOf("Order cancelled"));
        assertNoSidewaysScroll();
        browser.screenshot(SCREENSHOTS.resolve(screenshotName + "-timeline.png"));

        // as of an instant between placement and amendment, by the same client order id
        openTab("As of");
        browser.awaitPresent(By.cssSelector("#asof-id input"), PATIENCE, "the as-of id field");
        browser.driver().findElement(By.cssSelector("#asof-id input")).sendKeys(clientOrderId, Keys.TAB);
        setValue("asof-instant", asOf.atOffset(ZoneOffset.UTC).toLocalDateTime().toString());
        assertOnScreen("asof-compare");
        click("asof-compare");
        browser.waitUpTo(PATIENCE).withMessage("the as-of comparison")
                .until(driver -> browser.gridCellTexts("asof-rows").contains("WORKING → CANCELLED"));
        List<String> asOfCells = browser.gridCellTexts("asof-rows");
        assertThat(asOfCells).as("human field names and the difference of each change")
                .contains("Quantity", "+1", "Status", "Time in force", "Limit price");
        assertThat(asOfCells).as("a 24-hour clock").noneMatch(cell -> cell.matches(".*\\b(AM|PM)\\b.*"))
                .noneMatch(cell -> cell.matches(".*[a-z][A-Z].*") && !cell.contains(" "));
        assertNoSidewaysScroll();
        browser.screenshot(SCREENSHOTS.resolve(screenshotName + "-asof.png"));

        // the order audit trail of today for the account, downloaded
        openTab("Reports");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        browser.awaitPresent(By.id("report-from"), PATIENCE, "the report form");
        setValue("report-from", today);
        setValue("report-to", today);
        browser.driver().findElement(By.cssSelector("#report-account input")).sendKeys(ACCOUNT, Keys.TAB);
        assertOnScreen("report-order-audit");
        click("report-order-audit");
        browser.awaitPresent(By.id("order-audit-download"), PATIENCE, "the report's download link");
        String fileName = "order-audit-trail_" + today + "_" + ACCOUNT + ".csv";
        assertThat(text("order-audit-download")).isEqualTo("Download " + fileName);
        assertOnScreen("order-audit-download");
        // the bytes as the browser downloads them, hashed in the browser (crypto.subtle needs a secure
        // context: http://localhost is one)
        @SuppressWarnings("unchecked")
        Map<String, Object> download = (Map<String, Object>) browser.js().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "fetch(document.getElementById('order-audit-download').href, {credentials: 'same-origin'})"
                + ".then(r => r.arrayBuffer()).then(async bytes => {"
                + "  const digest = await crypto.subtle.digest('SHA-256', bytes);"
                + "  done({text: new TextDecoder().decode(bytes), sha256: [...new Uint8Array(digest)]"
                + "    .map(b => b.toString(16).padStart(2, '0')).join('')});"
                + "}, e => done({text: 'failed: ' + e, sha256: ''}));");
        assertThat((String) download.get("text")).startsWith("event_time,").contains(clientOrderId);
        assertThat(text("order-audit-details")).endsWith("SHA-256 " + download.get("sha256"));
        assertNoSidewaysScroll();
        browser.screenshot(SCREENSHOTS.resolve(screenshotName + "-reports.png"));

        // the access audit: this officer's own login of a moment ago, in words
        browser.driver().get(platform.platformUrl() + "/access-audit");
        browser.awaitPresent(By.id("access-search"), PATIENCE, "the access-audit page");
        // typed while the page may still be settling (a busy machine once kept "complian" of it): the field
        // must hold what was typed before searching, so type again until it does
        browser.waitUpTo(PATIENCE).withMessage("the user field holding what was typed").until(driver -> {
            WebElement field = driver.findElement(By.cssSelector("#access-principal input"));
            if ("compliance".equals(field.getDomProperty("value"))) {
                return true;
            }
            field.sendKeys(Keys.chord(Keys.CONTROL, "a"), "compliance", Keys.TAB);
            return false;
        });
        assertOnScreen("access-search");
        click("access-search");
        browser.waitUpTo(PATIENCE).withMessage("the officer's login in the access audit")
                .until(driver -> browser.gridCellTexts("access-entries").contains("Login succeeded"));
        assertNoSidewaysScroll();
        browser.screenshot(SCREENSHOTS.resolve(screenshotName + "-access-audit.png"));
    }

    /**
     * A LIMIT BUY 1 @ 1.00 that never fills; amended to 2 and cancelled after the instant returned, a
     * whole second after it was decided (its {@code updatedAt}: the decision is stored a moment after the
     * placement, which can fall in the next second), so the picker (seconds) sees it WORKING with quantity 1.
     */
    private static Instant placeAmendAndCancel(String clientOrderId) throws InterruptedException {
        String integrator = platform.integratorToken();
        JsonNode placed = platform.graphql(integrator, "mutation($input: PlaceOrderInput!) { placeOrder(input: $input) "
                + "{ id status placedAt updatedAt } }", Map.of("input", Map.of("accountId", ACCOUNT, "clientOrderId", clientOrderId,
                "symbol", "AAPL", "side", "BUY", "type", "LIMIT", "quantity", "1", "limitPrice", "1.00",
                "timeInForce", "GTC"))).data().get("placeOrder");
        assertThat(placed.get("status").asText()).isEqualTo("WORKING");
        Instant asOf = Instant.parse(placed.get("updatedAt").asText()).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        while (Instant.now().isBefore(asOf.plusMillis(1200))) {
            Thread.sleep(100);
        }
        String id = placed.get("id").asText();
        JsonNode amended = platform.graphql(integrator, "mutation($input: AmendOrderInput!) { amendOrder(input: $input) "
                + "{ quantity } }", Map.of("input", Map.of("orderId", id, "quantity", "2"))).data().get("amendOrder");
        assertThat(new java.math.BigDecimal(amended.get("quantity").asText())).isEqualByComparingTo("2");
        JsonNode cancelled = platform.graphql(integrator, "mutation($input: CancelOrderInput!) { cancelOrder(input: $input) "
                + "{ status } }", Map.of("input", Map.of("orderId", id))).data().get("cancelOrder");
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        return asOf;
    }

    private void openTab(String label) {
        browser.js().executeScript("const tab = [...document.querySelectorAll('#compliance-tabs vaadin-tab')]"
                + ".find(t => t.textContent.trim() === arguments[0]); tab.click();", label);
    }

    /** A date or date-time picker's value as its web component takes it (ISO), synchronised to the server. */
    private void setValue(String id, String isoValue) {
        browser.js().executeScript("const p = document.getElementById(arguments[0]); p.value = arguments[1];"
                + "p.dispatchEvent(new CustomEvent('change', {bubbles: true}));", id, isoValue);
    }

    private void click(String id) {
        browser.js().executeScript("document.getElementById(arguments[0]).click();", id);
    }

    private String text(String id) {
        List<?> found = browser.driver().findElements(By.id(id));
        return found.isEmpty() ? "" : browser.driver().findElement(By.id(id)).getText().trim();
    }

    private void assertOnScreen(String id) {
        assertThat((Boolean) browser.js().executeScript("const r = document.getElementById(arguments[0])"
                + ".getBoundingClientRect(); return r.width > 0 && r.left >= 0 && r.right <= window.innerWidth"
                + " && r.top >= 0 && r.bottom <= window.innerHeight;", id))
                .as(id + " inside the window").isTrue();
    }

    private void assertNoSidewaysScroll() {
        assertThat((Boolean) browser.js().executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth + 1;"))
                .as("no sideways scroll").isTrue();
    }
}
