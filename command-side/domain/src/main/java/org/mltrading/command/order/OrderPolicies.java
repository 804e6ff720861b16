package org.mltrading.command.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mltrading.api.common.Decimals;
import org.axonframework.commandhandling.CommandExecutionException;
import org.mltrading.api.order.AmendOrderCommand;
import org.mltrading.api.order.OrderErrorCode;
import org.mltrading.api.order.OrderInputRules;
import org.mltrading.api.order.OrderRejection;
import org.mltrading.api.order.OrderStatus;
import org.mltrading.api.order.OrderTerms;
import org.mltrading.api.order.PlaceOrderCommand;
import org.mltrading.api.order.RecordFillCommand;
import org.mltrading.api.order.TimeInForce;

/**
 * Rules of an order, as lists of named policies. A violation refuses the command before any event is
 * stored; the rejection travels as {@link CommandExecutionException} details so the GraphQL edge (or
 * a saga) can act on its code in any deployment.
 */
final class OrderPolicies {

    /** A rule of an amendment: the rejection if it breaks it, given the current terms and what is filled. */
    interface AmendPolicy {
        Optional<OrderRejection> check(AmendOrderCommand amend, OrderTerms current, BigDecimal filledQuantity);
    }

    /** A rule of a fill report: the rejection if it breaks it, given what is still working. */
    interface FillPolicy {
        Optional<OrderRejection> check(RecordFillCommand fill, BigDecimal leavesQuantity);
    }

    static final List<AmendPolicy> AMEND_RULES = List.of(
            OrderPolicies::amendedQuantityIsPositive,
            OrderPolicies::amendedQuantityExceedsFilled,
            OrderPolicies::limitPriceOnlyWhereUsed,
            OrderPolicies::stopPriceOnlyWhereUsed,
            OrderPolicies::amendedPricesArePositive);

    static final List<FillPolicy> FILL_RULES = List.of(
            OrderPolicies::fillHasAnId,
            OrderPolicies::fillQuantityIsPositive,
            OrderPolicies::fillQuantityWithinLeaves,
            OrderPolicies::fillPriceIsPositive);

    /** Where each lifecycle command may start from; anything else is refused (see {@link #requireStatus}). */
    enum Transition {
        ACCEPT(EnumSet.of(OrderStatus.PENDING)),
        REJECT(EnumSet.of(OrderStatus.PENDING)),
        FILL(EnumSet.of(OrderStatus.WORKING, OrderStatus.PARTIALLY_FILLED)),
        CANCEL(EnumSet.of(OrderStatus.PENDING, OrderStatus.WORKING, OrderStatus.PARTIALLY_FILLED)),
        AMEND(EnumSet.of(OrderStatus.WORKING, OrderStatus.PARTIALLY_FILLED)),
        EXPIRE(EnumSet.of(OrderStatus.WORKING, OrderStatus.PARTIALLY_FILLED));

        private final Set<OrderStatus> from;

        Transition(Set<OrderStatus> from) {
            this.from = from;
        }

        boolean allowedFrom(OrderStatus status) {
            return from.contains(status);
        }
    }

    private OrderPolicies() {
    }

    static void validate(PlaceOrderCommand command, Instant now) {
        OrderInputRules.firstViolation(command.clientOrderId(), command.terms(), now).ifPresent(rejection -> {
            throw refused(rejection);
        });
    }

    static void validate(AmendOrderCommand command, OrderTerms current, BigDecimal filledQuantity) {
        for (AmendPolicy rule : AMEND_RULES) {
            rule.check(command, current, filledQuantity).ifPresent(rejection -> {
                throw refused(rejection);
            });
        }
    }

    static void validate(RecordFillCommand command, BigDecimal leavesQuantity) {
        for (FillPolicy rule : FILL_RULES) {
            rule.check(command, leavesQuantity).ifPresent(rejection -> {
                throw refused(rejection);
            });
        }
    }

    /**
     * Refuses a lifecycle command from a status it may not start from. A terminal or not-yet-working
     * order answers ORDER_NOT_WORKING; accepting or rejecting an order that already works answers
     * ORDER_ALREADY_ACCEPTED. The message names the status, e.g. {@code order is FILLED}.
     */
    static void requireStatus(Transition transition, OrderStatus status) {
        if (transition.allowedFrom(status)) {
            return;
        }
        boolean alreadyAccepted = (transition == Transition.ACCEPT || transition == Transition.REJECT)
                && !status.isTerminal();
        throw refused(new OrderRejection(
                alreadyAccepted ? OrderErrorCode.ORDER_ALREADY_ACCEPTED : OrderErrorCode.ORDER_NOT_WORKING,
                "order is " + status));
    }

    /** Only orders that live until a time expire: DAY (00:00 UTC) and GTD (expireAt). */
    static void requireExpirable(OrderTerms terms) {
        if (terms.timeInForce() != TimeInForce.DAY && terms.timeInForce() != TimeInForce.GTD) {
            throw refused(new OrderRejection(OrderErrorCode.ORDER_NOT_EXPIRABLE,
                    terms.timeInForce() + " orders do not expire"));
        }
    }

    static CommandExecutionException refused(OrderRejection rejection) {
        return new CommandExecutionException(rejection.message(), null, rejection);
    }

    // --- an amendment (null keeps the current value) -----------------------------------------------

    static Optional<OrderRejection> amendedQuantityIsPositive(AmendOrderCommand amend, OrderTerms current,
                                                              BigDecimal filledQuantity) {
        return amend.quantity() != null && amend.quantity().signum() <= 0
                ? reject(OrderErrorCode.ORDER_INVALID_QUANTITY, "quantity must be greater than 0")
                : Optional.empty();
    }

    static Optional<OrderRejection> amendedQuantityExceedsFilled(AmendOrderCommand amend, OrderTerms current,
                                                                 BigDecimal filledQuantity) {
        return amend.quantity() != null && amend.quantity().compareTo(filledQuantity) <= 0
                ? reject(OrderErrorCode.ORDER_INVALID_QUANTITY,
                        "quantity must be greater than the filled quantity " + Decimals.plain(filledQuantity))
                : Optional.empty();
    }

    static Optional<OrderRejection> limitPriceOnlyWhereUsed(AmendOrderCommand amend, OrderTerms current,
                                                            BigDecimal filledQuantity) {
        return amend.limitPrice() != null && !current.type().needsLimitPrice()
                ? reject(OrderErrorCode.ORDER_INVALID_PRICE, current.type() + " orders take no limitPrice")
                : Optional.empty();
    }

    static Optional<OrderRejection> stopPriceOnlyWhereUsed(AmendOrderCommand amend, OrderTerms current,
                                                           BigDecimal filledQuantity) {
        return amend.stopPrice() != null && !current.type().needsStopPrice()
                ? reject(OrderErrorCode.ORDER_INVALID_PRICE, current.type() + " orders take no stopPrice")
                : Optional.empty();
    }

    static Optional<OrderRejection> amendedPricesArePositive(AmendOrderCommand amend, OrderTerms current,
                                                             BigDecimal filledQuantity) {
        return isNotPositive(amend.limitPrice()) || isNotPositive(amend.stopPrice())
                ? reject(OrderErrorCode.ORDER_INVALID_PRICE, "prices must be greater than 0")
                : Optional.empty();
    }

    // --- a fill report -----------------------------------------------------------------------------

    static Optional<OrderRejection> fillHasAnId(RecordFillCommand fill, BigDecimal leavesQuantity) {
        return fill.fillId() == null || fill.fillId().isBlank()
                ? reject(OrderErrorCode.ORDER_INVALID_FILL, "a fill needs a fillId")
                : Optional.empty();
    }

    static Optional<OrderRejection> fillQuantityIsPositive(RecordFillCommand fill, BigDecimal leavesQuantity) {
        return fill.quantity() == null || fill.quantity().signum() <= 0
                ? reject(OrderErrorCode.ORDER_INVALID_QUANTITY, "fill quantity must be greater than 0")
                : Optional.empty();
    }

    static Optional<OrderRejection> fillQuantityWithinLeaves(RecordFillCommand fill, BigDecimal leavesQuantity) {
        return fill.quantity().compareTo(leavesQuantity) > 0
                ? reject(OrderErrorCode.ORDER_INVALID_QUANTITY, "fill quantity " + Decimals.plain(fill.quantity())
                        + " exceeds leaves quantity " + Decimals.plain(leavesQuantity))
                : Optional.empty();
    }

    static Optional<OrderRejection> fillPriceIsPositive(RecordFillCommand fill, BigDecimal leavesQuantity) {
        return fill.price() == null || fill.price().signum() <= 0
                ? reject(OrderErrorCode.ORDER_INVALID_PRICE, "fill price must be greater than 0")
                : Optional.empty();
    }

    private static boolean isNotPositive(BigDecimal price) {
        return price != null && price.signum() <= 0;
    }

    private static Optional<OrderRejection> reject(OrderErrorCode code, String message) {
        return Optional.of(new OrderRejection(code, message));
    }
}
