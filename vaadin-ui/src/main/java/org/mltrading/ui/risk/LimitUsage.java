package org.mltrading.ui.risk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an account's utilisation against its limits: each limit's fraction in use and its level —
 * a breach at or above 100 %, a warning from {@link #WARNING_FRACTION}. The breaches list is what
 * the risk page shows first.
 */
public final class LimitUsage {

    /** From here on a limit is shown as close to breach. */
    static final BigDecimal WARNING_FRACTION = new BigDecimal("0.80");

    public enum Level { OK, WARNING, BREACH }

    public record Usage(String accountId, String limit, BigDecimal fraction, Level level) {
    }

    private LimitUsage() {
    }

    /** Gross exposure, daily loss and largest position of the account, in that order. */
    public static List<Usage> of(RiskAccount account) {
        List<Usage> usages = new ArrayList<>();
        RiskAccount.Utilization used = account.utilization();
        if (used == null || account.limits() == null) {
            return usages;
        }
        usages.add(usage(account.id(), "Gross exposure", used.grossExposureFraction()));
        usages.add(usage(account.id(), "Daily loss", used.dailyLossFraction()));
        usages.add(usage(account.id(), "Position per instrument", used.largestPositionFraction()));
        return usages;
    }

    /** Every limit at or above 100 % across the accounts. */
    public static List<Usage> breaches(List<RiskAccount> accounts) {
        return accounts.stream().flatMap(account -> of(account).stream())
                .filter(usage -> usage.level() == Level.BREACH).toList();
    }

    static Usage usage(String accountId, String limit, BigDecimal fraction) {
        BigDecimal value = fraction == null ? BigDecimal.ZERO : fraction;
        Level level = value.compareTo(BigDecimal.ONE) >= 0 ? Level.BREACH
                : value.compareTo(WARNING_FRACTION) >= 0 ? Level.WARNING : Level.OK;
        return new Usage(accountId, limit, value, level);
    }
}
