package org.mltrading.ops.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mltrading.ops.testing.RunningPlatform;

/** valueAtRisk through the public API on the shared platform's demo account, after a real fill. */
class ValueAtRiskIT {

    private static final String VAR = """
            query($account: ID, $h: Int, $m: VarMethod) { valueAtRisk(accountId: $account, horizonDays: $h, method: $m) {
              accountId method horizonDays currency var95 var99 cvar95 cvar99 observations interval horizonScaling symbols } }""";

    private static RunningPlatform platform;
    private static String integrator;

    @BeforeAll
    static void an_apple_position_in_the_demo_account() throws Exception {
        platform = RunningPlatform.shared();
        integrator = platform.integratorToken();
        JsonNode placed = platform.graphql(integrator, """
                mutation($in: PlaceOrderInput!) { placeOrder(input: $in) { id status } }""",
                Map.of("in", Map.of("accountId", "demo-account", "clientOrderId", "var-" + UUID.randomUUID(), "symbol", "AAPL",
                        "side", "BUY", "type", "MARKET", "quantity", "5", "timeInForce", "DAY"))).data().get("placeOrder");
        String id = placed.get("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String status = placed.get("status").asText();
        while (!status.equals("FILLED") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = platform.graphql(integrator, "query($id: ID!) { order(id: $id) { status } }", Map.of("id", id))
                    .data().get("order").get("status").asText();
        }
        assertThat(status).isEqualTo("FILLED");
    }

    private static JsonNode var(String token, String account, int horizon, String method) {
        java.util.HashMap<String, Object> variables = new java.util.HashMap<>();
        variables.put("account", account);
        variables.put("h", horizon);
        variables.put("m", method);
        RunningPlatform.GraphQlAnswer answer = platform.graphql(token, VAR, variables);
        assertThat(answer.errors()).as(answer.body().toString()).isNull();
        return answer.data().get("valueAtRisk");
    }

    @Test
    void the_demo_accounts_var_is_a_positive_loss_in_dollars_by_every_method_and_grows_with_the_horizon() {
        for (String method : new String[] {"HISTORICAL", "PARAMETRIC", "MONTE_CARLO"}) {
            JsonNode oneDay = var(integrator, "demo-account", 1, method);
            assertThat(oneDay.get("method").asText()).isEqualTo(method);
            assertThat(oneDay.get("currency").asText()).isEqualTo("USD");
            assertThat(oneDay.get("symbols").toString()).contains("AAPL");
            double var95 = oneDay.get("var95").asDouble();
            assertThat(var95).as(method).isPositive();
            assertThat(oneDay.get("var99").asDouble()).as(method).isGreaterThanOrEqualTo(var95);
            assertThat(oneDay.get("cvar95").asDouble()).as(method).isGreaterThanOrEqualTo(var95);
            assertThat(oneDay.get("var95").asText()).matches("\\d+\\.\\d{2}");
            assertThat(oneDay.get("observations").asInt()).isPositive();
        }
        double oneDay = var(integrator, "demo-account", 1, "PARAMETRIC").get("var99").asDouble();
        JsonNode tenDays = var(integrator, "demo-account", 10, "PARAMETRIC");
        assertThat(tenDays.get("var99").asDouble()).isGreaterThan(oneDay);
        assertThat(tenDays.get("horizonScaling").asText()).isEqualTo("IID_NORMAL");
    }

    @Test
    void a_stress_test_replays_apples_2013_01_24_and_applies_hypothetical_shocks(@org.junit.jupiter.api.io.TempDir
                                                                                 java.nio.file.Path dir) throws Exception {
        org.mltrading.ops.testing.AppleDailyHistory.importInto(platform, integrator, dir);
        String query = """
                query($s: StressScenarioInput!) { stressTest(accountId: "demo-account", scenario: $s) {
                  name currency pnl lines { symbol quantity price move source pnl } } }""";
        JsonNode replay = platform.graphql(integrator, query, Map.of("s", Map.of("name", "AAPL results 2013",
                "replayDate", "2013-01-24T00:00:00Z"))).data().get("stressTest");
        JsonNode apple = null;
        for (JsonNode line : replay.get("lines")) {
            if (line.get("symbol").asText().equals("AAPL")) {
                apple = line;
            }
        }
        assertThat(apple).as("%s", replay).isNotNull();
        assertThat(apple.get("source").asText()).isEqualTo("REPLAY");
        assertThat(apple.get("move").asDouble()).isCloseTo(450.50 / 514.01 - 1, org.assertj.core.data.Offset.offset(1e-9));
        double expected = apple.get("quantity").asDouble() * apple.get("price").asDouble() * apple.get("move").asDouble();
        assertThat(apple.get("pnl").asDouble()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.01));

        JsonNode crash = platform.graphql(integrator, query, Map.of("s", Map.of("marketShock", -0.2,
                "shocks", java.util.List.of(Map.of("symbol", "AAPL", "move", -0.5))))).data().get("stressTest");
        for (JsonNode line : crash.get("lines")) {
            assertThat(line.get("source").asText()).isEqualTo(line.get("symbol").asText().equals("AAPL") ? "SHOCK" : "MARKET");
        }
        assertThat(platform.graphql(integrator, query, Map.of("s", Map.of("marketShock", -1.5))).firstErrorCode())
                .isEqualTo("PORTFOLIO_INVALID_INPUT");
        assertThat(platform.graphql(integrator, query, Map.of("s", Map.of("name", "nothing"))).firstErrorCode())
                .isEqualTo("PORTFOLIO_INVALID_INPUT");
    }

    @Test
    void the_firm_is_for_risk_officers_and_bad_input_is_coded() {
        RunningPlatform.GraphQlAnswer denied = platform.graphql(integrator, VAR, Map.of("h", 1));
        assertThat(denied.firstErrorCode()).isEqualTo("PERMISSION_DENIED");
        String risk = platform.clientToken("demo-risk", "demo-risk-secret", "read risk");
        JsonNode firm = var(risk, null, 1, "HISTORICAL");
        assertThat(firm.get("accountId").isNull()).isTrue();
        assertThat(firm.get("var95").asDouble()).isPositive();
        assertThat(platform.graphql(integrator, VAR, Map.of("account", "demo-account", "h", 0)).firstErrorCode())
                .isEqualTo("PORTFOLIO_INVALID_INPUT");
        assertThat(platform.graphql(integrator, VAR, Map.of("account", "nobody-account", "h", 1)).firstErrorCode())
                .isEqualTo("NOT_FOUND");
    }
}
