package org.mltrading.ui.compliance;

import java.math.BigDecimal;
import java.time.Instant;

/** An order found by the client order id a trader quoted: enough to tell several apart. */
public record OrderMatch(String id, String clientOrderId, String accountId, String symbol, String side,
                         BigDecimal quantity, String status, Instant placedAt) {

    /** "desk-42 · demo-account · BUY 10 AAPL · FILLED". */
    public String label() {
        return clientOrderId + " · " + accountId + " · " + side + " " + AsOfComparison.text(quantity) + " " + symbol
                + " · " + status;
    }
}
