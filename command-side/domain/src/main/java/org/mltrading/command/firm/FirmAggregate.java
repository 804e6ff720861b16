package org.mltrading.command.firm;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.mltrading.api.firm.FirmTradingHaltedEvent;
import org.mltrading.api.firm.FirmTradingResumedEvent;
import org.mltrading.api.firm.FirmTradingStatus;

/**
 * The firm's kill switch: one aggregate ({@link FirmTradingStatus#FIRM_ID}) whose halt refuses every new
 * order of every account (RISK_FIRM_HALTED) while account trading states and working orders stay as they
 * are. Its events carry who and why like every other, so the audit trail shows each halt and resume.
 * Order entry runs its commands on the writer thread, so a halt is seen by the very next order decided.
 */
@Aggregate
public class FirmAggregate {

    @AggregateIdentifier
    private String firmId;
    private boolean halted;
    private String reason;
    private Instant changedAt;

    protected FirmAggregate() {
        // required by Axon to rebuild from events
    }

    /** The first halt creates the firm's stream. */
    public FirmAggregate(String firmId, String reason, Instant at) {
        apply(new FirmTradingHaltedEvent(firmId, reason, at));
    }

    /** Halts or resumes; the same state again changes nothing and answers it. */
    public FirmTradingStatus change(boolean halt, String why, Instant at) {
        if (halt != halted) {
            apply(halt ? new FirmTradingHaltedEvent(firmId, why, at) : new FirmTradingResumedEvent(firmId, why, at));
        }
        return status();
    }

    public FirmTradingStatus status() {
        return new FirmTradingStatus(halted, reason, changedAt);
    }

    @EventSourcingHandler
    void on(FirmTradingHaltedEvent event) {
        firmId = event.firmId();
        halted = true;
        reason = event.reason();
        changedAt = event.haltedAt();
    }

    @EventSourcingHandler
    void on(FirmTradingResumedEvent event) {
        halted = false;
        reason = event.reason();
        changedAt = event.resumedAt();
    }
}
