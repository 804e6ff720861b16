package org.mltrading.query.order;

import java.time.Clock;
import java.time.Duration;
import org.mltrading.query.stream.ChangeLog;
import org.mltrading.query.stream.Cursors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The {@code orders} stream's change log ({@code orders_changes}): every order change by account. */
@Component
public class OrderChangeLog {

    public static final String STREAM = "orders";
    static final Cursors CURSORS = new Cursors(STREAM);

    private final ChangeLog<OrderView> log;

    OrderChangeLog(MongoTemplate mongo, @Value("${platform.streams.retention:7d}") Duration retention) {
        this.log = new ChangeLog<>(mongo, STREAM, OrderView.class, "OrderAggregate", retention, Clock.systemUTC());
    }

    public ChangeLog<OrderView> log() {
        return log;
    }
}
