package org.mltrading.ml.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.mltrading.api.altdata.AltObservation;
import org.mltrading.api.altdata.FindAltSeriesQuery;
import org.mltrading.api.marketdata.Bar;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.api.news.FindSentimentSeriesQuery;
import org.mltrading.api.news.SentimentPoint;

class ExternalFeaturesTest {

    private static final Instant DAY = Instant.parse("2013-01-02T00:00:00Z");
    private final QueryGateway queries = mock(QueryGateway.class);

    private static List<Bar> dailyBars(int n) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            bars.add(new Bar("AAPL", BarInterval.ONE_DAY, DAY.plus(Duration.ofDays(i)), BigDecimal.ONE, BigDecimal.ONE,
                    BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE));
        }
        return bars;
    }

    @Test
    void the_model_vector_puts_alt_features_after_the_platforms_in_the_models_order() {
        List<String> model = List.of("ret_1", "alt:b", "sent_mean", "alt:a");
        assertThat(Features.index("ret_1", model)).isEqualTo(Features.RET_1);
        assertThat(Features.index("sent_mean", model)).isEqualTo(Features.SENT_MEAN);
        assertThat(Features.index("alt:b", model)).isEqualTo(Features.NAMES.size());
        assertThat(Features.index("alt:a", model)).isEqualTo(Features.NAMES.size() + 1);
        assertThat(Features.index("alt:c", model)).isEqualTo(-1);
        assertThat(Features.index("nonsense", model)).isEqualTo(-1);
        assertThat(Features.size(model)).isEqualTo(Features.NAMES.size() + 2);
        assertThat(Features.external(model)).containsExactly("alt:b", "sent_mean", "alt:a");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @Test
    void an_alt_value_is_the_last_observation_before_the_bars_close_and_missing_before_the_first() throws Exception {
        // observations dated 01-03 and 01-05 (stored at the day's start); bars of 01-02 … 01-05
        when(queries.query(any(FindAltSeriesQuery.class), any(ResponseType.class))).thenReturn((CompletableFuture)
                CompletableFuture.completedFuture(List.of(new AltObservation(DAY.plus(Duration.ofDays(1)), 7.5),
                        new AltObservation(DAY.plus(Duration.ofDays(3)), 9.0))));
        when(queries.query(any(FindSentimentSeriesQuery.class), any(ResponseType.class))).thenReturn((CompletableFuture)
                CompletableFuture.completedFuture(List.of(new SentimentPoint(DAY.plus(Duration.ofDays(2)), 2, 0.4, 0.3))));
        List<String> model = List.of("ret_1", "alt:seattle_temp_max", "sent_surprise");

        double[][] rows = new ExternalFeatures(queries).aligned(model, dailyBars(4));

        assertThat(rows[0][0]).isNaN();          // 01-02 closes 01-03 00:00: the 01-03 observation is not before it
        assertThat(rows[1][0]).isEqualTo(7.5);   // 01-03
        assertThat(rows[2][0]).isEqualTo(7.5);   // 01-04
        assertThat(rows[3][0]).isEqualTo(9.0);   // 01-05 (closes 01-06)
        assertThat(rows[2][1]).isEqualTo(0.3);   // the sentiment of 01-04's bar
        assertThat(rows[0][1]).isZero();         // no news: 0, not missing

        double[] vector = new double[Features.size(model)];
        assertThat(ExternalFeatures.fill(vector, model, rows[0])).isFalse();
        assertThat(ExternalFeatures.fill(vector, model, rows[3])).isTrue();
        assertThat(vector[Features.NAMES.size()]).isEqualTo(9.0);
        assertThat(vector[Features.SENT_SURPRISE]).isZero();
    }
}
