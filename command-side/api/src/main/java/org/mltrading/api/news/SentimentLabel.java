package org.mltrading.api.news;

/** The bucket of a compound sentiment score, with VADER's published thresholds (±0.05). */
public enum SentimentLabel {
    NEGATIVE, NEUTRAL, POSITIVE;

    public static final double THRESHOLD = 0.05;

    public static SentimentLabel of(double compound) {
        if (compound >= THRESHOLD) {
            return POSITIVE;
        }
        return compound <= -THRESHOLD ? NEGATIVE : NEUTRAL;
    }
}
