package org.mltrading.ml.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mltrading.api.common.Side;
import org.mltrading.api.marketdata.Bar;
import org.mltrading.api.model.BacktestMetrics;
import org.mltrading.api.model.ModelKind;
import org.mltrading.api.venue.FillPricing;
import org.mltrading.ml.AppleDailyBars;

class BacktestEngineTest {

    private static final List<Bar> APPLE = AppleDailyBars.load();
    private static final BacktestSettings MOMENTUM = BacktestSettings.of(ModelKind.MOMENTUM, java.util.Map.of());
    private final BacktestEngine engine = new BacktestEngine(FillCosts.venueDefaults());

    @Test
    void the_benchmark_is_buy_and_hold_from_the_first_close_to_the_last() {
        BacktestMetrics metrics = engine.run(MOMENTUM, APPLE, null).metrics();
        assertThat(metrics.benchmarkReturn()).isCloseTo(561.02 / 549.03 - 1, within(1e-12));
        assertThat(metrics.bars()).isEqualTo(252);
    }

    @Test
    void both_models_trade_apple_2013_with_finite_metrics() {
        // the two kinds the engine refits walk-forward (ONNX versions are served as imported: OnnxModelTest)
        for (ModelKind kind : List.of(ModelKind.MOMENTUM, ModelKind.MEAN_REVERSION)) {
            BacktestResult result = engine.run(BacktestSettings.of(kind, java.util.Map.of()), APPLE, null);
            BacktestMetrics m = result.metrics();
            System.out.println(kind + " AAPL 2013: " + m);
            assertThat(result.fills()).isNotEmpty();
            assertThat(m.trades()).isPositive();
            assertThat(List.of(m.totalReturn(), m.sharpe(), m.sortino(), m.maxDrawdown(), m.winRate(),
                    m.turnover())).allMatch(Double::isFinite);
            assertThat(m.maxDrawdown()).isBetween(0.0, 1.0);
            assertThat(m.winRate()).isBetween(0.0, 1.0);
            assertThat(result.equity().get(result.equity().size() - 1).equity())
                    .isCloseTo(1 + m.totalReturn(), within(1e-9));
        }
    }

    @Test
    void a_version_that_may_short_sells_below_zero_and_a_long_only_one_never_does() {
        BacktestResult longShort = engine.run(BacktestSettings.of(ModelKind.MOMENTUM, java.util.Map.of("long_only", 0.0)),
                APPLE, null);
        BacktestResult longOnly = engine.run(MOMENTUM, APPLE, null);
        assertThat(positions(longShort)).anyMatch(position -> position < 0);
        assertThat(positions(longOnly)).allMatch(position -> position >= 0);
    }

    private static List<Double> positions(BacktestResult result) {
        List<Double> positions = new ArrayList<>();
        double position = 0;
        for (BacktestResult.Fill fill : result.fills()) {
            position += fill.quantity();
            positions.add(position);
        }
        return positions;
    }

    @Test
    void fills_happen_at_the_next_open_at_the_venues_price_and_fee() {
        BacktestResult result = engine.run(MOMENTUM, APPLE, null);
        for (BacktestResult.Fill fill : result.fills()) {
            Bar bar = APPLE.get(fill.barIndex());
            Side side = fill.quantity() > 0 ? Side.BUY : Side.SELL;
            BigDecimal price = FillPricing.marketPrice(side, bar.open(), BigDecimal.ONE);
            assertThat(fill.price()).isEqualTo(price.doubleValue());
            assertThat(fill.fee()).isEqualTo(FillPricing.fee(price, BigDecimal.valueOf(Math.abs(fill.quantity())),
                    new BigDecimal("0.5")).doubleValue());
            assertThat(fill.time()).isEqualTo(bar.time());
        }
    }

    @Test
    void decisions_up_to_a_bar_do_not_depend_on_the_bars_after_it() {
        BacktestResult full = engine.run(MOMENTUM, APPLE, null);
        List<Bar> firstPart = new ArrayList<>(APPLE.subList(0, 180));
        BacktestResult partial = engine.run(MOMENTUM, firstPart, null);
        List<BacktestResult.Fill> fullFillsBefore180 = full.fills().stream().filter(f -> f.barIndex() < 180).toList();
        assertThat(partial.fills()).isEqualTo(fullFillsBefore180);
    }

    @Test
    void final_equity_is_the_initial_cash_plus_every_fills_cash_flow_plus_the_open_position_at_the_last_close() {
        BacktestResult result = engine.run(MOMENTUM, APPLE, null);
        double cash = MOMENTUM.initialEquity();
        double position = 0;
        for (BacktestResult.Fill fill : result.fills()) {
            cash += -fill.quantity() * fill.price() - fill.fee();
            position += fill.quantity();
        }
        double last = APPLE.get(APPLE.size() - 1).close().doubleValue();
        assertThat((cash + position * last) / MOMENTUM.initialEquity() - 1)
                .isCloseTo(result.metrics().totalReturn(), within(1e-9));
    }

    @Test
    void progress_is_reported_up_to_every_bar() {
        List<Integer> reported = new ArrayList<>();
        engine.run(MOMENTUM, APPLE, (done, total) -> reported.add(done));
        assertThat(reported).isSortedAccordingTo(Integer::compare).last().isEqualTo(252);
        assertThat(reported.size()).isBetween(10, 25);
    }
}
