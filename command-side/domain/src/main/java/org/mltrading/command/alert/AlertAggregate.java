package org.mltrading.command.alert;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Clock;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.mltrading.api.alert.AlertChangedEvent;
import org.mltrading.api.alert.AlertCreatedEvent;
import org.mltrading.api.alert.AlertDeletedEvent;
import org.mltrading.api.alert.AlertDirection;
import org.mltrading.api.alert.AlertErrorCode;
import org.mltrading.api.alert.AlertPausedEvent;
import org.mltrading.api.alert.AlertRejection;
import org.mltrading.api.alert.AlertResumedEvent;
import org.mltrading.api.alert.AlertRule;
import org.mltrading.api.alert.AlertTriggeredEvent;
import org.mltrading.api.alert.CreateAlertCommand;
import org.mltrading.api.alert.DeleteAlertCommand;
import org.mltrading.api.alert.PauseAlertCommand;
import org.mltrading.api.alert.ResumeAlertCommand;
import org.mltrading.api.alert.TriggerAlertCommand;
import org.mltrading.api.alert.UpdateAlertCommand;

/**
 * An alert rule and its life: created, changed, paused, resumed (or re-armed), triggered once per episode,
 * deleted — each an event with who and why (the command's audit metadata). The evaluator may send the same
 * trigger twice (a retry, two nodes): the episode number makes the second one a no-op.
 */
@Aggregate
public class AlertAggregate {

    @AggregateIdentifier
    private String alertId;
    private String owner;
    private AlertRule rule;
    private boolean paused;
    private boolean armed;
    private boolean deleted;
    private long episodes;

    protected AlertAggregate() {
        // required by Axon to rebuild from events
    }

    @CommandHandler
    public AlertAggregate(CreateAlertCommand command, Clock clock) {
        validate(command.rule());
        if (command.owner() == null || command.owner().isBlank()) {
            throw refused(AlertErrorCode.ALERT_INVALID_INPUT, "an alert needs an owner");
        }
        apply(new AlertCreatedEvent(command.alertId(), command.owner(), command.rule(), command.note(), clock.instant()));
    }

    @CommandHandler
    void handle(UpdateAlertCommand command, Clock clock) {
        requireNotDeleted();
        validate(command.rule());
        if (command.rule().kind() != rule.kind() || !command.rule().symbol().equals(rule.symbol())) {
            throw refused(AlertErrorCode.ALERT_INVALID_INPUT, "an alert's kind and symbol do not change: create another");
        }
        apply(new AlertChangedEvent(alertId, command.by(), command.rule(), clock.instant()));
    }

    @CommandHandler
    void handle(PauseAlertCommand command, Clock clock) {
        requireNotDeleted();
        if (!paused) {
            apply(new AlertPausedEvent(alertId, command.by(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(ResumeAlertCommand command, Clock clock) {
        requireNotDeleted();
        if (paused || !armed) {
            apply(new AlertResumedEvent(alertId, command.by(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(DeleteAlertCommand command, Clock clock) {
        if (!deleted) {
            apply(new AlertDeletedEvent(alertId, command.by(), clock.instant()));
        }
    }

    /** Answers whether this trigger fired the alert (false: a repeat, or the alert is paused, disarmed or gone). */
    @CommandHandler
    boolean handle(TriggerAlertCommand command, Clock clock) {
        if (deleted || paused || !armed || command.episode() != episodes + 1) {
            return false;
        }
        apply(new AlertTriggeredEvent(alertId, owner, rule, command.episode(), command.observed(), command.observedAt(),
                clock.instant()));
        return true;
    }

    @EventSourcingHandler
    void on(AlertCreatedEvent event) {
        alertId = event.alertId();
        owner = event.owner();
        rule = event.rule();
        armed = true;
    }

    @EventSourcingHandler
    void on(AlertChangedEvent event) {
        rule = event.rule();
        armed = true;
    }

    @EventSourcingHandler
    void on(AlertPausedEvent event) {
        paused = true;
    }

    @EventSourcingHandler
    void on(AlertResumedEvent event) {
        paused = false;
        armed = true;
    }

    @EventSourcingHandler
    void on(AlertTriggeredEvent event) {
        episodes = event.episode();
        armed = event.rule().repeat();
    }

    @EventSourcingHandler
    void on(AlertDeletedEvent event) {
        deleted = true;
    }

    private void requireNotDeleted() {
        if (deleted) {
            throw refused(AlertErrorCode.ALERT_DELETED, "alert " + alertId + " was deleted");
        }
    }

    static void validate(AlertRule rule) {
        if (rule == null || rule.kind() == null) {
            throw refused(AlertErrorCode.ALERT_INVALID_INPUT, "an alert needs a kind");
        }
        if (!rule.kind().evaluated()) {
            throw refused(AlertErrorCode.ALERT_KIND_NOT_SUPPORTED, rule.kind() + " alerts are not evaluated yet;"
                    + " PRICE_CROSS is");
        }
        if (rule.symbol() == null || rule.symbol().isBlank()) {
            throw refused(AlertErrorCode.ALERT_INVALID_INPUT, "a " + rule.kind() + " alert needs a symbol");
        }
        BigDecimal level = rule.level();
        if (level == null || level.signum() <= 0) {
            throw refused(AlertErrorCode.ALERT_INVALID_INPUT, "a price level must be greater than 0");
        }
        if (rule.direction() == null) {
            throw refused(AlertErrorCode.ALERT_INVALID_INPUT, "a direction is UP, DOWN or " + AlertDirection.EITHER);
        }
        if (rule.cooldownSeconds() < 0 || rule.cooldownSeconds() > 86_400) {
            throw refused(AlertErrorCode.ALERT_INVALID_INPUT, "the cooldown is 0 to 86,400 seconds");
        }
    }

    private static CommandExecutionException refused(AlertErrorCode code, String message) {
        return new CommandExecutionException(message, null, new AlertRejection(code, message));
    }
}
