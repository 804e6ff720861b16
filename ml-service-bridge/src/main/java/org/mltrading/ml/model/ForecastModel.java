package org.mltrading.ml.model;

/**
 * A servable model: the forecast of the next bar's log return, with its intervals, from the features
 * {@link org.mltrading.ml.feature.Features#compute} gives at a bar's close. Live predictions and
 * backtests serve every kind through this one method. Models that hold native resources (ONNX
 * sessions) release them on {@link #close()}; the platform's own kinds hold none.
 */
public interface ForecastModel extends AutoCloseable {

    Forecast predict(double[] features);

    @Override
    default void close() {
        // nothing to release
    }
}
