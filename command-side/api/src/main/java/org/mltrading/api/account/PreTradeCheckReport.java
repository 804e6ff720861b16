package org.mltrading.api.account;

import java.math.BigDecimal;
import java.util.List;

/**
 * The answer to a {@link PreviewPreTradeRiskCommand}: every pre-trade check, in the order the real
 * check runs them, and what the account would hold if the order were approved and filled in full.
 *
 * @param approved true when every check passed (the real check would approve the order now)
 * @param checks one result per check, failures and passes alike
 * @param notional |quantity| × reference price in the account currency; null without a reference price
 * @param resultingPosition signed units of the symbol after the order and the open orders on its side
 *        fill (+ long, − short)
 * @param resultingGrossExposure Σ |position × average price| + reserved notional of open orders + this
 *        order's notional (without it when no reference price is known), in the account currency
 */
public record PreTradeCheckReport(boolean approved, List<RiskCheckResult> checks, BigDecimal notional,
                                  BigDecimal resultingPosition, BigDecimal resultingGrossExposure) {

    public PreTradeCheckReport {
        checks = List.copyOf(checks);
    }
}
