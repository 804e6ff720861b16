package org.mltrading.command.entry;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.mltrading.api.firm.FirmTradingHaltedEvent;
import org.mltrading.api.firm.FirmTradingResumedEvent;
import org.mltrading.api.firm.FirmTradingStatus;

/**
 * Whether the firm is halted, as order entry decides it: read once from the firm's events, then set by
 * order entry's own halt and resume (on the writer thread, restored if their batch rolls back), so a
 * pre-trade check reads a field instead of the event store.
 */
final class FirmSwitch {

    private final EventStore eventStore;
    private volatile Boolean halted;

    FirmSwitch(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    boolean halted() {
        Boolean known = halted;
        if (known == null) {
            synchronized (this) {
                if (halted == null) {
                    halted = load();
                }
                known = halted;
            }
        }
        return known;
    }

    void set(boolean value) {
        halted = value;
    }

    private boolean load() {
        boolean state = false;
        DomainEventStream events = eventStore.readEvents(FirmTradingStatus.FIRM_ID);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getPayload() instanceof FirmTradingHaltedEvent) {
                state = true;
            } else if (event.getPayload() instanceof FirmTradingResumedEvent) {
                state = false;
            }
        }
        return state;
    }
}
