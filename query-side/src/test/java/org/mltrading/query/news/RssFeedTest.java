package org.mltrading.query.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RSS and Atom feeds served by a local HTTP server (no network), with conditional requests. */
class RssFeedTest {

    private static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Wire</title><link>http://example.test/</link><language>en-us</language>
              <item><title>Apple beats estimates as iPhone sales surge</title>
                <link>http://example.test/a</link><guid>wire-1</guid>
                <pubDate>Wed, 23 Jan 2013 21:30:00 GMT</pubDate>
                <description>&lt;p&gt;Results of &lt;b&gt;$AAPL&lt;/b&gt; &amp;amp; more&lt;/p&gt;</description></item>
              <item><title>Nvidia slides on weak guidance</title><link>http://example.test/b</link>
                <pubDate>Thu, 24 Jan 2013 14:00:00 GMT</pubDate></item>
              <item><description>an entry without a title is not a headline</description></item>
            </channel></rss>""";
    private static final String ATOM = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title><id>urn:blog</id><updated>2026-01-05T10:00:00Z</updated>
              <entry><title>Microsoft record profit</title><id>urn:post:7</id><updated>2026-01-05T10:00:00Z</updated>
                <link href="http://example.test/7"/><content type="html">&lt;p&gt;Cloud revenue up&lt;/p&gt;</content></entry>
            </feed>""";

    private HttpServer server;
    private final List<String> ifNoneMatch = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void serveFeeds() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/rss", exchange -> {
            String sent = exchange.getRequestHeaders().getFirst("If-None-Match");
            ifNoneMatch.add(String.valueOf(sent));
            if ("\"v1\"".equals(sent)) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            byte[] body = RSS.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/atom", exchange -> {
            byte[] body = ATOM.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/html", exchange -> {
            byte[] body = "<html><body>not a feed</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void rss_entries_become_drafts_and_an_unchanged_feed_is_a_304_without_parsing() throws Exception {
        RssFeed feed = new RssFeed("wire", url("/rss"), http, clock);

        RssFeed.Poll first = feed.poll();
        assertThat(first.unchanged()).isFalse();
        assertThat(first.items()).hasSize(2);
        NewsDraft apple = first.items().get(0);
        assertThat(apple.source()).isEqualTo("wire");
        assertThat(apple.itemId()).isEqualTo("wire-1");
        assertThat(apple.headline()).isEqualTo("Apple beats estimates as iPhone sales surge");
        assertThat(apple.publishedAt()).isEqualTo(Instant.parse("2013-01-23T21:30:00Z"));
        assertThat(apple.body()).isEqualTo("Results of $AAPL & more");
        assertThat(apple.language()).isEqualTo("en");
        assertThat(apple.url()).isEqualTo("http://example.test/a");
        assertThat(first.items().get(1).itemId()).as("no guid: the link").isEqualTo("http://example.test/b");

        RssFeed.Poll second = feed.poll();
        assertThat(second.unchanged()).isTrue();
        assertThat(second.items()).isEmpty();
        assertThat(ifNoneMatch).containsExactly("null", "\"v1\"");
    }

    @Test
    void atom_entries_use_their_id_updated_time_and_content() throws Exception {
        NewsDraft post = new RssFeed("blog", url("/atom"), http, clock).poll().items().get(0);
        assertThat(post.itemId()).isEqualTo("urn:post:7");
        assertThat(post.publishedAt()).isEqualTo(Instant.parse("2026-01-05T10:00:00Z"));
        assertThat(post.body()).isEqualTo("Cloud revenue up");
    }

    @Test
    void a_page_that_is_not_a_feed_or_a_server_that_is_down_fails_the_poll_with_the_reason() {
        assertThatThrownBy(() -> new RssFeed("x", url("/html"), http, clock).poll())
                .isInstanceOf(IOException.class).hasMessageContaining("not an RSS or Atom feed");
        assertThatThrownBy(() -> new RssFeed("x", url("/missing"), http, clock).poll())
                .isInstanceOf(IOException.class).hasMessageContaining("HTTP 404");
    }

    @Test
    void the_poller_hands_new_entries_to_the_ingest_and_keeps_a_failing_feed_for_the_next_poll() {
        NewsIngest ingest = mock(NewsIngest.class);
        when(ingest.ingest(anyList())).thenReturn(new NewsIngest.Outcome(2, 0, List.of()));
        RssFeeds feeds = new RssFeeds(ingest, "wire=" + url("/rss") + ",broken=" + url("/html"), java.time.Duration.ofSeconds(60));

        feeds.pollAll();
        feeds.pollAll(); // 304: nothing to ingest

        verify(ingest, times(1)).ingest(anyList());
        assertThat(feeds.status()).anySatisfy(status -> {
            assertThat(status.source()).isEqualTo("broken");
            assertThat(status.error()).contains("not an RSS or Atom feed");
        });
        assertThat(feeds.status()).anySatisfy(status -> {
            assertThat(status.source()).isEqualTo("wire");
            assertThat(status.error()).isNull();
        });
    }
}
