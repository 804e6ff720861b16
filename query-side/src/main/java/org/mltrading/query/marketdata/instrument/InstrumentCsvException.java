package org.mltrading.query.marketdata.instrument;

/** A malformed line in the instrument CSV; thrown at start-up so a bad file never half-loads. */
public class InstrumentCsvException extends IllegalArgumentException {

    private final String source;
    private final int line;

    InstrumentCsvException(String source, int line, String reason) {
        super("Malformed instrument CSV " + source + " at line " + line + ": " + reason);
        this.source = source;
        this.line = line;
    }

    /** Description of the file, e.g. {@code class path resource [marketdata/instruments.csv]}. */
    public String source() {
        return source;
    }

    /** 1-based line number in the file, counting comments and blank lines. */
    public int line() {
        return line;
    }
}
