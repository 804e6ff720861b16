package org.mltrading.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mltrading.ops.testing.PlatformProcess;
import org.mltrading.ops.testing.CrashCheck;
import org.mltrading.ops.testing.RunningPlatform;

/**
 * The durability promises of the all-in-one, on the packaged jar as a real process: a SIGTERM stops it
 * cleanly and a restart keeps orders, read models and QuestDB rows; after a SIGKILL right after the last
 * acknowledgement, nothing acknowledged is lost and the read models converge to the event store
 * (the embedded MongoDB's uncommitted tail is replayed from the event store, because the projection
 * tokens live in the same store as the documents). The last kill hits six clients placing orders at
 * once, so group commits are open: what was acknowledged is there once, decided, and booked.
 */
class DurabilityIT {

    // a start bound, not a measurement: the shared platform of the other ITs runs in the same 2 cores
    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);
    private static final String PLACE_ORDER = """
            mutation Place($input: PlaceOrderInput!) { placeOrder(input: $input) { id clientOrderId status } }""";

    @TempDir
    Path dataDir;

    @Test
    void acknowledged_orders_and_rows_survive_a_clean_stop_and_a_kill_9() throws Exception {
        var settings = RunningPlatform.settingsFor(dataDir);
        RunningPlatform client = clientFor(settings);
        Path log = Path.of("target", "durability-it", "platform.log");
        Files.deleteIfExists(log);
        List<String> acknowledged = new ArrayList<>();

        // 1. start, place orders, write QuestDB rows, stop with SIGTERM
        try (PlatformProcess first = PlatformProcess.start(settings, log)) {
            first.awaitHealthy(settings.platformUrl(), START_TIMEOUT);
            acknowledged.addAll(placeOrders(client, "clean", 20));
            insertQuotes(settings, 3);
            int exit = first.stop(Duration.ofSeconds(60));
            assertThat(exit).as("exit code after SIGTERM").isIn(0, 143);
            assertThat(first.log()).doesNotContain("Exception in thread");
        }

        // 2. restart: everything is still there; then place more and SIGKILL right after the last ack
        try (PlatformProcess second = PlatformProcess.start(settings, log)) {
            second.awaitHealthy(settings.platformUrl(), START_TIMEOUT);
            assertAllReadable(client, acknowledged);
            assertThat(countQuotes(settings)).isEqualTo(3);
            acknowledged.addAll(placeOrders(client, "crash", 40));
            second.kill();
        }

        // 3. restart after the crash: every acknowledged order is readable, the read model holds
        //    exactly what the event store holds
        try (PlatformProcess third = PlatformProcess.start(settings, log)) {
            third.awaitHealthy(settings.platformUrl(), START_TIMEOUT);
            assertAllReadable(client, acknowledged);
            JsonNode page = client.graphql(client.integratorToken(),
                    "{ orders(accountId: \"demo-account\", first: 500) { edges { node { id } } } }", null)
                    .data().get("orders").get("edges");
            assertThat(page.size()).isEqualTo(acknowledged.size());
            assertThat(countQuotes(settings)).isEqualTo(3);

            // 4. kill -9 while several clients are placing orders (orders in flight, group commits open)
            CrashCheck.Load load = CrashCheck.Load.start(client, "load", 6);
            load.awaitAcknowledged(60, START_TIMEOUT);
            third.kill();
            load.stop();
            acknowledged.addAll(load.acknowledged());
        }

        // 5. restart: no acknowledged order lost, none twice, every order decided, positions = Σ fills
        try (PlatformProcess fourth = PlatformProcess.start(settings, log)) {
            fourth.awaitHealthy(settings.platformUrl(), START_TIMEOUT);
            assertAllReadable(client, acknowledged);
            CrashCheck.assertEveryOrderDecidedOnceAndPositionsEqualFills(client, acknowledged, Duration.ofSeconds(10));
        }
    }

    private static List<String> placeOrders(RunningPlatform client, String prefix, int count) {
        String token = client.integratorToken();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> input = new HashMap<>();
            input.put("accountId", "demo-account");
            input.put("clientOrderId", prefix + "-" + i);
            input.put("symbol", "MSFT");
            input.put("side", i % 2 == 0 ? "BUY" : "SELL");
            input.put("type", "MARKET");
            input.put("quantity", "1");
            var answer = client.graphql(token, PLACE_ORDER, Map.of("input", input));
            assertThat(answer.errors()).as("errors of %s", answer.body()).isNull();
            ids.add(answer.data().get("placeOrder").get("id").asText());
        }
        return ids;
    }

    /** Read models are eventually consistent after a crash: poll until each order is readable. */
    private static void assertAllReadable(RunningPlatform client, List<String> ids) throws InterruptedException {
        String token = client.integratorToken();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> missing = new ArrayList<>(ids);
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            missing.removeIf(id -> {
                JsonNode order = client.graphql(token, "query($id: ID!) { order(id: $id) { id } }", Map.of("id", id))
                        .data().get("order");
                return order != null && !order.isNull();
            });
            if (!missing.isEmpty()) {
                Thread.sleep(500);
            }
        }
        assertThat(missing).as("acknowledged orders not readable after restart").isEmpty();
    }

    private static void insertQuotes(org.mltrading.ops.PlatformSettings settings, int rows) throws Exception {
        try (Connection connection = questDb(settings); Statement statement = connection.createStatement()) {
            for (int i = 0; i < rows; i++) {
                statement.execute("INSERT INTO quotes VALUES('AAPL', CAST('100.00' AS DECIMAL(18, 8)), CAST('100.01' AS DECIMAL(18, 8)),"
                        + " CAST('100.005' AS DECIMAL(18, 8)), '2013-01-0" + (i + 2) + "T00:00:00.000000Z')");
            }
        }
        // WAL tables apply asynchronously: wait until the rows are visible before stopping
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (countQuotes(settings) < rows && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(countQuotes(settings)).isEqualTo(rows);
    }

    private static long countQuotes(org.mltrading.ops.PlatformSettings settings) throws Exception {
        try (Connection connection = questDb(settings); Statement statement = connection.createStatement();
             // only the rows this test wrote: the simulator adds live quotes of today
             ResultSet result = statement.executeQuery("SELECT count() FROM quotes WHERE ts < '2014-01-01'")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Connection questDb(org.mltrading.ops.PlatformSettings settings) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("user", "admin");
        properties.setProperty("password", "quest");
        properties.setProperty("sslmode", "disable");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + settings.questDbPgPort() + "/qdb", properties);
    }

    private static RunningPlatform clientFor(org.mltrading.ops.PlatformSettings settings) {
        return RunningPlatform.clientOnly(settings);
    }
}
