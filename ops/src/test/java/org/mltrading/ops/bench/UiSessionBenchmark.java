package org.mltrading.ops.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mltrading.ops.AllInOne;
import org.mltrading.ops.PlatformSettings;
import org.mltrading.ops.testing.RunningPlatform;
import org.mltrading.ops.ui.BrowserSession;
import org.openqa.selenium.By;
import org.springframework.util.FileSystemUtils;

/**
 * The trader's desk under measurement, whole platform in this JVM:
 * <ol>
 *   <li><b>Time to first render</b> (needs Debian's chromium + chromedriver): a headless Chromium logs in
 *       as {@code trader}, then loads {@code /} {@code --renders} times; each time is the wall clock from
 *       starting the navigation until the desk's chart has drawn candles and the watchlist shows a price
 *       (what the trader waits for), polled every 25 ms.</li>
 *   <li><b>Memory per UI session</b>: {@code --sessions} sessions in two phases. First each logs in for
 *       real (authorization code + PKCE through java.net.http with its own cookie jar, a second factor
 *       if asked); heap is measured. Then each opens the desk the way Vaadin's client does (UI-init
 *       request, then the "ui-navigate" event for {@code /}), which builds the desk server-side and
 *       starts its live streams on one WebSocket to the API; heap is measured again. The desk's figure
 *       is the second difference per session (it includes both ends of the in-process subscription
 *       connection); the login's is printed separately. Heaps are compared after full GCs. No browser
 *       keeps these sessions alive afterwards, so nothing is sent to them. RSS is printed as well.</li>
 * </ol>
 * Options: {@code --sessions=500 --renders=10 --parallel=8 --settle-seconds=10}; other {@code --x=y}
 * go to the platform as Spring properties (e.g. {@code --platform.marketdata.simulator.enabled=false}).
 */
public final class UiSessionBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\"\\s*:\\s*\"([^\"]+)\"");
    private static final String BAR_COUNT = "const c = document.getElementById('desk-chart');"
            + "return c && typeof c.barCount === 'function' ? c.barCount() : -1;";
    private static final long GOAL_BYTES_PER_SESSION = 300 * 1024;

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        // the login is up to 6 redirects (UI → authorize → login page; login → authorize → code → UI)
        System.setProperty("jdk.httpclient.redirects.retrylimit", "12");
        BenchArgs options = new BenchArgs(args, "sessions", "renders", "parallel", "settle-seconds");
        int sessions = options.intValue("sessions", 500);
        int renders = options.intValue("renders", 10);
        int parallel = options.intValue("parallel", 8);
        int settleSeconds = options.intValue("settle-seconds", 10);
        List<String> platformArgs = options.passThrough();

        Path dataDir = Files.createTempDirectory("ui-bench-");
        PlatformSettings settings = RunningPlatform.settingsFor(dataDir);
        System.out.printf("UiSessionBenchmark: %d sessions (%d in parallel), %d renders, %d CPUs, %s, max heap %d MB, "
                        + "platform args %s%n", sessions, parallel, renders, Runtime.getRuntime().availableProcessors(),
                Runtime.version(), Runtime.getRuntime().maxMemory() >> 20, platformArgs);
        System.out.println("load average before start: " + LoadAverage.read());
        long startBegin = System.nanoTime();
        AllInOne platform = AllInOne.start(settings, platformArgs.toArray(String[]::new));
        int exit = 0;
        try {
            RunningPlatform client = RunningPlatform.clientOnly(settings);
            client.awaitHealthy(Duration.ofSeconds(120));
            System.out.printf("platform up in %.1f s%n", (System.nanoTime() - startBegin) / 1e9);
            // let the simulator produce some trades, so the chart has bars to draw
            Thread.sleep(5_000);

            if (BrowserSession.browserInstalled() && renders > 0) {
                measureFirstRender(settings, renders);
            } else {
                System.out.println("time to first render: skipped (no /usr/bin/chromium + /usr/bin/chromedriver)");
            }
            exit = measureSessionMemory(settings, sessions, parallel, settleSeconds) ? 0 : 1;
        } finally {
            System.out.println("load average after: " + LoadAverage.read());
            platform.close();
            FileSystemUtils.deleteRecursively(dataDir);
        }
        System.exit(exit);
    }

    private static void measureFirstRender(PlatformSettings settings, int renders) throws IOException {
        String home = settings.platformUrl() + "/";
        try (BrowserSession browser = BrowserSession.open("1600,1000")) {
            long loginStart = System.nanoTime();
            browser.driver().get(home);
            browser.awaitPresent(By.name("username"), Duration.ofSeconds(30), "login form");
            browser.logIn("trader", "trader-demo", settings.platformUrl(), Duration.ofSeconds(30));
            awaitDeskDrawn(browser);
            System.out.printf("first desk after login (redirects, login, token exchange, desk drawn): %d ms%n",
                    (System.nanoTime() - loginStart) / 1_000_000);
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < renders; i++) {
                browser.driver().get("about:blank");
                long start = System.nanoTime();
                browser.driver().get(home);
                awaitDeskDrawn(browser);
                millis.add((System.nanoTime() - start) / 1_000_000);
            }
            Collections.sort(millis);
            System.out.printf("time to first render of the desk (navigation → candles drawn and a price shown), %d loads: "
                            + "min %d ms, median %d ms, max %d ms; all %s%n", renders, millis.get(0),
                    millis.get(millis.size() / 2), millis.get(millis.size() - 1), millis);
        }
    }

    private static void awaitDeskDrawn(BrowserSession browser) {
        browser.waitUpTo(Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(25))
                .until(driver -> ((Number) browser.js().executeScript(BAR_COUNT)).intValue() > 0
                        && browser.gridCellTexts("watchlist").stream().anyMatch(t -> t.matches("\\d+(\\.\\d+)?")));
    }

    /** HTTP sessions the desks are opened in (tabs of a browser): logins are paced by the TOTP replay guard. */
    private static final java.util.regex.Pattern UI_ID = java.util.regex.Pattern.compile("\"v-uiId\"\\s*:\\s*(\\d+)");

    private static final int LOGINS = 3;

    private static boolean measureSessionMemory(PlatformSettings settings, int sessions, int parallel, int settleSeconds)
            throws Exception {
        long heapBefore = usedHeapAfterGc();
        long rssBefore = rssBytes();
        System.out.printf("before the sessions: heap %,d KB used after GC, RSS %,d MB%n", heapBefore >> 10, rssBefore >> 20);

        // phase 1: the logins alone (auth server session and authorization, UI's HTTP session with the tokens)
        // the second factor refuses a TOTP code used before (issue 14): one user logs in at most once per 30 s
        // step, so a few logins, one after the other, and the desks open as tabs of them (one Vaadin UI each)
        List<CookieManager> loggedIn = Collections.synchronizedList(new ArrayList<>());
        run(Math.min(sessions, LOGINS), 1, "logins", () -> loggedIn.add(logIn(settings)));
        long heapLoggedIn = usedHeapAfterGc();
        // phase 2: the desk of each logged-in session (Vaadin UI + DeskView + its API subscriptions)
        List<Long> buildMillis = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger desks = new AtomicInteger();
        List<CookieManager> sessionsToOpen = List.copyOf(loggedIn);
        AtomicInteger next = new AtomicInteger();
        run(sessions, parallel, "desks", () -> {
            buildMillis.add(openDesk(settings, sessionsToOpen.get(next.getAndIncrement() % sessionsToOpen.size())));
            desks.incrementAndGet();
        });
        List<Long> sorted = new ArrayList<>(buildMillis);
        Collections.sort(sorted);
        if (!sorted.isEmpty()) {
            System.out.printf("server-side desk build (UI-init + ui-navigate requests, incl. the desk's GraphQL queries): "
                    + "median %d ms, p90 %d ms, max %d ms%n", sorted.get(sorted.size() / 2),
                    sorted.get(sorted.size() * 9 / 10), sorted.get(sorted.size() - 1));
        }
        Thread.sleep(settleSeconds * 1000L);
        long heapAfter = usedHeapAfterGc();
        long rssAfter = rssBytes();
        int n = Math.max(1, desks.get());
        long loginBytes = (heapLoggedIn - heapBefore) / Math.max(1, loggedIn.size());
        long deskBytes = (heapAfter - heapLoggedIn) / n;
        System.out.printf("after %d logins: heap %,d KB; after their %d desks (+%d s): heap %,d KB, RSS %,d MB%n",
                loggedIn.size(), heapLoggedIn >> 10, desks.get(), settleSeconds, heapAfter >> 10, rssAfter >> 20);
        System.out.printf("memory per logged-in session without a desk (auth server + UI HTTP session with tokens): %,d KB heap%n",
                loginBytes >> 10);
        System.out.printf("memory per UI session (the desk: Vaadin UI, views, view models, its API subscription both ends): "
                        + "%,d KB heap (goal ≤ %d KB: %s); all in: %,d KB heap, RSS growth %,d KB per session%n",
                deskBytes >> 10, GOAL_BYTES_PER_SESSION >> 10, deskBytes <= GOAL_BYTES_PER_SESSION ? "met" : "MISSED",
                (heapAfter - heapBefore) / n >> 10, ((rssAfter - rssBefore) / n) >> 10);
        return desks.get() == sessions;
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Runs {@code count} steps on {@code parallel} threads; prints the time and the failures by kind. */
    private static void run(int count, int parallel, String what, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        ConcurrentHashMap<String, Integer> failures = new ConcurrentHashMap<>();
        AtomicInteger ok = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            done.add(pool.submit(() -> {
                try {
                    step.run();
                    ok.incrementAndGet();
                } catch (Exception | AssertionError e) {
                    failures.merge(e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines()
                            .findFirst().orElse(""), 1, Integer::sum);
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
        System.out.printf("%d %s in %.1f s; failures: %s%n", ok.get(), what, (System.nanoTime() - start) / 1e9,
                failures.isEmpty() ? "none" : failures);
    }

    /** A real OAuth2 login (authorization code + PKCE; a second factor if asked) with its own cookie jar. */
    private static CookieManager logIn(PlatformSettings settings) throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient http = client(cookies);
        HttpResponse<String> login = http.send(html(settings.platformUrl() + "/").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        require(login.uri().toString().startsWith(settings.authUrl()), "not sent to the login: " + login.uri());
        HttpResponse<String> afterPassword = http.send(html(settings.authUrl() + "/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form("username", "trader", "password", "trader-demo", "_csrf", csrf(login.body()))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> landed = afterPassword;
        if (afterPassword.body().contains("id=\"code\"")) {
            String action = formAction(afterPassword.body(), afterPassword.uri());
            landed = http.send(html(action).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(form("code", org.mltrading.ops.testing.UserLogin.nextCode("trader", org.mltrading.ops.testing.UserLogin.DEMO_TOTP_SECRET), "_csrf", csrf(afterPassword.body()))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        require(landed.statusCode() == 200 && landed.uri().toString().startsWith(settings.platformUrl()),
                "login did not land on the UI: " + landed.statusCode() + " " + landed.uri());
        return cookies;
    }

    private static HttpClient client(CookieManager cookies) {
        return HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.ALWAYS).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * The desk of a logged-in session, browserless: the request with which Vaadin's client asks for a
     * UI, then the "ui-navigate" event that navigates it to "/"; returns the time of both.
     */
    private static long openDesk(PlatformSettings settings, CookieManager cookies)
            throws IOException, InterruptedException {
        HttpClient http = client(cookies);
        long start = System.nanoTime();
        HttpResponse<String> init = http.send(HttpRequest.newBuilder(
                        URI.create(settings.platformUrl() + "/?v-r=init&location=&query="))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher key = SECURITY_KEY.matcher(init.body());
        require(init.statusCode() == 200 && key.find(), "no UI from the init request: " + init.statusCode());
        // each UI of the HTTP session (each tab) has its own id: 0, 1, 2, ...
        Matcher ui = UI_ID.matcher(init.body());
        String uiId = ui.find() ? ui.group(1) : "0";
        // what Vaadin's client sends next: the "ui-navigate" DOM event of the UI node, which navigates to "/"
        String connect = "{\"csrfToken\":\"" + key.group(1) + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,"
                + "\"event\":\"ui-navigate\",\"data\":{\"route\":\"\",\"query\":\"\",\"appShellTitle\":\"\","
                + "\"historyState\":null,\"trigger\":\"\"}}],\"syncId\":0,\"clientId\":0}";
        HttpResponse<String> desk = http.send(HttpRequest.newBuilder(
                        URI.create(settings.platformUrl() + "/?v-r=uidl&v-uiId=" + uiId))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(connect)).build(), HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        require(desk.statusCode() == 200 && desk.body().contains("mlt-candle-chart"),
                "the navigation answer has no desk: " + desk.statusCode() + " "
                        + desk.body().substring(0, Math.min(300, desk.body().length())));
        return millis;
    }

    private static HttpRequest.Builder html(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Accept", "text/html");
    }

    private static HttpRequest.BodyPublisher form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return HttpRequest.BodyPublishers.ofString(body.toString());
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        require(matcher.find(), "no _csrf field in the form");
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    private static String formAction(String html, URI page) {
        Matcher matcher = Pattern.compile("<form[^>]*action=\"([^\"]+)\"").matcher(html);
        return matcher.find() ? page.resolve(matcher.group(1).replace("&amp;", "&")).toString() : page.toString();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
