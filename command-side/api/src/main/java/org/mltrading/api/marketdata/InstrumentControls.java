package org.mltrading.api.marketdata;

import java.math.BigDecimal;

/**
 * Firm-wide order controls of an instrument. {@code priceCollar}: a BUY limit more than this fraction
 * above the last trade (else the mid), or a SELL limit that far below, is refused (0.10 = 10 %);
 * {@code maxOrderQuantity}: the largest quantity one order may ask for, in units (null = no maximum).
 */
public record InstrumentControls(BigDecimal priceCollar, BigDecimal maxOrderQuantity) {

    public static final BigDecimal DEFAULT_PRICE_COLLAR = new BigDecimal("0.10");
    public static final InstrumentControls DEFAULT = new InstrumentControls(DEFAULT_PRICE_COLLAR, null);

    public InstrumentControls {
        if (priceCollar == null) {
            priceCollar = DEFAULT_PRICE_COLLAR;
        }
        if (priceCollar.signum() <= 0) {
            throw new IllegalArgumentException("a price collar is a fraction greater than 0");
        }
        if (maxOrderQuantity != null && maxOrderQuantity.signum() <= 0) {
            throw new IllegalArgumentException("a maximum order quantity is greater than 0");
        }
    }
}
