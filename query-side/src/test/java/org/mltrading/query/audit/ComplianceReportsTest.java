package org.mltrading.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mltrading.query.marketdata.instrument.InstrumentCatalog;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Reports from the chain index: ordered by the events' own data, exact values, reproducible bytes. */
class ComplianceReportsTest {

    private static final String ORDER_A = "11111111-1111-3111-8111-111111111111";
    private static final String ORDER_B = "22222222-2222-3222-8222-222222222222";
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00.000500Z");

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private ComplianceReports reports;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "reports-test");
        reports = new ComplianceReports(mongo,
                InstrumentCatalog.fromResource(new ClassPathResource("marketdata/instruments.csv")),
                "5493001KJTIIGC8Y1R12", "XXXX");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void the_order_audit_trail_lists_lifecycle_events_by_event_time_with_who_and_why() {
        // inserted in another order than event time: the chain's delivery order must not matter
        insert(1, ORDER_B, 0, "OrderPlacedEvent", T0.plusSeconds(2), "trader",
                "{\"orderId\":\"" + ORDER_B + "\",\"terms\":{\"symbol\":\"AAPL\",\"side\":\"SELL\"}}");
        insert(2, ORDER_A, 0, "OrderPlacedEvent", T0, "demo-integrator",
                "{\"orderId\":\"" + ORDER_A + "\",\"terms\":{\"symbol\":\"AAPL\",\"side\":\"BUY\"}}");
        insert(3, ORDER_A, 1, "OrderAcceptedEvent", T0.plusSeconds(1), "demo-integrator", "{}");
        insert(4, ORDER_A, 2, "OrderAcceptedEvent", T0.plusSeconds(10), "demo-integrator", "{}"); // after the range

        ComplianceReports.Document trail = reports.orderAuditTrail(T0, T0.plusSeconds(5), null);

        assertThat(trail.rows()).isEqualTo(3);
        String[] lines = trail.content().split("\r\n");
        assertThat(lines[0]).isEqualTo("event_time,order_id,account_id,sequence,event_type,actor,actor_type,roles,mfa,"
                + "correlation_id,causation_id,event_id,payload");
        assertThat(lines[1]).startsWith("2026-11-25T10:00:00.000500Z," + ORDER_A + ",demo-account,0,OrderPlacedEvent,"
                + "demo-integrator,CLIENT,INTEGRATOR,false,corr-2,cause-2,event-2,\"{\"\"orderId\"\"");
        assertThat(lines[2]).contains(ORDER_A + ",demo-account,1,OrderAcceptedEvent");
        assertThat(lines[3]).contains(ORDER_B + ",demo-account,0,OrderPlacedEvent,trader");
        assertThat(reports.orderAuditTrail(T0, T0.plusSeconds(5), null)).isEqualTo(trail);
        assertThat(trail.sha256()).isEqualTo(AuditHashes.sha256Hex(trail.content().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void the_transaction_report_has_one_row_per_execution_with_exact_values_and_the_decision_maker() {
        insert(1, ORDER_A, 0, "OrderPlacedEvent", T0, "demo-integrator", "{}");
        insert(2, ORDER_A, 2, "OrderFilledEvent", T0.plusSeconds(1), null, """
                {"orderId":"%s","accountId":"demo-account","symbol":"AAPL","side":"BUY","fillId":"7",\
                "price":187.4200,"quantity":"10","fee":0.0937,"executedAt":"2026-11-25T10:00:01.000500Z"}""".formatted(ORDER_A));

        ComplianceReports.Document report = reports.transactionReport(T0, T0.plusSeconds(5), "demo-account");

        assertThat(report.rows()).isEqualTo(1);
        assertThat(report.content().split("\r\n")[1]).isEqualTo("NEWT," + ORDER_A + "-7,7,5493001KJTIIGC8Y1R12,"
                + "demo-account,SIMULATED-VENUE,2026-11-25T10:00:01.000500Z,AOTC,10,,187.42,USD,1874.2,XXXX,AAPL,SYMBOL,"
                + "demo-integrator,SIMULATED-VENUE," + ORDER_A + ",demo-account,BUY,0.0937");
    }

    @Test
    void a_reversed_range_is_refused() {
        assertThatThrownBy(() -> reports.transactionReport(T0, T0.minusSeconds(1), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void insert(long chainSequence, String orderId, long sequence, String type, Instant at, String actor,
                        String payload) {
        mongo.insert(new AuditChainEntry(chainSequence, "event-" + chainSequence, "OrderAggregate", orderId, sequence,
                type, at, at.toString(), actor, actor == null ? null : "demo-integrator".equals(actor) ? "CLIENT" : "USER",
                actor == null ? null : "demo-integrator".equals(actor) ? "INTEGRATOR" : "TRADER", actor == null ? null : false,
                "corr-" + chainSequence, "cause-" + chainSequence, "demo-account", payload, "d", "p", "h"));
    }
}
