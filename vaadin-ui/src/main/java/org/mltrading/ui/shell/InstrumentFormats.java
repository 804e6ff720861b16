package org.mltrading.ui.shell;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** The formats of the instruments the UI knows, by symbol; {@link InstrumentFormat#UNKNOWN} for others. */
public final class InstrumentFormats {

    private final Map<String, InstrumentFormat> bySymbol = new HashMap<>();

    public InstrumentFormats put(String symbol, BigDecimal tickSize, BigDecimal lotSize, String currency) {
        bySymbol.put(symbol, new InstrumentFormat(tickSize, lotSize, currency));
        return this;
    }

    public InstrumentFormat of(String symbol) {
        return symbol == null ? InstrumentFormat.UNKNOWN : bySymbol.getOrDefault(symbol, InstrumentFormat.UNKNOWN);
    }
}
