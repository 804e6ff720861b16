package org.mltrading.ml.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mltrading.api.common.Side;
import org.mltrading.api.marketdata.Bar;
import org.mltrading.ml.AppleDailyBars;
import org.mltrading.ml.BitstampMinuteBars;
import org.mltrading.ml.ta4j.Ta4jSmaCrossover;
import org.mltrading.ml.ta4j.Ta4jSmaCrossover.Execution;
import org.ta4j.core.BarSeries;

/**
 * Our engine and ta4j 0.17 run the same rule ({@link SmaCrossover}) on the same real bars and must
 * execute the same trades: same bar, same side, same price. ta4j has no slippage or venue fee, so the
 * exact comparison runs our engine without costs; with the venue's costs the trades stay on the same
 * bars and sides and each price is the venue's price of ta4j's touch.
 */
class SmaCrossoverVsTa4jTest {

    private static final List<Bar> APPLE_2013_DAILY = AppleDailyBars.load();
    private static final List<Bar> BTC_2013_MINUTES = BitstampMinuteBars.load();
    private static final FillCosts NO_COSTS = new FillCosts(BigDecimal.ZERO, BigDecimal.ZERO);

    static List<Arguments> realSeriesAndRules() {
        return List.of(
                Arguments.of("AAPL 2013 daily", APPLE_2013_DAILY, new SmaCrossover(5, 20)),
                Arguments.of("AAPL 2013 daily", APPLE_2013_DAILY, new SmaCrossover(10, 50)),
                Arguments.of("AAPL 2013 daily", APPLE_2013_DAILY, new SmaCrossover(3, 10)),
                Arguments.of("BTC-USD Bitstamp 2013-11-25..12-01, 1-minute", BTC_2013_MINUTES, new SmaCrossover(5, 20)),
                Arguments.of("BTC-USD Bitstamp 2013-11-25..12-01, 1-minute", BTC_2013_MINUTES, new SmaCrossover(15, 60)));
    }

    @ParameterizedTest(name = "{0}, {2}")
    @MethodSource("realSeriesAndRules")
    void our_engine_and_ta4j_execute_identical_trades(String data, List<Bar> bars, SmaCrossover rule) {
        List<Execution> ours = executions(run(NO_COSTS, bars, rule));
        List<Execution> ta4j = Ta4jSmaCrossover.executions(Ta4jSmaCrossover.run(ta4jSeries(bars), rule));

        System.out.printf("%s, %s: %d bars, %d executions in both engines%n", data, rule, bars.size(), ours.size());
        assertThat(ta4j).as("ta4j must trade this rule on this data, or the comparison says nothing").hasSizeGreaterThan(4);
        assertThat(ours).containsExactlyElementsOf(ta4j);
        // long or flat: buys and sells alternate, starting with a buy
        for (int k = 0; k < ours.size(); k++) {
            assertThat(ours.get(k).side()).isEqualTo(k % 2 == 0 ? Side.BUY : Side.SELL);
        }
    }

    @ParameterizedTest(name = "{0}, {2}")
    @MethodSource("realSeriesAndRules")
    void with_the_venues_costs_the_trades_keep_their_bars_and_sides_and_pay_the_venues_price(String data,
                                                                                             List<Bar> bars,
                                                                                             SmaCrossover rule) {
        FillCosts venue = FillCosts.venueDefaults();
        List<Execution> withCosts = executions(run(venue, bars, rule));
        List<Execution> ta4j = Ta4jSmaCrossover.executions(Ta4jSmaCrossover.run(ta4jSeries(bars), rule));

        assertThat(withCosts).hasSameSizeAs(ta4j);
        for (int k = 0; k < ta4j.size(); k++) {
            Execution reference = ta4j.get(k);
            Execution ours = withCosts.get(k);
            assertThat(ours.barIndex()).isEqualTo(reference.barIndex());
            assertThat(ours.side()).isEqualTo(reference.side());
            BigDecimal touch = bars.get(reference.barIndex()).open();
            assertThat(ours.price()).isEqualTo(venue.price(reference.side(), touch).doubleValue());
            assertThat(reference.price()).isEqualTo(touch.doubleValue());
        }
    }

    private static BacktestResult run(FillCosts costs, List<Bar> bars, SmaCrossover rule) {
        double[] closes = prices(bars, Bar::close);
        return new BacktestEngine(costs).run(rule.over(closes), times(bars), prices(bars, Bar::open), closes,
                bars.get(0).interval(), 1_000_000, null);
    }

    private static List<Execution> executions(BacktestResult result) {
        return result.fills().stream()
                .map(fill -> new Execution(fill.barIndex(), fill.quantity() > 0 ? Side.BUY : Side.SELL, fill.price()))
                .toList();
    }

    private static BarSeries ta4jSeries(List<Bar> bars) {
        return Ta4jSmaCrossover.series(bars.get(0).symbol(), times(bars), prices(bars, Bar::open),
                prices(bars, Bar::high), prices(bars, Bar::low), prices(bars, Bar::close), bars.get(0).interval().length());
    }

    private static Instant[] times(List<Bar> bars) {
        return bars.stream().map(Bar::time).toArray(Instant[]::new);
    }

    private static double[] prices(List<Bar> bars, java.util.function.Function<Bar, BigDecimal> field) {
        return bars.stream().mapToDouble(bar -> field.apply(bar).doubleValue()).toArray();
    }
}
