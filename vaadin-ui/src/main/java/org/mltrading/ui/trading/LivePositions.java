package org.mltrading.ui.trading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mltrading.ui.marketdata.QuoteTick;

/**
 * Positions with P&L marked to the live quotes: positions come from the account query and
 * {@code positionUpdated}; every quote re-marks the position in its symbol, so unrealised P&L moves
 * with the market between fills: (mark - average price) x signed quantity. Flat positions are
 * hidden. Not thread-safe: used under the Vaadin session lock.
 */
public final class LivePositions {

    /** A position row: the API's position plus the latest mark and the P&L at that mark. */
    public record Row(String symbol, BigDecimal quantity, BigDecimal averagePrice, BigDecimal mark,
                      BigDecimal marketValue, BigDecimal unrealizedPnl, BigDecimal realizedPnl) {
    }

    private final Map<String, PositionView> positions = new LinkedHashMap<>();
    private final Map<String, BigDecimal> marks = new HashMap<>();

    public void replaceAll(List<PositionView> snapshot) {
        positions.clear();
        snapshot.forEach(this::apply);
    }

    /** Adds the positions of symbols not shown yet; keeps the ones shown (they may be newer). */
    public void addMissing(List<PositionView> snapshot) {
        snapshot.forEach(position -> positions.putIfAbsent(position.symbol(), position));
    }

    public void apply(PositionView position) {
        positions.put(position.symbol(), position);
    }

    /** @return true if the quote re-marked a position that is shown */
    public boolean mark(QuoteTick quote) {
        BigDecimal mark = quote.mark();
        if (mark == null) {
            return false;
        }
        marks.put(quote.symbol(), mark);
        PositionView position = positions.get(quote.symbol());
        return position != null && position.quantity().signum() != 0;
    }

    /** The latest live mark of a symbol, or null before its first quote. */
    public BigDecimal markOf(String symbol) {
        return marks.get(symbol);
    }

    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (PositionView position : positions.values()) {
            if (position.quantity().signum() == 0) {
                continue;
            }
            rows.add(row(position));
        }
        return rows;
    }

    public Optional<Row> row(String symbol) {
        return Optional.ofNullable(positions.get(symbol)).map(this::row);
    }

    /** Sum of the unrealised P&L of the positions that have a mark. */
    public BigDecimal totalUnrealizedPnl() {
        return rows().stream().map(Row::unrealizedPnl).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private Row row(PositionView position) {
        BigDecimal mark = marks.get(position.symbol());
        if (mark == null) {
            // no live quote yet: what the API marked it at
            return new Row(position.symbol(), position.quantity(), position.averagePrice(), null,
                    position.marketValue(), position.unrealizedPnl(), position.realizedPnl());
        }
        BigDecimal quantity = position.quantity();
        return new Row(position.symbol(), quantity, position.averagePrice(), mark, mark.multiply(quantity),
                mark.subtract(position.averagePrice()).multiply(quantity), position.realizedPnl());
    }
}
