package org.mltrading.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {

    @ParameterizedTest(name = "U+{0} is refused")
    @ValueSource(strings = {"0000", "0007", "001B", "007F", "0085", "009B", "202A", "202B", "202C", "202D", "202E",
            "2066", "2067", "2068", "2069", "D800", "DC00"})
    void control_bidi_and_lone_surrogate_characters_are_refused_even_in_multi_line_texts(String hex) {
        String text = "halt " + (char) Integer.parseInt(hex, 16) + " now";
        Optional<TextRules.Violation> violation = TextRules.check("reason", text, 500, true);
        assertThat(violation).map(TextRules.Violation::code).contains(TextRules.INVALID_CHARACTER);
        assertThat(violation.get().message()).startsWith("reason must not contain").contains("U+" + hex).contains("index 5");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "plain ASCII                | a halt reason",
            "accents, CJK, RTL letters  | Dépôt 取引 חשבון",
            "an emoji (a surrogate pair)| stop \uD83D\uDED1 here",
            "LRM and RLM marks          | a\u200Eb\u200Fc"})
    void ordinary_text_passes(String what, String text) {
        assertThat(TextRules.check("name", text, 200, false)).as(what).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\t", "\n", "\r"})
    void tab_and_line_breaks_pass_only_in_multi_line_texts(String whitespace) {
        assertThat(TextRules.check("reason", "one" + whitespace + "two", 500, true)).isEmpty();
        assertThat(TextRules.check("name", "one" + whitespace + "two", 200, false))
                .map(TextRules.Violation::code).contains(TextRules.INVALID_CHARACTER);
    }

    @org.junit.jupiter.api.Test
    void a_text_over_its_bound_is_refused_before_its_characters_are_read() {
        assertThat(TextRules.check("name", "x".repeat(200), 200, false)).isEmpty();
        Optional<TextRules.Violation> violation = TextRules.check("name", "\u0000".repeat(1_000_000), 200, false);
        assertThat(violation).map(TextRules.Violation::code).contains(TextRules.TOO_LONG);
        assertThat(violation.get().message()).isEqualTo("name must be at most 200 characters, was 1000000");
    }
}
