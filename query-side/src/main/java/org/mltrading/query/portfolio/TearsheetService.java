package org.mltrading.query.portfolio;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.eventhandling.DomainEventMessage;
import org.mltrading.api.account.AccountCreatedEvent;
import org.mltrading.api.account.FillAppliedEvent;
import org.mltrading.api.marketdata.Bar;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.query.audit.EventHistory;
import org.mltrading.query.marketdata.MarketDataQueries;
import org.mltrading.query.marketdata.QuestDb;
import org.mltrading.query.marketdata.QuestDbTable;
import org.springframework.stereotype.Service;

/**
 * An account's tearsheet over a window: its opening cash and fills read from its own events in the event
 * store (the source of truth), marked to market on a bar grid with the stored closes. The grid is one-minute
 * bars for windows up to 2 days, hourly up to 31 days, daily beyond. Each computed curve is also stored in
 * QuestDB ({@code account_equity}, DEDUP on time, account and interval), the account's equity history.
 */
@Service
public class TearsheetService {

    static final Duration DEFAULT_WINDOW = Duration.ofDays(5);
    static final int MAX_POINTS = 5_000;
    private static final String TABLE = "account_equity";
    private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

    /** A tearsheet: the window, the grid, the figures. */
    public record Report(String accountId, Instant from, Instant to, BarInterval interval, double periodsPerYear,
                         Tearsheet.Figures figures) {
    }

    private final EventHistory history;
    private final MarketDataQueries bars;
    private final QuestDbTable equityTable;

    TearsheetService(EventHistory history, MarketDataQueries bars, QuestDb questDb) {
        this.history = history;
        this.bars = bars;
        this.equityTable = new QuestDbTable(questDb, "CREATE TABLE IF NOT EXISTS " + TABLE + " (ts TIMESTAMP,"
                + " account_id SYMBOL, bar_interval SYMBOL, equity DOUBLE, cash DOUBLE) TIMESTAMP(ts) PARTITION BY DAY WAL"
                + " DEDUP UPSERT KEYS(ts, account_id, bar_interval)");
    }

    /** @throws RiskAnalytics.NotComputable PORTFOLIO_INVALID_INPUT for an empty window or no history */
    public Report tearsheet(String accountId, Instant from, Instant to, Instant now) throws SQLException {
        BigDecimal openingCash = null;
        Instant createdAt = null;
        List<Tearsheet.Fill> fills = new ArrayList<>();
        for (DomainEventMessage<?> event : history.aggregate(accountId)) {
            Object payload = event.getPayload();
            if (payload instanceof AccountCreatedEvent created) {
                openingCash = created.initialCash();
                createdAt = created.createdAt();
            } else if (payload instanceof FillAppliedEvent fill) {
                fills.add(new Tearsheet.Fill(fill.executedAt(), fill.symbol(), fill.side(), fill.price(), fill.quantity(),
                        fill.fee(), fill.positionQuantity(), fill.cash()));
            }
        }
        if (openingCash == null) {
            throw new RiskAnalytics.NotComputable("PORTFOLIO_INVALID_INPUT", "account " + accountId + " has no history");
        }
        fills.sort(java.util.Comparator.comparing(Tearsheet.Fill::time));
        Instant end = to == null ? now : to;
        Instant start = from != null ? from : later(createdAt, end.minus(DEFAULT_WINDOW));
        if (!start.isBefore(end)) {
            throw new RiskAnalytics.NotComputable("PORTFOLIO_INVALID_INPUT", "from must be before to (the account opened "
                    + createdAt + ")");
        }
        BarInterval interval = interval(Duration.between(start, end));
        long step = interval.length().toMillis();
        List<Instant> grid = new ArrayList<>();
        for (long at = interval.startOf(start.toEpochMilli()) + step; at <= end.toEpochMilli(); at += step) {
            grid.add(Instant.ofEpochMilli(at));
        }
        grid.add(0, start);
        if (grid.get(grid.size() - 1).isBefore(end)) {
            grid.add(end);
        }
        TreeSet<String> symbols = new TreeSet<>();
        fills.forEach(fill -> symbols.add(fill.symbol()));
        Map<String, NavigableMap<Instant, Double>> closes = new HashMap<>();
        for (String symbol : symbols) {
            NavigableMap<Instant, Double> byEnd = new TreeMap<>();
            for (Bar bar : bars.bars(symbol, interval, start.minus(interval.length().multipliedBy(2)), end)) {
                byEnd.put(bar.time().plus(interval.length()), bar.close().doubleValue());
            }
            closes.put(symbol, byEnd);
        }
        double perYear = Duration.ofDays(365).plusHours(6).toMillis() / (double) step;
        Tearsheet.Figures figures = Tearsheet.of(openingCash, fills, closes, grid, perYear);
        store(accountId, interval, figures.curve());
        return new Report(accountId, start, end, interval, perYear, figures);
    }

    /** The account's equity history as stored (the latest computed curve per interval). */
    private void store(String accountId, BarInterval interval, List<Tearsheet.Point> curve) throws SQLException {
        try (Connection connection = equityTable.connection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                     + " (ts, account_id, bar_interval, equity, cash) VALUES (?, ?, ?, ?, ?)")) {
            for (Tearsheet.Point point : curve) {
                insert.setTimestamp(1, Timestamp.from(point.time()), UTC);
                insert.setString(2, accountId);
                insert.setString(3, interval.name());
                insert.setDouble(4, point.equity());
                insert.setDouble(5, point.cash());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static BarInterval interval(Duration span) {
        for (BarInterval candidate : new BarInterval[] {BarInterval.ONE_MINUTE, BarInterval.ONE_HOUR, BarInterval.ONE_DAY}) {
            if (span.toMillis() / candidate.length().toMillis() <= MAX_POINTS
                    && (candidate != BarInterval.ONE_MINUTE || span.compareTo(Duration.ofDays(2)) <= 0)
                    && (candidate != BarInterval.ONE_HOUR || span.compareTo(Duration.ofDays(31)) <= 0)) {
                return candidate;
            }
        }
        return BarInterval.ONE_DAY;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
