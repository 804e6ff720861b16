package org.mltrading.query.audit;

import java.util.List;

/** RFC 4180 CSV: CRLF line ends, fields quoted only when they hold a comma, quote, CR or LF. */
final class Csv {

    private final StringBuilder text = new StringBuilder();
    private int rows = -1; // the header is not a row

    Csv(List<String> header) {
        row(header);
    }

    Csv row(List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(escape(fields.get(i)));
        }
        text.append("\r\n");
        rows++;
        return this;
    }

    int rows() {
        return rows;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    private static String escape(String field) {
        if (field == null) {
            return "";
        }
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\r') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
