package org.mltrading.ui.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mltrading.ui.graphql.GraphQlEndpoints;
import org.mltrading.ui.graphql.PlatformGraphQlClient;
import org.mltrading.ui.security.AccessTokens;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.client.RestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** The compliance client against a stand-in GraphQL endpoint: what goes over the wire and how answers decode. */
class ComplianceClientIT {

    private final ObjectMapper json = new ObjectMapper();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private volatile String httpResponse;
    private DisposableServer platform;
    private ComplianceClient client;

    @BeforeEach
    void startTheStandInPlatform() {
        platform = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.post("/graphql", (request, response) -> request.receive().aggregate().asString()
                        .doOnNext(body -> {
                            try {
                                requests.add(json.readTree(body));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        })
                        .then(response.header("Content-Type", "application/json")
                                .sendString(Mono.fromSupplier(() -> httpResponse)).then())))
                .bindNow();
        AccessTokens tokens = mock(AccessTokens.class);
        when(tokens.accessToken(any())).thenReturn("jwt-of-officer");
        var restClients = new DefaultListableBeanFactory().getBeanProvider(RestClient.Builder.class);
        client = new ComplianceClient(new PlatformGraphQlClient(
                new GraphQlEndpoints("http://127.0.0.1:" + platform.port() + "/graphql", ""), restClients), tokens);
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken("officer", null, "ROLE_COMPLIANCE"));
    }

    @AfterEach
    void stop() {
        SecurityContextHolder.clearContext();
        platform.disposeNow();
    }

    @Test
    void an_audit_trail_decodes_times_actors_and_the_payload_as_stored() {
        httpResponse = """
                {"data":{"auditTrail":[{"sequence":0,"type":"OrderPlacedEvent","timestamp":"2026-11-25T10:00:00.123Z",
                 "actor":"trader1","actorType":"USER","roles":"TRADER","correlationId":"c","causationId":null,
                 "eventId":"e-0","aggregateId":"o-1","aggregateType":"Order",
                 "payload":{"orderId":"o-1","quantity":"10"},"chainSequence":7}]}}""";

        List<AuditEvent> trail = client.auditTrail("o-1");

        assertThat(requests.get(0).path("variables").path("aggregateId").asText()).isEqualTo("o-1");
        assertThat(trail).singleElement().satisfies(event -> {
            assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-25T10:00:00.123Z"));
            assertThat(event.actor()).isEqualTo("trader1");
            assertThat(event.payloadText()).isEqualTo("{\"orderId\":\"o-1\",\"quantity\":\"10\"}");
            assertThat(event.chainSequence()).isEqualTo(7);
        });
    }

    @Test
    void a_report_is_asked_for_whole_utc_days_and_its_csv_arrives_unchanged() {
        httpResponse = """
                {"data":{"orderAuditReport":{"fileName":"order-audit-trail.csv","contentType":"text/csv","rows":1,
                 "sha256":"abc","content":"orderId,type\\no-1,OrderPlacedEvent\\n"}}}""";

        ReportDocument report = client.orderAuditReport(
                ReportRange.ofDays(LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 25)), " acc-1 ");

        JsonNode variables = requests.get(0).path("variables");
        assertThat(json.convertValue(variables, Map.class)).isEqualTo(Map.of("from", "2026-11-25T00:00:00Z",
                "to", "2026-11-25T23:59:59.999999999Z", "accountId", "acc-1"));
        assertThat(report.content()).isEqualTo("orderId,type\no-1,OrderPlacedEvent\n");
        assertThat(report.rows()).isEqualTo(1);
    }

    @Test
    void the_state_now_is_asked_without_as_of_and_a_missing_order_is_null() {
        httpResponse = "{\"data\":{\"order\":null}}";

        assertThat(client.state(ComplianceClient.AggregateKind.ORDER, "nope", null)).isNull();
        assertThat(requests.get(0).path("variables").has("asOf")).isFalse();

        httpResponse = "{\"data\":{\"account\":{\"id\":\"acc-1\",\"tradingState\":\"ACTIVE\"}}}";
        Map<String, Object> account = client.state(ComplianceClient.AggregateKind.ACCOUNT, "acc-1",
                Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(requests.get(1).path("variables").path("asOf").asText()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(account).containsEntry("tradingState", "ACTIVE");
    }
}
