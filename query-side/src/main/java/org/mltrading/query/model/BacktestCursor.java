package org.mltrading.query.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.mltrading.query.graphql.ApiErrorCode;
import org.mltrading.query.graphql.ApiException;

/** Position after a backtest in the newest-first listing: its request instant (milliseconds, as stored) and id. */
record BacktestCursor(Instant requestedAt, String id) {

    String encode() {
        String raw = (requestedAt == null ? 0 : requestedAt.toEpochMilli()) + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static BacktestCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 2);
            return new BacktestCursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[1]);
        } catch (RuntimeException e) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "after is not a cursor of backtests");
        }
    }
}
