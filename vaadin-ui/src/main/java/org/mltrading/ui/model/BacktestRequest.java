package org.mltrading.ui.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the backtest form asks for, checked before it goes to the platform so the user sees every
 * mistake next to its field at once. Dates are whole UTC days: {@code to} is inclusive, so the
 * range runs to the start of the following day.
 */
public record BacktestRequest(String model, String symbol, String interval, Instant from, Instant to) {

    /** A field the user has to correct, with why. */
    public record Problem(String field, String message) {
    }

    /** The request, or the problems that keep it from being sent. */
    public record Outcome(BacktestRequest request, List<Problem> problems) {
        public boolean valid() {
            return request != null;
        }
    }

    public static Outcome of(String model, String symbol, String interval, LocalDate from, LocalDate to) {
        List<Problem> problems = new ArrayList<>();
        if (model == null || model.isBlank()) {
            problems.add(new Problem("model", "Choose a model."));
        }
        String ticker = symbol == null ? "" : symbol.trim().toUpperCase(Locale.ROOT);
        if (ticker.isEmpty()) {
            problems.add(new Problem("symbol", "Give the symbol to test on, e.g. AAPL."));
        }
        if (interval == null || interval.isBlank()) {
            problems.add(new Problem("interval", "Choose a bar interval."));
        }
        if (from == null) {
            problems.add(new Problem("from", "Give the first day."));
        }
        if (to == null) {
            problems.add(new Problem("to", "Give the last day."));
        }
        if (from != null && to != null && from.isAfter(to)) {
            problems.add(new Problem("to", "The last day must not be before the first day."));
        }
        if (!problems.isEmpty()) {
            return new Outcome(null, List.copyOf(problems));
        }
        return new Outcome(new BacktestRequest(model.trim(), ticker, interval,
                from.atStartOfDay().toInstant(ZoneOffset.UTC),
                to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)), List.of());
    }
}
