package org.mltrading.query.marketdata.instrument;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import org.mltrading.api.marketdata.InstrumentControls;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.mltrading.api.marketdata.AssetClass;
import org.mltrading.api.marketdata.Instrument;

/**
 * Reads the instrument CSV: a header naming {@link #COLUMNS} in order, then one instrument a line.
 * Blank lines and lines starting with {@code #} are skipped; a field may be double-quoted (with
 * {@code ""} for a quote) when it contains a comma. Every problem names its 1-based line.
 */
final class InstrumentCsv {

    static final List<String> COLUMNS = List.of("symbol", "name", "assetClass", "currency", "tickSize",
            "lotSize", "startPrice", "annualVolatility");
    /**
     * An optional last column: the names news uses for the instrument, separated by {@code |} (e.g.
     * {@code Apple|Apple Inc.}); without it the name with its corporate suffix removed.
     */
    static final String NEWS_NAMES = "newsNames";
    /** Optional: the price collar as a fraction (0.10 = a limit at most 10 % through the last trade); default 0.10. */
    static final String PRICE_COLLAR = "priceCollar";
    /** Optional: the largest quantity one order may ask for, in units; empty = no maximum. */
    static final String MAX_ORDER_QUANTITY = "maxOrderQuantity";
    /** The optional columns, after the required ones in any order. */
    static final List<String> OPTIONAL = List.of(NEWS_NAMES, PRICE_COLLAR, MAX_ORDER_QUANTITY);
    private static final Pattern CORPORATE_SUFFIX =
            Pattern.compile(",?\\s+(Inc\\.?|Corporation|Corp\\.?|Ltd\\.?|plc|N\\.V\\.|AG|SE|Trust)$");

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9._/-]*");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    record Row(Instrument instrument, SimulationParameters parameters, List<String> newsNames,
               InstrumentControls controls) {
    }

    private InstrumentCsv() {
    }

    static List<Row> read(String source, Reader reader) throws IOException {
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        boolean headerSeen = false;
        Map<String, Integer> optional = Map.of();
        int lineNumber = 0;
        BufferedReader lines = new BufferedReader(reader);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            String text = lineNumber == 1 ? stripBom(line) : line;
            if (text.isBlank() || text.strip().startsWith("#")) {
                continue;
            }
            List<String> fields = split(source, lineNumber, text);
            if (!headerSeen) {
                optional = checkHeader(source, lineNumber, fields);
                headerSeen = true;
                continue;
            }
            Row row = parse(source, lineNumber, fields, optional);
            Integer earlier = firstLine.putIfAbsent(row.instrument().symbol(), lineNumber);
            if (earlier != null) {
                throw new InstrumentCsvException(source, lineNumber,
                        "duplicate symbol " + row.instrument().symbol() + " (first on line " + earlier + ")");
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new InstrumentCsvException(source, Math.max(lineNumber, 1),
                    headerSeen ? "no instruments after the header" : "missing header " + String.join(",", COLUMNS));
        }
        return rows;
    }

    /** Checks the header; answers the position of each optional column it has. */
    private static Map<String, Integer> checkHeader(String source, int line, List<String> fields) {
        List<String> names = fields.stream().map(String::strip).toList();
        boolean matches = names.size() >= COLUMNS.size();
        for (int i = 0; matches && i < COLUMNS.size(); i++) {
            matches = names.get(i).equalsIgnoreCase(COLUMNS.get(i));
        }
        Map<String, Integer> optional = new HashMap<>();
        for (int i = COLUMNS.size(); matches && i < names.size(); i++) {
            String name = names.get(i);
            String known = OPTIONAL.stream().filter(column -> column.equalsIgnoreCase(name)).findFirst().orElse(null);
            matches = known != null && optional.putIfAbsent(known, i) == null;
        }
        if (!matches) {
            throw new InstrumentCsvException(source, line, "expected the header " + String.join(",", COLUMNS)
                    + " (then optionally any of " + String.join(",", OPTIONAL) + ") but found " + String.join(",", names));
        }
        return optional;
    }

    private static Row parse(String source, int line, List<String> raw, Map<String, Integer> optional) {
        int columns = COLUMNS.size() + optional.size();
        if (raw.size() != columns) {
            throw new InstrumentCsvException(source, line, "expected " + columns + " columns as in the header but found "
                    + raw.size());
        }
        List<String> f = raw.stream().map(String::strip).toList();
        String symbol = f.get(0);
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new InstrumentCsvException(source, line, "symbol '" + symbol + "' is not an upper-case ticker");
        }
        String name = f.get(1);
        if (name.isEmpty()) {
            throw new InstrumentCsvException(source, line, "name of " + symbol + " is empty");
        }
        AssetClass assetClass;
        try {
            assetClass = AssetClass.valueOf(f.get(2).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InstrumentCsvException(source, line, "assetClass '" + f.get(2) + "' is not one of "
                    + Arrays.toString(AssetClass.values()));
        }
        String currency = f.get(3);
        if (!CURRENCY.matcher(currency).matches()) {
            throw new InstrumentCsvException(source, line, "currency '" + currency + "' is not an ISO 4217 code");
        }
        BigDecimal tickSize = positiveDecimal(source, line, "tickSize", f.get(4));
        BigDecimal lotSize = positiveDecimal(source, line, "lotSize", f.get(5));
        BigDecimal startPrice = positiveDecimal(source, line, "startPrice", f.get(6));
        double volatility;
        try {
            volatility = Double.parseDouble(f.get(7));
        } catch (NumberFormatException e) {
            throw new InstrumentCsvException(source, line, "annualVolatility '" + f.get(7) + "' is not a number");
        }
        try {
            String names = field(f, optional, NEWS_NAMES);
            List<String> newsNames = !names.isEmpty()
                    ? Arrays.stream(names.split("\\|")).map(String::strip).filter(n -> !n.isEmpty()).toList()
                    : List.of(CORPORATE_SUFFIX.matcher(name).replaceFirst(""));
            String collar = field(f, optional, PRICE_COLLAR);
            String maxQuantity = field(f, optional, MAX_ORDER_QUANTITY);
            InstrumentControls controls = new InstrumentControls(
                    collar.isEmpty() ? null : positiveDecimal(source, line, PRICE_COLLAR, collar),
                    maxQuantity.isEmpty() ? null : positiveDecimal(source, line, MAX_ORDER_QUANTITY, maxQuantity));
            return new Row(new Instrument(symbol, name, assetClass, currency, tickSize, lotSize),
                    new SimulationParameters(startPrice, volatility), newsNames, controls);
        } catch (IllegalArgumentException e) {
            throw new InstrumentCsvException(source, line, e.getMessage());
        }
    }

    private static String field(List<String> fields, Map<String, Integer> optional, String column) {
        Integer index = optional.get(column);
        return index == null ? "" : fields.get(index);
    }

    private static BigDecimal positiveDecimal(String source, int line, String column, String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new InstrumentCsvException(source, line, column + " '" + text + "' is not a decimal number");
        }
        if (value.signum() <= 0) {
            throw new InstrumentCsvException(source, line, column + " must be positive but is " + text);
        }
        return value;
    }

    /** Splits on commas outside double quotes; {@code ""} inside quotes is one quote. */
    private static List<String> split(String source, int line, String text) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new InstrumentCsvException(source, line, "unterminated double quote");
        }
        fields.add(field.toString());
        return fields;
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
