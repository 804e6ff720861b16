package org.mltrading.query.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mltrading.query.testing.InMemoryMongo;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.order.OrderPlacedEvent;
import org.mltrading.api.order.OrderStatus;
import org.mltrading.api.order.OrderTerms;
import org.mltrading.api.order.OrderType;
import org.mltrading.api.common.Side;
import org.mltrading.api.order.TimeInForce;
import org.springframework.data.mongodb.core.MongoTemplate;
import reactor.core.Disposable;

/**
 * The order projection as a plain object against an in-memory MongoDB wire server: replays (after a
 * crash, a reset or a redelivery) must neither duplicate nor overwrite what was already applied.
 */
class OrderProjectionTest {

    private static final AccountId ACCOUNT = new AccountId("demo-account");
    // Mongo stores dates with millisecond precision
    private static final Instant PLACED_AT = Instant.parse("2026-11-25T10:15:30.123Z");

    private InMemoryMongo store;
    private MongoTemplate mongo;
    private OrderUpdates updates;
    private OrderProjection projection;
    private final org.axonframework.eventsourcing.eventstore.EventStore eventStore = OrderStoreFixture.inMemory();
    private final List<OrderView> published = new CopyOnWriteArrayList<>();
    private Disposable subscription;

    @BeforeEach
    void start_in_memory_mongo() {
        store = new InMemoryMongo("order-projection-test");
        mongo = store.template();
        updates = new OrderUpdates();
        // the sink is a hot multicast: subscribe before anything is published
        subscription = updates.stream().subscribe(published::add);
        projection = new OrderProjection(mongo, updates, new OrderChangeLog(mongo, java.time.Duration.ofDays(7)), OrderStoreFixture.timeTravel(mongo, eventStore));
    }

    @AfterEach
    void stop_in_memory_mongo() {
        // mongo-java-server's Netty threads are non-daemon: always shut it down
        try {
            subscription.dispose();
        } finally {
            store.close();
        }
    }

    @Test
    void placed_event_creates_a_pending_order_placed_by_the_metadata_actor() {
        OrderPlacedEvent event = placed("c-1", PLACED_AT);

        projection.on(event, 0L, "trader");

        OrderView view = mongo.findById(event.orderId().toString(), OrderView.class);
        assertThat(view).isNotNull();
        assertThat(view.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(view.placedBy()).isEqualTo("trader");
        assertThat(view.accountId()).isEqualTo("demo-account");
        assertThat(view.clientOrderId()).isEqualTo("c-1");
        assertThat(view.symbol()).isEqualTo("AAPL");
        assertThat(view.side()).isEqualTo(Side.BUY);
        assertThat(view.type()).isEqualTo(OrderType.LIMIT);
        assertThat(view.quantity()).isEqualByComparingTo("10");
        assertThat(view.limitPrice()).isEqualByComparingTo("187.25");
        assertThat(view.timeInForce()).isEqualTo(TimeInForce.DAY);
        assertThat(view.placedAt()).isEqualTo(PLACED_AT);
        assertThat(view.updatedAt()).isEqualTo(PLACED_AT);
        assertThat(view.lastSequence()).isZero();
    }

    @Test
    void replaying_the_same_event_with_the_same_sequence_keeps_one_document() {
        OrderPlacedEvent event = placed("c-2", PLACED_AT);

        projection.on(event, 0L, "trader");
        projection.on(event, 0L, "trader");

        assertThat(mongo.findAll(OrderView.class)).hasSize(1);
    }

    @Test
    void a_replayed_event_does_not_overwrite_the_applied_one() {
        OrderPlacedEvent original = placed("c-3", PLACED_AT);
        OrderPlacedEvent replayed = placed("c-3", PLACED_AT.plusSeconds(60));

        projection.on(original, 0L, "trader");
        projection.on(replayed, 0L, "someone-else");

        List<OrderView> all = mongo.findAll(OrderView.class);
        assertThat(all).hasSize(1);
        assertThat(all.get(0).placedBy()).isEqualTo("trader");
        assertThat(all.get(0).placedAt()).isEqualTo(PLACED_AT);
    }

    @Test
    void an_applied_event_is_published_on_order_updates_and_a_replay_is_not() {
        OrderPlacedEvent event = placed("c-4", PLACED_AT);

        projection.on(event, 0L, "trader");
        projection.on(event, 0L, "trader");

        assertThat(published).singleElement().satisfies(view -> {
            assertThat(view.id()).isEqualTo(event.orderId().toString());
            assertThat(view.status()).isEqualTo(OrderStatus.PENDING);
            assertThat(view.placedBy()).isEqualTo("trader");
        });
    }

    @Test
    void orders_of_different_client_order_ids_are_separate_documents() {
        projection.on(placed("c-5", PLACED_AT), 0L, "trader");
        projection.on(placed("c-6", PLACED_AT), 0L, "trader");

        assertThat(mongo.findAll(OrderView.class)).hasSize(2);
        assertThat(published).hasSize(2);
    }

    @Test
    void every_change_is_logged_under_a_growing_cursor_that_the_order_and_its_announcement_carry() {
        OrderPlacedEvent event = placed("c-7", PLACED_AT);
        OrderChangeLog changes = new OrderChangeLog(mongo, java.time.Duration.ofDays(7));

        projection.on(event, 0L, "trader");
        projection.on(new org.mltrading.api.order.OrderAcceptedEvent(event.orderId(), ACCOUNT, "AAPL", event.terms(),
                PLACED_AT.plusMillis(3)), 1L);
        projection.on(new org.mltrading.api.order.OrderAcceptedEvent(event.orderId(), ACCOUNT, "AAPL", event.terms(),
                PLACED_AT.plusMillis(3)), 1L); // redelivered: not a change

        List<org.mltrading.query.stream.ChangeLog.Change<OrderView>> logged = changes.log().after("demo-account", 0, 10);
        assertThat(logged).extracting(change -> change.value().status())
                .containsExactly(OrderStatus.PENDING, OrderStatus.WORKING);
        assertThat(logged.get(1).cursor()).isGreaterThan(logged.get(0).cursor());
        assertThat(logged).allSatisfy(change -> assertThat(change.value().cursor()).isEqualTo(change.cursor()));
        assertThat(published).extracting(OrderView::cursor).containsExactly(logged.get(0).cursor(), logged.get(1).cursor());
        assertThat(mongo.findById(event.orderId().toString(), OrderView.class).cursor()).isEqualTo(logged.get(1).cursor());
    }

    @Test
    void a_decision_delivered_before_its_placement_is_applied_from_the_orders_own_events() {
        OrderPlacedEvent event = placed("c-early", PLACED_AT);
        eventStore.publish(new org.axonframework.eventhandling.GenericDomainEventMessage<>("OrderAggregate",
                event.orderId().toString(), 0L, event,
                org.axonframework.messaging.MetaData.with(org.mltrading.api.audit.AuditMetadata.ACTOR, "trader")));

        projection.on(new org.mltrading.api.order.OrderAcceptedEvent(event.orderId(), ACCOUNT, "AAPL", event.terms(),
                PLACED_AT.plusMillis(1)), 1L);
        projection.on(event, 0L, "trader"); // the placement, late: already applied

        OrderView view = mongo.findById(event.orderId().toString(), OrderView.class);
        assertThat(view.status()).isEqualTo(OrderStatus.WORKING);
        assertThat(view.lastSequence()).isEqualTo(1L);
        assertThat(view.placedBy()).isEqualTo("trader");
        assertThat(view.placedAt()).isEqualTo(PLACED_AT);
        assertThat(published).extracting(OrderView::status).containsExactly(OrderStatus.WORKING);
    }

    static OrderPlacedEvent placed(String clientOrderId, Instant placedAt) {
        OrderTerms terms = new OrderTerms("AAPL", Side.BUY, OrderType.LIMIT, new BigDecimal("10"),
                new BigDecimal("187.25"), null, TimeInForce.DAY, null);
        return new OrderPlacedEvent(OrderId.forClientOrder(ACCOUNT, clientOrderId), ACCOUNT, clientOrderId, terms,
                placedAt);
    }
}
