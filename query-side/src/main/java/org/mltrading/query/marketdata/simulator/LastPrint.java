package org.mltrading.query.marketdata.simulator;

import java.math.BigDecimal;
import java.time.Instant;

/** The latest simulated price stored for a symbol and when it was printed: where a restart continues. */
public record LastPrint(Instant time, BigDecimal price) {
}
