package org.mltrading.ops.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.mltrading.query.news.NewsIngest;
import org.mltrading.query.news.NewsJsonLines;
import org.mltrading.query.news.NewsUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Local-profile seed of dated public market events (news/market-events.jsonl: Apple's 2013 results and
 * product event, the US CPI release of 2023-03-14, each with its public source), so that
 * {@code newsImpact} can be checked against the real price data {@code ops/import-history} loads. Runs on
 * every start; news is idempotent by (source, id), so only a first start stores anything.
 */
@Component
@Profile("local")
class MarketEventSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MarketEventSeed.class);
    static final String RESOURCE = "news/market-events.jsonl";
    private static final int ATTEMPTS = 5;

    private final NewsIngest ingest;

    MarketEventSeed(NewsIngest ingest) {
        this.ingest = ingest;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        NewsJsonLines.Parsed events = NewsJsonLines.parse(read(), "event-calendar", 1);
        if (!events.skipped().isEmpty()) {
            throw new IllegalStateException(RESOURCE + " has bad lines: " + events.skipped());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                NewsIngest.Outcome outcome = ingest.ingest(events.items());
                if (outcome.loaded() > 0) {
                    log.info("Seeded {} market events ({} already stored)", outcome.loaded(), outcome.duplicates());
                }
                return;
            } catch (NewsUnavailableException e) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("market events could not be seeded: " + e.getMessage(), e);
                }
                Thread.sleep(1_000L * attempt);
            }
        }
    }

    private static String read() {
        try (InputStream in = Objects.requireNonNull(MarketEventSeed.class.getClassLoader().getResourceAsStream(RESOURCE),
                RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
