package org.mltrading.ops.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mltrading.ops.testing.RunningPlatform;
import org.mltrading.ops.testing.RunningPlatform.GraphQlAnswer;

/**
 * Issue 18's firm-wide controls through the public API, as the demo risk officers (users risk and risk2, logged
 * in with their second factor) and the demo integrator use them: the firm kill switch, price collars, the
 * instrument's maximum order quantity, four eyes on limit rises, reduce-only, cancel-all and flatten.
 */
class FirmControlsIT {

    private static final String PLACE = """
            mutation($in: PlaceOrderInput!) { placeOrder(input: $in) { id status rejectCode rejectReason } }""";
    private static final String ACCOUNT = """
            query($a: ID!) { account(id: $a) { tradingState limits { maxOrderNotional maxOrdersPerSecond }
              pendingRiskLimits { id proposedBy reason limits { maxOrderNotional } } positions { symbol quantity } } }""";

    private static RunningPlatform platform;
    private static String integrator;
    private static String risk;
    private static String risk2;
    private static String admin;

    @BeforeAll
    static void sign_in() {
        platform = RunningPlatform.shared();
        integrator = platform.integratorToken();
        risk = platform.userToken("risk");
        risk2 = platform.userToken("risk2");
        admin = platform.userToken("admin");
    }

    @AfterAll
    static void the_firm_trades_again_whatever_happened() {
        platform.graphql(risk, "mutation { resumeFirm(reason: \"FirmControlsIT done\") { halted } }", Map.of());
    }

    private static JsonNode place(String account, String symbol, String side, String type, String quantity, String limit) {
        Map<String, Object> input = new HashMap<>();
        input.put("accountId", account);
        input.put("clientOrderId", "firm-" + UUID.randomUUID());
        input.put("symbol", symbol);
        input.put("side", side);
        input.put("type", type);
        input.put("quantity", quantity);
        if (limit != null) {
            input.put("limitPrice", limit);
        }
        input.put("timeInForce", "DAY");
        GraphQlAnswer answer = platform.graphql(integrator, PLACE, Map.of("in", input));
        assertThat(answer.errors()).as(answer.body().toString()).isNull();
        return answer.data().get("placeOrder");
    }

    private static JsonNode ok(GraphQlAnswer answer, String field) {
        assertThat(answer.errors()).as(answer.body().toString()).isNull();
        return answer.data().get(field);
    }

    private static String openAccount(String prefix) {
        String id = prefix + "-" + Long.toHexString(System.nanoTime());
        ok(platform.graphql(admin, """
                mutation($a: ID!) { openAccount(input: {accountId: $a, name: "firm controls IT", owner: "trader",
                  currency: "USD", initialCash: "1000000"}) { id } }""", Map.of("a", id)), "openAccount");
        ok(platform.graphql(admin, "mutation($a: ID!) { grantAccountEntitlement(accountId: $a, principal: \"demo-integrator\") { id } }",
                Map.of("a", id)), "grantAccountEntitlement");
        return id;
    }

    private static BigDecimal last(String symbol) {
        JsonNode quote = ok(platform.graphql(integrator, "query($s: String!) { quote(symbol: $s) { bid ask last } }",
                Map.of("s", symbol)), "quote");
        return new BigDecimal(quote.get("last").isNull() ? quote.get("ask").asText() : quote.get("last").asText());
    }

    @Test
    void the_firm_kill_switch_refuses_every_new_order_until_a_risk_officer_resumes_it() {
        assertThat(platform.graphql(integrator, "mutation { haltFirm(reason: \"not mine\") { halted } }", Map.of())
                .firstErrorCode()).isEqualTo("PERMISSION_DENIED");
        JsonNode halted = ok(platform.graphql(risk, "mutation { haltFirm(reason: \"drill\") { state halted reason changedAt } }",
                Map.of()), "haltFirm");
        assertThat(halted.get("state").asText()).isEqualTo("HALTED");
        assertThat(halted.get("reason").asText()).isEqualTo("drill");
        JsonNode state = ok(platform.graphql(integrator, "{ firmTradingState { state halted } }", Map.of()), "firmTradingState");
        assertThat(state.get("halted").asBoolean()).isTrue();
        JsonNode refused = place("demo-account", "AAPL", "BUY", "LIMIT", "1", "1.00");
        assertThat(refused.get("status").asText()).isEqualTo("REJECTED");
        assertThat(refused.get("rejectCode").asText()).isEqualTo("RISK_FIRM_HALTED");
        // the account's own state is untouched
        JsonNode account = ok(platform.graphql(risk, ACCOUNT, Map.of("a", "demo-account")), "account");
        assertThat(account.get("tradingState").asText()).isEqualTo("ACTIVE");
        assertThat(platform.graphql(integrator, "mutation { resumeFirm(reason: \"mine\") { halted } }", Map.of())
                .firstErrorCode()).isEqualTo("PERMISSION_DENIED");
        JsonNode resumed = ok(platform.graphql(risk2, "mutation { resumeFirm(reason: \"drill over\") { state halted reason } }",
                Map.of()), "resumeFirm");
        assertThat(resumed.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(resumed.get("reason").asText()).contains("risk2").contains("drill over");
        assertThat(place("demo-account", "AAPL", "BUY", "LIMIT", "1", "1.00").get("status").asText()).isEqualTo("WORKING");
    }

    @Test
    void a_limit_through_the_collar_and_a_quantity_over_the_instruments_maximum_are_refused_with_their_numbers() {
        BigDecimal last = last("AAPL");
        String far = last.multiply(new BigDecimal("1.5")).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        JsonNode collared = place("demo-account", "AAPL", "BUY", "LIMIT", "1", far);
        assertThat(collared.get("status").asText()).isEqualTo("REJECTED");
        assertThat(collared.get("rejectCode").asText()).isEqualTo("RISK_PRICE_COLLAR");
        assertThat(collared.get("rejectReason").asText()).contains(far).contains("10 %");
        JsonNode huge = place("demo-account", "AAPL", "BUY", "LIMIT", "100001", "1.00");
        assertThat(huge.get("rejectCode").asText()).isEqualTo("RISK_MAX_ORDER_QUANTITY");
        assertThat(huge.get("rejectReason").asText()).contains("100001").contains("100000");
    }

    @Test
    void a_limit_rise_waits_for_a_second_risk_officer() {
        String account = openAccount("four-eyes");
        String limits = """
                {accountId: "%s", maxOrderNotional: "%s", maxPositionPerInstrument: "100000", maxGrossExposure: "5000000",
                 maxDailyLoss: "100000", maxOrdersPerSecond: 5000}""";
        GraphQlAnswer raised = platform.graphql(risk, "mutation { setRiskLimits(input: " + limits.formatted(account, "2000000")
                + ") { id } }", Map.of());
        assertThat(raised.firstErrorCode()).isEqualTo("RISK_APPROVAL_REQUIRED");
        assertThat(raised.errors().get(0).get("message").asText()).contains("maxOrderNotional from 1000000 to 2000000");
        // a cut applies at once
        ok(platform.graphql(risk, "mutation { setRiskLimits(input: " + limits.formatted(account, "500000") + ") { id } }",
                Map.of()), "setRiskLimits");
        JsonNode proposed = ok(platform.graphql(risk, "mutation { proposeRiskLimits(input: " + limits.formatted(account, "2000000")
                + ", reason: \"bigger book\") { limits { maxOrderNotional } pendingRiskLimits { id proposedBy reason } } }",
                Map.of()), "proposeRiskLimits");
        assertThat(new BigDecimal(proposed.get("limits").get("maxOrderNotional").asText())).isEqualByComparingTo("500000");
        JsonNode proposal = proposed.get("pendingRiskLimits").get(0);
        assertThat(proposal.get("proposedBy").asText()).isEqualTo("risk");
        String id = proposal.get("id").asText();
        String approve = "mutation($a: ID!, $p: ID!) { approveRiskLimits(accountId: $a, proposalId: $p, reason: \"ok\") {"
                + " limits { maxOrderNotional } pendingRiskLimits { id } } }";
        assertThat(platform.graphql(risk, approve, Map.of("a", account, "p", id)).firstErrorCode())
                .isEqualTo("RISK_APPROVAL_BY_PROPOSER");
        JsonNode approved = ok(platform.graphql(risk2, approve, Map.of("a", account, "p", id)), "approveRiskLimits");
        assertThat(new BigDecimal(approved.get("limits").get("maxOrderNotional").asText())).isEqualByComparingTo("2000000");
        assertThat(approved.get("pendingRiskLimits")).isEmpty();
        assertThat(platform.graphql(risk2, approve, Map.of("a", account, "p", id)).firstErrorCode())
                .isEqualTo("RISK_PROPOSAL_NOT_FOUND");
        // a rejected proposal changes nothing
        JsonNode again = ok(platform.graphql(risk, "mutation { proposeRiskLimits(input: " + limits.formatted(account, "3000000")
                + ", reason: \"more\") { pendingRiskLimits { id } } }", Map.of()), "proposeRiskLimits");
        JsonNode rejected = ok(platform.graphql(risk2, "mutation($a: ID!, $p: ID!) { rejectRiskLimits(accountId: $a,"
                + " proposalId: $p, reason: \"too much\") { limits { maxOrderNotional } pendingRiskLimits { id } } }",
                Map.of("a", account, "p", again.get("pendingRiskLimits").get(0).get("id").asText())), "rejectRiskLimits");
        assertThat(new BigDecimal(rejected.get("limits").get("maxOrderNotional").asText())).isEqualByComparingTo("2000000");
        assertThat(rejected.get("pendingRiskLimits")).isEmpty();
    }

    @Test
    void reduce_only_cancel_all_and_flatten_close_an_account_down() throws Exception {
        String account = openAccount("flatten");
        JsonNode bought = place(account, "MSFT", "BUY", "MARKET", "3", null);
        awaitPosition(account, "MSFT", "3");
        place(account, "MSFT", "BUY", "LIMIT", "1", "1.00");
        place(account, "AAPL", "BUY", "LIMIT", "2", "1.00");
        assertThat(bought.get("status").asText()).isNotEqualTo("REJECTED");

        JsonNode reduceOnly = ok(platform.graphql(risk, "mutation($a: ID!) { setReduceOnly(accountId: $a, reason: \"wind down\")"
                + " { tradingState tradingStateReason } }", Map.of("a", account)), "setReduceOnly");
        assertThat(reduceOnly.get("tradingState").asText()).isEqualTo("REDUCE_ONLY");
        assertThat(place(account, "AAPL", "BUY", "LIMIT", "1", "1.00").get("rejectCode").asText()).isEqualTo("RISK_REDUCE_ONLY");

        JsonNode cancelled = ok(platform.graphql(integrator, "mutation($a: ID!) { cancelAllOrders(accountId: $a, reason: \"flat\")"
                + " { cancelledOrderIds failures } }", Map.of("a", account)), "cancelAllOrders");
        assertThat(cancelled.get("cancelledOrderIds")).hasSize(2);
        assertThat(cancelled.get("failures")).isEmpty();

        JsonNode flattened = ok(platform.graphql(risk, "mutation($a: ID!) { flattenPositions(accountId: $a, reason: \"flat\")"
                + " { orders { symbol side type quantity status } } }", Map.of("a", account)), "flattenPositions");
        assertThat(flattened.get("orders")).hasSize(1);
        JsonNode order = flattened.get("orders").get(0);
        assertThat(order.get("symbol").asText()).isEqualTo("MSFT");
        assertThat(order.get("side").asText()).isEqualTo("SELL");
        assertThat(new BigDecimal(order.get("quantity").asText())).isEqualByComparingTo("3");
        assertThat(order.get("status").asText()).isNotEqualTo("REJECTED");
        awaitPosition(account, "MSFT", "0");

        JsonNode active = ok(platform.graphql(risk, "mutation($a: ID!) { clearReduceOnly(accountId: $a) { tradingState } }",
                Map.of("a", account)), "clearReduceOnly");
        assertThat(active.get("tradingState").asText()).isEqualTo("ACTIVE");
        assertThat(platform.graphql(risk, "mutation($a: ID!) { clearReduceOnly(accountId: $a) { tradingState } }",
                Map.of("a", account)).firstErrorCode()).isEqualTo("ACCOUNT_NOT_REDUCE_ONLY");
        // someone else's account is not theirs to close down
        assertThat(platform.graphql(platform.clientToken("demo-compliance", "demo-compliance-secret", "read audit"),
                "mutation($a: ID!) { cancelAllOrders(accountId: $a) { cancelledOrderIds } }", Map.of("a", account))
                .firstErrorCode()).isEqualTo("PERMISSION_DENIED");
    }

    private static void awaitPosition(String account, String symbol, String quantity) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        BigDecimal held = null;
        while (System.nanoTime() < deadline) {
            held = BigDecimal.ZERO;
            for (JsonNode position : ok(platform.graphql(risk, ACCOUNT, Map.of("a", account)), "account").get("positions")) {
                if (position.get("symbol").asText().equals(symbol)) {
                    held = new BigDecimal(position.get("quantity").asText());
                }
            }
            if (held.compareTo(new BigDecimal(quantity)) == 0) {
                return;
            }
            Thread.sleep(200);
        }
        assertThat(held).as(symbol + " position of " + account).isEqualByComparingTo(quantity);
    }
}
