package org.mltrading.ui.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchlistTest {

    private static QuoteTick quote(String symbol, String bid, String ask, String last, String time) {
        return new QuoteTick(symbol, bid == null ? null : new BigDecimal(bid), ask == null ? null : new BigDecimal(ask),
                last == null ? null : new BigDecimal(last), Instant.parse(time));
    }

    @Test
    void rows_keep_the_order_of_the_symbols_and_start_without_quotes() {
        Watchlist watchlist = new Watchlist(List.of("AAPL", "MSFT"));

        assertThat(watchlist.rows()).extracting(Watchlist.Row::symbol).containsExactly("AAPL", "MSFT");
        assertThat(watchlist.rows()).allSatisfy(row -> assertThat(row.quote()).isNull());
    }

    @Test
    void a_quote_updates_its_row_and_says_whether_the_mark_went_up_or_down() {
        Watchlist watchlist = new Watchlist(List.of("AAPL"));
        watchlist.apply(quote("AAPL", "100.00", "100.02", "100.01", "2026-01-01T10:00:00Z"));

        var up = watchlist.apply(quote("AAPL", "100.05", "100.07", "100.06", "2026-01-01T10:00:01Z")).orElseThrow();
        var down = watchlist.apply(quote("AAPL", "99.90", "99.92", "99.91", "2026-01-01T10:00:02Z")).orElseThrow();

        assertThat(up.tick()).isEqualTo(Watchlist.Tick.UP);
        assertThat(down.tick()).isEqualTo(Watchlist.Tick.DOWN);
        assertThat(down.spread()).isEqualByComparingTo("0.02");
        assertThat(watchlist.quote("AAPL")).map(QuoteTick::last).contains(new BigDecimal("99.91"));
    }

    @Test
    void quotes_of_other_symbols_and_older_quotes_are_ignored() {
        Watchlist watchlist = new Watchlist(List.of("AAPL"));
        watchlist.apply(quote("AAPL", "100", "101", null, "2026-01-01T10:00:05Z"));

        assertThat(watchlist.apply(quote("MSFT", "1", "2", null, "2026-01-01T10:00:06Z"))).isEmpty();
        assertThat(watchlist.apply(quote("AAPL", "90", "91", null, "2026-01-01T10:00:04Z"))).isEmpty();
        assertThat(watchlist.quote("AAPL")).map(QuoteTick::bid).contains(new BigDecimal("100"));
    }

    @Test
    void the_mark_is_the_last_trade_else_the_mid_else_the_side_there_is() {
        assertThat(quote("X", "10", "12", "11.5", "2026-01-01T00:00:00Z").mark()).isEqualByComparingTo("11.5");
        assertThat(quote("X", "10", "12", null, "2026-01-01T00:00:00Z").mark()).isEqualByComparingTo("11");
        assertThat(quote("X", null, "12", null, "2026-01-01T00:00:00Z").mark()).isEqualByComparingTo("12");
    }
}
