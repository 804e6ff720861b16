package org.mltrading.command.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.mltrading.api.order.OrderErrorCode;
import org.mltrading.api.order.OrderRejection;
import org.mltrading.api.order.OrderTerms;
import org.mltrading.api.order.PlaceOrderCommand;
import org.mltrading.api.order.TimeInForce;

/**
 * Input rules of a new order, as a list of named policies. A violation refuses the command before any
 * event is stored; the rejection travels as {@link CommandExecutionException} details so the GraphQL
 * edge can answer with its code in any deployment.
 */
final class OrderPolicies {

    /** A rule: the rejection if the terms break it. */
    interface OrderPolicy {
        Optional<OrderRejection> check(OrderTerms terms, Instant now);
    }

    static final List<OrderPolicy> INPUT_RULES = List.of(
            OrderPolicies::quantityIsPositive,
            OrderPolicies::limitPriceWhereNeeded,
            OrderPolicies::stopPriceWhereNeeded,
            OrderPolicies::pricesArePositive,
            OrderPolicies::goodTillDateHasFutureExpiry);

    private OrderPolicies() {
    }

    static void validate(PlaceOrderCommand command, Instant now) {
        if (command.clientOrderId() == null || command.clientOrderId().isBlank()
                || command.clientOrderId().length() > 64) {
            throw refused(new OrderRejection(OrderErrorCode.ORDER_INVALID_CLIENT_ORDER_ID,
                    "clientOrderId must be 1 to 64 characters"));
        }
        for (OrderPolicy rule : INPUT_RULES) {
            rule.check(command.terms(), now).ifPresent(rejection -> {
                throw refused(rejection);
            });
        }
    }

    static CommandExecutionException refused(OrderRejection rejection) {
        return new CommandExecutionException(rejection.message(), null, rejection);
    }

    static Optional<OrderRejection> quantityIsPositive(OrderTerms terms, Instant now) {
        return terms.quantity().signum() > 0 ? Optional.empty()
                : reject(OrderErrorCode.ORDER_INVALID_QUANTITY, "quantity must be greater than 0");
    }

    static Optional<OrderRejection> limitPriceWhereNeeded(OrderTerms terms, Instant now) {
        return terms.type().needsLimitPrice() && terms.limitPrice() == null
                ? reject(OrderErrorCode.ORDER_LIMIT_PRICE_REQUIRED, terms.type() + " orders need a limitPrice")
                : Optional.empty();
    }

    static Optional<OrderRejection> stopPriceWhereNeeded(OrderTerms terms, Instant now) {
        return terms.type().needsStopPrice() && terms.stopPrice() == null
                ? reject(OrderErrorCode.ORDER_STOP_PRICE_REQUIRED, terms.type() + " orders need a stopPrice")
                : Optional.empty();
    }

    static Optional<OrderRejection> pricesArePositive(OrderTerms terms, Instant now) {
        return isNotPositive(terms.limitPrice()) || isNotPositive(terms.stopPrice())
                ? reject(OrderErrorCode.ORDER_INVALID_PRICE, "prices must be greater than 0")
                : Optional.empty();
    }

    static Optional<OrderRejection> goodTillDateHasFutureExpiry(OrderTerms terms, Instant now) {
        if (terms.timeInForce() != TimeInForce.GTD) {
            return Optional.empty();
        }
        if (terms.expireAt() == null) {
            return reject(OrderErrorCode.ORDER_EXPIRE_AT_REQUIRED, "GTD orders need an expireAt");
        }
        return terms.expireAt().isAfter(now) ? Optional.empty()
                : reject(OrderErrorCode.ORDER_EXPIRE_AT_IN_PAST, "expireAt must be in the future");
    }

    private static boolean isNotPositive(BigDecimal price) {
        return price != null && price.signum() <= 0;
    }

    private static Optional<OrderRejection> reject(OrderErrorCode code, String message) {
        return Optional.of(new OrderRejection(code, message));
    }
}
