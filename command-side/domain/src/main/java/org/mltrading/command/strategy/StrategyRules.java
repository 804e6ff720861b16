package org.mltrading.command.strategy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mltrading.api.common.Decimals;
import org.mltrading.api.common.Side;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.api.strategy.StrategyErrorCode;
import org.mltrading.api.common.StrategyId;
import org.mltrading.api.strategy.StrategyParameters;
import org.mltrading.api.strategy.StrategyRejection;

/**
 * The paper strategy's rules as pure functions: which parameters are acceptable, which position a
 * forecast asks for, how far one order moves towards it, and the order's idempotency key.
 */
final class StrategyRules {

    /** A rule of the parameters: the rejection if they break it. */
    interface ParameterRule {
        Optional<StrategyRejection> check(StrategyParameters parameters);
    }

    static final List<ParameterRule> PARAMETER_RULES = List.of(
            StrategyRules::orderQuantityIsPositive,
            StrategyRules::maxPositionCoversOneOrder,
            StrategyRules::thresholdIsFiniteAndNotNegative);

    /** What to do on one prediction: an order of {@code quantity} units on {@code side}, aiming at {@code target}. */
    record Decision(Side side, BigDecimal quantity, BigDecimal target) {
    }

    private StrategyRules() {
    }

    static Optional<StrategyRejection> firstViolation(StrategyParameters parameters) {
        for (ParameterRule rule : PARAMETER_RULES) {
            Optional<StrategyRejection> rejection = rule.check(parameters);
            if (rejection.isPresent()) {
                return rejection;
            }
        }
        return Optional.empty();
    }

    static Optional<StrategyRejection> orderQuantityIsPositive(StrategyParameters parameters) {
        return parameters.orderQuantity().signum() > 0 ? Optional.empty()
                : reject("orderQuantity must be greater than 0");
    }

    static Optional<StrategyRejection> maxPositionCoversOneOrder(StrategyParameters parameters) {
        return parameters.maxPosition().compareTo(parameters.orderQuantity()) >= 0 ? Optional.empty()
                : reject("maxPosition must be at least orderQuantity");
    }

    static Optional<StrategyRejection> thresholdIsFiniteAndNotNegative(StrategyParameters parameters) {
        double threshold = parameters.entryThreshold();
        return Double.isFinite(threshold) && threshold >= 0 ? Optional.empty()
                : reject("entryThreshold must be a finite fraction ≥ 0");
    }

    /**
     * The position a forecast asks for: the cap long above the threshold, the cap short (or flat when
     * long only) below its negative; inside the band, none — the strategy keeps what it has, so a
     * forecast hovering around zero does not make it trade back and forth.
     */
    static Optional<BigDecimal> target(StrategyParameters parameters, double forecast) {
        if (forecast > parameters.entryThreshold()) {
            return Optional.of(parameters.maxPosition());
        }
        if (forecast < -parameters.entryThreshold()) {
            return Optional.of(parameters.longOnly() ? BigDecimal.ZERO : parameters.maxPosition().negate());
        }
        return Optional.empty();
    }

    /**
     * The order for one forecast, given the strategy's filled position and what its open orders will
     * still add (both signed units). The gap to the target is closed by at most {@code orderQuantity}
     * per prediction; counting open orders keeps the strategy from ordering the same units twice
     * while a previous order is still on its way.
     */
    static Optional<Decision> decide(StrategyParameters parameters, BigDecimal position, BigDecimal openQuantity,
                                     double forecast) {
        return target(parameters, forecast).flatMap(target -> {
            BigDecimal gap = target.subtract(position).subtract(openQuantity);
            if (gap.signum() == 0) {
                return Optional.empty();
            }
            BigDecimal quantity = Decimals.normalised(gap.abs().min(parameters.orderQuantity()));
            return Optional.of(new Decision(gap.signum() > 0 ? Side.BUY : Side.SELL, quantity,
                    Decimals.normalised(target)));
        });
    }

    /**
     * The clientOrderId of the order decided on a prediction: a name-based UUID of (strategy, prediction),
     * so a decision replayed after a restart targets the same Order aggregate and is placed once.
     */
    static String clientOrderId(StrategyId strategyId, String predictionId) {
        String key = "strategy:" + strategyId.value() + "\u0000" + predictionId;
        return "strategy-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A prediction is traded only while it is fresh: within two bars of the interval it forecasts, or a
     * minute, whichever is longer. An older one (e.g. delivered late after a restart) is skipped: the
     * market it forecast has moved on.
     */
    static Duration maxPredictionAge(BarInterval interval) {
        Duration twoBars = interval.length().multipliedBy(2);
        return twoBars.compareTo(Duration.ofMinutes(1)) > 0 ? twoBars : Duration.ofMinutes(1);
    }

    private static Optional<StrategyRejection> reject(String message) {
        return Optional.of(new StrategyRejection(StrategyErrorCode.STRATEGY_INVALID_INPUT, message));
    }
}
