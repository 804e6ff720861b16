package org.mltrading.ui.trading;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.List;

/** The desk's view of an account: cash, equity, trading state and positions. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccountSummary(String id, String name, String currency, BigDecimal cash, BigDecimal equity,
                             String tradingState, String tradingStateReason, List<PositionView> positions) {

    public AccountSummary {
        positions = positions == null ? List.of() : List.copyOf(positions);
    }

    public String label() {
        return (name == null || name.isBlank() ? id : name + " (" + id + ")") + (currency == null ? "" : ", " + currency);
    }
}
