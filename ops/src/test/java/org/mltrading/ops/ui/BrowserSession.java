package org.mltrading.ops.ui;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.time.SystemTimeProvider;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
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
 * including the second factor when the auth server asks for it (a {@code #code} field: the current
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
        new WebDriverWait(browser, patience).withMessage("the UI or the second-factor page after the password")
                .until(driver -> driver.getCurrentUrl().startsWith(platformUrl)
                        || !driver.findElements(By.id("code")).isEmpty());
        if (browser.findElements(By.id("code")).isEmpty()) {
            return false;
        }
        WebElement code = browser.findElement(By.id("code"));
        code.sendKeys(currentTotp());
        browser.findElement(By.id("verify")).click();
        new WebDriverWait(browser, patience).withMessage("the UI after the second factor")
                .until(driver -> driver.getCurrentUrl().startsWith(platformUrl));
        return true;
    }

    /** RFC 6238 code (SHA-1, 6 digits, 30 s) of the demo secret for the current time. */
    public static String currentTotp() {
        CodeGenerator generator = new DefaultCodeGenerator();
        long step = Math.floorDiv(new SystemTimeProvider().getTime(), 30);
        try {
            return generator.generate(DEMO_TOTP_SECRET, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("TOTP of the demo secret", e);
        }
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
