package org.mltrading.query.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mltrading.api.alert.AlertDirection;
import org.mltrading.api.alert.AlertKind;
import org.mltrading.api.alert.TriggerAlertCommand;
import org.mltrading.api.marketdata.Quote;
import org.mltrading.query.marketdata.MarketDataHub;

/** Crossing detection on the quote mids: direction, one-shot, hysteresis and cooldown of repeats. */
class AlertEvaluatorTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private final List<TriggerAlertCommand> sent = new CopyOnWriteArrayList<>();
    private AlertEvaluator evaluator;

    @BeforeEach
    void evaluator() {
        CommandGateway commands = mock(CommandGateway.class);
        when(commands.send(any())).thenAnswer(call -> {
            sent.add(call.getArgument(0));
            return CompletableFuture.completedFuture(true);
        });
        evaluator = new AlertEvaluator(null, new MarketDataHub(List.of()), commands);
    }

    @AfterEach
    void stop() {
        evaluator.stop();
    }

    private void watch(String id, String level, AlertDirection direction, boolean repeat, long cooldown) throws InterruptedException {
        int before = evaluator.watched();
        evaluator.changed(new AlertView(id, "trader", AlertKind.PRICE_CROSS, "AAPL", new BigDecimal(level), direction, repeat,
                cooldown, null, AlertView.State.ACTIVE, 0, null, null, T0, T0, 0));
        for (int i = 0; i < 200 && evaluator.watched() == before; i++) {
            Thread.sleep(5);
        }
    }

    private void mid(String mid, int second) {
        BigDecimal m = new BigDecimal(mid);
        evaluator.evaluate(new Quote("AAPL", m.subtract(new BigDecimal("0.01")), m.add(new BigDecimal("0.01")), null,
                T0.plusSeconds(second)));
    }

    @Test
    void an_upward_alert_fires_once_when_the_mid_rises_through_its_level_and_not_on_the_way_down() throws Exception {
        watch("up", "100.00", AlertDirection.UP, false, 0);
        mid("100.05", 0);
        mid("99.90", 1); // falls through: not its direction
        assertThat(sent).isEmpty();
        mid("100.00", 2); // reaches the level from below: a crossing
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).alertId()).isEqualTo("up");
        assertThat(sent.get(0).episode()).isEqualTo(1);
        assertThat(sent.get(0).observed()).isEqualByComparingTo("100.00");
        mid("99.00", 3);
        mid("101.00", 4); // one-shot: disarmed after the first firing
        assertThat(sent).hasSize(1);
        assertThat(evaluator.watched()).isZero();
    }

    @Test
    void a_repeating_alert_rearms_only_back_across_the_band_and_after_its_cooldown() throws Exception {
        watch("both", "100.00", AlertDirection.EITHER, true, 10);
        mid("99.95", 0);
        mid("100.02", 1); // fires (episode 1)
        mid("99.99", 2); // hovering: back across the level but inside the 0.1 % band
        mid("100.03", 3);
        assertThat(sent).hasSize(1);
        mid("99.80", 4); // back beyond the band: re-armed, but the cooldown runs until second 11
        mid("100.20", 5);
        assertThat(sent).hasSize(1);
        mid("99.80", 12);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).episode()).isEqualTo(2);
    }

    @Test
    void ten_thousand_rules_cost_a_range_lookup_per_quote() throws Exception {
        for (int i = 0; i < 10_000; i++) {
            evaluator.changed(new AlertView("r" + i, "trader", AlertKind.PRICE_CROSS, "AAPL",
                    new BigDecimal("50").add(BigDecimal.valueOf(i, 2)), AlertDirection.UP, false, 0, null,
                    AlertView.State.ACTIVE, 0, null, null, T0, T0, 0));
        }
        for (int i = 0; i < 500 && evaluator.watched() < 10_000; i++) {
            Thread.sleep(10);
        }
        assertThat(evaluator.watched()).isEqualTo(10_000);
        mid("80.00", 0);
        mid("80.055", 1); // crosses 80.01 .. 80.05: five rules
        assertThat(sent).extracting(TriggerAlertCommand::alertId).containsExactlyInAnyOrder("r3001", "r3002", "r3003", "r3004", "r3005");
    }
}
