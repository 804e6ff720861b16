package org.mltrading.ops.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mltrading.ops.testing.RunningPlatform;
import org.mltrading.ops.testing.UserLogin;
import org.mltrading.ops.testing.RunningPlatform.GraphQlAnswer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end through a real headless Chromium: OAuth2 login at the auth server, the Vaadin orders
 * view, and live updates pushed from the {@code orderUpdated} subscription.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TraderSeesOrdersBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path EVIDENCE = Path.of("target", "browser-it");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final String PLACE_ORDER = "mutation Place($input: PlaceOrderInput!) { "
            + "placeOrder(input: $input) { id clientOrderId status } }";

    private static RunningPlatform platform;

    private WebDriver browser;
    private Path profile;

    @RegisterExtension
    final AfterTestExecutionCallback evidenceOnFailure = context -> context.getExecutionException()
            .ifPresent(failure -> saveEvidence(context.getRequiredTestMethod().getName()));

    @BeforeAll
    static void start_the_platform_if_a_browser_is_installed() {
        // .ci/run installs both; without them (a bare dev box) there is nothing to drive
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
        platform = RunningPlatform.shared();
    }

    @BeforeEach
    void open_a_browser() throws IOException {
        profile = Files.createTempDirectory("browser-it-profile-");
        ChromeOptions options = new ChromeOptions();
        // explicit binary and driver: Selenium Manager would otherwise try to download them
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void close_the_browser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        deleteRecursively(profile);
    }

    @Test
    void a_trader_logs_in_sees_the_accounts_orders_and_new_ones_appear_live() {
        String token = platform.integratorToken();
        String first = placeOrder(token);

        browser.get(platform.platformUrl() + "/");
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.withMessage("the login form of the auth server")
                .until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        assertThat(browser.getCurrentUrl()).startsWith(platform.authUrl());
        BrowserSession.logIn(browser, "trader", "trader-demo", platform.platformUrl(), PATIENCE);
        // a trader lands on the desk; the orders view is one navigation away
        wait.withMessage("the desk after the login").until(ExpectedConditions.presenceOfElementLocated(By.id("desk")));
        browser.get(platform.platformUrl() + "/orders");

        wait.withMessage("the orders view")
                .until(ExpectedConditions.presenceOfElementLocated(By.id("orders-grid")));
        assertThat(browser.getCurrentUrl()).startsWith(platform.platformUrl());
        awaitGridShows(first);

        // a reload would wipe this marker, so it proves the second order arrives by push
        js().executeScript("window.__browserItMarker = arguments[0];", first);
        String second = placeOrder(token);
        awaitGridShows(second);
        assertThat(js().executeScript("return window.__browserItMarker;"))
                .as("the page was not reloaded")
                .isEqualTo(first);
        assertThat(gridCellTexts()).contains(first);
    }

    /** Places a limit order on the demo account as the integrator client; returns its clientOrderId. */
    private static String placeOrder(String token) {
        String clientOrderId = "browser-it-" + UUID.randomUUID();
        Map<String, Object> input = Map.of(
                "accountId", "demo-account",
                "clientOrderId", clientOrderId,
                "symbol", "AAPL",
                "side", "BUY",
                "type", "LIMIT",
                "quantity", "5",
                "limitPrice", "101.5",
                "timeInForce", "DAY");
        GraphQlAnswer answer = platform.graphql(token, PLACE_ORDER, Map.of("input", input));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.errors()).as("errors of placeOrder: %s", answer.body()).isNullOrEmpty();
        JsonNode order = answer.data().get("placeOrder");
        assertThat(order.get("clientOrderId").asText()).isEqualTo(clientOrderId);
        return clientOrderId;
    }

    private void awaitGridShows(String clientOrderId) {
        new WebDriverWait(browser, PATIENCE)
                .withMessage(() -> "order " + clientOrderId + " in the grid; cells: " + gridCellTexts())
                .until(driver -> gridCellTexts().contains(clientOrderId));
    }

    /** Grid cells render into light-DOM {@code vaadin-grid-cell-content} children of the grid. */
    private java.util.List<String> gridCellTexts() {
        return browser.findElements(By.cssSelector("#orders-grid vaadin-grid-cell-content")).stream()
                .map(cell -> cell.getDomProperty("textContent"))
                .map(text -> text == null ? "" : text.trim())
                .toList();
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    private void saveEvidence(String name) {
        if (browser == null) {
            return;
        }
        try {
            Files.createDirectories(EVIDENCE);
            File screenshot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(screenshot.toPath(), EVIDENCE.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(EVIDENCE.resolve(name + ".html"),
                    "<!-- " + browser.getCurrentUrl() + " -->\n" + browser.getPageSource(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // evidence is best effort: never hide the real failure behind this one
            System.err.println("could not save browser evidence: " + e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
