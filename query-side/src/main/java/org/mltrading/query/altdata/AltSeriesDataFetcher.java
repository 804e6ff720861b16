package org.mltrading.query.altdata;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.mltrading.graphql.types.AltPoint;
import org.mltrading.graphql.types.ImportSeriesInput;
import org.mltrading.graphql.types.SeriesImportResult;
import org.mltrading.graphql.types.SkippedNewsLine;
import org.mltrading.query.graphql.ApiErrorCode;
import org.mltrading.query.graphql.ApiException;
import org.mltrading.query.marketdata.instrument.InstrumentCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;

/** Alternative-data series: read by any caller with the read scope, imported by ADMIN. Codes: SERIES_*. */
@DgsComponent
class AltSeriesDataFetcher {

    private static final Logger log = LoggerFactory.getLogger(AltSeriesDataFetcher.class);
    static final int MAX_POINTS = 10_000;
    static final int MAX_IMPORT_LINES = 100_000;

    private final AltSeriesStore store;
    private final InstrumentCatalog instruments;

    AltSeriesDataFetcher(AltSeriesStore store, InstrumentCatalog instruments) {
        this.store = store;
        this.instruments = instruments;
    }

    @DgsQuery
    @PreAuthorize("isAuthenticated()")
    List<AltPoint> altSeries(@InputArgument String series, @InputArgument String symbol, @InputArgument OffsetDateTime from,
                             @InputArgument OffsetDateTime to, @InputArgument Integer first) {
        String name = series == null ? "" : series.strip().toLowerCase(Locale.ROOT);
        if (!AltSeriesCsv.SERIES.matcher(name).matches()) {
            throw new ApiException("SERIES_INVALID_INPUT", "series is 1-64 of a-z, 0-9, _ . -");
        }
        String instrument = symbol == null ? "" : known(symbol);
        Instant end = to == null ? Instant.now() : to.toInstant();
        Instant start = from == null ? end.minus(Duration.ofDays(365)) : from.toInstant();
        if (start.isAfter(end)) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "from must not be after to");
        }
        int limit = first == null ? 1_000 : first;
        if (limit < 1 || limit > MAX_POINTS) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "first must be between 1 and " + MAX_POINTS);
        }
        try {
            return store.find(name, instrument, start, end, limit).stream()
                    .map(point -> AltPoint.newBuilder().time(point.time().atOffset(ZoneOffset.UTC)).series(point.series())
                            .symbol(point.symbol().isEmpty() ? null : point.symbol()).value(point.value()).build())
                    .toList();
        } catch (SQLException e) {
            log.warn("alternative series {} not read: {}", name, e.getMessage());
            throw new ApiException(ApiErrorCode.UNAVAILABLE, "the time-series store is unavailable; try again");
        }
    }

    @DgsMutation
    @PreAuthorize("hasRole('ADMIN')")
    SeriesImportResult importSeries(@InputArgument ImportSeriesInput input) {
        int firstLine = input.getFirstLine() == null ? 1 : input.getFirstLine();
        if (firstLine < 1) {
            throw new ApiException("SERIES_INVALID_INPUT", "firstLine must be 1 or more");
        }
        if (input.getCsv().lines().count() > MAX_IMPORT_LINES + 1) {
            throw new ApiException("SERIES_IMPORT_TOO_LARGE", "at most " + MAX_IMPORT_LINES + " lines per request;"
                    + " send the file in batches with firstLine");
        }
        AltSeriesCsv.Parsed parsed;
        try {
            parsed = AltSeriesCsv.parse(input.getCsv(), firstLine, symbol -> instruments.find(symbol).isPresent());
        } catch (IllegalArgumentException e) {
            throw new ApiException("SERIES_INVALID_INPUT", e.getMessage());
        }
        List<org.mltrading.query.altdata.AltPoint> known = parsed.points();
        List<AltSeriesCsv.Skipped> skipped = parsed.skipped();
        try {
            store.write(known, input.getSource().strip());
        } catch (SQLException e) {
            log.warn("alternative series not stored: {}", e.getMessage());
            throw new ApiException("SERIES_UNAVAILABLE", "the time-series store did not take the rows; nothing of this"
                    + " request may be assumed stored, send it again (rows are idempotent)");
        }
        return SeriesImportResult.newBuilder().loaded(known.size())
                .series(known.stream().map(org.mltrading.query.altdata.AltPoint::series).distinct().sorted().toList())
                .skipped(skipped.stream().map(s -> SkippedNewsLine.newBuilder().line(s.line()).reason(s.reason()).build()).toList())
                .build();
    }

    private String known(String symbol) {
        return instruments.find(symbol.strip().toUpperCase(Locale.ROOT)).map(org.mltrading.api.marketdata.Instrument::symbol)
                .orElseThrow(() -> new ApiException("SERIES_UNKNOWN_SYMBOL", "unknown symbol: " + symbol));
    }
}
