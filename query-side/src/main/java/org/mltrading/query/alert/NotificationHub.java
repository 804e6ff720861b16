package org.mltrading.query.alert;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** New notifications, live, for the {@code notifications} subscription (each subscriber filters its own). */
@Component
class NotificationHub {

    private final Sinks.Many<NotificationView> sink = Sinks.many().multicast().directBestEffort();

    void publish(NotificationView notification) {
        synchronized (sink) {
            sink.tryEmitNext(notification);
        }
    }

    Flux<NotificationView> stream() {
        return sink.asFlux();
    }
}
