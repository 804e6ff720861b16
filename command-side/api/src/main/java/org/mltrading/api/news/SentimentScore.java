package org.mltrading.api.news;

/**
 * How positive or negative a text reads, VADER's convention: {@code compound} in [−1, 1] (the sum of the
 * words' valences, normalised), and the shares of positive, negative and neutral weight (each in [0, 1],
 * summing to 1 when the text has words). A compound ≥ 0.05 is POSITIVE, ≤ −0.05 NEGATIVE, else NEUTRAL.
 */
public record SentimentScore(double compound, double positive, double negative, double neutral) {

    /** The score of a text without any scored word. */
    public static final SentimentScore NEUTRAL = new SentimentScore(0, 0, 0, 0);

    public SentimentLabel label() {
        return SentimentLabel.of(compound);
    }
}
