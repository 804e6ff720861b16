package org.mltrading.query.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mltrading.api.common.Side;
import org.mltrading.api.order.OrderStatus;
import org.mltrading.api.order.OrderType;
import org.mltrading.api.order.TimeInForce;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The order a trader names by the client order id, found across accounts for compliance. */
class OrderQueriesTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private OrderQueries queries;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "order-queries-test");
        queries = new OrderQueries(mongo);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void a_client_order_id_finds_the_orders_of_every_account_that_used_it_newest_first() {
        mongo.save(order("o-1", "demo-account", "desk-42", T0));
        mongo.save(order("o-2", "demo-account-2", "desk-42", T0.plusSeconds(5)));
        mongo.save(order("o-3", "demo-account", "desk-43", T0.plusSeconds(9)));

        assertThat(queries.byClientOrderId("desk-42", 20)).extracting(OrderView::id).containsExactly("o-2", "o-1");
        assertThat(queries.byClientOrderId("desk-42", 1)).extracting(OrderView::id).containsExactly("o-2");
        assertThat(queries.byClientOrderId("nobody", 20)).isEmpty();
    }

    private static OrderView order(String id, String account, String clientOrderId, Instant placedAt) {
        return new OrderView(id, account, clientOrderId, "AAPL", Side.BUY, OrderType.LIMIT, BigDecimal.TEN,
                new BigDecimal("230.05"), null, TimeInForce.DAY, null, OrderStatus.WORKING, null, placedAt, placedAt,
                "trader", 1, BigDecimal.ZERO, null, null, List.of(), null, null, null, 0L, null);
    }
}
