package org.mltrading.query.marketdata.simulator;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mltrading.api.marketdata.Bar;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.api.marketdata.Trade;

/**
 * The market one instrument would have had over a past span: its {@link InstrumentSimulation} stepped
 * at the live feed's pace, a step every {@code stepSeconds} of wall time. Prints before {@code split}
 * are kept as one-minute bars (open, high, low, close, volume of the prints in the minute; a minute
 * without prints has no bar, as in the live bars), later ones as the trade prints themselves. The bar
 * of the minute that contains {@code split} covers only its prints before it: the bar queries combine
 * it with the trades after it. Pure and deterministic: same simulation stream, same span, same rows.
 *
 * @param bars   one-minute bars, ascending
 * @param trades trade prints, ascending, each strictly after the previous
 * @param last   the last print (where the live feed continues), or null when nothing traded
 */
public record SimulatedHistory(List<Bar> bars, List<Trade> trades, LastPrint last) {

    public SimulatedHistory {
        bars = List.copyOf(bars);
        trades = List.copyOf(trades);
    }

    /** Steps {@code simulation} from {@code from} (its first step) until before {@code to}. */
    public static SimulatedHistory generate(InstrumentSimulation simulation, Instant from, Instant to, Instant split,
                                            double stepSeconds) {
        Objects.requireNonNull(simulation, "simulation");
        if (!(stepSeconds > 0)) {
            throw new IllegalArgumentException("step must be positive: " + stepSeconds);
        }
        String symbol = simulation.instrument().symbol();
        long stepNanos = Math.max(1_000, Math.round(stepSeconds * 1e9));
        long spanNanos = Duration.between(from, to).toNanos();
        List<Bar> bars = new ArrayList<>();
        List<Trade> trades = new ArrayList<>();
        MinuteBar open = null;
        Instant previous = null;
        LastPrint last = null;
        for (long offset = 0; offset < spanNanos; offset += stepNanos) {
            SimulatedTick tick = simulation.next();
            if (tick.trade().isEmpty()) {
                continue;
            }
            Instant time = from.plusNanos(offset).truncatedTo(ChronoUnit.MICROS);
            if (previous != null && !time.isAfter(previous)) {
                time = previous.plus(1, ChronoUnit.MICROS);
            }
            previous = time;
            SimulatedTrade print = tick.trade().get();
            last = new LastPrint(time, print.price());
            if (time.isBefore(split)) {
                Instant minute = time.truncatedTo(ChronoUnit.MINUTES);
                if (open != null && !open.start.equals(minute)) {
                    bars.add(open.toBar(symbol));
                    open = null;
                }
                if (open == null) {
                    open = new MinuteBar(minute, print.price());
                }
                open.add(print.price(), print.size());
            } else {
                if (open != null) {
                    bars.add(open.toBar(symbol));
                    open = null;
                }
                trades.add(new Trade(symbol, print.price(), print.size(), print.tradeId(), time));
            }
        }
        if (open != null) {
            bars.add(open.toBar(symbol));
        }
        return new SimulatedHistory(bars, trades, last);
    }

    /** A one-minute bar being filled. */
    private static final class MinuteBar {
        private final Instant start;
        private final BigDecimal open;
        private BigDecimal high;
        private BigDecimal low;
        private BigDecimal close;
        private BigDecimal volume = BigDecimal.ZERO;

        MinuteBar(Instant start, BigDecimal open) {
            this.start = start;
            this.open = open;
            this.high = open;
            this.low = open;
        }

        void add(BigDecimal price, BigDecimal size) {
            high = high.max(price);
            low = low.min(price);
            close = price;
            volume = volume.add(size);
        }

        Bar toBar(String symbol) {
            return new Bar(symbol, BarInterval.ONE_MINUTE, start, open, high, low, close, volume);
        }
    }
}
