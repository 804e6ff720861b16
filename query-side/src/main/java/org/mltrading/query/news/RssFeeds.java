package org.mltrading.query.news;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls the configured RSS/Atom feeds ({@code platform.news.rss.feeds=source=url,source2=url2}) every
 * {@code platform.news.rss.poll-every} (default 60 s) on one thread and hands new entries to the
 * ingest. A feed that fails (unreachable, not a feed, scoring down) is tried again at the next poll —
 * its entries are still in the feed, and the ingest is idempotent — and its last error is kept for
 * {@link #status()}. No feed is configured by default (the tests and the demo need no network).
 */
@Component
class RssFeeds implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RssFeeds.class);

    /** The last poll of a feed: when, how many items were new, and the error if it failed. */
    record Status(String source, String url, java.time.Instant polledAt, int stored, String error) {
    }

    private final NewsIngest ingest;
    private final List<RssFeed> feeds = new ArrayList<>();
    private final Duration pollEvery;
    private final Map<String, Status> statuses = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread worker;

    RssFeeds(NewsIngest ingest, @Value("${platform.news.rss.feeds:}") String feeds,
             @Value("${platform.news.rss.poll-every:60s}") Duration pollEvery) {
        this.ingest = ingest;
        this.pollEvery = pollEvery;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        for (String feed : feeds.split(",")) {
            if (feed.isBlank()) {
                continue;
            }
            int equals = feed.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("platform.news.rss.feeds: '" + feed + "' is not source=url");
            }
            String source = feed.substring(0, equals).strip();
            URI url = URI.create(feed.substring(equals + 1).strip());
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new IllegalArgumentException("platform.news.rss.feeds: " + url + " is not an http(s) URL");
            }
            this.feeds.add(new RssFeed(source, url, http, Clock.systemUTC()));
        }
    }

    /** Polls every feed once now (the worker's cycle; also for tests and operators). */
    void pollAll() {
        for (RssFeed feed : feeds) {
            try {
                RssFeed.Poll poll = feed.poll();
                int stored = poll.items().isEmpty() ? 0 : ingest.ingest(poll.items()).loaded();
                statuses.put(feed.source(), new Status(feed.source(), feed.url().toString(), java.time.Instant.now(), stored, null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warn("news feed {} ({}) not read, next try in {}: {}", feed.source(), feed.url(), pollEvery, e.getMessage());
                statuses.put(feed.source(), new Status(feed.source(), feed.url().toString(), java.time.Instant.now(), 0,
                        e.getMessage()));
            }
        }
    }

    List<Status> status() {
        return List.copyOf(statuses.values());
    }

    @Override
    public synchronized void start() {
        if (feeds.isEmpty() || running) {
            return;
        }
        running = true;
        worker = new Thread(() -> {
            while (running) {
                pollAll();
                try {
                    Thread.sleep(pollEvery.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "news-feeds");
        worker.setDaemon(true);
        worker.start();
        log.info("Polling {} news feeds every {}", feeds.size(), pollEvery);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
