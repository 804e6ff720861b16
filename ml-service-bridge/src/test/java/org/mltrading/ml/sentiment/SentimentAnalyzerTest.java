package org.mltrading.ml.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mltrading.api.news.SentimentLabel;
import org.mltrading.api.news.SentimentScore;

class SentimentAnalyzerTest {

    private final SentimentAnalyzer analyzer = SentimentAnalyzer.standard();

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Shares plunged after the company reported heavy losses   | NEGATIVE
            Record profit lifts the stock to an all-time high         | POSITIVE
            Apple beats estimates as iPhone sales surge               | POSITIVE
            Microsoft beats estimates as cloud revenue surges         | POSITIVE
            Ether tumbled as regulators sued the exchange             | NEGATIVE
            Regulators open a probe into accounting fraud at the bank | NEGATIVE
            The company will publish its results on Tuesday           | NEUTRAL
            """)
    void headlines_read_as_a_trader_reads_them(String headline, SentimentLabel expected) {
        assertThat(analyzer.score(headline).label()).isEqualTo(expected);
    }

    @Test
    void a_single_rated_word_is_normalised_with_alpha_15() {
        // "good" is rated 1.9 in VADER's lexicon: 1.9 / sqrt(1.9² + 15)
        assertThat(analyzer.score("good").compound()).isCloseTo(1.9 / Math.sqrt(1.9 * 1.9 + 15), within(1e-9));
    }

    @Test
    void a_negation_within_three_words_flips_and_damps_the_valence() {
        double good = sum("good");
        assertThat(sum("not good")).isCloseTo(good * SentimentAnalyzer.NEGATION, within(1e-9));
        assertThat(sum("isn't really good")).isLessThan(0);
        assertThat(analyzer.score("The results were not good").label()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void boosters_raise_and_dampeners_lower_with_distance() {
        double good = sum("good");
        assertThat(sum("very good")).isCloseTo(good + SentimentAnalyzer.BOOST, within(1e-9));
        assertThat(sum("slightly good")).isCloseTo(good + SentimentAnalyzer.DAMPEN, within(1e-9));
        assertThat(sum("very pretty good")).isGreaterThan(sum("pretty good"));
    }

    @Test
    void capitals_in_mixed_case_text_add_emphasis() {
        assertThat(analyzer.score("The outlook is GOOD").compound())
                .isGreaterThan(analyzer.score("The outlook is good").compound());
        // all capitals are no emphasis: nothing stands out
        assertThat(analyzer.score("GOOD").compound()).isEqualTo(analyzer.score("good").compound());
    }

    @Test
    void what_follows_but_dominates() {
        assertThat(analyzer.score("The quarter was good but the outlook is terrible").label())
                .isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(analyzer.score("The quarter was terrible but the outlook is great").label())
                .isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void exclamation_marks_intensify_up_to_four() {
        double one = analyzer.score("Great!").compound();
        double three = analyzer.score("Great!!!").compound();
        assertThat(three).isGreaterThan(one);
        assertThat(analyzer.score("Great!!!!!!!!").compound()).isEqualTo(analyzer.score("Great!!!!").compound());
    }

    @Test
    void the_finance_overlay_reads_market_words_in_their_market_sense() {
        // VADER alone rates "shares" +1.2 (sharing); in news it is the stock
        SentimentAnalyzer vader = new SentimentAnalyzer(SentimentLexicon.vaderOnly());
        assertThat(vader.score("Shares").compound()).isPositive();
        assertThat(analyzer.score("Shares").compound()).isZero();
        assertThat(vader.score("plunged").compound()).isZero();
        assertThat(analyzer.score("plunged").compound()).isNegative();
    }

    @Test
    void a_word_listed_in_one_inflection_is_read_in_the_others() {
        // the finance overlay lists "cease" (−1) only; news writes "ceases", "ceased", "ceasing"
        double cease = analyzer.score("cease").compound();
        assertThat(cease).isNegative();
        assertThat(analyzer.score("ceases").compound()).isEqualTo(cease);
        assertThat(analyzer.score("ceased").compound()).isEqualTo(cease);
        assertThat(analyzer.score("ceasing").compound()).isEqualTo(cease);
        assertThat(analyzer.score("dividends").compound()).isEqualTo(analyzer.score("dividend").compound());
    }

    @Test
    void shares_of_a_scored_text_sum_to_one_and_empty_text_is_neutral() {
        SentimentScore score = analyzer.score("Good news, bad timing, and a plain fact");
        assertThat(score.positive() + score.negative() + score.neutral()).isCloseTo(1.0, within(1e-9));
        assertThat(analyzer.score("   ")).isEqualTo(SentimentScore.NEUTRAL);
        assertThat(analyzer.score(null)).isEqualTo(SentimentScore.NEUTRAL);
    }

    @Test
    void tokens_keep_emoticons_and_strip_punctuation_from_words() {
        assertThat(SentimentAnalyzer.tokens("Great :) $AAPL, <AAPL.O> ok!"))
                .containsExactly("Great", ":)", "AAPL", "AAPL.O", "ok!");
    }

    /** The un-normalised valence sum, recovered from the compound score. */
    private double sum(String text) {
        double compound = analyzer.score(text).compound();
        return compound * Math.sqrt(15 / (1 - compound * compound));
    }
}
