package org.mltrading.command.alert;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mltrading.api.alert.AlertCreatedEvent;
import org.mltrading.api.alert.AlertDirection;
import org.mltrading.api.alert.AlertKind;
import org.mltrading.api.alert.AlertPausedEvent;
import org.mltrading.api.alert.AlertResumedEvent;
import org.mltrading.api.alert.AlertRule;
import org.mltrading.api.alert.AlertTriggeredEvent;
import org.mltrading.api.alert.CreateAlertCommand;
import org.mltrading.api.alert.ResumeAlertCommand;
import org.mltrading.api.alert.TriggerAlertCommand;

class AlertAggregateTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final AlertRule RULE = new AlertRule(AlertKind.PRICE_CROSS, "AAPL", new BigDecimal("230.50"),
            AlertDirection.UP, false, 60);
    private AggregateTestFixture<AlertAggregate> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(AlertAggregate.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static AlertCreatedEvent created() {
        return new AlertCreatedEvent("a1", "trader", RULE, null, NOW);
    }

    @Test
    void an_alert_fires_once_per_episode_and_a_one_shot_waits_to_be_rearmed() {
        fixture.given(created())
                .when(new TriggerAlertCommand("a1", 1, new BigDecimal("230.51"), NOW))
                .expectEvents(new AlertTriggeredEvent("a1", "trader", RULE, 1, new BigDecimal("230.51"), NOW, NOW));
        fixture.given(created(), new AlertTriggeredEvent("a1", "trader", RULE, 1, new BigDecimal("230.51"), NOW, NOW))
                .when(new TriggerAlertCommand("a1", 1, new BigDecimal("230.52"), NOW))
                .expectNoEvents();
        fixture.given(created(), new AlertTriggeredEvent("a1", "trader", RULE, 1, new BigDecimal("230.51"), NOW, NOW))
                .when(new TriggerAlertCommand("a1", 2, new BigDecimal("230.52"), NOW))
                .expectNoEvents(); // disarmed until re-armed
        fixture.given(created(), new AlertTriggeredEvent("a1", "trader", RULE, 1, new BigDecimal("230.51"), NOW, NOW))
                .when(new ResumeAlertCommand("a1", "trader"))
                .expectEvents(new AlertResumedEvent("a1", "trader", NOW));
    }

    @Test
    void a_paused_alert_does_not_fire_and_unsupported_kinds_are_refused() {
        fixture.given(created(), new AlertPausedEvent("a1", "trader", NOW))
                .when(new TriggerAlertCommand("a1", 1, new BigDecimal("230.51"), NOW))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateAlertCommand("a2", "trader", new AlertRule(AlertKind.MODEL_DRIFT, "AAPL", BigDecimal.ONE,
                        AlertDirection.EITHER, false, 60), null))
                .expectException(CommandExecutionException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("not evaluated yet"));
    }
}
