package org.mltrading.api.alert;

/**
 * What an alert watches. PRICE_CROSS is evaluated today (the quote mid crossing a level); the others are
 * named so rules can be declared against one contract, and are refused at creation (ALERT_KIND_NOT_SUPPORTED)
 * until their evaluators exist.
 */
public enum AlertKind {
    PRICE_CROSS, PRICE_MOVE, SPREAD_WIDE, POSITION_LIMIT, PNL_LIMIT, LIMIT_UTILISATION, ORDER_FILLED, ORDER_REJECTED,
    MODEL_DRIFT, PREDICTION_OUTSIDE_BAND, NEWS_SENTIMENT;

    public boolean evaluated() {
        return this == PRICE_CROSS;
    }
}
