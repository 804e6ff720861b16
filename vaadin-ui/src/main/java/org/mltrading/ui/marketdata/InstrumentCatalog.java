package org.mltrading.ui.marketdata;

import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.annotation.VaadinSessionScope;
import org.mltrading.ui.shell.InstrumentFormats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instruments' ticks, lots and currencies for the pages that show orders without loading the
 * instruments themselves (orders, compliance): read once per browser session. When the API cannot
 * answer, numbers are written without reference data (at most six decimals) and the next page
 * asks again.
 */
// named: the query side has a bean "instrumentCatalog" in the same all-in-one context
@SpringComponent("uiInstrumentCatalog")
@VaadinSessionScope
public class InstrumentCatalog {

    private static final Logger log = LoggerFactory.getLogger(InstrumentCatalog.class);

    private final MarketDataClient marketData;
    private InstrumentFormats formats;

    public InstrumentCatalog(MarketDataClient marketData) {
        this.marketData = marketData;
    }

    public InstrumentFormats formats() {
        if (formats != null) {
            return formats;
        }
        InstrumentFormats loaded = new InstrumentFormats();
        try {
            marketData.instruments().forEach(i -> loaded.put(i.symbol(), i.tickSize(), i.lotSize(), i.currency()));
            formats = loaded;
        } catch (RuntimeException failure) {
            log.info("instruments not loaded, numbers shown without tick and lot: {}", failure.toString());
        }
        return loaded;
    }
}
