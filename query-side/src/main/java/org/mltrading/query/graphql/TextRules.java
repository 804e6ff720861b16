package org.mltrading.query.graphql;

import java.util.Optional;

/**
 * What a text input may contain (issue 14, finding 9). Every String and ID argument of the API ends up
 * somewhere durable — events in the event store are kept forever, audit entries, reports — and is shown
 * to people: so a length bound, and none of the characters that rewrite what a reader sees or a
 * terminal does:
 * <ul>
 *   <li>C0 controls (U+0000–U+001F: NUL, ESC, …), DEL (U+007F) and C1 controls (U+0080–U+009F); only
 *       tab and line breaks ({@code \t \n \r}) in multi-line texts (reasons, descriptions);</li>
 *   <li>bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make a
 *       reason or a name display in another order than it is stored ("Trojan Source");</li>
 *   <li>unpaired surrogates (not Unicode text at all).</li>
 * </ul>
 * The length counts UTF-16 code units, as Java and JSON do.
 */
public final class TextRules {

    /** A text argument or input field without an {@code @text} directive: an identifier or a short name. */
    public static final int DEFAULT_MAX_LENGTH = 200;

    public static final String TOO_LONG = "VALIDATION_TEXT_TOO_LONG";
    public static final String INVALID_CHARACTER = "VALIDATION_TEXT_INVALID_CHARACTER";

    public record Violation(String code, String message) {}

    private TextRules() {
    }

    /** The first rule {@code value} breaks, named after {@code name} (e.g. {@code input.reason}). */
    public static Optional<Violation> check(String name, String value, int maxLength, boolean multiline) {
        if (value.length() > maxLength) {
            return Optional.of(new Violation(TOO_LONG, name + " must be at most " + maxLength + " characters, was "
                    + value.length()));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String refused = refused(value, i, c, multiline);
            if (refused != null) {
                return Optional.of(new Violation(INVALID_CHARACTER, name + " must not contain "
                        + refused + " (U+" + String.format("%04X", (int) c) + " at index " + i + ")"));
            }
        }
        return Optional.empty();
    }

    private static String refused(String value, int i, char c, boolean multiline) {
        if (c < 0x20) {
            return multiline && (c == '\t' || c == '\n' || c == '\r') ? null : "a control character";
        }
        if (c >= 0x7F && c <= 0x9F) {
            return "a control character";
        }
        if (c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069) {
            return "a bidirectional override or isolate";
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1)) ? null : "an unpaired surrogate";
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(value.charAt(i - 1)) ? null : "an unpaired surrogate";
        }
        return null;
    }
}
