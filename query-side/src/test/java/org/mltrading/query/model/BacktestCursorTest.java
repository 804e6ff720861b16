package org.mltrading.query.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mltrading.query.graphql.ApiException;

class BacktestCursorTest {

    @Test
    void a_cursor_reads_back_as_the_rows_request_instant_and_id() {
        BacktestCursor cursor = new BacktestCursor(Instant.parse("2026-12-07T05:00:00.123Z"), "bt-1:with-colon");

        assertThat(BacktestCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void anything_else_is_refused_as_invalid_input() {
        assertThatThrownBy(() -> BacktestCursor.decode("not a cursor")).isInstanceOf(ApiException.class)
                .hasMessageContaining("not a cursor of backtests");
    }
}
