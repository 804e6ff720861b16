package org.mltrading.query.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mltrading.api.audit.AuditMetadata;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.common.Side;
import org.mltrading.api.order.OrderAcceptedEvent;
import org.mltrading.api.order.OrderFilledEvent;
import org.mltrading.api.order.OrderPlacedEvent;
import org.mltrading.api.order.OrderStatus;
import org.mltrading.api.order.OrderTerms;
import org.mltrading.api.order.OrderType;
import org.mltrading.api.order.TimeInForce;
import org.mltrading.query.audit.EventHistory;

/** order(id, asOf): the order folded from its own stored events up to the instant, inclusive. */
class OrderTimeTravelTest {

    private static final AccountId ACCOUNT = new AccountId("demo-account");
    private static final OrderId ORDER = OrderId.forClientOrder(ACCOUNT, "time-travel");
    private static final Instant PLACED = Instant.parse("2026-11-25T10:00:00.000100Z");
    private static final Instant ACCEPTED = PLACED.plusMillis(5);
    private static final Instant HALF_FILLED = PLACED.plusSeconds(1);
    private static final Instant FILLED = PLACED.plusSeconds(2);

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    // the orders change log the cursors come from (empty here: every cursor is 0, as for a pruned change)
    private final de.bwaldvogel.mongo.MongoServer mongoServer =
            new de.bwaldvogel.mongo.MongoServer(new de.bwaldvogel.mongo.backend.memory.MemoryBackend());
    private final com.mongodb.client.MongoClient mongoClient =
            com.mongodb.client.MongoClients.create(mongoServer.bindAndGetConnectionString());
    private final OrderTimeTravel timeTravel = new OrderTimeTravel(new EventHistory(store, null,
            JacksonSerializer.builder().objectMapper(new ObjectMapper().findAndRegisterModules()).build()),
            new OrderChangeLog(new org.springframework.data.mongodb.core.MongoTemplate(mongoClient, "time-travel-test"),
                    java.time.Duration.ofDays(7)));

    @AfterEach
    void stop() {
        store.shutDown();
        mongoClient.close();
        mongoServer.shutdown();
    }

    @Test
    void each_instant_sees_exactly_the_events_stored_up_to_it() {
        storeLifecycle();

        assertThat(timeTravel.asOf(ORDER.toString(), PLACED.minusNanos(1000))).isEmpty();
        OrderView placed = timeTravel.asOf(ORDER.toString(), PLACED).orElseThrow();
        assertThat(placed.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(placed.filledQuantity()).isZero();
        assertThat(placed.placedBy()).isEqualTo("demo-integrator");
        assertThat(timeTravel.asOf(ORDER.toString(), ACCEPTED.minusNanos(1000)).orElseThrow().status())
                .isEqualTo(OrderStatus.PENDING);
        assertThat(timeTravel.asOf(ORDER.toString(), ACCEPTED).orElseThrow().status()).isEqualTo(OrderStatus.WORKING);
        OrderView half = timeTravel.asOf(ORDER.toString(), HALF_FILLED.plusMillis(500)).orElseThrow();
        assertThat(half.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(half.filledQuantity()).isEqualByComparingTo("4");
        assertThat(half.fills()).hasSize(1);
        OrderView now = timeTravel.asOf(ORDER.toString(), FILLED.plusSeconds(3600)).orElseThrow();
        assertThat(now.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(now.filledQuantity()).isEqualByComparingTo("10");
        assertThat(now.averagePrice()).isEqualByComparingTo("100.6");
        assertThat(now.lastSequence()).isEqualTo(3);
    }

    @Test
    void an_unknown_order_has_no_past() {
        assertThat(timeTravel.asOf(OrderId.forClientOrder(ACCOUNT, "never").toString(), FILLED)).isEmpty();
    }

    private void storeLifecycle() {
        OrderTerms terms = new OrderTerms("AAPL", Side.BUY, OrderType.MARKET, BigDecimal.TEN, null, null,
                TimeInForce.DAY, null);
        Map<String, Object> who = Map.of(AuditMetadata.ACTOR, "demo-integrator");
        String id = ORDER.toString();
        store.publish(List.of(
                new GenericDomainEventMessage<>("OrderAggregate", id, 0,
                        new OrderPlacedEvent(ORDER, ACCOUNT, "time-travel", terms, PLACED), who, "e0", PLACED),
                new GenericDomainEventMessage<>("OrderAggregate", id, 1,
                        new OrderAcceptedEvent(ORDER, ACCOUNT, "AAPL", terms, ACCEPTED), who, "e1", ACCEPTED),
                new GenericDomainEventMessage<>("OrderAggregate", id, 2,
                        new OrderFilledEvent(ORDER, ACCOUNT, "AAPL", Side.BUY, "f1", new BigDecimal("100.00"),
                                new BigDecimal("4"), BigDecimal.ZERO, new BigDecimal("4"), new BigDecimal("100.00"),
                                new BigDecimal("6"), false, HALF_FILLED), Map.of(), "e2", HALF_FILLED),
                new GenericDomainEventMessage<>("OrderAggregate", id, 3,
                        new OrderFilledEvent(ORDER, ACCOUNT, "AAPL", Side.BUY, "f2", new BigDecimal("101.00"),
                                new BigDecimal("6"), BigDecimal.ZERO, BigDecimal.TEN, new BigDecimal("100.6"),
                                BigDecimal.ZERO, true, FILLED), Map.of(), "e3", FILLED)));
    }
}
