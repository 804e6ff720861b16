package org.mltrading.query.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.common.Side;
import org.mltrading.api.common.StrategyId;
import org.mltrading.api.order.OrderFilledEvent;
import org.mltrading.api.order.OrderPlacedEvent;
import org.mltrading.api.order.OrderProvenance;
import org.mltrading.api.order.OrderTerms;
import org.mltrading.api.order.OrderType;
import org.mltrading.api.order.TimeInForce;
import org.mltrading.graphql.types.FeatureValue;
import org.mltrading.graphql.types.Order;
import org.springframework.data.mongodb.core.MongoTemplate;

/** An automated order's provenance in the Mongo order view and in the GraphQL Order. */
class OrderProvenanceProjectionTest {

    private static final AccountId ACCOUNT = new AccountId("demo-account");
    // Mongo stores dates with millisecond precision
    private static final Instant AT = Instant.parse("2026-11-25T10:15:30.123Z");
    private static final OrderTerms TERMS = new OrderTerms("AAPL", Side.BUY, OrderType.MARKET, new BigDecimal("5"),
            null, null, TimeInForce.IOC, null);
    private static final OrderProvenance PROVENANCE = new OrderProvenance(
            new StrategyId("2f1c6b1e-9b7e-4c2a-8a0e-6f2d0c1b9a11"), "momentum", 1, "p-1", AT.minusSeconds(1),
            AT.minusSeconds(61), 0.0012, -0.0008, 0.0032, Map.of("vol_20", 0.0021, "mom_20_vs", 1.25));

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private OrderProjection projection;
    private final org.axonframework.eventsourcing.eventstore.EventStore eventStore = OrderStoreFixture.inMemory();

    @BeforeEach
    void start_in_memory_mongo() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "order-provenance-test");
        projection = new OrderProjection(mongo, new OrderUpdates(), new OrderChangeLog(mongo, java.time.Duration.ofDays(7)),
                OrderStoreFixture.timeTravel(mongo, eventStore));
    }

    @AfterEach
    void stop_in_memory_mongo() {
        try {
            client.close();
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void an_automated_order_keeps_its_provenance_through_its_fills_and_shows_it_in_graphql() {
        OrderId id = OrderId.forClientOrder(ACCOUNT, "strategy-1");
        projection.on(new OrderPlacedEvent(id, ACCOUNT, "strategy-1", TERMS, AT, PROVENANCE), 0L, "strategy:x");
        projection.on(new OrderFilledEvent(id, ACCOUNT, "AAPL", Side.BUY, id + "-1", new BigDecimal("230.01"),
                new BigDecimal("5"), new BigDecimal("0.06"), new BigDecimal("5"), new BigDecimal("230.01"),
                BigDecimal.ZERO, true, AT.plusMillis(5)), 1L); // the next event of the order (sequence numbers have no holes)

        OrderView view = mongo.findById(id.toString(), OrderView.class);
        assertThat(view.provenance()).isEqualTo(new OrderView.ProvenanceView(PROVENANCE.strategyId().value(), "momentum",
                1, "p-1", PROVENANCE.predictionTime(), PROVENANCE.barTime(), 0.0012, -0.0008, 0.0032,
                PROVENANCE.features()));

        Order order = OrderMapper.toGraphQl(view);
        assertThat(order.getProvenance().getModelLabel()).isEqualTo("momentum@1");
        assertThat(order.getProvenance().getPredictionId()).isEqualTo("p-1");
        assertThat(order.getProvenance().getValue()).isEqualTo(0.0012);
        assertThat(order.getProvenance().getPredictionTime().toInstant()).isEqualTo(PROVENANCE.predictionTime());
        // features in name order, so clients see a stable list
        assertThat(order.getProvenance().getFeatures()).extracting(FeatureValue::getName)
                .containsExactly("mom_20_vs", "vol_20");
        assertThat(order.getProvenance().getFeatures()).extracting(FeatureValue::getValue)
                .containsExactly(1.25, 0.0021);
    }

    @Test
    void a_manual_order_has_no_provenance() {
        OrderId id = OrderId.forClientOrder(ACCOUNT, "c-1");
        projection.on(new OrderPlacedEvent(id, ACCOUNT, "c-1", TERMS, AT), 0L, "trader");

        OrderView view = mongo.findById(id.toString(), OrderView.class);
        assertThat(view.provenance()).isNull();
        assertThat(OrderMapper.toGraphQl(view).getProvenance()).isNull();
    }
}
