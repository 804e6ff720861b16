package org.mltrading.query.stream;

import java.util.regex.Pattern;
import org.mltrading.query.graphql.ApiException;

/**
 * The text form of a stream's cursors, {@code <stream>:<number>} (e.g. {@code orders:1042}). Clients
 * treat it as opaque; the stream's name in it keeps a cursor of one stream from being used on another.
 */
public record Cursors(String stream) {

    public static final String INVALID = "VALIDATION_INVALID_CURSOR";
    public static final String EXPIRED = "SUBSCRIPTION_CURSOR_EXPIRED";
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,18}");

    public String format(long cursor) {
        return stream + ":" + cursor;
    }

    /** The number in a cursor of this stream; VALIDATION_INVALID_CURSOR for anything else. */
    public long parse(String cursor) {
        String prefix = stream + ":";
        if (cursor == null || !cursor.startsWith(prefix) || !NUMBER.matcher(cursor.substring(prefix.length())).matches()) {
            throw new ApiException(INVALID, "not a cursor of the " + stream + " stream: '" + abbreviate(cursor)
                    + "'; use the cursor field of a " + stream + " change or query result");
        }
        return Long.parseLong(cursor.substring(prefix.length()));
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
