package org.mltrading.query.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mltrading.api.marketdata.Bar;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.query.account.AccountView;
import org.mltrading.query.marketdata.MarketDataQueries;
import org.springframework.stereotype.Service;

/**
 * Stress tests: the P&amp;L of positions (netted by instrument) if prices moved at once by a scenario —
 * named shocks, a replayed day (each instrument's daily close against the close before, from stored
 * bars), a market-wide move for the rest. Money in BigDecimal: the P&amp;L of a scenario is an amount.
 */
@Service
public class StressTest {

    /** A scenario: named moves, an optional replayed date, an optional move for the rest. */
    public record Scenario(String name, Map<String, Double> shocks, Instant replayDate, Double marketShock) {
    }

    /** One instrument's line: position, last close, move, where the move came from, P&amp;L. */
    public record Line(String symbol, BigDecimal quantity, BigDecimal price, double move, String source, BigDecimal pnl) {
    }

    public record Result(String name, BigDecimal pnl, List<Line> lines) {
    }

    private final MarketDataQueries bars;

    StressTest(MarketDataQueries bars) {
        this.bars = bars;
    }

    public Result run(List<AccountView> accounts, Scenario scenario) throws SQLException {
        Map<String, BigDecimal> quantities = new TreeMap<>();
        for (AccountView account : accounts) {
            if (account.positions() != null) {
                account.positions().values().forEach(p -> quantities.merge(p.symbol(), p.quantity(), BigDecimal::add));
            }
        }
        quantities.values().removeIf(q -> q.signum() == 0);
        List<Line> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        Instant now = Instant.now();
        for (Map.Entry<String, BigDecimal> position : quantities.entrySet()) {
            String symbol = position.getKey();
            BigDecimal price = lastClose(symbol, now);
            double move = 0;
            String source = "NONE";
            Double replayed = scenario.replayDate() == null ? null : replay(symbol, scenario.replayDate());
            if (scenario.shocks().containsKey(symbol)) {
                move = scenario.shocks().get(symbol);
                source = "SHOCK";
            } else if (replayed != null) {
                move = replayed;
                source = "REPLAY";
            } else if (scenario.marketShock() != null) {
                move = scenario.marketShock();
                source = "MARKET";
            }
            BigDecimal pnl = price == null ? BigDecimal.ZERO
                    : position.getValue().multiply(price).multiply(BigDecimal.valueOf(move)).setScale(2, RoundingMode.HALF_UP);
            total = total.add(pnl);
            lines.add(new Line(symbol, position.getValue(), price, move, price == null ? "NO_PRICE" : source, pnl));
        }
        return new Result(scenario.name(), total, lines);
    }

    /** The close of the last bar with trades or stored history (one-minute bars of the last day, else daily). */
    private BigDecimal lastClose(String symbol, Instant now) throws SQLException {
        List<Bar> recent = bars.bars(symbol, BarInterval.ONE_MINUTE, now.minus(Duration.ofDays(1)), now);
        if (recent.isEmpty()) {
            recent = bars.bars(symbol, BarInterval.ONE_DAY, now.minus(Duration.ofDays(3650)), now);
        }
        return recent.isEmpty() ? null : recent.get(recent.size() - 1).close();
    }

    /** The date's daily close against the previous daily close, or null without both bars. */
    Double replay(String symbol, Instant date) throws SQLException {
        Instant day = date.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Bar> daily = bars.bars(symbol, BarInterval.ONE_DAY, day.minus(Duration.ofDays(10)), day);
        if (daily.size() < 2 || !daily.get(daily.size() - 1).time().equals(day)) {
            return null;
        }
        double close = daily.get(daily.size() - 1).close().doubleValue();
        double before = daily.get(daily.size() - 2).close().doubleValue();
        return close / before - 1;
    }
}
