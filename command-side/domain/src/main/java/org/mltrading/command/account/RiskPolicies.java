package org.mltrading.command.account;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandExecutionException;
import java.math.RoundingMode;
import org.mltrading.api.account.OrderControls;
import org.mltrading.api.account.RiskCheckResult;
import org.mltrading.api.account.RiskErrorCode;
import org.mltrading.api.account.RiskLimits;
import org.mltrading.api.account.RiskRejection;
import org.mltrading.api.account.TradingState;
import org.mltrading.api.common.Side;

/**
 * Pre-trade risk as a list of named policies, checked in order; the first breach is the verdict, so
 * the rejection names the most fundamental reason (a halted account is "halted", not "over the
 * notional limit"). Reasons say the numbers. Also the rules a set of limits must obey.
 *
 * <p>Each policy answers pass or fail with a detail, so the same rules serve the real check (first
 * failure only, {@link #firstBreach}) and the preview (every check, {@link #evaluateAll}). Details are
 * built lazily: the real check runs thousands of times a second and only needs the failure's.
 */
final class RiskPolicies {

    /** The outcome of a pre-trade rule; a failure's detail is the rejection's reason. */
    record Outcome(boolean passed, Supplier<String> detail) {

        static Outcome pass(Supplier<String> detail) {
            return new Outcome(true, detail);
        }

        static Outcome fail(Supplier<String> detail) {
            return new Outcome(false, detail);
        }

        static Outcome passIf(boolean passed, Supplier<String> detail) {
            return new Outcome(passed, detail);
        }
    }

    /** A pre-trade rule: whether the order passes it on this account, and why. */
    interface PreTradeRule {
        Outcome check(PreTradeOrder order, AccountExposure account);
    }

    /** A named pre-trade check: its rule and the code an order failing it is rejected with. */
    record PreTradePolicy(String name, RiskErrorCode code, PreTradeRule rule) {

        Outcome check(PreTradeOrder order, AccountExposure account) {
            return rule.check(order, account);
        }

        RiskCheckResult evaluate(PreTradeOrder order, AccountExposure account) {
            Outcome outcome = check(order, account);
            return new RiskCheckResult(name, code, outcome.passed(), outcome.detail().get());
        }
    }

    /** A rule of a set of limits: the rejection if they break it. */
    interface LimitsPolicy {
        Optional<RiskRejection> check(RiskLimits limits);
    }

    static final List<PreTradePolicy> PRE_TRADE_CHECKS = List.of(
            new PreTradePolicy("firmTradingIsNotHalted", RiskErrorCode.RISK_FIRM_HALTED,
                    RiskPolicies::firmTradingIsNotHalted),
            new PreTradePolicy("tradingIsNotHalted", RiskErrorCode.RISK_TRADING_HALTED,
                    RiskPolicies::tradingIsNotHalted),
            new PreTradePolicy("reduceOnlyOrdersShrinkThePosition", RiskErrorCode.RISK_REDUCE_ONLY,
                    RiskPolicies::reduceOnlyOrdersShrinkThePosition),
            new PreTradePolicy("symbolIsNotRestricted", RiskErrorCode.RISK_RESTRICTED_SYMBOL,
                    RiskPolicies::symbolIsNotRestricted),
            new PreTradePolicy("marketPriceIsKnown", RiskErrorCode.RISK_NO_MARKET_PRICE,
                    RiskPolicies::marketPriceIsKnown),
            new PreTradePolicy("limitPriceWithinCollar", RiskErrorCode.RISK_PRICE_COLLAR,
                    RiskPolicies::limitPriceWithinCollar),
            new PreTradePolicy("orderQuantityWithinLimit", RiskErrorCode.RISK_MAX_ORDER_QUANTITY,
                    RiskPolicies::orderQuantityWithinLimit),
            new PreTradePolicy("orderNotionalWithinLimit", RiskErrorCode.RISK_MAX_ORDER_NOTIONAL,
                    RiskPolicies::orderNotionalWithinLimit),
            new PreTradePolicy("positionWithinLimit", RiskErrorCode.RISK_MAX_POSITION,
                    RiskPolicies::positionWithinLimit),
            new PreTradePolicy("grossExposureWithinLimit", RiskErrorCode.RISK_MAX_GROSS_EXPOSURE,
                    RiskPolicies::grossExposureWithinLimit),
            new PreTradePolicy("dailyLossNotReached", RiskErrorCode.RISK_MAX_DAILY_LOSS,
                    RiskPolicies::dailyLossNotReached),
            new PreTradePolicy("orderRateWithinLimit", RiskErrorCode.RISK_ORDER_RATE,
                    RiskPolicies::orderRateWithinLimit));

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
            Outcome outcome = policy.check(order, account);
            if (!outcome.passed()) {
                return Optional.of(new RiskRejection(policy.code(), outcome.detail().get()));
            }
        }
        return Optional.empty();
    }

    /**
     * Every one of {@link #PRE_TRADE_CHECKS}, in order, passed or not. A check that needs the order's
     * value fails when no reference price is known (as the real check would stop at
     * {@code marketPriceIsKnown} before it).
     */
    static List<RiskCheckResult> evaluateAll(PreTradeOrder order, AccountExposure account) {
        List<RiskCheckResult> results = new ArrayList<>(PRE_TRADE_CHECKS.size());
        for (PreTradePolicy policy : PRE_TRADE_CHECKS) {
            results.add(policy.evaluate(order, account));
        }
        return results;
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

    static Outcome firmTradingIsNotHalted(PreTradeOrder order, AccountExposure account) {
        return order.controls().firmHalted()
                ? Outcome.fail(() -> "trading is halted firm-wide")
                : Outcome.pass(() -> "firm-wide trading is not halted");
    }

    static Outcome tradingIsNotHalted(PreTradeOrder order, AccountExposure account) {
        return account.tradingState() == TradingState.HALTED
                ? Outcome.fail(() -> "trading is halted on this account")
                : Outcome.pass(() -> "trading is " + account.tradingState() + " on this account");
    }

    /**
     * Reduce-only lets an order through only if it trades against the position and, together with the
     * open orders on the same side, does not go through zero.
     */
    static Outcome reduceOnlyOrdersShrinkThePosition(PreTradeOrder order, AccountExposure account) {
        if (account.tradingState() != TradingState.REDUCE_ONLY) {
            return Outcome.pass(() -> "account is not reduce-only");
        }
        BigDecimal position = account.position(order.symbol()).quantity();
        BigDecimal open = account.openQuantity(order.symbol(), order.side());
        boolean reduces = position.signum() != 0 && order.signedQuantity().signum() == -position.signum()
                && open.add(order.quantity()).compareTo(position.abs()) <= 0;
        return Outcome.passIf(reduces, () -> "account is reduce-only: " + order.side() + " "
                + Decimals.plain(order.quantity()) + " " + order.symbol() + (reduces ? " reduces" : " does not reduce")
                + " the position " + Decimals.plain(position) + " (open " + order.side() + " orders "
                + Decimals.plain(open) + ")");
    }

    static Outcome symbolIsNotRestricted(PreTradeOrder order, AccountExposure account) {
        var restricted = account.limits().restrictedSymbols();
        return restricted != null && restricted.contains(order.symbol())
                ? Outcome.fail(() -> order.symbol() + " is on the restricted list")
                : Outcome.pass(() -> order.symbol() + " is not on the restricted list");
    }

    static Outcome marketPriceIsKnown(PreTradeOrder order, AccountExposure account) {
        return order.hasReferencePrice()
                ? Outcome.pass(() -> "reference price " + Decimals.plain(order.referencePrice()))
                : Outcome.fail(() -> "no market price for " + order.symbol());
    }

    /**
     * A BUY limit may be at most the collar fraction above the reference (the last trade, else the mid), a
     * SELL limit at most that far below: a fat finger (a price typed ten times too high) is refused before
     * it can trade through the book. Orders without a limit price, or without any reference, pass.
     */
    static Outcome limitPriceWithinCollar(PreTradeOrder order, AccountExposure account) {
        OrderControls controls = order.controls();
        BigDecimal limit = controls.limitPrice();
        BigDecimal collar = controls.instrument().priceCollar();
        if (limit == null) {
            return Outcome.pass(() -> "no limit price to collar");
        }
        BigDecimal reference = controls.collarReference();
        if (reference == null) {
            return Outcome.pass(() -> "no last trade or quote of " + order.symbol() + " to collar the limit against");
        }
        boolean buy = order.side() == Side.BUY;
        BigDecimal bound = reference.multiply(buy ? BigDecimal.ONE.add(collar) : BigDecimal.ONE.subtract(collar));
        boolean within = buy ? limit.compareTo(bound) <= 0 : limit.compareTo(bound) >= 0;
        return Outcome.passIf(within, () -> order.side() + " limit " + Decimals.plain(limit)
                + (within ? " within " : " is more than ") + percent(collar) + (buy ? " above" : " below") + " the "
                + controls.collarReferenceKind() + " " + Decimals.plain(reference) + " (" + (buy ? "highest " : "lowest ")
                + Decimals.plain(bound.setScale(Math.max(limit.scale(), reference.scale()), buy ? RoundingMode.FLOOR
                        : RoundingMode.CEILING)) + ")");
    }

    static Outcome orderQuantityWithinLimit(PreTradeOrder order, AccountExposure account) {
        BigDecimal max = order.controls().instrument().maxOrderQuantity();
        if (max == null) {
            return Outcome.pass(() -> "no maximum order quantity for " + order.symbol());
        }
        boolean within = order.quantity().compareTo(max) <= 0;
        return Outcome.passIf(within, () -> "quantity " + Decimals.plain(order.quantity()) + (within ? " within" : " exceeds")
                + " max order quantity " + Decimals.plain(max) + " of " + order.symbol());
    }

    private static String percent(BigDecimal fraction) {
        return Decimals.plain(fraction.movePointRight(2)) + " %";
    }

    static Outcome orderNotionalWithinLimit(PreTradeOrder order, AccountExposure account) {
        BigDecimal max = account.limits().maxOrderNotional();
        if (!order.hasReferencePrice()) {
            return Outcome.fail(() -> "notional unknown without a market price for " + order.symbol()
                    + " (max order notional " + Decimals.plain(max) + ")");
        }
        boolean within = order.notional().compareTo(max) <= 0;
        return Outcome.passIf(within, () -> "notional " + Decimals.plain(order.notional())
                + (within ? " within" : " exceeds") + " max order notional " + Decimals.plain(max));
    }

    /** Counts the open orders on the same side as if they filled: position + open + this order. */
    static Outcome positionWithinLimit(PreTradeOrder order, AccountExposure account) {
        BigDecimal resulting = account.resultingPosition(order);
        BigDecimal max = account.limits().maxPositionPerInstrument();
        boolean within = resulting.abs().compareTo(max) <= 0;
        return Outcome.passIf(within, () -> "resulting position " + Decimals.plain(resulting) + " "
                + order.symbol() + (within ? " within" : " exceeds") + " max position per instrument "
                + Decimals.plain(max));
    }

    static Outcome grossExposureWithinLimit(PreTradeOrder order, AccountExposure account) {
        BigDecimal max = account.limits().maxGrossExposure();
        if (!order.hasReferencePrice()) {
            return Outcome.fail(() -> "gross exposure unknown without a market price for " + order.symbol()
                    + " (max gross exposure " + Decimals.plain(max) + ")");
        }
        BigDecimal gross = account.resultingGrossExposure(order);
        boolean within = gross.compareTo(max) <= 0;
        return Outcome.passIf(within, () -> "gross exposure " + Decimals.plain(gross)
                + (within ? " within" : " exceeds") + " max gross exposure " + Decimals.plain(max));
    }

    static Outcome dailyLossNotReached(PreTradeOrder order, AccountExposure account) {
        BigDecimal loss = account.realisedLossToday();
        BigDecimal max = account.limits().maxDailyLoss();
        boolean below = loss.compareTo(max) < 0;
        return Outcome.passIf(below, () -> "realised loss today " + Decimals.plain(loss)
                + (below ? " below" : " reaches") + " max daily loss " + Decimals.plain(max));
    }

    /**
     * This check included: the (max + 1)-th check within one second is refused. A preview is not a
     * check (it stores nothing), so it asks whether the order would pass if it were placed now.
     */
    static Outcome orderRateWithinLimit(PreTradeOrder order, AccountExposure account) {
        int checks = account.checksInLastSecond() + 1;
        int max = account.limits().maxOrdersPerSecond();
        boolean within = checks <= max;
        return Outcome.passIf(within, () -> checks + " orders in the last second" + (within ? " within" : " exceed")
                + " max " + max + " per second");
    }

    // --- limits ------------------------------------------------------------------------------------

    /**
     * What {@code next} loosens against {@code current}: each limit that rises, and symbols taken off the
     * restricted list. Empty when nothing loosens (or there were no limits before).
     */
    static List<String> rises(RiskLimits current, RiskLimits next) {
        List<String> rises = new ArrayList<>();
        if (current == null) {
            return rises;
        }
        rise(rises, "maxOrderNotional", current.maxOrderNotional(), next.maxOrderNotional());
        rise(rises, "maxPositionPerInstrument", current.maxPositionPerInstrument(), next.maxPositionPerInstrument());
        rise(rises, "maxGrossExposure", current.maxGrossExposure(), next.maxGrossExposure());
        rise(rises, "maxDailyLoss", current.maxDailyLoss(), next.maxDailyLoss());
        rise(rises, "maxOrdersPerSecond", BigDecimal.valueOf(current.maxOrdersPerSecond()),
                BigDecimal.valueOf(next.maxOrdersPerSecond()));
        if (current.restrictedSymbols() != null) {
            var lifted = new java.util.TreeSet<>(current.restrictedSymbols());
            if (next.restrictedSymbols() != null) {
                lifted.removeAll(next.restrictedSymbols());
            }
            if (!lifted.isEmpty()) {
                rises.add("restrictedSymbols (lifting " + String.join(", ", lifted) + ")");
            }
        }
        return rises;
    }

    private static void rise(List<String> rises, String name, BigDecimal current, BigDecimal next) {
        if (current != null && next != null && next.compareTo(current) > 0) {
            rises.add(name + " from " + Decimals.plain(current) + " to " + Decimals.plain(next));
        }
    }

    private static LimitsPolicy positive(String name, Function<RiskLimits, BigDecimal> limit) {
        return limits -> limit.apply(limits) == null || limit.apply(limits).signum() <= 0
                ? reject(RiskErrorCode.RISK_INVALID_LIMITS, name + " must be greater than 0")
                : Optional.empty();
    }

    private static Optional<RiskRejection> reject(RiskErrorCode code, String message) {
        return Optional.of(new RiskRejection(code, message));
    }
}
