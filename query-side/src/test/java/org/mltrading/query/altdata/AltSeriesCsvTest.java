package org.mltrading.query.altdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AltSeriesCsvTest {

    @Test
    void rows_load_in_any_column_order_and_bad_rows_are_named() {
        String csv = String.join("\n",
                "value,Time,series,symbol",
                "12.8,2012-01-01,seattle_temp_max,",
                "3.5,2013-01-23T21:30:00Z,web_visits,AAPL",
                "x,2012-01-02,seattle_temp_max,",
                "1,yesterday,seattle_temp_max,",
                "1,2012-01-03,Bad Name,",
                "1,2012-01-03,web_visits,ZZZZ",
                "1,2012-01-03",
                "");
        AltSeriesCsv.Parsed parsed = AltSeriesCsv.parse(csv, 1, Set.of("AAPL")::contains);

        assertThat(parsed.points()).containsExactly(
                new AltPoint(Instant.parse("2012-01-01T00:00:00Z"), "seattle_temp_max", "", 12.8),
                new AltPoint(Instant.parse("2013-01-23T21:30:00Z"), "web_visits", "AAPL", 3.5));
        assertThat(parsed.skipped()).extracting(AltSeriesCsv.Skipped::line).containsExactly(4, 5, 6, 7, 8);
        assertThat(parsed.skipped().get(0).reason()).isEqualTo("value 'x' is not a number");
        assertThat(parsed.skipped().get(3).reason()).isEqualTo("symbol ZZZZ is not in the instrument catalogue");
    }

    @Test
    void a_header_without_the_required_columns_reads_nothing() {
        assertThatThrownBy(() -> AltSeriesCsv.parse("time,series\n2012-01-01,x", 1))
                .hasMessageContaining("the header must name time, series and value");
    }
}
