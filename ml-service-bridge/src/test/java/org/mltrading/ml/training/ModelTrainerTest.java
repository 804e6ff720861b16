package org.mltrading.ml.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.mltrading.api.marketdata.Bar;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.api.marketdata.FindBarsQuery;
import org.mltrading.api.model.ModelKind;
import org.mltrading.api.model.ModelRejection;
import org.mltrading.api.model.ModelVersionSpec;
import org.mltrading.api.model.TrainModelCommand;
import org.mltrading.api.news.FindSentimentSeriesQuery;
import org.mltrading.api.news.SentimentPoint;

/** The trainer with the query side's answers given (bars, sentiment) and the command bus watched. */
class ModelTrainerTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private final QueryGateway queries = mock(QueryGateway.class);
    private final CommandGateway commands = mock(CommandGateway.class);
    private final ModelTrainer trainer = new ModelTrainer(queries, commands);

    private static List<Bar> bars(int n) {
        List<Bar> bars = new ArrayList<>();
        java.util.Random random = new java.util.Random(3);
        double price = 100;
        for (int i = 0; i < n; i++) {
            price *= Math.exp(0.001 * random.nextGaussian());
            BigDecimal close = BigDecimal.valueOf(price);
            bars.add(new Bar("AAPL", BarInterval.ONE_MINUTE, T0.plus(Duration.ofMinutes(i)), close, close, close, close,
                    BigDecimal.ONE));
        }
        return bars;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void given(List<Bar> bars, List<SentimentPoint> news) {
        when(queries.query(any(FindBarsQuery.class), any(ResponseType.class)))
                .thenReturn((CompletableFuture) CompletableFuture.completedFuture(bars));
        when(queries.query(any(FindSentimentSeriesQuery.class), any(ResponseType.class)))
                .thenReturn((CompletableFuture) CompletableFuture.completedFuture(news));
    }

    private static TrainModelCommand train(ModelKind kind) {
        return new TrainModelCommand("aapl-news", 1, kind, "AAPL", BarInterval.ONE_MINUTE, T0, T0.plus(Duration.ofHours(5)));
    }

    @Test
    void a_sentiment_fit_without_news_is_refused_with_the_reason_and_registers_nothing() {
        given(bars(300), List.of());
        assertThatThrownBy(() -> trainer.handle(train(ModelKind.SENTIMENT), MetaData.emptyInstance()))
                .isInstanceOf(CommandExecutionException.class)
                .hasMessageContaining("only 0 bars of AAPL in the range have a news surprise")
                .satisfies(e -> assertThat(((ModelRejection) ((CommandExecutionException) e).getDetails().orElseThrow())
                        .code().name()).isEqualTo("MODEL_NO_TRAINING_DATA"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void a_sentiment_fit_with_news_registers_a_version_listing_its_features() throws Exception {
        List<Bar> bars = bars(300);
        List<SentimentPoint> news = new ArrayList<>();
        for (int i = 0; i < 300; i += 5) {
            news.add(new SentimentPoint(bars.get(i).time(), 1, i % 10 == 0 ? 0.6 : -0.6, i % 10 == 0 ? 0.5 : -0.5));
        }
        given(bars, news);
        ModelVersionSpec spec = trainer.handle(train(ModelKind.SENTIMENT), MetaData.emptyInstance());
        assertThat(spec.kind()).isEqualTo(ModelKind.SENTIMENT);
        assertThat(spec.features()).containsExactly("sent_surprise", "vol_20");
        assertThat(spec.parameters()).containsKeys("slope", "intercept", "q80", "q95");
        verify(commands).sendAndWait(any());
    }

    @Test
    void onnx_and_an_empty_range_are_invalid_input() {
        assertThatThrownBy(() -> trainer.handle(train(ModelKind.ONNX), MetaData.emptyInstance()))
                .hasMessageContaining("ONNX versions are imported");
        assertThatThrownBy(() -> trainer.handle(new TrainModelCommand("x", 1, ModelKind.MOMENTUM, "AAPL",
                BarInterval.ONE_MINUTE, T0, T0), MetaData.emptyInstance())).hasMessageContaining("from must be before to");
    }
}
