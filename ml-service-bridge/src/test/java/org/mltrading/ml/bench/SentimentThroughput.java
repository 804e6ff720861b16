package org.mltrading.ml.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.mltrading.ml.sentiment.SentimentAnalyzer;
import org.mltrading.ml.sentiment.WordSumBaseline;

/**
 * Sentiment scoring throughput on ONE thread (= one core): the platform's model (VADER rules + finance
 * overlay) and, in the same run, the plain word-sum baseline, over the 3,003 real review sentences of
 * the accuracy set (8–15 words, headline length). Run with {@code ops/bench sentiment [--seconds=5]
 * [--rounds=5]}; prints texts/s per round and the median, and the model's ratio to the baseline.
 */
public final class SentimentThroughput {

    private static volatile double sink;

    public static void main(String[] args) throws IOException {
        int seconds = 5;
        int rounds = 5;
        for (String arg : args) {
            if (arg.startsWith("--seconds=")) {
                seconds = Integer.parseInt(arg.substring("--seconds=".length()));
            } else if (arg.startsWith("--rounds=")) {
                rounds = Integer.parseInt(arg.substring("--rounds=".length()));
            } else {
                System.err.println("usage: ops/bench sentiment [--seconds=5] [--rounds=5]");
                System.exit(2);
            }
        }
        String[] texts = sentences();
        SentimentAnalyzer model = SentimentAnalyzer.standard();
        WordSumBaseline baseline = new WordSumBaseline();
        System.out.printf("sentiment throughput: %d real sentences, one thread, %d rounds of %d s%n",
                texts.length, rounds, seconds);
        measure("warm-up model", texts, t -> model.score(t).compound(), seconds, 1);
        measure("warm-up baseline", texts, baseline::score, seconds, 1);
        double baselineRate = measure("word-sum baseline", texts, baseline::score, seconds, rounds);
        double modelRate = measure("model (VADER + finance overlay)", texts, t -> model.score(t).compound(), seconds, rounds);
        System.out.printf("model / baseline = %.2f (goal: model ≥ 20,000 texts/s on one core)%n", modelRate / baselineRate);
    }

    private static double measure(String name, String[] texts, ToDoubleFunction<String> scorer, int seconds, int rounds) {
        double[] rates = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long start = System.nanoTime();
            long scored = 0;
            double sum = 0;
            while (System.nanoTime() < end) {
                for (String text : texts) {
                    sum += scorer.applyAsDouble(text);
                }
                scored += texts.length;
            }
            sink = sum;
            rates[round] = scored / ((System.nanoTime() - start) / 1e9);
        }
        Arrays.sort(rates);
        double median = rates[rounds / 2];
        System.out.printf("%-34s median %,10.0f texts/s   (rounds: %s)%n", name, median,
                Arrays.stream(rates).mapToObj(r -> String.format("%,.0f", r)).toList());
        return median;
    }

    private static String[] sentences() throws IOException {
        List<String> texts = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String set : new String[] {"amazon", "imdb", "yelp"}) {
            try (InputStream in = SentimentThroughput.class.getResourceAsStream("/sentiment-fixtures/" + set + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("sentiment-fixtures/" + set + ".json missing: build ml-service-bridge first");
                }
                for (JsonNode sentence : json.readTree(in)) {
                    texts.add(sentence.get("text").asText());
                }
            }
        }
        return texts.toArray(String[]::new);
    }
}
