package org.mltrading.query.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.api.model.BacktestCompletedEvent;
import org.mltrading.api.model.BacktestFailedEvent;
import org.mltrading.api.model.BacktestMetrics;
import org.mltrading.api.model.BacktestProgressedEvent;
import org.mltrading.api.model.BacktestRequestedEvent;
import org.mltrading.api.model.BacktestStartedEvent;
import org.mltrading.api.model.EquityPoint;
import org.mltrading.api.model.FindModelVersionQuery;
import org.mltrading.api.model.FindProductionModelsQuery;
import org.mltrading.api.model.ModelId;
import org.mltrading.api.model.ModelKind;
import org.mltrading.api.model.ModelStatus;
import org.mltrading.api.model.ModelVersionPromotedEvent;
import org.mltrading.api.model.ModelVersionRegisteredEvent;
import org.mltrading.api.model.ModelVersionRetiredEvent;
import org.mltrading.api.model.ModelVersionSpec;
import org.mltrading.api.model.ModelVersionValidatedEvent;
import org.mltrading.api.model.TrainingRange;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The model and backtest projections as plain objects against an in-memory MongoDB wire server:
 * replayed events change nothing, a finished backtest never goes back, and the Axon queries the ML
 * bridge relies on answer from what was projected.
 */
class ModelProjectionTest {

    // Mongo stores dates with millisecond precision
    private static final Instant AT = Instant.parse("2026-11-25T10:15:30.123Z");
    private static final ModelId ID = ModelId.forName("momentum");
    private static final BacktestMetrics METRICS = new BacktestMetrics(0.03, 0.39, 0.61, 0.059, 5, 0.6, 10, 0.0218, 252);

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private ModelProjection models;
    private BacktestProjection backtests;
    private ModelDirectory directory;

    @BeforeEach
    void start_in_memory_mongo() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "model-projection-test");
        ModelUpdates updates = new ModelUpdates();
        models = new ModelProjection(mongo, updates);
        backtests = new BacktestProjection(mongo, updates);
        directory = new ModelDirectory(mongo);
    }

    @AfterEach
    void stop_in_memory_mongo() {
        // mongo-java-server's Netty threads are non-daemon: always shut it down
        try {
            client.close();
        } finally {
            server.shutdownNow();
        }
    }

    private static ModelVersionRegisteredEvent registered(int version) {
        return new ModelVersionRegisteredEvent(ID, "momentum", version, ModelKind.MOMENTUM, List.of("mom_20_vs", "vol_20"),
                Map.of("slope", 0.2, "intercept", 0.01), new TrainingRange("AAPL", BarInterval.ONE_DAY, AT, AT),
                "a".repeat(64), AT);
    }

    @Test
    void a_version_goes_through_its_lifecycle_and_a_replay_changes_nothing() {
        models.on(registered(1), 0);
        models.on(new ModelVersionValidatedEvent(ID, 1, "bt-1", METRICS, true, List.of(), AT), 1);
        models.on(new ModelVersionPromotedEvent(ID, "momentum", 1, AT), 2);
        models.on(registered(2), 3);
        // a redelivery of the first three events
        models.on(registered(1), 0);
        models.on(new ModelVersionValidatedEvent(ID, 1, "bt-1", METRICS, true, List.of(), AT), 1);
        models.on(new ModelVersionPromotedEvent(ID, "momentum", 1, AT), 2);

        ModelView model = directory.find("momentum").orElseThrow();
        assertThat(model.versions()).hasSize(2);
        assertThat(model.status()).isEqualTo(ModelStatus.PRODUCTION);
        assertThat(model.productionVersion()).isEqualTo(1);
        assertThat(model.version(1).validation.metrics()).isEqualTo(METRICS);
        assertThat(model.version(2).status).isEqualTo(ModelStatus.REGISTERED);
        assertThat(directory.find(ID.value())).map(ModelView::name).contains("momentum");

        models.on(new ModelVersionRetiredEvent(ID, 1, "drift", AT), 4);
        ModelView retired = directory.find("momentum").orElseThrow();
        assertThat(retired.status()).isEqualTo(ModelStatus.REGISTERED);
        assertThat(retired.version(1).retiredReason).isEqualTo("drift");
    }

    @Test
    void the_bridge_queries_find_the_production_version_by_name_and_the_newest_otherwise() {
        models.on(registered(1), 0);
        models.on(new ModelVersionValidatedEvent(ID, 1, "bt-1", METRICS, true, List.of(), AT), 1);
        models.on(new ModelVersionPromotedEvent(ID, "momentum", 1, AT), 2);
        models.on(registered(2), 3);

        Optional<ModelVersionSpec> production = directory.handle(new FindModelVersionQuery("momentum", null));
        assertThat(production).map(ModelVersionSpec::version).contains(1);
        assertThat(directory.handle(new FindModelVersionQuery(ID.value(), 2))).map(ModelVersionSpec::status)
                .contains(ModelStatus.REGISTERED);
        assertThat(directory.handle(new FindModelVersionQuery("momentum", 7))).isEmpty();
        assertThat(directory.handle(new FindModelVersionQuery("unknown", null))).isEmpty();
        List<ModelVersionSpec> live = directory.handle(new FindProductionModelsQuery());
        assertThat(live).singleElement().satisfies(spec -> {
            assertThat(spec.parameters()).containsEntry("slope", 0.2);
            assertThat(spec.kind()).isEqualTo(ModelKind.MOMENTUM);
        });
    }

    @Test
    void a_backtest_moves_forward_only_and_a_late_progress_does_not_undo_its_completion() {
        backtests.on(new BacktestRequestedEvent("bt-1", ID, "momentum", 1, "AAPL", BarInterval.ONE_DAY, AT, AT, AT));
        backtests.on(new BacktestStartedEvent("bt-1", 252, AT));
        backtests.on(new BacktestProgressedEvent("bt-1", 120, 252, AT));
        backtests.on(new BacktestProgressedEvent("bt-1", 60, 252, AT));
        assertThat(mongo.findById("bt-1", BacktestView.class).barsProcessed).isEqualTo(120);

        backtests.on(new BacktestCompletedEvent("bt-1", METRICS, List.of(new EquityPoint(AT, 1.03)), AT));
        backtests.on(new BacktestProgressedEvent("bt-1", 200, 252, AT));
        backtests.on(new BacktestFailedEvent("bt-1", "late", AT));
        backtests.on(new BacktestRequestedEvent("bt-1", ID, "momentum", 1, "AAPL", BarInterval.ONE_DAY, AT, AT, AT));

        BacktestView view = mongo.findById("bt-1", BacktestView.class);
        assertThat(view.status).isEqualTo(BacktestView.Status.COMPLETED);
        assertThat(view.metrics).isEqualTo(METRICS);
        assertThat(view.barsProcessed).isEqualTo(252);
        assertThat(view.reason).isNull();
        assertThat(view.equity).containsExactly(new EquityPoint(AT, 1.03));
    }
}
