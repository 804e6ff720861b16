package org.mltrading.command.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mltrading.api.common.Side;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.api.strategy.StrategyErrorCode;
import org.mltrading.api.common.StrategyId;
import org.mltrading.api.strategy.StrategyParameters;
import org.mltrading.api.strategy.StrategyRejection;

class StrategyRulesTest {

    private static StrategyParameters parameters(String orderQuantity, String maxPosition, double threshold,
                                                 boolean longOnly) {
        return new StrategyParameters(new BigDecimal(orderQuantity), new BigDecimal(maxPosition), threshold, longOnly);
    }

    @ParameterizedTest(name = "forecast {0}, position {1}, open {2}, long only {3} -> {4} {5} towards {6}")
    @CsvSource(nullValues = "none", value = {
            // above the threshold: towards +10, at most 4 per order
            "0.0010, 0, 0, false, BUY, 4, 10",
            "0.0010, 8, 0, false, BUY, 2, 10",
            // open orders count: 6 filled + 4 on the way is the target already
            "0.0010, 6, 4, false, none, none, none",
            "0.0010, 10, 0, false, none, none, none",
            // below minus the threshold: towards -10, or flat when long only
            "-0.0010, 0, 0, false, SELL, 4, -10",
            "-0.0010, 3, 0, true, SELL, 3, 0",
            "-0.0010, 0, 0, true, none, none, none",
            // an open sell already covers the way down
            "-0.0010, 2, -2, true, none, none, none",
            // inside the band: keep what there is
            "0.0004, 7, 0, false, none, none, none",
            "-0.0005, -7, 0, false, none, none, none",
            // above the cap (e.g. fills beyond what was decided): back towards it
            "0.0010, 12, 0, false, SELL, 2, 10"
    })
    void a_forecast_moves_the_position_towards_the_capped_target_one_order_size_at_a_time(
            double forecast, String position, String open, boolean longOnly, Side side, String quantity, String target) {
        Optional<StrategyRules.Decision> decision = StrategyRules.decide(parameters("4", "10", 0.0005, longOnly),
                new BigDecimal(position), new BigDecimal(open), forecast);

        if (side == null) {
            assertThat(decision).isEmpty();
        } else {
            assertThat(decision).contains(new StrategyRules.Decision(side, new BigDecimal(quantity), new BigDecimal(target)));
        }
    }

    @Test
    void a_zero_threshold_trades_on_the_sign_of_the_forecast_and_not_on_zero() {
        StrategyParameters anyEdge = parameters("1", "1", 0.0, false);
        assertThat(StrategyRules.decide(anyEdge, BigDecimal.ZERO, BigDecimal.ZERO, 1e-9))
                .map(StrategyRules.Decision::side).contains(Side.BUY);
        assertThat(StrategyRules.decide(anyEdge, BigDecimal.ZERO, BigDecimal.ZERO, -1e-9))
                .map(StrategyRules.Decision::side).contains(Side.SELL);
        assertThat(StrategyRules.decide(anyEdge, BigDecimal.ZERO, BigDecimal.ZERO, 0.0)).isEmpty();
    }

    @Test
    void fractional_lots_keep_their_exact_decimal_quantity() {
        StrategyParameters crypto = parameters("0.25", "0.6", 0.0, false);
        assertThat(StrategyRules.decide(crypto, new BigDecimal("0.5"), BigDecimal.ZERO, 0.01))
                .contains(new StrategyRules.Decision(Side.BUY, new BigDecimal("0.1"), new BigDecimal("0.6")));
    }

    @ParameterizedTest(name = "order {0}, cap {1}, threshold {2} -> {3}")
    @CsvSource({
            "0, 10, 0.001, orderQuantity must be greater than 0",
            "-1, 10, 0.001, orderQuantity must be greater than 0",
            "5, 4, 0.001, maxPosition must be at least orderQuantity",
            "5, 10, -0.001, entryThreshold must be a finite fraction ≥ 0",
            "5, 10, NaN, entryThreshold must be a finite fraction ≥ 0"
    })
    void parameters_that_cannot_trade_sensibly_are_refused(String orderQuantity, String maxPosition, double threshold,
                                                            String message) {
        assertThat(StrategyRules.firstViolation(parameters(orderQuantity, maxPosition, threshold, false)))
                .contains(new StrategyRejection(StrategyErrorCode.STRATEGY_INVALID_INPUT, message));
    }

    @Test
    void sound_parameters_pass() {
        assertThat(StrategyRules.firstViolation(parameters("5", "5", 0.0, true))).isEmpty();
    }

    @Test
    void the_client_order_id_is_the_same_for_the_same_strategy_and_prediction_and_differs_otherwise() {
        StrategyId one = new StrategyId("2f1c6b1e-9b7e-4c2a-8a0e-6f2d0c1b9a11");
        StrategyId two = new StrategyId("0b0f5f7a-3c51-4d8e-9d5c-1e9a7b2c4d33");
        String id = StrategyRules.clientOrderId(one, "prediction-1");

        assertThat(StrategyRules.clientOrderId(one, "prediction-1")).isEqualTo(id);
        assertThat(StrategyRules.clientOrderId(one, "prediction-2")).isNotEqualTo(id);
        assertThat(StrategyRules.clientOrderId(two, "prediction-1")).isNotEqualTo(id);
        // within the 64 characters a clientOrderId may have
        assertThat(id).startsWith("strategy-").hasSizeLessThanOrEqualTo(64);
    }

    @Test
    void a_prediction_stays_tradable_for_two_bars_or_a_minute_whichever_is_longer() {
        assertThat(StrategyRules.maxPredictionAge(BarInterval.ONE_SECOND)).isEqualTo(Duration.ofMinutes(1));
        assertThat(StrategyRules.maxPredictionAge(BarInterval.FIVE_MINUTES)).isEqualTo(Duration.ofMinutes(10));
    }
}
