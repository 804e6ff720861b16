package org.mltrading.query.news;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.mltrading.api.marketdata.Instrument;
import org.mltrading.api.news.ScoreSentimentQuery;
import org.mltrading.graphql.DgsConstants;
import org.mltrading.graphql.types.ImportNewsInput;
import org.mltrading.graphql.types.NewsConnection;
import org.mltrading.graphql.types.NewsEdge;
import org.mltrading.graphql.types.NewsImpact;
import org.mltrading.graphql.types.NewsImpactGroup;
import org.mltrading.graphql.types.NewsImportResult;
import org.mltrading.graphql.types.NewsMention;
import org.mltrading.graphql.types.PageInfo;
import org.mltrading.graphql.types.SentimentBar;
import org.mltrading.graphql.types.SentimentLabel;
import org.mltrading.graphql.types.SentimentScore;
import org.mltrading.graphql.types.SkippedNewsLine;
import org.mltrading.query.graphql.ApiErrorCode;
import org.mltrading.query.graphql.ApiException;
import org.mltrading.query.marketdata.instrument.InstrumentCatalog;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * GraphQL operations of news and sentiment. Reading news and scoring text is open to any authenticated
 * caller with the read scope, like market data; importing is for ADMIN. Codes: NEWS_*.
 */
@DgsComponent
class NewsDataFetcher {

    private static final Logger log = LoggerFactory.getLogger(NewsDataFetcher.class);
    static final int MAX_PAGE = 500;
    static final int MAX_IMPORT_LINES = 2_000;
    static final int MAX_SUBSCRIBED_SYMBOLS = 100;
    private static final int SUBSCRIBER_BUFFER = 256;

    private final NewsStore store;
    private final NewsIngest ingest;
    private final NewsHub hub;
    private final NewsImpactService impacts;
    private final SentimentSeries sentiment;
    private final InstrumentCatalog instruments;
    private final QueryGateway queries;
    private final Scheduler delivery = Schedulers.boundedElastic();

    NewsDataFetcher(NewsStore store, NewsIngest ingest, NewsHub hub, NewsImpactService impacts, SentimentSeries sentiment,
                    InstrumentCatalog instruments, QueryGateway queries) {
        this.sentiment = sentiment;
        this.store = store;
        this.ingest = ingest;
        this.hub = hub;
        this.impacts = impacts;
        this.instruments = instruments;
        this.queries = queries;
    }

    @DgsData(parentType = DgsConstants.QUERY_TYPE, field = DgsConstants.QUERY.News)
    @PreAuthorize("isAuthenticated()")
    NewsConnection news(@InputArgument String symbol, @InputArgument OffsetDateTime from, @InputArgument OffsetDateTime to,
                        @InputArgument Integer first, @InputArgument String after) {
        String known = symbol == null ? null : instrument(symbol).symbol();
        Instant end = to == null ? Instant.now() : to.toInstant();
        Instant start = from == null ? end.minus(Duration.ofDays(7)) : from.toInstant();
        checkRange(start, end);
        int limit = first == null ? 50 : first;
        if (limit < 1 || limit > MAX_PAGE) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "first must be between 1 and " + MAX_PAGE);
        }
        NewsCursor cursor;
        try {
            cursor = after == null ? null : NewsCursor.decode(after);
        } catch (IllegalArgumentException e) {
            throw new ApiException("NEWS_INVALID_CURSOR", e.getMessage());
        }
        List<NewsItem> page = store.find(known, start, end, cursor, limit + 1);
        boolean more = page.size() > limit;
        List<NewsEdge> edges = page.stream().limit(limit)
                .map(item -> NewsEdge.newBuilder().cursor(NewsCursor.of(item).encode()).node(toGraphQl(item)).build())
                .toList();
        return NewsConnection.newBuilder().edges(edges).pageInfo(PageInfo.newBuilder().hasNextPage(more)
                .endCursor(edges.isEmpty() ? null : edges.get(edges.size() - 1).getCursor()).build()).build();
    }

    @DgsData(parentType = DgsConstants.QUERY_TYPE, field = DgsConstants.QUERY.Sentiment)
    @PreAuthorize("isAuthenticated()")
    List<SentimentBar> sentiment(@InputArgument String symbol, @InputArgument org.mltrading.graphql.types.BarInterval interval,
                                 @InputArgument OffsetDateTime from, @InputArgument OffsetDateTime to) {
        Instrument instrument = instrument(symbol);
        org.mltrading.api.marketdata.BarInterval length = org.mltrading.api.marketdata.BarInterval.valueOf(interval.name());
        Instant end = to == null ? Instant.now() : to.toInstant();
        Instant start = from == null ? end.minus(length.length().multipliedBy(500)) : from.toInstant();
        checkRange(start, end);
        if (Duration.between(start, end).dividedBy(length.length()) > SentimentSeries.MAX_BARS) {
            throw new ApiException("NEWS_RANGE_TOO_LARGE", "at most " + SentimentSeries.MAX_BARS
                    + " bars per request; narrow from/to or use a longer interval");
        }
        try {
            return sentiment.series(instrument.symbol(), length, start, end).stream()
                    .map(point -> SentimentBar.newBuilder().time(utc(point.time())).count((int) point.count())
                            .mean(point.mean()).surprise(point.surprise()).build())
                    .toList();
        } catch (SQLException e) {
            log.warn("sentiment series of {} failed: {}", symbol, e.getMessage());
            throw new ApiException(ApiErrorCode.UNAVAILABLE, "the time-series store is unavailable; try again");
        }
    }

    @DgsQuery
    @PreAuthorize("isAuthenticated()")
    SentimentScore scoreSentiment(@InputArgument String text) {
        try {
            List<org.mltrading.api.news.SentimentScore> scores = queries.query(new ScoreSentimentQuery(List.of(text)),
                    ResponseTypes.multipleInstancesOf(org.mltrading.api.news.SentimentScore.class))
                    .get(NewsIngest.SCORING_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return toGraphQl(scores.get(0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw scoringUnavailable(e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw scoringUnavailable(e);
        }
    }

    @DgsQuery
    @PreAuthorize("isAuthenticated()")
    List<NewsImpact> newsImpact(@InputArgument String symbol, @InputArgument OffsetDateTime from,
                                @InputArgument OffsetDateTime to,
                                @InputArgument org.mltrading.graphql.types.BarInterval interval) {
        return studies(symbol, from, to, interval).stream().map(NewsDataFetcher::toGraphQl).toList();
    }

    @DgsQuery
    @PreAuthorize("isAuthenticated()")
    List<NewsImpactGroup> newsImpactSummary(@InputArgument String symbol, @InputArgument OffsetDateTime from,
                                            @InputArgument OffsetDateTime to,
                                            @InputArgument org.mltrading.graphql.types.BarInterval interval) {
        return NewsImpactService.summarise(studies(symbol, from, to, interval)).stream()
                .map(group -> NewsImpactGroup.newBuilder()
                        .grouping(org.mltrading.graphql.types.NewsImpactGrouping.valueOf(group.grouping()))
                        .key(group.key()).window(group.window()).events(group.events())
                        .meanRawReturn(group.meanRaw()).meanAbnormalReturn(group.meanAbnormal())
                        .tStatistic(group.tStatistic()).positiveShare(group.positiveShare()).build())
                .toList();
    }

    /** The event studies of the symbol's news in [from, to] (default: the last 30 days). */
    private List<NewsImpactService.Impact> studies(String symbol, OffsetDateTime from, OffsetDateTime to,
                                                   org.mltrading.graphql.types.BarInterval interval) {
        Instrument instrument = instrument(symbol);
        Instant end = to == null ? Instant.now() : to.toInstant();
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : from.toInstant();
        checkRange(start, end);
        try {
            return impacts.impacts(instrument, start, end,
                    interval == null ? null : org.mltrading.api.marketdata.BarInterval.valueOf(interval.name()));
        } catch (SQLException e) {
            log.warn("news impact for {} failed: {}", symbol, e.getMessage());
            throw new ApiException(ApiErrorCode.UNAVAILABLE, "the bar store is unavailable; try again");
        }
    }

    @DgsMutation
    @PreAuthorize("hasRole('ADMIN')")
    NewsImportResult importNews(@InputArgument ImportNewsInput input) {
        int firstLine = input.getFirstLine() == null ? 1 : input.getFirstLine();
        if (firstLine < 1) {
            throw new ApiException("NEWS_INVALID_INPUT", "firstLine must be 1 or more");
        }
        String source = input.getSource().strip();
        if (source.isEmpty() || source.contains("/")) {
            throw new ApiException("NEWS_INVALID_INPUT", "source must be a non-empty name without '/'");
        }
        long lines = input.getJsonLines().lines().count();
        if (lines > MAX_IMPORT_LINES) {
            throw new ApiException("NEWS_IMPORT_TOO_LARGE", "at most " + MAX_IMPORT_LINES + " lines per request ("
                    + lines + " given); send the file in batches with firstLine");
        }
        NewsJsonLines.Parsed parsed = NewsJsonLines.parse(input.getJsonLines(), source, firstLine);
        NewsIngest.Outcome outcome;
        try {
            outcome = ingest.ingest(parsed.items());
        } catch (NewsUnavailableException e) {
            throw new ApiException("NEWS_UNAVAILABLE", e.getMessage() + "; nothing of this request was stored unscored,"
                    + " send it again (items already stored count as duplicates)");
        }
        return NewsImportResult.newBuilder().loaded(outcome.loaded()).duplicates(outcome.duplicates())
                .skipped(parsed.skipped().stream()
                        .map(s -> SkippedNewsLine.newBuilder().line(s.line()).reason(s.reason()).build()).toList())
                .build();
    }

    /**
     * Every new item concerning the symbols, in arrival order. News is not conflated (each item matters);
     * a client more than {@value #SUBSCRIBER_BUFFER} items behind loses the oldest waiting; the news query
     * has every item.
     */
    @DgsData(parentType = DgsConstants.SUBSCRIPTION_TYPE, field = DgsConstants.SUBSCRIPTION.News)
    @PreAuthorize("isAuthenticated()")
    Publisher<org.mltrading.graphql.types.NewsItem> liveNews(@InputArgument List<String> symbols) {
        if (symbols == null || symbols.isEmpty()) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "symbols must not be empty");
        }
        Set<String> wanted = new LinkedHashSet<>();
        symbols.forEach(symbol -> wanted.add(instrument(symbol).symbol()));
        if (wanted.size() > MAX_SUBSCRIBED_SYMBOLS) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT,
                    "at most " + MAX_SUBSCRIBED_SYMBOLS + " symbols per subscription");
        }
        return Flux.<NewsItem>create(sink -> {
                    AutoCloseable listening = hub.subscribe(wanted, sink::next);
                    sink.onDispose(() -> {
                        try {
                            listening.close();
                        } catch (Exception e) {
                            log.debug("news listener not removed", e);
                        }
                    });
                })
                .onBackpressureBuffer(SUBSCRIBER_BUFFER, dropped -> { }, BufferOverflowStrategy.DROP_OLDEST)
                .map(NewsDataFetcher::toGraphQl)
                .publishOn(delivery, 1);
    }

    private Instrument instrument(String symbol) {
        String normalized = symbol == null ? "" : symbol.strip().toUpperCase(Locale.ROOT);
        return instruments.find(normalized)
                .orElseThrow(() -> new ApiException("NEWS_UNKNOWN_SYMBOL", "unknown symbol: " + symbol));
    }

    private static void checkRange(Instant start, Instant end) {
        if (start.isAfter(end)) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "from must not be after to");
        }
    }

    private static ApiException scoringUnavailable(Exception e) {
        log.warn("sentiment scoring failed: {}", e.toString());
        return new ApiException("NEWS_UNAVAILABLE", "the sentiment model is not reachable right now; try again");
    }

    static org.mltrading.graphql.types.NewsItem toGraphQl(NewsItem item) {
        List<NewsMention> mentions = new ArrayList<>();
        item.mentions().forEach(m -> mentions.add(NewsMention.newBuilder().symbol(m.symbol()).score(m.score()).build()));
        return org.mltrading.graphql.types.NewsItem.newBuilder()
                .id(item.id()).source(item.source()).itemId(item.itemId())
                .kind(org.mltrading.graphql.types.NewsKind.valueOf(item.kind().name()))
                .publishedAt(utc(item.publishedAt())).receivedAt(utc(item.receivedAt()))
                .headline(item.headline()).body(item.body()).language(item.language())
                .symbols(item.symbols()).url(item.url())
                .sentiment(toGraphQl(item.sentiment())).mentions(mentions)
                .build();
    }

    static SentimentScore toGraphQl(org.mltrading.api.news.SentimentScore score) {
        return SentimentScore.newBuilder().score(score.compound()).label(SentimentLabel.valueOf(score.label().name()))
                .positive(score.positive()).negative(score.negative()).neutral(score.neutral()).build();
    }

    private static NewsImpact toGraphQl(NewsImpactService.Impact impact) {
        EventStudy.Result result = impact.result();
        NewsItem item = impact.item();
        return NewsImpact.newBuilder()
                .newsId(item.id()).headline(item.headline()).source(item.source())
                .kind(org.mltrading.graphql.types.NewsKind.valueOf(item.kind().name()))
                .publishedAt(utc(item.publishedAt())).symbol(impact.symbol())
                .interval(org.mltrading.graphql.types.BarInterval.valueOf(impact.interval().name()))
                .window(result.window().label())
                .windowStart(utc(result.windowStart())).windowEnd(utc(result.windowEnd()))
                .rawReturn(result.rawReturn()).abnormalReturn(result.abnormalReturn())
                .expectedReturnModel(result.model().name()).benchmark(impact.benchmark())
                .tStatistic(result.tStatistic()).abnormalVolume(result.abnormalVolume())
                .estimationBars(result.estimationBars())
                .sentiment(item.mentions().stream().filter(m -> m.symbol().equals(impact.symbol()))
                        .mapToDouble(NewsItem.Mention::score).findFirst().orElse(item.sentiment().compound()))
                .build();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
