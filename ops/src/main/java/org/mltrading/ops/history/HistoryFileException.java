package org.mltrading.ops.history;

/** A history file that cannot be imported; the message is {@code file:line: reason}, as compilers say it. */
public class HistoryFileException extends Exception {

    private final String file;
    private final long line;
    private final String reason;

    public HistoryFileException(String file, long line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    /** 1-based physical line of the file (the header is line 1). */
    public long line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
