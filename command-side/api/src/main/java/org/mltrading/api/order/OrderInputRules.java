package org.mltrading.api.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rules of a new order's input, as named policies. They live in the published language so that
 * the Order aggregate (which refuses a {@link PlaceOrderCommand} that breaks them) and the GraphQL edge
 * (which refuses a preview of such an order, where no Order aggregate is involved) apply the very same
 * rules with the same codes and messages.
 */
public final class OrderInputRules {

    /** A rule of a new order: the rejection if the terms break it. */
    @FunctionalInterface
    public interface Rule {
        Optional<OrderRejection> check(OrderTerms terms, Instant now);
    }

    /** In the order they are checked; the first broken one is the answer. */
    public static final List<Rule> TERMS_RULES = List.of(
            OrderInputRules::quantityIsPositive,
            OrderInputRules::limitPriceWhereNeeded,
            OrderInputRules::stopPriceWhereNeeded,
            OrderInputRules::pricesArePositive,
            OrderInputRules::goodTillDateHasFutureExpiry);

    private OrderInputRules() {
    }

    /** The first broken rule of a new order (its clientOrderId, then its terms), or empty. */
    public static Optional<OrderRejection> firstViolation(String clientOrderId, OrderTerms terms, Instant now) {
        Optional<OrderRejection> id = clientOrderIdIsValid(clientOrderId);
        if (id.isPresent()) {
            return id;
        }
        for (Rule rule : TERMS_RULES) {
            Optional<OrderRejection> rejection = rule.check(terms, now);
            if (rejection.isPresent()) {
                return rejection;
            }
        }
        return Optional.empty();
    }

    public static Optional<OrderRejection> clientOrderIdIsValid(String clientOrderId) {
        return clientOrderId == null || clientOrderId.isBlank() || clientOrderId.length() > 64
                ? reject(OrderErrorCode.ORDER_INVALID_CLIENT_ORDER_ID, "clientOrderId must be 1 to 64 characters")
                : Optional.empty();
    }

    public static Optional<OrderRejection> quantityIsPositive(OrderTerms terms, Instant now) {
        return terms.quantity().signum() > 0 ? Optional.empty()
                : reject(OrderErrorCode.ORDER_INVALID_QUANTITY, "quantity must be greater than 0");
    }

    public static Optional<OrderRejection> limitPriceWhereNeeded(OrderTerms terms, Instant now) {
        return terms.type().needsLimitPrice() && terms.limitPrice() == null
                ? reject(OrderErrorCode.ORDER_LIMIT_PRICE_REQUIRED, terms.type() + " orders need a limitPrice")
                : Optional.empty();
    }

    public static Optional<OrderRejection> stopPriceWhereNeeded(OrderTerms terms, Instant now) {
        return terms.type().needsStopPrice() && terms.stopPrice() == null
                ? reject(OrderErrorCode.ORDER_STOP_PRICE_REQUIRED, terms.type() + " orders need a stopPrice")
                : Optional.empty();
    }

    public static Optional<OrderRejection> pricesArePositive(OrderTerms terms, Instant now) {
        return isNotPositive(terms.limitPrice()) || isNotPositive(terms.stopPrice())
                ? reject(OrderErrorCode.ORDER_INVALID_PRICE, "prices must be greater than 0")
                : Optional.empty();
    }

    public static Optional<OrderRejection> goodTillDateHasFutureExpiry(OrderTerms terms, Instant now) {
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
