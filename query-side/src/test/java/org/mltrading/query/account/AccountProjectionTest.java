package org.mltrading.query.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mltrading.api.account.AccountCreatedEvent;
import org.mltrading.api.account.FillAppliedEvent;
import org.mltrading.api.account.PreTradeRiskApprovedEvent;
import org.mltrading.api.account.PreTradeRiskRejectedEvent;
import org.mltrading.api.account.RiskErrorCode;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.common.Side;
import org.mltrading.query.audit.EventHistory;
import org.mltrading.query.testing.InMemoryMongo;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The account read model never skips an event of the account's stream: a fill delivered before the
 * approval that precedes it (an out-of-order delivery) is applied after the approval, read from the
 * account's own events, and the approval arriving late changes nothing more.
 */
class AccountProjectionTest {

    private static final AccountId ACCOUNT = new AccountId("acc-1");
    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

    private final EventStore eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final InMemoryMongo store = new InMemoryMongo("account-projection-test");
    private final MongoTemplate mongo = store.template();
    private AccountProjection projection;

    @BeforeEach
    void start() {
        projection = new AccountProjection(mongo, new PositionUpdates(), new PositionChangeLog(mongo, Duration.ofDays(7)),
                new EventHistory(eventStore, null, null));
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void a_fill_delivered_before_its_approval_is_booked_after_the_approval_from_the_accounts_own_events() {
        AccountCreatedEvent created = new AccountCreatedEvent(ACCOUNT, "Desk", "trader", "USD", new BigDecimal("1000000"),
                Set.of(), AT);
        PreTradeRiskRejectedEvent rejected = new PreTradeRiskRejectedEvent(ACCOUNT, OrderId.forClientOrder(ACCOUNT, "r"),
                RiskErrorCode.RISK_MAX_ORDER_NOTIONAL, "too big", AT);
        PreTradeRiskApprovedEvent approved = new PreTradeRiskApprovedEvent(ACCOUNT, OrderId.forClientOrder(ACCOUNT, "a"),
                "AAPL", Side.BUY, new BigDecimal("10"), new BigDecimal("2000.00"), AT);
        FillAppliedEvent fill = new FillAppliedEvent(ACCOUNT, OrderId.forClientOrder(ACCOUNT, "a"), "f1", "AAPL", Side.BUY,
                new BigDecimal("200.00"), new BigDecimal("10"), BigDecimal.ZERO, new BigDecimal("10"),
                new BigDecimal("200.00"), BigDecimal.ZERO, new BigDecimal("998000.00"), AT, new BigDecimal("2000.00"));
        List<Object> stream = List.of(created, rejected, approved, fill);
        for (int i = 0; i < stream.size(); i++) {
            eventStore.publish(new GenericDomainEventMessage<>("AccountAggregate", ACCOUNT.value(), i, stream.get(i)));
        }

        projection.on(created, 0L);
        projection.on(rejected, 1L);
        projection.on(fill, 3L);      // ahead of its approval
        projection.on(approved, 2L);  // late: already applied from the store

        AccountView view = mongo.findById(ACCOUNT.value(), AccountView.class);
        AccountView expected = null;
        for (int i = 0; i < stream.size(); i++) {
            expected = AccountStates.next(expected, stream.get(i), i);
        }
        assertThat(view.lastSequence()).isEqualTo(3L);
        assertThat(view.positions().get("AAPL").quantity()).isEqualByComparingTo("10");
        assertThat(AccountDataFetcher.figures(view, AT)).isEqualTo(AccountDataFetcher.figures(expected, AT));
    }
}
