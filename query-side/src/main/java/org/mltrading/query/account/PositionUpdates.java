package org.mltrading.query.account;

import java.time.Duration;
import org.mltrading.query.stream.KeyedFanOut;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** In-process fan-out of projected position and account changes to subscriptions and waiting mutations. */
@Component
public class PositionUpdates {

    /** A position of an account after a change. */
    public record PositionChange(String accountId, AccountView.PositionView position) {
    }

    private final Sinks.Many<PositionChange> positions = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<AccountView> accounts = Sinks.many().multicast().directBestEffort();
    /** positionUpdated subscribers, indexed by account. */
    private final KeyedFanOut<PositionChange> byAccount = new KeyedFanOut<>(positions.asFlux(), PositionChange::accountId);

    void publish(PositionChange change) {
        positions.emitNext(change, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(50)));
    }

    void accountChanged(AccountView account) {
        accounts.emitNext(account, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(50)));
    }

    public Flux<PositionChange> positions() {
        return positions.asFlux();
    }

    public KeyedFanOut<PositionChange> positionsByAccount() {
        return byAccount;
    }

    public Flux<AccountView> accounts() {
        return accounts.asFlux();
    }
}
