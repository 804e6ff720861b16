package org.mltrading.ops.ui;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.mltrading.ops.testing.UserLogin;
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
 * A headless Debian Chromium for the browser tests, and the login journey through the auth server,
 * including the second factor the auth server always asks for (a {@code #code} field: the current
 * TOTP of the demo user's secret is typed and {@code #verify} pressed).
 */
public final class BrowserSession implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** The demo users' TOTP secret (Base32), as seeded by the auth server for the local profile. */
    static final String DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXP";

    private final WebDriver browser;
    private final Path profile;

    private BrowserSession(WebDriver browser, Path profile) {
        this.browser = browser;
        this.profile = profile;
    }

    public static boolean browserInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public static BrowserSession open(String windowSize) throws IOException {
        Path profile = Files.createTempDirectory("browser-it-profile-");
        ChromeOptions options = new ChromeOptions();
        // explicit binary and driver: Selenium Manager would otherwise try to download them
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + windowSize, "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new BrowserSession(new ChromeDriver(service, options), profile);
    }

    public WebDriver driver() {
        return browser;
    }

    public JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    public WebDriverWait waitUpTo(Duration patience) {
        return new WebDriverWait(browser, patience);
    }

    /**
     * From the auth server's login form (already shown) to the first page of the UI: username and
     * password, then the TOTP page if one comes. Returns true if a second factor was asked for.
     */
    public boolean logIn(String username, String password, String platformUrl, Duration patience) {
        return logIn(browser, username, password, platformUrl, patience);
    }

    /** {@link #logIn(String, String, String, Duration)} for a browser opened elsewhere. */
    static boolean logIn(WebDriver browser, String username, String password, String platformUrl, Duration patience) {
        browser.findElement(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit], input[type=submit]")).click();
        // every login asks for the second factor (the demo users are enrolled with the demo secret)
        new WebDriverWait(browser, patience).withMessage("the second-factor page after the password")
                .until(driver -> !driver.findElements(By.id("code")).isEmpty());
        WebElement code = browser.findElement(By.id("code"));
        if (!"one-time-code".equals(code.getDomAttribute("autocomplete"))) {
            throw new AssertionError("the code field must carry autocomplete=\"one-time-code\"");
        }
        code.sendKeys(UserLogin.nextCode(username, DEMO_TOTP_SECRET));
        browser.findElement(By.id("verify")).click();
        new WebDriverWait(browser, patience).withMessage("the UI after the second factor")
                .until(driver -> driver.getCurrentUrl().startsWith(platformUrl));
        return true;
    }

    /** Texts of the light-DOM cell contents of a Vaadin grid (what the user reads in it). */
    public List<String> gridCellTexts(String gridId) {
        return browser.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
                .map(cell -> cell.getDomProperty("textContent"))
                .map(text -> text == null ? "" : text.trim())
                .toList();
    }

    public void screenshot(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Screenshot and page source for a failed test; best effort, never hides the real failure. */
    void saveEvidence(Path dir, String name) {
        try {
            screenshot(dir.resolve(name + ".png"));
            Files.writeString(dir.resolve(name + ".html"),
                    "<!-- " + browser.getCurrentUrl() + " -->\n" + browser.getPageSource(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            System.err.println("could not save browser evidence: " + e);
        }
    }

    public void awaitPresent(By locator, Duration patience, String what) {
        waitUpTo(patience).withMessage(what).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    @Override
    public void close() throws IOException {
        browser.quit();
        if (profile != null && Files.exists(profile)) {
            try (var paths = Files.walk(profile)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
