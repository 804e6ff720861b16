package org.mltrading.ui.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mltrading.ui.chart.ChartBar;
import org.mltrading.ui.chart.ChartPrediction;
import org.mltrading.ui.marketdata.ChartInterval;

/**
 * Turns one symbol's predicted log returns into prices on the desk chart: a prediction made at the
 * close C of bar t forecasts the close of bar t+1 as C·e^value, and its interval as C·e^lower to
 * C·e^upper, drawn at bar t+1's time. One model version is drawn (the one that predicted last), and
 * only predictions made on the chart's interval, so the line is one forecast per bar.
 */
public final class PredictionOverlay {

    private final String symbol;
    private final ChartInterval interval;
    private final TreeMap<Instant, PredictionPoint> byBar = new TreeMap<>();
    private String modelVersion;

    public PredictionOverlay(String symbol, ChartInterval interval) {
        this.symbol = symbol;
        this.interval = interval;
    }

    /** Takes a prediction in; false when it is for another symbol or interval. */
    public boolean add(PredictionPoint prediction) {
        if (!symbol.equals(prediction.symbol()) || !interval.name().equals(prediction.interval())) {
            return false;
        }
        if (!prediction.modelVersion().equals(modelVersion)) {
            modelVersion = prediction.modelVersion();
            byBar.values().removeIf(p -> !p.modelVersion().equals(modelVersion));
        }
        byBar.put(prediction.barTime(), prediction);
        return true;
    }

    /** The version drawn, e.g. "momentum@2"; null before the first prediction. */
    public String modelVersion() {
        return modelVersion;
    }

    /**
     * Price points for the predictions whose base bar is on the chart, ascending, starting at the first
     * one's base close (value = lower = upper = that close).
     */
    public List<ChartPrediction> points(List<ChartBar> bars) {
        Map<Long, Double> closes = new TreeMap<>();
        bars.forEach(bar -> closes.put(bar.time(), bar.close()));
        List<ChartPrediction> points = new ArrayList<>();
        for (PredictionPoint prediction : byBar.values()) {
            Double close = closes.get(prediction.barTime().getEpochSecond());
            if (close == null) {
                continue;
            }
            if (points.isEmpty()) {
                // the forecast starts where it was made: the close of its base bar, a point without width, so
                // the first forecast already draws a band (a cone to the next bar), not a lone point
                points.add(new ChartPrediction(prediction.barTime().getEpochSecond(), close, close, close));
            }
            long predictedBar = prediction.barTime().plus(interval.length()).getEpochSecond();
            points.add(new ChartPrediction(predictedBar, close * Math.exp(prediction.value()),
                    close * Math.exp(prediction.lower()), close * Math.exp(prediction.upper())));
        }
        return points;
    }
}
