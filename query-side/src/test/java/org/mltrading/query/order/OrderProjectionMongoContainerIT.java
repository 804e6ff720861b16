package org.mltrading.query.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.order.OrderPlacedEvent;
import org.mltrading.api.order.OrderStatus;
import org.mltrading.api.order.OrderTerms;
import org.mltrading.api.order.OrderType;
import org.mltrading.api.common.Side;
import org.mltrading.api.order.TimeInForce;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import reactor.core.Disposable;

/**
 * The order projection's idempotency against a real MongoDB (the production store), not only the
 * embedded wire server. Needs Docker; without it the class is skipped, not failed.
 */
@Testcontainers(disabledWithoutDocker = true)
class OrderProjectionMongoContainerIT {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer(DockerImageName.parse("mongo:7.0"));

    private static final AccountId ACCOUNT = new AccountId("demo-account");
    // MongoDB stores dates with millisecond precision
    private static final Instant PLACED_AT = Instant.parse("2026-11-25T10:15:30.123Z");

    private static MongoClient client;

    private MongoTemplate mongo;
    private OrderProjection projection;
    private final org.axonframework.eventsourcing.eventstore.EventStore eventStore = OrderStoreFixture.inMemory();
    private final List<OrderView> published = new CopyOnWriteArrayList<>();
    private Disposable subscription;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(MONGO.getReplicaSetUrl());
    }

    @AfterAll
    static void disconnect() {
        if (client != null) {
            client.close();
        }
    }

    @BeforeEach
    void fresh_projection() {
        mongo = new MongoTemplate(client, "order-projection-it");
        mongo.dropCollection(OrderView.class);
        OrderUpdates updates = new OrderUpdates();
        subscription = updates.stream().subscribe(published::add);
        projection = new OrderProjection(mongo, updates, new OrderChangeLog(mongo, java.time.Duration.ofDays(7)), OrderStoreFixture.timeTravel(mongo, eventStore));
    }

    @AfterEach
    void unsubscribe() {
        subscription.dispose();
    }

    @Test
    void applying_the_same_placed_event_twice_with_the_same_sequence_stores_one_document() {
        OrderPlacedEvent event = placed("c-1", PLACED_AT);

        projection.on(event, 0L, "trader");
        projection.on(event, 0L, "trader");

        List<OrderView> all = mongo.findAll(OrderView.class);
        assertThat(all).hasSize(1);
        OrderView view = all.get(0);
        assertThat(view.id()).isEqualTo(event.orderId().toString());
        assertThat(view.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(view.placedBy()).isEqualTo("trader");
        assertThat(view.quantity()).isEqualByComparingTo("10");
        assertThat(view.placedAt()).isEqualTo(PLACED_AT);
        assertThat(view.lastSequence()).isZero();
        assertThat(published).hasSize(1);
    }

    @Test
    void a_replayed_event_does_not_overwrite_the_applied_one() {
        projection.on(placed("c-2", PLACED_AT), 0L, "trader");
        projection.on(placed("c-2", PLACED_AT.plusSeconds(60)), 0L, "someone-else");

        List<OrderView> all = mongo.findAll(OrderView.class);
        assertThat(all).hasSize(1);
        assertThat(all.get(0).placedBy()).isEqualTo("trader");
        assertThat(all.get(0).placedAt()).isEqualTo(PLACED_AT);
        assertThat(published).hasSize(1);
    }

    private static OrderPlacedEvent placed(String clientOrderId, Instant placedAt) {
        OrderTerms terms = new OrderTerms("AAPL", Side.BUY, OrderType.LIMIT, new BigDecimal("10"),
                new BigDecimal("187.25"), null, TimeInForce.DAY, null);
        return new OrderPlacedEvent(OrderId.forClientOrder(ACCOUNT, clientOrderId), ACCOUNT, clientOrderId, terms,
                placedAt);
    }
}
