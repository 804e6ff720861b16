package org.mltrading.command.account;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandExecutionException;
import org.mltrading.api.account.RiskErrorCode;
import org.mltrading.api.account.RiskLimits;
import org.mltrading.api.account.RiskRejection;
import org.mltrading.api.account.TradingState;

/**
 * Pre-trade risk as a list of named policies, checked in order; the first breach is the verdict, so
 * the rejection names the most fundamental reason (a halted account is "halted", not "over the
 * notional limit"). Reasons say the numbers. Also the rules a set of limits must obey.
 */
final class RiskPolicies {

    /** A pre-trade rule: the rejection if the order breaks it on this account. */
    interface PreTradePolicy {
        Optional<RiskRejection> check(PreTradeOrder order, AccountExposure account);
    }

    /** A rule of a set of limits: the rejection if they break it. */
    interface LimitsPolicy {
        Optional<RiskRejection> check(RiskLimits limits);
    }

    static final List<PreTradePolicy> PRE_TRADE_CHECKS = List.of(
            RiskPolicies::tradingIsNotHalted,
            RiskPolicies::reduceOnlyOrdersShrinkThePosition,
            RiskPolicies::symbolIsNotRestricted,
            RiskPolicies::marketPriceIsKnown,
            RiskPolicies::orderNotionalWithinLimit,
            RiskPolicies::positionWithinLimit,
            RiskPolicies::grossExposureWithinLimit,
            RiskPolicies::dailyLossNotReached,
            RiskPolicies::orderRateWithinLimit);

    static final List<LimitsPolicy> LIMIT_RULES = List.of(
            positive("maxOrderNotional", RiskLimits::maxOrderNotional),
            positive("maxPositionPerInstrument", RiskLimits::maxPositionPerInstrument),
            positive("maxGrossExposure", RiskLimits::maxGrossExposure),
            positive("maxDailyLoss", RiskLimits::maxDailyLoss),
            limits -> limits.maxOrdersPerSecond() > 0 ? Optional.empty()
                    : reject(RiskErrorCode.RISK_INVALID_LIMITS, "maxOrdersPerSecond must be greater than 0"));

    private RiskPolicies() {
    }

    /** The first breach among {@link #PRE_TRADE_CHECKS}, or empty when the order passes them all. */
    static Optional<RiskRejection> firstBreach(PreTradeOrder order, AccountExposure account) {
        for (PreTradePolicy policy : PRE_TRADE_CHECKS) {
            Optional<RiskRejection> breach = policy.check(order, account);
            if (breach.isPresent()) {
                return breach;
            }
        }
        return Optional.empty();
    }

    /** Refuses invalid limits before any event is stored. */
    static void validate(RiskLimits limits) {
        if (limits == null) {
            throw refused(new RiskRejection(RiskErrorCode.RISK_INVALID_LIMITS, "limits are required"));
        }
        for (LimitsPolicy rule : LIMIT_RULES) {
            rule.check(limits).ifPresent(rejection -> {
                throw refused(rejection);
            });
        }
    }

    static CommandExecutionException refused(RiskRejection rejection) {
        return new CommandExecutionException(rejection.message(), null, rejection);
    }

    // --- pre-trade checks, in the order they run ---------------------------------------------------

    static Optional<RiskRejection> tradingIsNotHalted(PreTradeOrder order, AccountExposure account) {
        return account.tradingState() == TradingState.HALTED
                ? reject(RiskErrorCode.RISK_TRADING_HALTED, "trading is halted on this account")
                : Optional.empty();
    }

    /**
     * Reduce-only lets an order through only if it trades against the position and, together with the
     * open orders on the same side, does not go through zero.
     */
    static Optional<RiskRejection> reduceOnlyOrdersShrinkThePosition(PreTradeOrder order, AccountExposure account) {
        if (account.tradingState() != TradingState.REDUCE_ONLY) {
            return Optional.empty();
        }
        BigDecimal position = account.position(order.symbol()).quantity();
        BigDecimal open = account.openQuantity(order.symbol(), order.side());
        boolean reduces = position.signum() != 0 && order.signedQuantity().signum() == -position.signum()
                && open.add(order.quantity()).compareTo(position.abs()) <= 0;
        return reduces ? Optional.empty()
                : reject(RiskErrorCode.RISK_REDUCE_ONLY, "account is reduce-only: " + order.side() + " "
                        + Decimals.plain(order.quantity()) + " " + order.symbol() + " does not reduce the position "
                        + Decimals.plain(position) + " (open " + order.side() + " orders " + Decimals.plain(open) + ")");
    }

    static Optional<RiskRejection> symbolIsNotRestricted(PreTradeOrder order, AccountExposure account) {
        var restricted = account.limits().restrictedSymbols();
        return restricted != null && restricted.contains(order.symbol())
                ? reject(RiskErrorCode.RISK_RESTRICTED_SYMBOL, order.symbol() + " is on the restricted list")
                : Optional.empty();
    }

    static Optional<RiskRejection> marketPriceIsKnown(PreTradeOrder order, AccountExposure account) {
        return order.referencePrice() == null || order.referencePrice().signum() <= 0
                ? reject(RiskErrorCode.RISK_NO_MARKET_PRICE, "no market price for " + order.symbol())
                : Optional.empty();
    }

    static Optional<RiskRejection> orderNotionalWithinLimit(PreTradeOrder order, AccountExposure account) {
        BigDecimal max = account.limits().maxOrderNotional();
        return order.notional().compareTo(max) > 0
                ? reject(RiskErrorCode.RISK_MAX_ORDER_NOTIONAL, "notional " + Decimals.plain(order.notional())
                        + " exceeds max order notional " + Decimals.plain(max))
                : Optional.empty();
    }

    /** Counts the open orders on the same side as if they filled: position + open + this order. */
    static Optional<RiskRejection> positionWithinLimit(PreTradeOrder order, AccountExposure account) {
        BigDecimal resulting = account.position(order.symbol()).quantity()
                .add(Decimals.signed(order.side(), account.openQuantity(order.symbol(), order.side())))
                .add(order.signedQuantity());
        BigDecimal max = account.limits().maxPositionPerInstrument();
        return resulting.abs().compareTo(max) > 0
                ? reject(RiskErrorCode.RISK_MAX_POSITION, "resulting position " + Decimals.plain(resulting) + " "
                        + order.symbol() + " exceeds max position per instrument " + Decimals.plain(max))
                : Optional.empty();
    }

    static Optional<RiskRejection> grossExposureWithinLimit(PreTradeOrder order, AccountExposure account) {
        BigDecimal gross = account.grossExposure().add(order.notional());
        BigDecimal max = account.limits().maxGrossExposure();
        return gross.compareTo(max) > 0
                ? reject(RiskErrorCode.RISK_MAX_GROSS_EXPOSURE, "gross exposure " + Decimals.plain(gross)
                        + " exceeds max gross exposure " + Decimals.plain(max))
                : Optional.empty();
    }

    static Optional<RiskRejection> dailyLossNotReached(PreTradeOrder order, AccountExposure account) {
        BigDecimal loss = account.realisedLossToday();
        BigDecimal max = account.limits().maxDailyLoss();
        return loss.compareTo(max) >= 0
                ? reject(RiskErrorCode.RISK_MAX_DAILY_LOSS, "realised loss today " + Decimals.plain(loss)
                        + " reaches max daily loss " + Decimals.plain(max))
                : Optional.empty();
    }

    /** This check included: the (max + 1)-th check within one second is refused. */
    static Optional<RiskRejection> orderRateWithinLimit(PreTradeOrder order, AccountExposure account) {
        int checks = account.checksInLastSecond() + 1;
        int max = account.limits().maxOrdersPerSecond();
        return checks > max
                ? reject(RiskErrorCode.RISK_ORDER_RATE, checks + " orders in the last second exceed max " + max
                        + " per second")
                : Optional.empty();
    }

    // --- limits ------------------------------------------------------------------------------------

    private static LimitsPolicy positive(String name, Function<RiskLimits, BigDecimal> limit) {
        return limits -> limit.apply(limits) == null || limit.apply(limits).signum() <= 0
                ? reject(RiskErrorCode.RISK_INVALID_LIMITS, name + " must be greater than 0")
                : Optional.empty();
    }

    private static Optional<RiskRejection> reject(RiskErrorCode code, String message) {
        return Optional.of(new RiskRejection(code, message));
    }
}
