package org.mltrading.query.marketdata.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mltrading.api.marketdata.Instrument;
import org.mltrading.query.marketdata.instrument.InstrumentCatalog;
import org.springframework.core.io.ClassPathResource;

/**
 * The pure per-instrument simulation: reproducible for a seed, and every quote and print it makes is
 * one a venue could show (on the tick and lot grids, bid below ask).
 */
class InstrumentSimulationTest {

    private static final InstrumentCatalog CATALOG =
            InstrumentCatalog.fromResource(new ClassPathResource("marketdata/instruments.csv"));
    /** The live feed's step with the defaults: 7 instruments at 50 quotes per second. */
    private static final double LIVE_STEP_SECONDS = 7 / 50.0;
    private static final int STEPS = 100_000;

    static Stream<String> symbols() {
        return CATALOG.all().stream().map(Instrument::symbol);
    }

    private static InstrumentSimulation simulation(String symbol, long seed, double stepSeconds) {
        return InstrumentSimulation.seeded(CATALOG.find(symbol).orElseThrow(), CATALOG.parameters(symbol).orElseThrow(),
                ModelParameters.DEFAULTS, seed, stepSeconds);
    }

    private static List<SimulatedTick> run(InstrumentSimulation simulation, int steps) {
        List<SimulatedTick> ticks = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) {
            ticks.add(simulation.next());
        }
        return ticks;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("symbols")
    void the_same_seed_gives_the_same_path(String symbol) {
        List<SimulatedTick> first = run(simulation(symbol, 42, LIVE_STEP_SECONDS), 10_000);
        List<SimulatedTick> second = run(simulation(symbol, 42, LIVE_STEP_SECONDS), 10_000);

        assertThat(second).isEqualTo(first);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("symbols")
    void different_seeds_give_different_paths(String symbol) {
        List<SimulatedTick> seed42 = run(simulation(symbol, 42, LIVE_STEP_SECONDS), 1_000);
        List<SimulatedTick> seed43 = run(simulation(symbol, 43, LIVE_STEP_SECONDS), 1_000);

        assertThat(seed43.get(999).mid()).isNotEqualTo(seed42.get(999).mid());
        assertThat(seed43).isNotEqualTo(seed42);
    }

    @Test
    void instruments_get_independent_streams_from_one_seed() {
        assertThat(Seeds.forSymbol(42, "AAPL")).isNotEqualTo(Seeds.forSymbol(42, "MSFT"))
                .isNotEqualTo(Seeds.forSymbol(43, "AAPL")).isEqualTo(Seeds.forSymbol(42, "AAPL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("symbols")
    void quotes_stay_on_the_tick_grid_with_bid_below_ask_for_100k_steps(String symbol) {
        Instrument instrument = CATALOG.find(symbol).orElseThrow();
        BigDecimal tick = instrument.tickSize();
        int scale = tick.stripTrailingZeros().scale();
        InstrumentSimulation simulation = simulation(symbol, 42, LIVE_STEP_SECONDS);

        for (int i = 0; i < STEPS; i++) {
            SimulatedTick t = simulation.next();
            if (t.bid().signum() <= 0 || t.bid().compareTo(t.ask()) >= 0
                    || t.ask().subtract(t.bid()).compareTo(tick) < 0
                    || !onGrid(t.bid(), tick) || !onGrid(t.ask(), tick) || !onGrid(t.last(), tick)
                    || t.bid().scale() != scale || t.ask().scale() != scale || t.last().scale() != scale) {
                assertThat(t).as("step %d of %s", i, symbol).isNull();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("symbols")
    void trades_print_at_bid_or_ask_in_positive_multiples_of_the_lot_size(String symbol) {
        BigDecimal lot = CATALOG.find(symbol).orElseThrow().lotSize();
        InstrumentSimulation simulation = simulation(symbol, 42, LIVE_STEP_SECONDS);
        long expectedId = 1;

        for (int i = 0; i < STEPS; i++) {
            SimulatedTick t = simulation.next();
            if (t.trade().isPresent()) {
                SimulatedTrade trade = t.trade().get();
                if (trade.size().signum() <= 0 || !onGrid(trade.size(), lot)
                        || trade.price().compareTo(trade.buyerInitiated() ? t.ask() : t.bid()) != 0
                        || trade.price().compareTo(t.last()) != 0 || trade.tradeId() != expectedId) {
                    assertThat(t).as("step %d of %s", i, symbol).isNull();
                }
                expectedId++;
            }
        }
        assertThat(expectedId).as("trades printed").isGreaterThan(1000);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("symbols")
    void some_but_not_all_quote_updates_come_with_a_trade(String symbol) {
        List<SimulatedTick> ticks = run(simulation(symbol, 7, LIVE_STEP_SECONDS), 20_000);

        double tradeShare = ticks.stream().filter(t -> t.trade().isPresent()).count() / (double) ticks.size();
        assertThat(tradeShare).isBetween(0.1, 0.6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("symbols")
    void trade_sizes_vary_around_a_typical_notional(String symbol) {
        List<BigDecimal> sizes = run(simulation(symbol, 42, LIVE_STEP_SECONDS), 20_000).stream()
                .flatMap(t -> t.trade().stream()).map(SimulatedTrade::size).distinct().toList();

        assertThat(sizes).as("distinct sizes").hasSizeGreaterThan(20);
    }

    @Test
    void the_spread_widens_when_volatility_is_high() {
        InstrumentSimulation simulation = simulation("BTC-USD", 42, 600);
        double theta = simulation.process().longRunVariance();
        double calm = 0, calmCount = 0, wild = 0, wildCount = 0;

        for (int i = 0; i < 50_000; i++) {
            SimulatedTick t = simulation.next();
            double relativeSpread = t.ask().subtract(t.bid()).doubleValue() / t.mid();
            if (t.variance() < 0.7 * theta) {
                calm += relativeSpread;
                calmCount++;
            } else if (t.variance() > 1.4 * theta) {
                wild += relativeSpread;
                wildCount++;
            }
        }

        assertThat(calmCount).isPositive();
        assertThat(wildCount).isPositive();
        assertThat(wild / wildCount).isGreaterThan(1.5 * calm / calmCount);
    }

    private static boolean onGrid(BigDecimal value, BigDecimal step) {
        return value.remainder(step).signum() == 0;
    }
}
