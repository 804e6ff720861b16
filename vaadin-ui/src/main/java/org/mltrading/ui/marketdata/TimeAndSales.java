package org.mltrading.ui.marketdata;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedList;
import java.util.List;

/**
 * Time and sales of the desk's instrument: the latest trade prints, newest first, each marked as an
 * uptick or a downtick against the print before it; a print at an unchanged price keeps the direction
 * of the one before (the zero-plus / zero-minus tick of a tape), only the first print is UNCHANGED. Keeps at most
 * {@code capacity} prints; prints of another symbol and prints seen already (by trade id) are ignored.
 */
public final class TimeAndSales {

    /** Direction of a print against the one before it. */
    public enum Tick { UP, DOWN, UNCHANGED }

    /** One print as the tape shows it. */
    public record Print(String tradeId, Instant time, BigDecimal price, BigDecimal size, Tick tick) {
    }

    /** A print as the API delivers it. */
    public record TradePrint(String symbol, String tradeId, Instant time, BigDecimal price, BigDecimal size) {
    }

    private final String symbol;
    private final int capacity;
    private final LinkedList<Print> prints = new LinkedList<>();

    public TimeAndSales(String symbol, int capacity) {
        this.symbol = symbol;
        this.capacity = capacity;
    }

    public String symbol() {
        return symbol;
    }

    /** Starts the tape from stored prints (any order); the latest {@code capacity} are kept. */
    public void load(List<TradePrint> history) {
        prints.clear();
        history.stream().filter(print -> symbol.equals(print.symbol()))
                .sorted(Comparator.comparing(TradePrint::time).thenComparing(TradePrint::tradeId))
                .forEach(this::add);
    }

    /** Adds a live print; answers whether the tape changed. */
    public boolean add(TradePrint print) {
        if (!symbol.equals(print.symbol()) || prints.stream().anyMatch(p -> p.tradeId().equals(print.tradeId()))) {
            return false;
        }
        Print previous = prints.peekFirst();
        Tick tick = previous == null ? Tick.UNCHANGED : switch (Integer.signum(print.price().compareTo(previous.price()))) {
            case 1 -> Tick.UP;
            case -1 -> Tick.DOWN;
            default -> previous.tick() == Tick.UNCHANGED ? Tick.UNCHANGED : previous.tick();
        };
        prints.addFirst(new Print(print.tradeId(), print.time(), print.price(), print.size(), tick));
        while (prints.size() > capacity) {
            prints.removeLast();
        }
        return true;
    }

    /** Newest first. */
    public List<Print> prints() {
        return new ArrayList<>(prints);
    }
}
