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
    /** Trading is halted firm-wide (haltFirm). */
    RISK_FIRM_HALTED,
    /** A limit price outside the instrument's price collar around the last trade (else the mid). */
    RISK_PRICE_COLLAR,
    /** The order's quantity exceeds the instrument's maximum order quantity. */
    RISK_MAX_ORDER_QUANTITY,
    /** New limits that raise any limit need a second risk officer: propose them (proposeRiskLimits). */
    RISK_APPROVAL_REQUIRED,
    /** No open proposal of limits with that id on the account. */
    RISK_PROPOSAL_NOT_FOUND,
    /** The officer who proposed limits cannot approve them (four eyes). */
    RISK_APPROVAL_BY_PROPOSER,
    /** A fill to book on the account is malformed (no fillId, price or quantity not positive). */
    RISK_INVALID_FILL
}
