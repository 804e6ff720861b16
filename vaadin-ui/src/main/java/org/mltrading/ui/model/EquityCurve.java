package org.mltrading.ui.model;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Scales a backtest's equity points (a multiple of the initial equity) into an SVG polyline, drawn on
 * the server: the curve is at most ~500 points, so no charting script is needed for it.
 */
public final class EquityCurve {

    private EquityCurve() {
    }

    /**
     * The {@code points} attribute of a polyline filling a {@code width}×{@code height} box: time
     * left to right (evenly by index, as the points are bar closes), equity bottom to top between
     * its minimum and maximum. Empty when there are fewer than two points.
     */
    public static String polyline(List<BacktestRun.EquityPoint> points, double width, double height) {
        if (points == null || points.size() < 2) {
            return "";
        }
        double min = points.stream().mapToDouble(BacktestRun.EquityPoint::equity).min().orElseThrow();
        double max = points.stream().mapToDouble(BacktestRun.EquityPoint::equity).max().orElseThrow();
        double span = max - min;
        StringJoiner polyline = new StringJoiner(" ");
        for (int i = 0; i < points.size(); i++) {
            double x = width * i / (points.size() - 1);
            // A flat curve is drawn through the middle rather than dividing by zero.
            double y = span == 0 ? height / 2 : height * (max - points.get(i).equity()) / span;
            polyline.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        }
        return polyline.toString();
    }
}
