package org.mltrading.ui.trading;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mltrading.ui.chart.ChartMarker;
import org.mltrading.ui.marketdata.ChartInterval;
import org.mltrading.ui.shell.InstrumentFormat;

/**
 * The chart markers of the user's orders and fills in one symbol: an order where it was placed, a
 * fill where it executed, each at the start of the bar it falls into, oldest first.
 */
public final class OrderMarkers {

    private OrderMarkers() {
    }

    /** With the instrument's tick and lot: "Fill 10 @ 230.05", not "@ 230.053003". */
    public static List<ChartMarker> of(List<DeskOrder> orders, String symbol, ChartInterval interval, Instant from,
                                       InstrumentFormat format) {
        List<ChartMarker> markers = new ArrayList<>();
        for (DeskOrder order : orders) {
            if (!symbol.equals(order.symbol())) {
                continue;
            }
            if (order.placedAt() != null && !order.placedAt().isBefore(from)) {
                markers.add(new ChartMarker(interval.barStart(order.placedAt()).getEpochSecond(), order.side(),
                        order.side() + " " + format.quantity(order.quantity()), "order"));
            }
            for (DeskOrder.DeskFill fill : order.fills()) {
                if (fill.time() != null && !fill.time().isBefore(from)) {
                    markers.add(new ChartMarker(interval.barStart(fill.time()).getEpochSecond(), order.side(),
                            "Fill " + format.quantity(fill.quantity()) + " @ " + format.price(fill.price()), "fill"));
                }
            }
        }
        markers.sort(Comparator.comparingLong(ChartMarker::time));
        return markers;
    }
}
