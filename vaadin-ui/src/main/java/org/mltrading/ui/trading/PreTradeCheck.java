package org.mltrading.ui.trading;

import java.math.BigDecimal;
import java.util.List;
import org.mltrading.graphql.types.OrderPreview;

/**
 * The answer of {@code previewOrder}: would pre-trade risk accept the order now, at what notional,
 * and every check with its numbers.
 */
public record PreTradeCheck(boolean accepted, BigDecimal notional, BigDecimal referencePrice,
                            BigDecimal resultingPosition, BigDecimal resultingGrossExposure, List<Check> checks) {

    public PreTradeCheck {
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** One check: stable name, the code an order failing it is rejected with, and the numbers compared. */
    public record Check(String name, String code, boolean passed, String detail) {
    }

    /** The checks that would reject the order (empty when accepted). */
    public List<Check> failed() {
        return checks.stream().filter(check -> !check.passed()).toList();
    }

    static PreTradeCheck from(OrderPreview preview) {
        return new PreTradeCheck(Boolean.TRUE.equals(preview.getAccepted()), preview.getNotional(),
                preview.getReferencePrice(), preview.getResultingPosition(), preview.getResultingGrossExposure(),
                preview.getChecks() == null ? List.of() : preview.getChecks().stream()
                        .map(c -> new Check(c.getName(), c.getCode(), Boolean.TRUE.equals(c.getPassed()), c.getDetail()))
                        .toList());
    }
}
