package org.mltrading.ml.ta4j;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.mltrading.api.common.Side;
import org.mltrading.ml.backtest.SmaCrossover;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Rule;
import org.ta4j.core.Strategy;
import org.ta4j.core.Trade;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.analysis.cost.ZeroCostModel;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.rules.OverIndicatorRule;

/**
 * The reference: ta4j 0.17 (see the POM for why not 0.18) running the rule of {@link SmaCrossover}
 * the way our engine executes it — decided at a bar's close, executed at the next bar's open
 * ({@link TradeOnNextOpenModel}), long or flat, no decision before the slow average has a full window ({@code unstableBars = slow − 1}). ta4j
 * computes with its {@code DoubleNum} (its fastest number type; ours is {@code double} too) and, having
 * no slippage or venue fee model, without costs: the comparison is on when, which side and at what
 * touch price, while the quantity differs by design (ta4j trades a fixed amount, our engine sizes to
 * the equity).
 */
public final class Ta4jSmaCrossover {

    /** One execution: bar index, side, price before slippage and fee. */
    public record Execution(int barIndex, Side side, double price) {
    }

    private Ta4jSmaCrossover() {
    }

    public static BarSeries series(String name, Instant[] times, double[] opens, double[] highs, double[] lows,
                                   double[] closes, Duration period) {
        BarSeries series = new BaseBarSeriesBuilder().withName(name).withNumTypeOf(DoubleNum.class).build();
        for (int i = 0; i < closes.length; i++) {
            series.addBar(period, times[i].plus(period).atZone(ZoneOffset.UTC), opens[i], highs[i], lows[i], closes[i], 0);
        }
        return series;
    }

    /** Strategy and indicators are built per run, as a fresh run of our engine builds its signal. */
    public static TradingRecord run(BarSeries series, SmaCrossover rule) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        Rule fastAbove = new OverIndicatorRule(new SMAIndicator(close, rule.fastBars()),
                new SMAIndicator(close, rule.slowBars()));
        Strategy strategy = new BaseStrategy("sma-" + rule.fastBars() + "-" + rule.slowBars(), fastAbove,
                fastAbove.negation(), rule.slowBars() - 1);
        BarSeriesManager manager = new BarSeriesManager(series, new ZeroCostModel(), new ZeroCostModel(),
                new TradeOnNextOpenModel());
        return manager.run(strategy, Trade.TradeType.BUY, series.one());
    }

    public static List<Execution> executions(TradingRecord record) {
        List<Execution> executions = new ArrayList<>();
        for (Trade trade : record.getTrades()) {
            executions.add(new Execution(trade.getIndex(), trade.isBuy() ? Side.BUY : Side.SELL,
                    trade.getPricePerAsset().doubleValue()));
        }
        return executions;
    }
}
