package org.mltrading.ui.marketdata;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;

/** Reference data of a tradable instrument (tick and lot size drive the ticket's steps). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InstrumentInfo(String symbol, String name, String assetClass, String currency, BigDecimal tickSize,
                             BigDecimal lotSize) {
}
