package org.mltrading.query.marketdata;

/** Decimal conventions of market-data storage: QuestDB DECIMAL columns, written as plain strings over ILP. */
public final class Decimals {

    /** Scale of price columns: DECIMAL(18, 8). */
    public static final int PRICE_SCALE = 8;
    /** Scale of size and volume columns: DECIMAL(38, 18); source files carry up to 13 decimals. */
    public static final int SIZE_SCALE = 18;

    private Decimals() {
    }
}
