package org.mltrading.query.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventStudyTest {

    private static final Instant T0 = Instant.parse("2023-03-14T00:00:00Z");
    private final EventStudy study = new EventStudy(60, 10);

    /** Closes every 5 minutes from T0, closing at T0 + 5 min × (i + 1). */
    private static List<EventStudy.ClosedBar> bars(double... closes) {
        List<EventStudy.ClosedBar> bars = new ArrayList<>();
        for (int i = 0; i < closes.length; i++) {
            bars.add(new EventStudy.ClosedBar(T0.plus(Duration.ofMinutes(5L * (i + 1))), closes[i], 100));
        }
        return bars;
    }

    @Test
    void bar_zero_is_the_last_bar_closed_at_or_before_the_event() {
        List<EventStudy.ClosedBar> bars = bars(1, 2, 3, 4);
        assertThat(EventStudy.barZero(bars, T0.plus(Duration.ofMinutes(10)))).isEqualTo(1); // closed exactly then
        assertThat(EventStudy.barZero(bars, T0.plus(Duration.ofMinutes(14)))).isEqualTo(1);
        assertThat(EventStudy.barZero(bars, T0.plus(Duration.ofMinutes(4)))).isEqualTo(-1);
    }

    @Test
    void the_raw_return_runs_from_bar_a_close_to_bar_b_close() {
        // the AAPL figures of the issue: 514.01 at the close of bar 0, 450.50 at bar +1 → −12.36 %
        double[] closes = new double[20];
        for (int i = 0; i < 18; i++) {
            closes[i] = 500 + (i % 2 == 0 ? 1 : -1);
        }
        closes[17] = 514.01;
        closes[18] = 450.50;
        closes[19] = 452.00;
        List<EventStudy.ClosedBar> bars = bars(closes);
        Instant event = bars.get(17).closedAt().plusSeconds(60);

        List<EventStudy.Result> results = study.study(bars, List.of(), event, EventStudy.STANDARD_WINDOWS);

        assertThat(results).hasSize(1); // [-1,+5] needs bars up to +5, which have not closed
        EventStudy.Result first = results.get(0);
        assertThat(first.window().label()).isEqualTo("[0,+1]");
        assertThat(first.rawReturn()).isCloseTo(450.50 / 514.01 - 1, within(1e-12));
        assertThat(first.rawReturn()).isCloseTo(-0.1236, within(0.00005));
        assertThat(first.model()).isEqualTo(EventStudy.ExpectedReturnModel.MEAN_ADJUSTED);
        assertThat(first.windowStart()).isEqualTo(bars.get(17).closedAt());
        assertThat(first.windowEnd()).isEqualTo(bars.get(18).closedAt());
    }

    @Test
    void mean_adjusted_abnormal_return_subtracts_the_estimation_mean_and_scales_t_by_sigma() {
        // estimation returns alternate +1 % and +3 % (mean 2 %, sd ≈ 1.03 %), then a +10 % bar
        double[] closes = new double[30];
        closes[0] = 100;
        for (int i = 1; i < 24; i++) {
            closes[i] = closes[i - 1] * (i % 2 == 0 ? 1.01 : 1.03);
        }
        for (int i = 24; i < 30; i++) {
            closes[i] = closes[i - 1] * (i == 24 ? 1.10 : 1.02);
        }
        List<EventStudy.ClosedBar> bars = bars(closes);
        Instant event = bars.get(23).closedAt();
        EventStudy.Result first = study.study(bars, List.of(), event, EventStudy.STANDARD_WINDOWS).get(0);

        // estimation: returns of bars 1..22 (ending at bar −1 = index 22)
        double mean = 0;
        double[] r = new double[22];
        for (int k = 1; k <= 22; k++) {
            r[k - 1] = closes[k] / closes[k - 1] - 1;
            mean += r[k - 1];
        }
        mean /= 22;
        double ss = 0;
        for (double x : r) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / 21);
        assertThat(first.estimationBars()).isEqualTo(22);
        assertThat(first.abnormalReturn()).isCloseTo(0.10 - mean, within(1e-12));
        assertThat(first.tStatistic()).isCloseTo((0.10 - mean) / sd, within(1e-9));
        assertThat(first.abnormalVolume()).isCloseTo(0.0, within(1e-12)); // the same volume throughout
    }

    @Test
    void market_model_removes_what_the_benchmark_explains() {
        // the instrument moves exactly 2 × the benchmark: no abnormal return, however large the move
        double[] index = new double[30];
        double[] stock = new double[30];
        index[0] = 100;
        stock[0] = 50;
        java.util.Random random = new java.util.Random(7);
        for (int i = 1; i < 30; i++) {
            double m = random.nextGaussian() * 0.01;
            index[i] = index[i - 1] * (1 + m);
            stock[i] = stock[i - 1] * (1 + 0.001 + 2 * m);
        }
        List<EventStudy.ClosedBar> bars = bars(stock);
        List<EventStudy.Result> results = study.study(bars, bars(index), bars.get(20).closedAt(), EventStudy.STANDARD_WINDOWS);

        assertThat(results).hasSize(2);
        assertThat(results).allSatisfy(result -> {
            assertThat(result.model()).isEqualTo(EventStudy.ExpectedReturnModel.MARKET_MODEL);
            assertThat(result.abnormalReturn()).isCloseTo(0, within(1e-9));
        });
        assertThat(results.get(1).window().label()).isEqualTo("[-1,+5]");
    }

    @Test
    void too_little_history_gives_no_result() {
        List<EventStudy.ClosedBar> bars = bars(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(study.study(bars, List.of(), bars.get(4).closedAt(), EventStudy.STANDARD_WINDOWS)).isEmpty();
        assertThat(study.covers(bars, bars.get(4).closedAt())).isFalse();
    }
}
