package org.mltrading.api.alert;

import java.math.BigDecimal;

/**
 * An alert's rule. {@code repeat}: false fires once and disarms until re-armed (resumeAlert); true re-arms
 * once the price has moved back across the level by the hysteresis band and the cooldown has passed.
 */
public record AlertRule(AlertKind kind, String symbol, BigDecimal level, AlertDirection direction, boolean repeat,
                        long cooldownSeconds) {
}
