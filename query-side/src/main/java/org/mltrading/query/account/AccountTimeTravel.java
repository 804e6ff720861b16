package org.mltrading.query.account;

import java.time.Instant;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.mltrading.query.audit.EventHistory;
import org.springframework.stereotype.Component;

/**
 * {@code account(id, asOf)}: the account as it was known at an instant, folded from the account's own
 * events in the event store up to that instant (inclusive) with the live projection's fold.
 */
@Component
class AccountTimeTravel {

    private final EventHistory history;

    AccountTimeTravel(EventHistory history) {
        this.history = history;
    }

    /** Empty when the account did not exist yet at {@code asOf} (or never). */
    Optional<AccountView> asOf(String accountId, Instant asOf) {
        AccountView state = null;
        for (DomainEventMessage<?> event : history.aggregate(accountId)) {
            if (event.getTimestamp().isAfter(asOf)) {
                break;
            }
            state = AccountStates.next(state, event.getPayload(), event.getSequenceNumber());
        }
        return Optional.ofNullable(state);
    }
}
