package org.mltrading.query.marketdata.instrument;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mltrading.api.marketdata.Instrument;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The tradable instruments (reference data) and where the simulated feed starts them, loaded once at
 * start-up from a CSV (see {@code marketdata/instruments.csv} for the format). The location is the
 * Spring resource location in {@value #LOCATION_PROPERTY}, e.g. {@code file:/etc/platform/instruments.csv};
 * a malformed file stops start-up with an {@link InstrumentCsvException} naming the line.
 */
@Component
public class InstrumentCatalog {

    public static final String LOCATION_PROPERTY = "platform.marketdata.instruments";
    public static final String DEFAULT_LOCATION = "classpath:marketdata/instruments.csv";

    private final Map<String, InstrumentCsv.Row> bySymbol;
    private final List<Instrument> all;

    @org.springframework.beans.factory.annotation.Autowired
    public InstrumentCatalog(ResourceLoader resourceLoader,
                             @Value("${" + LOCATION_PROPERTY + ":" + DEFAULT_LOCATION + "}") String location) {
        this(read(resourceLoader.getResource(location)));
    }

    private InstrumentCatalog(List<InstrumentCsv.Row> rows) {
        Map<String, InstrumentCsv.Row> sorted = new TreeMap<>();
        rows.forEach(row -> sorted.put(row.instrument().symbol(), row));
        this.bySymbol = Collections.unmodifiableMap(sorted);
        this.all = sorted.values().stream().map(InstrumentCsv.Row::instrument).toList();
    }

    /** A catalog read from a resource (the bean reads {@value #LOCATION_PROPERTY}). */
    public static InstrumentCatalog fromResource(Resource resource) {
        return new InstrumentCatalog(read(resource));
    }

    /** A catalog read from CSV text; {@code source} names it in error messages. */
    public static InstrumentCatalog fromCsv(String source, String csv) {
        try (Reader reader = new StringReader(csv)) {
            return new InstrumentCatalog(InstrumentCsv.read(source, reader));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<InstrumentCsv.Row> read(Resource resource) {
        String source = resource.getDescription();
        if (!resource.exists()) {
            throw new IllegalStateException("Instrument CSV " + source + " does not exist (set "
                    + LOCATION_PROPERTY + " to a Spring resource location such as file:/path/instruments.csv)");
        }
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            return InstrumentCsv.read(source, reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read instrument CSV " + source, e);
        }
    }

    /** Every instrument, sorted by symbol. */
    public List<Instrument> all() {
        return all;
    }

    /** The instrument with this symbol (case-insensitive, surrounding blanks ignored), if listed. */
    public Optional<Instrument> find(String symbol) {
        return row(symbol).map(InstrumentCsv.Row::instrument);
    }

    /** How the simulated feed moves the instrument with this symbol, if listed. */
    public Optional<SimulationParameters> parameters(String symbol) {
        return row(symbol).map(InstrumentCsv.Row::parameters);
    }

    /** The names news items use for the instrument with this symbol (empty when not listed). */
    /** The instrument's firm-wide order controls (default collar, no maximum quantity for an unknown symbol). */
    public org.mltrading.api.marketdata.InstrumentControls controls(String symbol) {
        return row(symbol).map(InstrumentCsv.Row::controls).orElse(org.mltrading.api.marketdata.InstrumentControls.DEFAULT);
    }

    public List<String> newsNames(String symbol) {
        return row(symbol).map(InstrumentCsv.Row::newsNames).orElse(List.of());
    }

    private Optional<InstrumentCsv.Row> row(String symbol) {
        if (symbol == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(bySymbol.get(symbol.strip().toUpperCase(Locale.ROOT)));
    }
}
