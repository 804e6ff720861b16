package org.mltrading.query.model;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.mltrading.api.marketdata.BarInterval;
import org.springframework.stereotype.Service;

/** The live models' latest forecasts, for other features (portfolio expected returns). */
@Service
public class LatestPredictions {

    /** A forecast of the next bar's log return over bars of {@code interval}. */
    public record Forecast(String symbol, String modelVersion, BarInterval interval, double logReturn, Instant time) {
    }

    private final PredictionStore store;

    LatestPredictions(PredictionStore store) {
        this.store = store;
    }

    /** The most recent forecast for the symbol made within {@code maxAge} of {@code now}. */
    public Optional<Forecast> latest(String symbol, Instant now, Duration maxAge) throws SQLException {
        return store.latest(symbol, now.minus(maxAge), now)
                .map(row -> new Forecast(row.symbol(), row.modelVersion(), row.interval(), row.value(), row.time()));
    }
}
