package org.mltrading.ui.trading;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The order ticket's state and rules, without any Vaadin: which price fields the order type needs,
 * what is missing or wrong (per field, in the words the form shows), and the {@code PlaceOrderInput}
 * it becomes. The API checks everything again (lot/tick size, risk); this catches the obvious
 * before a round trip.
 */
public final class OrderTicket {

    public static final String SYMBOL = "Symbol";
    public static final String SIDE = "Side";
    public static final String TYPE = "Type";
    public static final String QUANTITY = "Quantity";
    public static final String LIMIT_PRICE = "Limit price";
    public static final String STOP_PRICE = "Stop price";
    public static final String TIME_IN_FORCE = "Time in force";

    public enum Side { BUY, SELL }

    public enum Type {
        MARKET(false, false), LIMIT(true, false), STOP(false, true), STOP_LIMIT(true, true);

        private final boolean needsLimit;
        private final boolean needsStop;

        Type(boolean needsLimit, boolean needsStop) {
            this.needsLimit = needsLimit;
            this.needsStop = needsStop;
        }

        public boolean needsLimitPrice() {
            return needsLimit;
        }

        public boolean needsStopPrice() {
            return needsStop;
        }
    }

    /** GTD is left out: it needs an expiry time, which this ticket does not ask for. */
    public enum TimeInForce { DAY, GTC, IOC, FOK }

    private String symbol;
    private Side side = Side.BUY;
    private Type type = Type.MARKET;
    private BigDecimal quantity;
    private BigDecimal limitPrice;
    private BigDecimal stopPrice;
    private TimeInForce timeInForce = TimeInForce.DAY;
    /** The instrument's smallest price and quantity steps; null until an instrument is known. */
    private BigDecimal tickSize;
    private BigDecimal lotSize;

    public String symbol() {
        return symbol;
    }

    public OrderTicket symbol(String symbol) {
        this.symbol = symbol == null || symbol.isBlank() ? null : symbol.trim();
        return this;
    }

    public Side side() {
        return side;
    }

    public OrderTicket side(Side side) {
        this.side = side;
        return this;
    }

    public Type type() {
        return type;
    }

    public OrderTicket type(Type type) {
        this.type = type;
        return this;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public OrderTicket quantity(BigDecimal quantity) {
        this.quantity = quantity;
        return this;
    }

    public BigDecimal limitPrice() {
        return limitPrice;
    }

    public OrderTicket limitPrice(BigDecimal limitPrice) {
        this.limitPrice = limitPrice;
        return this;
    }

    public BigDecimal stopPrice() {
        return stopPrice;
    }

    public OrderTicket stopPrice(BigDecimal stopPrice) {
        this.stopPrice = stopPrice;
        return this;
    }

    /**
     * The selected instrument's tick (price step) and lot (quantity step): the API refuses prices and
     * quantities off these grids, so the ticket says so at the field, with the numbers, before sending.
     */
    public OrderTicket increments(BigDecimal tickSize, BigDecimal lotSize) {
        this.tickSize = positiveOrNull(tickSize);
        this.lotSize = positiveOrNull(lotSize);
        return this;
    }

    public TimeInForce timeInForce() {
        return timeInForce;
    }

    public OrderTicket timeInForce(TimeInForce timeInForce) {
        this.timeInForce = timeInForce;
        return this;
    }

    /** What is wrong, by field label (empty = ready to preview and send). */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (symbol == null) {
            problems.put(SYMBOL, "Choose an instrument.");
        }
        if (side == null) {
            problems.put(SIDE, "Choose buy or sell.");
        }
        if (type == null) {
            problems.put(TYPE, "Choose an order type.");
        }
        if (quantity == null) {
            problems.put(QUANTITY, "Enter a quantity.");
        } else if (quantity.signum() <= 0) {
            problems.put(QUANTITY, "Quantity must be greater than zero.");
        } else if (offGrid(quantity, lotSize)) {
            problems.put(QUANTITY, "Quantity " + plain(quantity) + " is not a multiple of the lot size "
                    + plain(lotSize) + nearest(quantity, lotSize) + ".");
        }
        if (type != null && type.needsLimitPrice()) {
            positivePrice(limitPrice, LIMIT_PRICE, "A " + label(type) + " order needs a limit price.", problems);
        }
        if (type != null && type.needsStopPrice()) {
            positivePrice(stopPrice, STOP_PRICE, "A " + label(type) + " order needs a stop price.", problems);
        }
        if (timeInForce == null) {
            problems.put(TIME_IN_FORCE, "Choose a time in force.");
        }
        return problems;
    }

    public boolean complete() {
        return problems().isEmpty();
    }

    /**
     * The {@code PlaceOrderInput} (also the input of {@code previewOrder}); prices the type does not
     * use are left out rather than sent and refused.
     */
    public Map<String, Object> toInput(String accountId, String clientOrderId) {
        if (!complete()) {
            throw new IllegalStateException("ticket is incomplete: " + problems());
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("accountId", Objects.requireNonNull(accountId, "accountId"));
        input.put("clientOrderId", clientOrderId);
        input.put("symbol", symbol);
        input.put("side", side.name());
        input.put("type", type.name());
        input.put("quantity", quantity.toPlainString());
        if (type.needsLimitPrice()) {
            input.put("limitPrice", limitPrice.toPlainString());
        }
        if (type.needsStopPrice()) {
            input.put("stopPrice", stopPrice.toPlainString());
        }
        input.put("timeInForce", timeInForce.name());
        return input;
    }

    /** A fresh client order id: the API is idempotent on it, so one id is used per "Place order". */
    public static String newClientOrderId() {
        return "desk-" + UUID.randomUUID();
    }

    /** "Buy 7 AAPL @ market", "Sell 10 MSFT @ 101.5 limit" — for confirmations and toasts. */
    public String summary() {
        String what = (side == Side.SELL ? "Sell " : "Buy ") + (quantity == null ? "?" : quantity.toPlainString())
                + " " + (symbol == null ? "?" : symbol);
        if (type == null) {
            return what;
        }
        return switch (type) {
            case MARKET -> what + " @ market";
            case LIMIT -> what + " @ " + plain(limitPrice) + " limit";
            case STOP -> what + " stop " + plain(stopPrice);
            case STOP_LIMIT -> what + " stop " + plain(stopPrice) + " limit " + plain(limitPrice);
        };
    }

    /** Problems of values the trader has entered (not of empty fields): shown while typing. */
    public Map<String, String> enteredValueProblems() {
        Map<String, String> problems = problems();
        if (quantity == null) {
            problems.remove(QUANTITY);
        }
        if (limitPrice == null) {
            problems.remove(LIMIT_PRICE);
        }
        if (stopPrice == null) {
            problems.remove(STOP_PRICE);
        }
        problems.keySet().retainAll(java.util.Set.of(QUANTITY, LIMIT_PRICE, STOP_PRICE));
        return problems;
    }

    private void positivePrice(BigDecimal price, String field, String missing, Map<String, String> problems) {
        if (price == null) {
            problems.put(field, missing);
        } else if (price.signum() <= 0) {
            problems.put(field, field + " must be greater than zero.");
        } else if (offGrid(price, tickSize)) {
            problems.put(field, field + " " + plain(price) + " is not a multiple of the tick size " + plain(tickSize)
                    + nearest(price, tickSize) + ".");
        }
    }

    private static boolean offGrid(BigDecimal value, BigDecimal step) {
        return step != null && value.remainder(step).signum() != 0;
    }

    /** " (nearest 229.12 or 229.13)": the two values on the grid around an off-grid one. */
    private static String nearest(BigDecimal value, BigDecimal step) {
        BigDecimal below = value.divide(step, 0, java.math.RoundingMode.FLOOR).multiply(step);
        BigDecimal above = below.add(step);
        return below.signum() > 0 ? " (nearest " + plain(below) + " or " + plain(above) + ")"
                : " (smallest " + plain(above) + ")";
    }

    private static BigDecimal positiveOrNull(BigDecimal step) {
        return step == null || step.signum() <= 0 ? null : step;
    }

    private static String label(Type type) {
        return type.name().toLowerCase().replace('_', '-');
    }

    private static String plain(BigDecimal value) {
        return value == null ? "?" : value.toPlainString();
    }
}
