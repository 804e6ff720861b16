package org.mltrading.query.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mltrading.api.account.AccountCreatedEvent;
import org.mltrading.api.account.ExposureReleasedEvent;
import org.mltrading.api.account.FillAppliedEvent;
import org.mltrading.api.account.PreTradeRiskApprovedEvent;
import org.mltrading.api.account.TradingState;
import org.mltrading.api.account.TradingStateChangedEvent;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.common.Side;
import org.mltrading.query.audit.EventHistory;

/** account(id, asOf): cash, positions, reservations and trading state folded from the account's events. */
class AccountTimeTravelTest {

    private static final AccountId ACCOUNT = new AccountId("demo-account");
    private static final OrderId ORDER = OrderId.forClientOrder(ACCOUNT, "as-of");
    private static final Instant CREATED = Instant.parse("2026-11-25T09:00:00Z");
    private static final Instant APPROVED = CREATED.plusSeconds(60);
    private static final Instant FILLED = APPROVED.plusSeconds(1);
    private static final Instant HALTED = FILLED.plusSeconds(60);

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final AccountTimeTravel timeTravel = new AccountTimeTravel(new EventHistory(store, null,
            JacksonSerializer.builder().objectMapper(new ObjectMapper().findAndRegisterModules()).build()));

    @AfterEach
    void stop() {
        store.shutDown();
    }

    @Test
    void the_account_before_and_after_a_fill_and_a_halt() {
        String id = ACCOUNT.value();
        store.publish(List.of(
                event(0, new AccountCreatedEvent(ACCOUNT, "Demo", "trader", "USD", new BigDecimal("1000000"),
                        Set.of("demo-integrator"), CREATED), CREATED),
                event(1, new PreTradeRiskApprovedEvent(ACCOUNT, ORDER, "AAPL", Side.BUY, BigDecimal.TEN,
                        new BigDecimal("1000"), APPROVED), APPROVED),
                event(2, new FillAppliedEvent(ACCOUNT, ORDER, "1", "AAPL", Side.BUY, new BigDecimal("100"), BigDecimal.TEN,
                        BigDecimal.ZERO, BigDecimal.TEN, new BigDecimal("100"), BigDecimal.ZERO, new BigDecimal("999000"),
                        FILLED), FILLED),
                event(3, new ExposureReleasedEvent(ACCOUNT, ORDER, BigDecimal.ZERO, FILLED), FILLED),
                event(4, new TradingStateChangedEvent(ACCOUNT, TradingState.HALTED, "kill switch", HALTED), HALTED)));

        assertThat(timeTravel.asOf(id, CREATED.minusMillis(1))).isEmpty();
        AccountView approved = timeTravel.asOf(id, APPROVED).orElseThrow();
        assertThat(approved.cash()).isEqualByComparingTo("1000000");
        assertThat(approved.positions()).isEmpty();
        assertThat(approved.reservedNotional()).isEqualByComparingTo("1000");
        AccountView filled = timeTravel.asOf(id, FILLED).orElseThrow();
        assertThat(filled.cash()).isEqualByComparingTo("999000");
        assertThat(filled.positions().get("AAPL").quantity()).isEqualByComparingTo("10");
        assertThat(filled.reservedNotional()).isZero();
        assertThat(filled.tradingState()).isEqualTo(TradingState.ACTIVE);
        assertThat(timeTravel.asOf(id, HALTED).orElseThrow().tradingState()).isEqualTo(TradingState.HALTED);
    }

    private static GenericDomainEventMessage<?> event(long sequence, Object payload, Instant at) {
        return new GenericDomainEventMessage<>("AccountAggregate", ACCOUNT.value(), sequence, payload, Map.of(),
                "account-event-" + sequence, at);
    }
}
