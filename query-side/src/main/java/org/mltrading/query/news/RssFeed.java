package org.mltrading.query.news;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One RSS or Atom feed, polled politely: each request sends the {@code ETag} and {@code Last-Modified}
 * of the last answer ({@code If-None-Match}, {@code If-Modified-Since}), so an unchanged feed costs a
 * 304 and no parsing. Entries become news drafts (id: the entry's guid/id, else its link, else a hash of
 * title and date); the ingest's (source, id) key makes re-reading an entry harmless. Parsing is ROME's
 * (DOCTYPEs refused, so no external entities).
 */
final class RssFeed {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    /** What one poll brought: items (empty when unchanged) and whether the feed answered 304. */
    record Poll(List<NewsDraft> items, boolean unchanged) {
    }

    private final String source;
    private final URI url;
    private final HttpClient http;
    private final Clock clock;
    private String etag;
    private String lastModified;

    RssFeed(String source, URI url, HttpClient http, Clock clock) {
        this.source = source;
        this.url = url;
        this.http = http;
        this.clock = clock;
    }

    String source() {
        return source;
    }

    URI url() {
        return url;
    }

    /** Fetches the feed; IOException when it cannot be fetched or parsed (the next poll tries again). */
    Poll poll() throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20))
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
                .header("User-Agent", "ml-trading-platform news poller");
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        HttpResponse<InputStream> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() == 304) {
                return new Poll(List.of(), true);
            }
            if (response.statusCode() != 200) {
                throw new IOException(url + " answered HTTP " + response.statusCode());
            }
            SyndFeed feed;
            try {
                feed = new SyndFeedInput().build(new XmlReader(body));
            } catch (FeedException | IllegalArgumentException e) {
                throw new IOException(url + " is not an RSS or Atom feed: " + e.getMessage(), e);
            }
            List<NewsDraft> items = new ArrayList<>();
            for (SyndEntry entry : feed.getEntries()) {
                NewsDraft draft = draft(entry, feed.getLanguage());
                if (draft != null) {
                    items.add(draft);
                }
            }
            // remember the validators only once the answer was read completely
            etag = response.headers().firstValue("ETag").orElse(null);
            lastModified = response.headers().firstValue("Last-Modified").orElse(null);
            return new Poll(items, false);
        }
    }

    private NewsDraft draft(SyndEntry entry, String feedLanguage) {
        String headline = text(entry.getTitle());
        if (headline.isEmpty()) {
            return null; // an entry without a title is no headline
        }
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        Instant published = date != null ? date.toInstant() : clock.instant();
        String body = entry.getDescription() != null ? text(entry.getDescription().getValue()) : "";
        if (body.isEmpty() && entry.getContents() != null) {
            StringBuilder contents = new StringBuilder();
            for (SyndContent content : entry.getContents()) {
                contents.append(text(content.getValue())).append(' ');
            }
            body = contents.toString().strip();
        }
        String id = entry.getUri() != null && !entry.getUri().isBlank() ? entry.getUri()
                : entry.getLink() != null && !entry.getLink().isBlank() ? entry.getLink()
                : hash(headline + "|" + published);
        if (id.length() > NewsJsonLines.MAX_ID) {
            id = hash(id);
        }
        String language = feedLanguage != null && feedLanguage.matches("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?")
                ? feedLanguage.substring(0, Math.min(2, feedLanguage.length())).toLowerCase(java.util.Locale.ROOT) : "en";
        return new NewsDraft(source, id, NewsKind.NEWS, published, truncate(headline, NewsJsonLines.MAX_HEADLINE),
                body.isEmpty() ? null : truncate(body, NewsJsonLines.MAX_BODY), language, List.of(), entry.getLink());
    }

    /** Text of an HTML fragment: tags removed, the common entities decoded, white space collapsed. */
    static String text(String html) {
        if (html == null) {
            return "";
        }
        String text = TAG.matcher(html).replaceAll(" ")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&");
        return SPACE.matcher(text).replaceAll(" ").strip();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
