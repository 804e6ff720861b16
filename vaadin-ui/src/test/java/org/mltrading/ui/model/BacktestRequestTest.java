package org.mltrading.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BacktestRequestTest {

    @Test
    void whole_utc_days_with_the_last_day_included_and_the_symbol_normalised() {
        BacktestRequest.Outcome outcome = BacktestRequest.of("momentum", " aapl ", "ONE_DAY",
                LocalDate.of(2013, 1, 1), LocalDate.of(2013, 12, 31));

        assertThat(outcome.valid()).isTrue();
        assertThat(outcome.request()).isEqualTo(new BacktestRequest("momentum", "AAPL", "ONE_DAY",
                Instant.parse("2013-01-01T00:00:00Z"), Instant.parse("2014-01-01T00:00:00Z")));
    }

    @Test
    void every_missing_field_is_reported_at_once() {
        BacktestRequest.Outcome outcome = BacktestRequest.of(" ", "", null, null, null);

        assertThat(outcome.valid()).isFalse();
        assertThat(outcome.problems()).extracting(BacktestRequest.Problem::field)
                .containsExactly("model", "symbol", "interval", "from", "to");
    }

    @Test
    void a_range_that_ends_before_it_starts_is_refused_on_the_last_day() {
        BacktestRequest.Outcome outcome = BacktestRequest.of("momentum", "AAPL", "ONE_DAY",
                LocalDate.of(2013, 6, 1), LocalDate.of(2013, 5, 31));

        assertThat(outcome.problems()).containsExactly(
                new BacktestRequest.Problem("to", "The last day must not be before the first day."));
    }

    @Test
    void a_single_day_is_a_valid_range() {
        assertThat(BacktestRequest.of("momentum", "AAPL", "ONE_MINUTE", LocalDate.of(2013, 6, 3),
                LocalDate.of(2013, 6, 3)).request().to()).isEqualTo(Instant.parse("2013-06-04T00:00:00Z"));
    }
}
