package org.mltrading.api.account;

/** Which pre-trade check refused an order (the reason code of the rejection). */
public enum RiskErrorCode {
    RISK_MAX_ORDER_NOTIONAL,
    RISK_MAX_POSITION,
    RISK_MAX_GROSS_EXPOSURE,
    RISK_MAX_DAILY_LOSS,
    RISK_RESTRICTED_SYMBOL,
    RISK_ORDER_RATE,
    RISK_TRADING_HALTED,
    RISK_REDUCE_ONLY,
    RISK_NO_MARKET_PRICE,
    RISK_INVALID_LIMITS,
    /** A fill to book on the account is malformed (no fillId, price or quantity not positive). */
    RISK_INVALID_FILL
}
