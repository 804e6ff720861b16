package org.mltrading.ops.news;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Reuters-21578 article files ({@code reut2-000.sgm} … and the XML edition): one
 * {@code <REUTERS … NEWID="n">} element per article with {@code <DATE>26-FEB-1987 15:01:01.79</DATE>},
 * {@code <TITLE>} and {@code <BODY>} inside {@code <TEXT>}. Each article becomes one news JSON object
 * (id = NEWID, published = DATE read as UTC, headline = TITLE, body = BODY); an article without a
 * NEWID, a TITLE or a readable DATE is reported with the line it starts on and skipped.
 */
final class ReutersSgml {

    static final String SOURCE = "reuters-21578";
    private static final Pattern ARTICLE = Pattern.compile("<REUTERS\\b([^>]*)>(.*?)</REUTERS>", Pattern.DOTALL);
    private static final Pattern NEWID = Pattern.compile("NEWID=\"(\\d+)\"");
    private static final DateTimeFormatter DATE = new java.time.format.DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("d-MMM-yyyy HH:mm:ss").toFormatter(Locale.ENGLISH);

    /** An article as a JSON-lines object, with the file line its element starts on. */
    record Article(int line, Map<String, Object> json) {
    }

    record Skipped(int line, String reason) {
    }

    record Parsed(List<Article> articles, List<Skipped> skipped) {
    }

    private ReutersSgml() {
    }

    static boolean looksLikeReuters(String text) {
        return text.contains("<REUTERS");
    }

    static Parsed parse(String text) {
        List<Article> articles = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        int[] lineStarts = lineStarts(text);
        Matcher article = ARTICLE.matcher(text);
        while (article.find()) {
            int line = lineOf(lineStarts, article.start());
            Matcher newId = NEWID.matcher(article.group(1));
            String title = element(article.group(2), "TITLE");
            String date = element(article.group(2), "DATE");
            if (!newId.find()) {
                skipped.add(new Skipped(line, "REUTERS element without NEWID"));
                continue;
            }
            if (title.isEmpty()) {
                skipped.add(new Skipped(line, "article " + newId.group(1) + " has no TITLE"));
                continue;
            }
            String published;
            try {
                // "26-FEB-1987 15:01:01.79": hundredths dropped; the collection gives no zone, read as UTC
                String plain = date.replaceAll("\\.\\d+$", "").strip();
                published = LocalDateTime.parse(plain, DATE).toInstant(ZoneOffset.UTC).toString();
            } catch (DateTimeParseException e) {
                skipped.add(new Skipped(line, "article " + newId.group(1) + ": DATE '" + date + "' is not like 26-FEB-1987 15:01:01.79"));
                continue;
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("source", SOURCE);
            json.put("id", newId.group(1));
            json.put("kind", "NEWS");
            json.put("publishedAt", published);
            json.put("headline", title);
            String body = element(article.group(2), "BODY");
            if (!body.isEmpty()) {
                json.put("body", body);
            }
            json.put("language", "en");
            articles.add(new Article(line, json));
        }
        return new Parsed(articles, skipped);
    }

    /** The text of the first {@code <name>} element, entities decoded, white space collapsed. */
    private static String element(String xml, String name) {
        Matcher element = Pattern.compile("<" + name + "\\b[^>]*>(.*?)</" + name + ">", Pattern.DOTALL).matcher(xml);
        if (!element.find()) {
            return "";
        }
        String text = element.group(1).replace("<![CDATA[", "").replace("]]>", "")
                .replaceAll("&#\\d+;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return text.replaceAll("\\s+", " ").strip();
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineOf(int[] lineStarts, int offset) {
        int index = java.util.Arrays.binarySearch(lineStarts, offset);
        return (index >= 0 ? index : -index - 2) + 1;
    }
}
