package org.mltrading.ui.trading;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;

/** A position as the API reports it (quantity signed, negative is short; money in the account currency). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PositionView(String accountId, String symbol, BigDecimal quantity, BigDecimal averagePrice,
                           BigDecimal marketValue, BigDecimal unrealizedPnl, BigDecimal realizedPnl) {
}
