package org.mltrading.query.news;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads news items given as JSON lines: one object per line with {@code id}, {@code headline} and
 * {@code publishedAt} (ISO-8601 with offset) required; {@code source} (else the import's source),
 * {@code kind} (NEWS or SOCIAL, default NEWS), {@code body}, {@code language} (default en), {@code symbols}
 * (array) and {@code url} optional; other fields are ignored. Blank lines are skipped silently; a bad
 * line is skipped with its number and the reason, and the other lines still load.
 */
public final class NewsJsonLines {

    static final int MAX_HEADLINE = 1_000;
    static final int MAX_BODY = 100_000;
    static final int MAX_ID = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Skipped(int line, String reason) {
    }

    public record Parsed(List<NewsDraft> items, List<Skipped> skipped) {
    }

    private NewsJsonLines() {
    }

    /**
     * @param defaultSource the source of lines that name none
     * @param firstLine     the number of the first line (so a batch of a larger file names lines as the file does)
     */
    public static Parsed parse(String text, String defaultSource, int firstLine) {
        List<NewsDraft> items = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = firstLine + i;
            String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            if (line.isBlank()) {
                continue;
            }
            try {
                NewsDraft draft = draft(line, defaultSource);
                Integer earlier = seen.putIfAbsent(NewsItem.id(draft.source(), draft.itemId()), number);
                if (earlier != null) {
                    skipped.add(new Skipped(number, "duplicate of line " + earlier + " (same source and id)"));
                } else {
                    items.add(draft);
                }
            } catch (BadLine e) {
                skipped.add(new Skipped(number, e.getMessage()));
            }
        }
        return new Parsed(items, skipped);
    }

    private static NewsDraft draft(String line, String defaultSource) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BadLine("not a JSON object: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadLine("not a JSON object");
        }
        String source = optionalText(node, "source", MAX_ID);
        if (source == null) {
            source = defaultSource;
        }
        String id = requiredText(node, "id", MAX_ID);
        String headline = requiredText(node, "headline", MAX_HEADLINE);
        Instant publishedAt = instant(requiredText(node, "publishedAt", 64));
        NewsKind kind = kind(optionalText(node, "kind", 16));
        String body = optionalText(node, "body", MAX_BODY);
        String language = optionalText(node, "language", 8);
        if (language != null && !language.matches("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?")) {
            throw new BadLine("language '" + language + "' is not an ISO 639 code such as en");
        }
        List<String> symbols = new ArrayList<>();
        JsonNode given = node.get("symbols");
        if (given != null && !given.isNull()) {
            if (!given.isArray()) {
                throw new BadLine("symbols must be an array of strings");
            }
            for (JsonNode symbol : given) {
                if (!symbol.isTextual() || symbol.asText().isBlank()) {
                    throw new BadLine("symbols must be an array of strings");
                }
                symbols.add(symbol.asText().strip());
            }
        }
        String url = optionalText(node, "url", 2_000);
        return new NewsDraft(source, id, kind, publishedAt, headline, body,
                language == null ? null : language.toLowerCase(Locale.ROOT), symbols, url);
    }

    private static String requiredText(JsonNode node, String field, int maxLength) {
        String text = optionalText(node, field, maxLength);
        if (text == null) {
            throw new BadLine(field + " is missing");
        }
        return text;
    }

    private static String optionalText(JsonNode node, String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw new BadLine(field + " must be a string");
        }
        String text = value.asText().strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > maxLength) {
            throw new BadLine(field + " is longer than " + maxLength + " characters");
        }
        return text;
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadLine("publishedAt '" + text + "' is not an ISO-8601 time with offset, e.g. 2013-01-23T21:30:00Z");
        }
    }

    private static NewsKind kind(String text) {
        if (text == null) {
            return NewsKind.NEWS;
        }
        try {
            return NewsKind.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadLine("kind '" + text + "' is not NEWS or SOCIAL");
        }
    }

    private static final class BadLine extends RuntimeException {
        BadLine(String message) {
            super(message, null, false, false);
        }
    }
}
