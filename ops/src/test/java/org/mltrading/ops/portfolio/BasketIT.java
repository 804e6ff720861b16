package org.mltrading.ops.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mltrading.ops.testing.RunningPlatform;
import org.mltrading.ops.testing.RunningPlatform.GraphQlAnswer;

/**
 * The integrator's rebalancing journey: a minimum-variance optimisation over AAPL, MSFT, NVDA and SPY, its
 * weights (scaled to a tenth of equity) as a rebalance proposal for demo-account whose legs preview, the
 * legs placed as one basket whose orders carry its id, a resend answering the same orders, and a basket
 * that cannot pass refused whole.
 */
class BasketIT {

    private static RunningPlatform platform;
    private static String integrator;

    @BeforeAll
    static void platform() {
        platform = RunningPlatform.shared();
        integrator = platform.integratorToken();
    }

    private static JsonNode ok(GraphQlAnswer answer, String field) {
        assertThat(answer.errors()).as(answer.body().toString()).isNull();
        return answer.data().get(field);
    }

    @Test
    void optimised_weights_become_a_previewed_basket_placed_once_with_its_id_on_every_order() {
        Instant to = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(2, ChronoUnit.MINUTES);
        JsonNode optimised = ok(platform.graphql(integrator, """
                query($in: OptimizePortfolioInput!) { optimizePortfolio(input: $in) { weights { symbol weight } } }""",
                Map.of("in", Map.of("symbols", List.of("AAPL", "MSFT", "NVDA", "SPY"), "objective", "MIN_VARIANCE",
                        "from", to.minus(5, ChronoUnit.DAYS).toString(), "to", to.toString()))), "optimizePortfolio");
        List<Map<String, Object>> targets = new ArrayList<>();
        for (JsonNode weight : optimised.get("weights")) {
            targets.add(Map.of("symbol", weight.get("symbol").asText(), "weight", weight.get("weight").asDouble() * 0.1));
        }
        JsonNode proposal = ok(platform.graphql(integrator, """
                query($in: RebalanceInput!) { rebalanceProposal(input: $in) { accountId currency equity approved
                  legs { symbol side quantity limitPrice currentQuantity targetQuantity currentWeight targetWeight
                         preview { accepted checks { name passed } } } } }""",
                Map.of("in", Map.of("accountId", "demo-account", "targets", targets))), "rebalanceProposal");
        assertThat(proposal.get("approved").asBoolean()).as("%s", proposal).isTrue();
        assertThat(proposal.get("legs")).isNotEmpty();
        List<Map<String, Object>> legs = new ArrayList<>();
        for (JsonNode leg : proposal.get("legs")) {
            assertThat(leg.get("preview").get("accepted").asBoolean()).isTrue();
            assertThat(leg.get("preview").get("checks")).hasSize(12);
            assertThat(leg.get("limitPrice").asText()).matches("\\d+(\\.\\d{1,2})?"); // the tick is 0.01
            assertThat(leg.get("quantity").asText()).matches("\\d+"); // whole lots of 1
            legs.add(Map.of("symbol", leg.get("symbol").asText(), "side", leg.get("side").asText(),
                    "quantity", leg.get("quantity").asText(), "limitPrice", leg.get("limitPrice").asText()));
        }

        String clientBasketId = "rebalance-" + UUID.randomUUID().toString().substring(0, 8);
        String place = """
                mutation($in: PlaceBasketInput!) { placeBasket(input: $in) { basketId clientBasketId resend
                  orders { id clientOrderId basketId status symbol } } }""";
        Map<String, Object> basket = Map.of("accountId", "demo-account", "clientBasketId", clientBasketId, "legs", legs);
        JsonNode placed = ok(platform.graphql(integrator, place, Map.of("in", basket)), "placeBasket");
        assertThat(placed.get("resend").asBoolean()).isFalse();
        String basketId = placed.get("basketId").asText();
        assertThat(placed.get("orders")).hasSize(legs.size());
        List<String> ids = new ArrayList<>();
        for (JsonNode order : placed.get("orders")) {
            assertThat(order.get("basketId").asText()).isEqualTo(basketId);
            assertThat(order.get("status").asText()).isNotEqualTo("REJECTED");
            assertThat(order.get("clientOrderId").asText()).startsWith(clientBasketId + "/");
            ids.add(order.get("id").asText());
        }
        JsonNode stored = ok(platform.graphql(integrator, "query($id: ID!) { order(id: $id) { basketId } }",
                Map.of("id", ids.get(0))), "order");
        assertThat(stored.get("basketId").asText()).isEqualTo(basketId);

        JsonNode again = ok(platform.graphql(integrator, place, Map.of("in", basket)), "placeBasket");
        assertThat(again.get("resend").asBoolean()).isTrue();
        List<String> againIds = new ArrayList<>();
        again.get("orders").forEach(order -> againIds.add(order.get("id").asText()));
        assertThat(againIds).isEqualTo(ids);
    }

    @Test
    void a_basket_with_a_failing_leg_is_refused_whole_and_weights_over_one_are_refused() {
        String clientBasketId = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> good = Map.of("symbol", "MSFT", "side", "BUY", "quantity", "1", "limitPrice", "1.00");
        Map<String, Object> tooBig = Map.of("symbol", "AAPL", "side", "BUY", "quantity", "100001", "limitPrice", "1.00");
        GraphQlAnswer refused = platform.graphql(integrator, """
                mutation($in: PlaceBasketInput!) { placeBasket(input: $in) { basketId } }""",
                Map.of("in", Map.of("accountId", "demo-account", "clientBasketId", clientBasketId, "legs", List.of(good, tooBig))));
        assertThat(refused.firstErrorCode()).isEqualTo("PORTFOLIO_BASKET_REJECTED");
        assertThat(refused.errors().get(0).get("message").asText()).contains("leg 1").contains("RISK_MAX_ORDER_QUANTITY");
        JsonNode none = ok(platform.graphql(integrator, "query($c: String!) { ordersByClientOrderId(accountId: \"demo-account\","
                + " clientOrderId: $c) { id } }", Map.of("c", clientBasketId + "/0")), "ordersByClientOrderId");
        assertThat(none).as("the good leg was not placed either").isEmpty();

        Map<String, Object> over = new HashMap<>();
        over.put("accountId", "demo-account");
        over.put("targets", List.of(Map.of("symbol", "AAPL", "weight", 0.6), Map.of("symbol", "MSFT", "weight", 0.6)));
        assertThat(platform.graphql(integrator, "query($in: RebalanceInput!) { rebalanceProposal(input: $in) { approved } }",
                Map.of("in", over)).firstErrorCode()).isEqualTo("PORTFOLIO_WEIGHTS_SUM");
    }
}
