package org.mltrading.ml.sentiment;

import java.util.Locale;
import java.util.Map;

/**
 * The plain baseline the sentiment model is measured against: the sum of AFINN-165's word scores,
 * no rules. Its sign is its verdict.
 */
public final class WordSumBaseline {

    private final Map<String, Integer> words;

    public WordSumBaseline() {
        this.words = SentimentLexicon.afinn165();
    }

    public int score(String text) {
        int sum = 0;
        for (String token : SentimentAnalyzer.tokens(text)) {
            Integer value = words.get(strip(token.toLowerCase(Locale.ROOT)));
            if (value != null) {
                sum += value;
            }
        }
        return sum;
    }

    private static String strip(String token) {
        int from = 0;
        int to = token.length();
        while (from < to && !Character.isLetterOrDigit(token.charAt(from))) {
            from++;
        }
        while (to > from && !Character.isLetterOrDigit(token.charAt(to - 1))) {
            to--;
        }
        return token.substring(from, to);
    }
}
