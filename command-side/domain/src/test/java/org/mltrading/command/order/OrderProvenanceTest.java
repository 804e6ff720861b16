package org.mltrading.command.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.common.Side;
import org.mltrading.api.order.OrderPlacedEvent;
import org.mltrading.api.order.OrderTerms;
import org.mltrading.api.order.OrderType;
import org.mltrading.api.order.PlaceOrderCommand;
import org.mltrading.api.order.TimeInForce;
import org.mltrading.api.order.OrderProvenance;
import org.mltrading.api.common.StrategyId;

/** An automated order carries its provenance in its own placed event; events stored before that field still read. */
class OrderProvenanceTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    private static final AccountId ACCOUNT = new AccountId("demo-account");
    private static final OrderTerms TERMS = new OrderTerms("AAPL", Side.BUY, OrderType.MARKET, new BigDecimal("5"),
            null, null, TimeInForce.IOC, null);
    private static final OrderProvenance PROVENANCE = new OrderProvenance(
            new StrategyId("2f1c6b1e-9b7e-4c2a-8a0e-6f2d0c1b9a11"), "momentum", 1, "p-1", NOW.minusSeconds(1),
            NOW.minusSeconds(61), 0.0012, -0.0008, 0.0032, Map.of("mom_20_vs", 1.25, "vol_20", 0.0021));

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void an_order_placed_with_provenance_stores_it_in_the_placed_event() {
        OrderId id = OrderId.forClientOrder(ACCOUNT, "strategy-x");
        AggregateTestFixture<OrderAggregate> fixture = OrderRulesOnly.fixture(Clock.fixed(NOW, ZoneOffset.UTC));

        fixture.givenNoPriorActivity()
                .when(new PlaceOrderCommand(id, ACCOUNT, "strategy-x", TERMS, PROVENANCE))
                .expectEvents(new OrderPlacedEvent(id, ACCOUNT, "strategy-x", TERMS, NOW, PROVENANCE));
    }

    @Test
    void an_order_placed_event_stored_before_provenance_existed_reads_with_none() {
        // the payload as the event store holds it for orders placed before this field was added
        String stored = """
                {"orderId":"6f1c2a34-1d5e-3b8f-9a0c-2e4d6f8a0b1c","accountId":"demo-account","clientOrderId":"c-1",
                 "terms":{"symbol":"AAPL","side":"BUY","type":"LIMIT","quantity":10,"limitPrice":187.25,"stopPrice":null,
                 "timeInForce":"DAY","expireAt":null},"placedAt":"2026-11-25T10:15:30Z"}""";
        SerializedType type = new SimpleSerializedType(OrderPlacedEvent.class.getName(), "1");

        OrderPlacedEvent event = serializer.deserialize(new SimpleSerializedObject<>(stored, String.class, type));

        assertThat(event.provenance()).isNull();
        assertThat(event.clientOrderId()).isEqualTo("c-1");
        assertThat(event.terms().limitPrice()).isEqualByComparingTo("187.25");
        assertThat(event.placedAt()).isEqualTo(NOW);
    }

    @Test
    void provenance_survives_the_event_store_round_trip() {
        OrderPlacedEvent event = new OrderPlacedEvent(OrderId.forClientOrder(ACCOUNT, "s-1"), ACCOUNT, "s-1", TERMS,
                NOW, PROVENANCE);

        OrderPlacedEvent read = serializer.deserialize(serializer.serialize(event, String.class));

        assertThat(read).isEqualTo(event);
        assertThat(read.provenance().modelLabel()).isEqualTo("momentum@1");
    }
}
