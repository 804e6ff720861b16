package org.mltrading.query.news;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mltrading.api.marketdata.AssetClass;
import org.mltrading.api.marketdata.Bar;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.api.marketdata.Instrument;
import org.mltrading.query.marketdata.MarketDataQueries;
import org.mltrading.query.marketdata.instrument.InstrumentCatalog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * News impact computed when asked, from the bars stored at that moment (bars imported after the news
 * count): for each item concerning the instrument, an {@link EventStudy} on the finest bar interval that
 * has enough bars around it (or the one asked for), against the benchmark (default SPY) where it has
 * bars for the same closes, mean-adjusted otherwise.
 */
@Service
public class NewsImpactService {

    static final List<BarInterval> CANDIDATES =
            List.of(BarInterval.ONE_MINUTE, BarInterval.FIVE_MINUTES, BarInterval.ONE_HOUR, BarInterval.ONE_DAY);
    static final int MAX_ESTIMATION = 60;
    static final int MIN_ESTIMATION = 10;
    public static final int MAX_ITEMS = 200;
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalTime US_CLOSE = LocalTime.of(16, 0);

    public record Impact(NewsItem item, String symbol, BarInterval interval, String benchmark, EventStudy.Result result) {
    }

    private final NewsStore store;
    private final MarketDataQueries bars;
    private final InstrumentCatalog instruments;
    private final String benchmark;
    private final EventStudy study = new EventStudy(MAX_ESTIMATION, MIN_ESTIMATION);

    NewsImpactService(NewsStore store, MarketDataQueries bars, InstrumentCatalog instruments,
                      @Value("${platform.news.impact.benchmark:SPY}") String benchmark) {
        this.store = store;
        this.bars = bars;
        this.instruments = instruments;
        this.benchmark = benchmark;
    }

    public List<Impact> impacts(Instrument instrument, Instant from, Instant to, BarInterval interval) throws SQLException {
        List<Impact> impacts = new ArrayList<>();
        for (NewsItem item : store.find(instrument.symbol(), from, to, null, MAX_ITEMS)) {
            Optional<Series> series = interval != null ? series(instrument, interval, item.publishedAt())
                    : firstCovering(instrument, item.publishedAt());
            if (series.isEmpty()) {
                continue;
            }
            Series chosen = series.get();
            List<EventStudy.ClosedBar> market = List.of();
            Optional<Instrument> index = instruments.find(benchmark);
            if (index.isPresent() && !index.get().symbol().equals(instrument.symbol())
                    && isEquity(instrument) && isEquity(index.get())) {
                market = closedBars(index.get(), chosen.interval(), fetch(index.get(), chosen.interval(), item.publishedAt()));
            }
            for (EventStudy.Result result : study.study(chosen.bars(), market, item.publishedAt(), EventStudy.STANDARD_WINDOWS)) {
                impacts.add(new Impact(item, instrument.symbol(), chosen.interval(),
                        result.model() == EventStudy.ExpectedReturnModel.MARKET_MODEL ? benchmark : null, result));
            }
        }
        return impacts;
    }

    /** Impacts grouped by a dimension and window. */
    public record Group(String grouping, String key, String window, int events, double meanRaw, double meanAbnormal,
                        Double tStatistic, double positiveShare) {
    }

    /** The impacts grouped by source, kind and sentiment bucket (each with its window), in that order. */
    public static List<Group> summarise(List<Impact> impacts) {
        java.util.Map<List<String>, List<Impact>> groups = new java.util.LinkedHashMap<>();
        for (Impact impact : impacts) {
            String window = impact.result().window().label();
            double score = impact.item().mentions().stream().filter(m -> m.symbol().equals(impact.symbol()))
                    .mapToDouble(NewsItem.Mention::score).findFirst().orElse(impact.item().sentiment().compound());
            groups.computeIfAbsent(List.of("SOURCE", impact.item().source(), window), k -> new ArrayList<>()).add(impact);
            groups.computeIfAbsent(List.of("KIND", impact.item().kind().name(), window), k -> new ArrayList<>()).add(impact);
            groups.computeIfAbsent(List.of("SENTIMENT", org.mltrading.api.news.SentimentLabel.of(score).name(), window),
                    k -> new ArrayList<>()).add(impact);
        }
        List<Group> summary = new ArrayList<>();
        groups.forEach((key, members) -> {
            int n = members.size();
            double raw = members.stream().mapToDouble(m -> m.result().rawReturn()).sum() / n;
            double mean = members.stream().mapToDouble(m -> m.result().abnormalReturn()).sum() / n;
            double ss = members.stream().mapToDouble(m -> Math.pow(m.result().abnormalReturn() - mean, 2)).sum();
            double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
            Double t = n > 1 && sd > 0 ? mean / (sd / Math.sqrt(n)) : null;
            double positive = (double) members.stream().filter(m -> m.result().abnormalReturn() > 0).count() / n;
            summary.add(new Group(key.get(0), key.get(1), key.get(2), n, raw, mean, t, positive));
        });
        summary.sort(java.util.Comparator.comparing(Group::grouping, java.util.Comparator.comparing(List.of("SOURCE", "KIND", "SENTIMENT")::indexOf))
                .thenComparing(Group::key).thenComparing(Group::window));
        return summary;
    }

    private record Series(BarInterval interval, List<EventStudy.ClosedBar> bars) {
    }

    private Optional<Series> firstCovering(Instrument instrument, Instant event) throws SQLException {
        for (BarInterval candidate : CANDIDATES) {
            Optional<Series> series = series(instrument, candidate, event);
            if (series.isPresent() && study.covers(series.get().bars(), event)) {
                return series;
            }
        }
        return Optional.empty();
    }

    private Optional<Series> series(Instrument instrument, BarInterval interval, Instant event) throws SQLException {
        List<EventStudy.ClosedBar> closed = closedBars(instrument, interval, fetch(instrument, interval, event));
        return closed.isEmpty() ? Optional.empty() : Optional.of(new Series(interval, closed));
    }

    /** Bars around the event: enough before for the estimation window (weekends and nights included). */
    private List<Bar> fetch(Instrument instrument, BarInterval interval, Instant event) throws SQLException {
        Duration length = interval.length();
        Duration before = interval == BarInterval.ONE_DAY ? Duration.ofDays((MAX_ESTIMATION + 3) * 7L / 5 + 10)
                : length.multipliedBy((MAX_ESTIMATION + 3) * 2L);
        Duration after = interval == BarInterval.ONE_DAY ? Duration.ofDays(14) : length.multipliedBy(12);
        return bars.bars(instrument.symbol(), interval, event.minus(before), event.plus(after));
    }

    private static List<EventStudy.ClosedBar> closedBars(Instrument instrument, BarInterval interval, List<Bar> bars) {
        List<EventStudy.ClosedBar> closed = new ArrayList<>(bars.size());
        for (Bar bar : bars) {
            closed.add(new EventStudy.ClosedBar(closeTime(instrument, interval, bar.time()),
                    bar.close().doubleValue(), bar.volume().doubleValue()));
        }
        return closed;
    }

    /** A daily bar of a US equity or ETF closes at 16:00 New York time of its date; others at start + length. */
    static Instant closeTime(Instrument instrument, BarInterval interval, Instant start) {
        if (interval == BarInterval.ONE_DAY && isEquity(instrument) && "USD".equals(instrument.currency())) {
            return start.atOffset(ZoneOffset.UTC).toLocalDate().atTime(US_CLOSE).atZone(NEW_YORK).toInstant();
        }
        return start.plus(interval.length());
    }

    private static boolean isEquity(Instrument instrument) {
        return instrument.assetClass() == AssetClass.EQUITY || instrument.assetClass() == AssetClass.ETF;
    }
}
