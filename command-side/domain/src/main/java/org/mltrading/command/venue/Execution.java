package org.mltrading.command.venue;

import java.math.BigDecimal;

/**
 * What one order can execute against one quote: price per unit (8 decimals), quantity in units and
 * the fee in the quote currency (8 decimals).
 */
record Execution(BigDecimal price, BigDecimal quantity, BigDecimal fee) {
}
