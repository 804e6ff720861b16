package org.mltrading.query.marketdata.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mltrading.api.marketdata.Bar;
import org.mltrading.api.marketdata.Trade;
import org.mltrading.query.marketdata.instrument.InstrumentCatalog;
import org.springframework.core.io.ClassPathResource;

/** The warm-start history of one instrument: deterministic, bars before the split, trades after it. */
class SimulatedHistoryTest {

    private static final InstrumentCatalog CATALOG =
            InstrumentCatalog.fromResource(new ClassPathResource("marketdata/instruments.csv"));
    private static final double STEP = 7 / 50.0;
    private static final Instant NOW = Instant.parse("2026-12-07T10:15:42.250Z");

    private static InstrumentSimulation aapl(long seed) {
        return InstrumentSimulation.seeded(CATALOG.find("AAPL").orElseThrow(), CATALOG.parameters("AAPL").orElseThrow(),
                ModelParameters.DEFAULTS, seed, STEP);
    }

    private static SimulatedHistory history(long seed, Instant now, Duration length, Duration trades) {
        Instant from = now.truncatedTo(ChronoUnit.MINUTES).minus(length);
        return SimulatedHistory.generate(aapl(seed), from, now, now.minus(trades), STEP);
    }

    @Test
    void the_same_seed_writes_the_same_prices_in_every_run_whenever_it_runs() {
        SimulatedHistory first = history(42, NOW, Duration.ofHours(6), Duration.ofMinutes(30));
        SimulatedHistory again = history(42, NOW, Duration.ofHours(6), Duration.ofMinutes(30));
        assertThat(again).isEqualTo(first);

        // a day later on the same minute grid: the same path, a day later
        SimulatedHistory tomorrow = history(42, NOW.plus(Duration.ofDays(1)), Duration.ofHours(6), Duration.ofMinutes(30));
        assertThat(tomorrow.bars()).extracting(Bar::close).isEqualTo(first.bars().stream().map(Bar::close).toList());
        assertThat(tomorrow.bars().get(0).time()).isEqualTo(first.bars().get(0).time().plus(Duration.ofDays(1)));

        SimulatedHistory otherSeed = history(7, NOW, Duration.ofHours(6), Duration.ofMinutes(30));
        assertThat(otherSeed.bars()).extracting(Bar::close).isNotEqualTo(first.bars().stream().map(Bar::close).toList());
    }

    @Test
    void older_history_is_one_minute_bars_and_the_most_recent_part_is_trade_prints() {
        SimulatedHistory history = history(42, NOW, Duration.ofHours(6), Duration.ofMinutes(30));
        Instant split = NOW.minus(Duration.ofMinutes(30));

        assertThat(history.bars().get(0).time()).isEqualTo(NOW.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(6)));
        // every minute of 5.5 hours traded (about two prints a second), none after the split's minute
        assertThat(history.bars()).hasSize(330 + 1);
        assertThat(history.bars()).allSatisfy(bar -> {
            assertThat(bar.time()).isBefore(split);
            assertThat(bar.time().truncatedTo(ChronoUnit.MINUTES)).isEqualTo(bar.time());
            assertThat(bar.low()).isLessThanOrEqualTo(bar.open().min(bar.close()));
            assertThat(bar.high()).isGreaterThanOrEqualTo(bar.open().max(bar.close()));
            assertThat(bar.volume()).isPositive();
        });
        assertThat(history.trades()).isNotEmpty().allSatisfy(trade -> assertThat(trade.time()).isBetween(split, NOW));
        for (int i = 1; i < history.trades().size(); i++) {
            assertThat(history.trades().get(i).time()).isAfter(history.trades().get(i - 1).time());
        }
        Trade last = history.trades().get(history.trades().size() - 1);
        assertThat(history.last()).isEqualTo(new LastPrint(last.time(), last.price()));
    }

    @Test
    void the_bars_are_the_prints_of_their_minute_and_the_seam_minute_combines_with_the_trades_after_it() {
        Duration length = Duration.ofHours(2);
        SimulatedHistory allTrades = history(42, NOW, length, length.plusMinutes(1));
        SimulatedHistory split = history(42, NOW, length, Duration.ofMinutes(20));

        Map<Instant, Bar> fromTrades = minuteBars(allTrades.trades());
        Map<Instant, Bar> combined = new TreeMap<>();
        for (Bar bar : split.bars()) {
            combined.put(bar.time(), bar);
        }
        minuteBars(split.trades()).forEach((minute, bar) -> combined.merge(minute, bar, SimulatedHistoryTest::join));
        assertThat(combined).isEqualTo(fromTrades);
    }

    /** One-minute bars of prints, the way the bar query samples trades. */
    private static Map<Instant, Bar> minuteBars(List<Trade> trades) {
        Map<Instant, List<Trade>> byMinute = new TreeMap<>();
        for (Trade trade : trades) {
            byMinute.computeIfAbsent(trade.time().truncatedTo(ChronoUnit.MINUTES), m -> new ArrayList<>()).add(trade);
        }
        Map<Instant, Bar> bars = new TreeMap<>();
        byMinute.forEach((minute, prints) -> bars.put(minute, new Bar("AAPL", org.mltrading.api.marketdata.BarInterval.ONE_MINUTE,
                minute, prints.get(0).price(), prints.stream().map(Trade::price).reduce(BigDecimal::max).orElseThrow(),
                prints.stream().map(Trade::price).reduce(BigDecimal::min).orElseThrow(), prints.get(prints.size() - 1).price(),
                prints.stream().map(Trade::size).reduce(BigDecimal.ZERO, BigDecimal::add))));
        return bars;
    }

    private static Bar join(Bar earlier, Bar later) {
        return new Bar(earlier.symbol(), earlier.interval(), earlier.time(), earlier.open(), earlier.high().max(later.high()),
                earlier.low().min(later.low()), later.close(), earlier.volume().add(later.volume()));
    }
}
