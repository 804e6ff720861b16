package org.mltrading.ops.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mltrading.ops.testing.RunningPlatform;

/**
 * optimizePortfolio and efficientFrontier as an integrator calls them, over the warm-start history of the
 * shared platform (every simulated instrument has stored one-minute bars from its first start).
 */
class PortfolioOptimizationIT {

    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "NVDA", "SPY");
    private static final String OPTIMIZE = """
            query($in: OptimizePortfolioInput!) { optimizePortfolio(input: $in) {
              objective expectedReturn volatility sharpeRatio equalWeightVolatility shrinkage expectedReturnSource
              interval from to observations periodsPerYear turnover
              weights { symbol weight riskContribution expectedReturn volatility currentWeight } } }""";

    private static RunningPlatform platform;
    private static String integrator;

    @BeforeAll
    static void platform() {
        platform = RunningPlatform.shared();
        integrator = platform.integratorToken();
    }

    private static RunningPlatform.GraphQlAnswer optimize(Map<String, Object> input) {
        return platform.graphql(integrator, OPTIMIZE, Map.of("in", input));
    }

    private static JsonNode optimized(Map<String, Object> input) {
        RunningPlatform.GraphQlAnswer answer = optimize(input);
        assertThat(answer.errors()).as(answer.body().toString()).isNull();
        return answer.data().get("optimizePortfolio");
    }

    /** A window of closed bars, the same in every call of a test (the live bar would move between calls). */
    private static final java.time.Instant TO = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
            .minus(java.time.Duration.ofMinutes(2));

    private static Map<String, Object> input(String objective) {
        Map<String, Object> input = new HashMap<>();
        input.put("symbols", SYMBOLS);
        input.put("objective", objective);
        input.put("from", TO.minus(java.time.Duration.ofDays(5)).toString());
        input.put("to", TO.toString());
        return input;
    }

    private static double sum(JsonNode weights, String field) {
        double sum = 0;
        for (JsonNode line : weights) {
            sum += line.get(field).asDouble();
        }
        return sum;
    }

    @Test
    void minimum_variance_over_four_instruments_sums_to_one_and_is_no_riskier_than_any_of_them() {
        JsonNode result = optimized(input("MIN_VARIANCE"));
        JsonNode weights = result.get("weights");
        assertThat(weights).hasSize(4);
        assertThat(sum(weights, "weight")).isCloseTo(1, within(1e-6));
        assertThat(sum(weights, "riskContribution")).isCloseTo(1, within(1e-6));
        double volatility = result.get("volatility").asDouble();
        assertThat(volatility).isPositive();
        for (JsonNode line : weights) {
            assertThat(line.get("weight").asDouble()).as("long only").isGreaterThanOrEqualTo(0);
            assertThat(volatility).as(line.get("symbol").asText()).isLessThanOrEqualTo(line.get("volatility").asDouble());
        }
        assertThat(volatility).isLessThanOrEqualTo(result.get("equalWeightVolatility").asDouble() + 1e-12);
        assertThat(result.get("interval").asText()).isEqualTo("ONE_MINUTE");
        assertThat(result.get("observations").asInt()).isGreaterThanOrEqualTo(20);
        assertThat(result.get("shrinkage").asDouble()).isBetween(0.0, 1.0);
        assertThat(result.get("periodsPerYear").asDouble()).isGreaterThan(100_000); // one-minute bars, around the clock
    }

    @Test
    void risk_parity_equalises_contributions_and_every_objective_answers() {
        JsonNode parity = optimized(input("RISK_PARITY"));
        for (JsonNode line : parity.get("weights")) {
            assertThat(line.get("riskContribution").asDouble()).isCloseTo(0.25, within(1e-6));
        }
        JsonNode equal = optimized(input("EQUAL_WEIGHT"));
        for (JsonNode line : equal.get("weights")) {
            assertThat(line.get("weight").asDouble()).isCloseTo(0.25, within(1e-12));
        }
        assertThat(equal.get("volatility").asDouble()).isCloseTo(equal.get("equalWeightVolatility").asDouble(), within(1e-12));

        Map<String, Object> capped = input("MEAN_VARIANCE");
        capped.put("riskAversion", 5.0);
        capped.put("maxWeight", 0.4);
        capped.put("cashBuffer", 0.1);
        JsonNode meanVariance = optimized(capped);
        assertThat(sum(meanVariance.get("weights"), "weight")).isCloseTo(0.9, within(1e-6));
        for (JsonNode line : meanVariance.get("weights")) {
            assertThat(line.get("weight").asDouble()).isBetween(-1e-9, 0.4 + 1e-9);
        }

        Map<String, Object> longShort = input("MIN_VARIANCE");
        longShort.put("longOnly", false);
        longShort.put("maxGrossExposure", 1.5);
        JsonNode free = optimized(longShort);
        assertThat(sum(free.get("weights"), "weight")).isCloseTo(1, within(1e-6));
        double gross = 0;
        for (JsonNode line : free.get("weights")) {
            gross += Math.abs(line.get("weight").asDouble());
        }
        assertThat(gross).isLessThanOrEqualTo(1.5 + 1e-6);
    }

    @Test
    void the_efficient_frontier_rises_in_return_and_risk_from_the_minimum_variance_portfolio() {
        RunningPlatform.GraphQlAnswer answer = platform.graphql(integrator, """
                query($in: OptimizePortfolioInput!) { efficientFrontier(input: $in, points: 8) {
                  observations points { expectedReturn volatility sharpeRatio weights { symbol weight } } } }""",
                Map.of("in", input("MIN_VARIANCE")));
        assertThat(answer.errors()).as(answer.body().toString()).isNull();
        JsonNode points = answer.data().get("efficientFrontier").get("points");
        assertThat(points.size()).isBetween(2, 8);
        double minimum = optimized(input("MIN_VARIANCE")).get("volatility").asDouble();
        assertThat(points.get(0).get("volatility").asDouble()).isCloseTo(minimum, within(1e-6));
        for (int i = 1; i < points.size(); i++) {
            assertThat(points.get(i).get("expectedReturn").asDouble())
                    .isGreaterThanOrEqualTo(points.get(i - 1).get("expectedReturn").asDouble() - 1e-9);
            assertThat(points.get(i).get("volatility").asDouble()).isGreaterThanOrEqualTo(minimum - 1e-9);
        }
    }

    @Test
    void bad_input_is_answered_with_a_coded_reason() {
        Map<String, Object> unknown = input("MIN_VARIANCE");
        unknown.put("symbols", List.of("AAPL", "NOPE"));
        assertThat(optimize(unknown).firstErrorCode()).isEqualTo("PORTFOLIO_UNKNOWN_INSTRUMENT");

        Map<String, Object> one = input("MIN_VARIANCE");
        one.put("symbols", List.of("AAPL"));
        assertThat(optimize(one).firstErrorCode()).isEqualTo("PORTFOLIO_INVALID_INPUT");

        Map<String, Object> infeasible = input("MIN_VARIANCE");
        infeasible.put("maxWeight", 0.2); // four instruments at most 20 % each cannot make 100 %
        RunningPlatform.GraphQlAnswer refused = optimize(infeasible);
        assertThat(refused.firstErrorCode()).isEqualTo("PORTFOLIO_INFEASIBLE");
        assertThat(refused.errors().get(0).get("message").asText()).contains("constraints");

        Map<String, Object> ancient = input("MIN_VARIANCE");
        ancient.put("from", "2001-01-01T00:00:00Z");
        ancient.put("to", "2001-01-03T00:00:00Z");
        assertThat(optimize(ancient).firstErrorCode()).isEqualTo("PORTFOLIO_TOO_LITTLE_HISTORY");

        Map<String, Object> turnover = input("MIN_VARIANCE");
        turnover.put("maxTurnover", 0.1);
        assertThat(optimize(turnover).firstErrorCode()).isEqualTo("PORTFOLIO_INVALID_INPUT");

        Map<String, Object> parity = input("RISK_PARITY");
        parity.put("maxWeight", 0.3);
        assertThat(optimize(parity).firstErrorCode()).isEqualTo("PORTFOLIO_INVALID_INPUT");

        Map<String, Object> someoneElse = input("MIN_VARIANCE");
        someoneElse.put("accountId", "nobody-account");
        assertThat(optimize(someoneElse).firstErrorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void turnover_against_the_demo_accounts_holdings_is_capped() {
        Map<String, Object> free = input("MIN_VARIANCE");
        free.put("accountId", "demo-account");
        JsonNode unconstrained = optimized(free);
        double freeTurnover = unconstrained.get("turnover").asDouble();
        assertThat(freeTurnover).isPositive();
        Map<String, Object> capped = input("MIN_VARIANCE");
        capped.put("accountId", "demo-account");
        capped.put("cashBuffer", 0.0);
        capped.put("maxTurnover", freeTurnover + 1); // a cap that does not bind answers the same weights
        JsonNode same = optimized(capped);
        for (int i = 0; i < 4; i++) {
            assertThat(same.get("weights").get(i).get("weight").asDouble())
                    .isCloseTo(unconstrained.get("weights").get(i).get("weight").asDouble(), within(1e-6));
        }
    }
}
