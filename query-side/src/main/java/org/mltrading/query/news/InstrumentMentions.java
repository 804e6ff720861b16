package org.mltrading.query.news;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mltrading.api.marketdata.Instrument;
import org.mltrading.query.marketdata.instrument.InstrumentCatalog;

/**
 * Finds the catalogue's instruments named in a text: cashtags ({@code $AAPL}), exchange tickers in angle
 * brackets as wire services write them ({@code <AAPL.O>}, the part before the exchange suffix), and the
 * instrument's news names from the catalogue (whole words, case-sensitive: "Apple" the company, not
 * "apple" the fruit). Symbols not in the catalogue are ignored.
 */
public final class InstrumentMentions {

    private static final Pattern CASHTAG = Pattern.compile("(?<![\\w$])\\$([A-Za-z][A-Za-z0-9.\\-]{0,11})");
    private static final Pattern WIRE_TICKER = Pattern.compile("<([A-Z0-9][A-Z0-9\\-/]{0,11})(?:\\.[A-Z]{1,3})?>");

    private record NamePattern(String symbol, Pattern pattern) {
    }

    private final InstrumentCatalog catalog;
    private final List<NamePattern> names = new ArrayList<>();

    public InstrumentMentions(InstrumentCatalog catalog) {
        this.catalog = catalog;
        for (Instrument instrument : catalog.all()) {
            for (String name : catalog.newsNames(instrument.symbol())) {
                names.add(new NamePattern(instrument.symbol(),
                        Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])")));
            }
        }
    }

    /** The catalogue symbols the text names, in order of first appearance per kind of mention. */
    public Set<String> in(String text) {
        Set<String> found = new LinkedHashSet<>();
        if (text == null || text.isEmpty()) {
            return found;
        }
        Matcher cashtag = CASHTAG.matcher(text);
        while (cashtag.find()) {
            known(cashtag.group(1)).ifPresent(found::add);
        }
        Matcher ticker = WIRE_TICKER.matcher(text);
        while (ticker.find()) {
            known(ticker.group(1)).ifPresent(found::add);
        }
        for (NamePattern name : names) {
            if (!found.contains(name.symbol()) && name.pattern().matcher(text).find()) {
                found.add(name.symbol());
            }
        }
        return found;
    }

    /** The catalogue symbol for a symbol as a feed spells it (case-insensitive), if listed. */
    public java.util.Optional<String> known(String symbol) {
        return catalog.find(symbol.toUpperCase(Locale.ROOT)).map(Instrument::symbol);
    }
}
