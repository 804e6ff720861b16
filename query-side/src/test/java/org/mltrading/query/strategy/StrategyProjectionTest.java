package org.mltrading.query.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.common.Side;
import org.mltrading.api.common.StrategyId;
import org.mltrading.api.model.ModelId;
import org.mltrading.api.order.OrderProvenance;
import org.mltrading.api.order.OrderTerms;
import org.mltrading.api.order.OrderType;
import org.mltrading.api.order.TimeInForce;
import org.mltrading.api.strategy.FindActiveStrategiesQuery;
import org.mltrading.api.strategy.StrategyFillRecordedEvent;
import org.mltrading.api.strategy.StrategyOrderDecidedEvent;
import org.mltrading.api.strategy.StrategyOrderEndedEvent;
import org.mltrading.api.strategy.StrategyParameters;
import org.mltrading.api.strategy.StrategyStartedEvent;
import org.mltrading.api.strategy.StrategyStoppedEvent;
import org.mltrading.graphql.types.Strategy;
import org.mltrading.graphql.types.StrategyStatus;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The strategy read model against an in-memory MongoDB wire server, and the routing query it answers. */
class StrategyProjectionTest {

    private static final Instant AT = Instant.parse("2026-11-25T10:15:30.123Z");
    private static final StrategyId ID = new StrategyId("2f1c6b1e-9b7e-4c2a-8a0e-6f2d0c1b9a11");
    private static final AccountId ACCOUNT = new AccountId("demo-account");
    private static final ModelId MODEL = ModelId.forName("momentum");

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private StrategyProjection projection;
    private StrategyDirectory directory;

    @BeforeEach
    void start_in_memory_mongo() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "strategy-projection-test");
        projection = new StrategyProjection(mongo);
        directory = new StrategyDirectory(mongo);
    }

    @AfterEach
    void stop_in_memory_mongo() {
        try {
            client.close();
        } finally {
            server.shutdownNow();
        }
    }

    private static StrategyOrderDecidedEvent decided(String prediction, Side side, String quantity) {
        OrderId order = OrderId.forClientOrder(ACCOUNT, "strategy-" + prediction);
        return new StrategyOrderDecidedEvent(ID, ACCOUNT, order, "strategy-" + prediction,
                new OrderTerms("AAPL", side, OrderType.MARKET, new BigDecimal(quantity), null, null, TimeInForce.IOC, null),
                BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.ZERO,
                new OrderProvenance(ID, "momentum", 1, prediction, AT, AT.minusSeconds(60), 0.001, -0.001, 0.003,
                        Map.of("mom_20_vs", 1.0)), AT);
    }

    @Test
    void a_strategys_life_is_folded_into_its_view_once_however_often_it_is_replayed() {
        projection.on(new StrategyStartedEvent(ID, ACCOUNT, MODEL, "momentum", 1, "AAPL",
                new StrategyParameters(new BigDecimal("5"), BigDecimal.TEN, 0.0005, false), "paper test", AT), 0L, "trader");
        StrategyOrderDecidedEvent first = decided("p-1", Side.BUY, "5");
        StrategyOrderDecidedEvent second = decided("p-2", Side.BUY, "5");
        projection.on(first, 1L);
        projection.on(second, 2L);
        projection.on(new StrategyFillRecordedEvent(ID, first.orderId(), "f-1", new BigDecimal("5"), new BigDecimal("5")), 3L);
        projection.on(new StrategyOrderEndedEvent(ID, second.orderId(), new BigDecimal("5"), "REJECTED RISK_MAX_POSITION"), 4L);
        projection.on(second, 2L); // a redelivery changes nothing

        Strategy running = StrategyDataFetcher.toGraphQl(directory.find(ID.value()).orElseThrow());
        assertThat(running.getStatus()).isEqualTo(StrategyStatus.ACTIVE);
        assertThat(running.getStartedBy()).isEqualTo("trader");
        assertThat(running.getOrdersDecided()).isEqualTo(2);
        assertThat(running.getPosition()).isEqualByComparingTo("5");
        assertThat(running.getOpenQuantity()).isEqualByComparingTo("0");
        assertThat(directory.handle(new FindActiveStrategiesQuery(MODEL, 1, "AAPL"))).containsExactly(ID);
        assertThat(directory.handle(new FindActiveStrategiesQuery(MODEL, 1, null))).containsExactly(ID);
        assertThat(directory.handle(new FindActiveStrategiesQuery(MODEL, 1, "MSFT"))).isEmpty();
        assertThat(directory.handle(new FindActiveStrategiesQuery(MODEL, 2, "AAPL"))).isEmpty();

        projection.on(new StrategyStoppedEvent(ID, ACCOUNT, "enough", AT.plusSeconds(5)), 5L, "risk");

        Strategy stopped = StrategyDataFetcher.toGraphQl(directory.ofAccount("demo-account").get(0));
        assertThat(stopped.getStatus()).isEqualTo(StrategyStatus.STOPPED);
        assertThat(stopped.getStoppedBy()).isEqualTo("risk");
        assertThat(stopped.getStopReason()).isEqualTo("enough");
        assertThat(directory.handle(new FindActiveStrategiesQuery(MODEL, 1, "AAPL"))).isEmpty();
    }
}
