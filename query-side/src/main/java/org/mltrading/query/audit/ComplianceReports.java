package org.mltrading.query.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mltrading.api.marketdata.Instrument;
import org.mltrading.query.marketdata.instrument.InstrumentCatalog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Compliance documents generated from the event history (the audit chain's copy of every stored
 * event, which verifyAuditChain proves equal to the event store). Byte for byte reproducible: rows
 * are ordered by the events' own data (event time as stored, aggregate id, sequence), every value is
 * printed from the stored payload without reformatting arithmetic, and nothing depends on when the
 * document is generated. A range that ends in the past gives the same bytes every time.
 */
@Service
public class ComplianceReports {

    /** More rows than this: ask for a shorter range. */
    static final int MAX_ROWS = 200_000;

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String ORDER_AGGREGATE = "OrderAggregate";

    private final MongoTemplate mongo;
    private final InstrumentCatalog instruments;
    private final String executingEntity;
    private final String venue;

    ComplianceReports(MongoTemplate mongo, InstrumentCatalog instruments,
                      @Value("${platform.reports.executing-entity-lei}") String executingEntity,
                      @Value("${platform.reports.venue-mic}") String venue) {
        this.mongo = mongo;
        this.instruments = instruments;
        this.executingEntity = executingEntity;
        this.venue = venue;
    }

    /** A generated document: its text, rows after the header and SHA-256 of the UTF-8 bytes. */
    public record Document(String fileName, String contentType, int rows, String sha256, String content) {
        static Document csv(String fileName, Csv csv) {
            String content = csv.toString();
            return new Document(fileName, "text/csv; charset=utf-8", csv.rows(),
                    AuditHashes.sha256Hex(content.getBytes(StandardCharsets.UTF_8)), content);
        }
    }

    /** Every lifecycle event of every order with event time in [from, to], with who and why. */
    public Document orderAuditTrail(Instant from, Instant to, String accountId) {
        Csv csv = new Csv(List.of("event_time", "order_id", "account_id", "sequence", "event_type", "actor",
                "actor_type", "roles", "mfa", "correlation_id", "causation_id", "event_id", "payload"));
        for (AuditChainEntry entry : orderEvents(from, to, accountId, null)) {
            csv.row(List.of(entry.eventTime(), entry.aggregateId(), text(entry.accountId()),
                    Long.toString(entry.aggregateSequence()), entry.type(), text(entry.actor()), text(entry.actorType()),
                    text(entry.roles()), entry.mfa() == null ? "" : entry.mfa().toString(), text(entry.correlationId()),
                    text(entry.causationId()), entry.eventId(), entry.payload()));
        }
        return Document.csv(ReportFileNames.of("order-audit-trail", from, to, accountId), csv);
    }

    /**
     * One row per execution (OrderFilledEvent) with event time in [from, to], with the key fields of a
     * MiFIR RTS 22 transaction report (field numbers of Annex I, Table 2 in the header comments of
     * docs/api/compliance.md). The instrument is identified by its platform symbol (no ISINs in
     * the reference data); the executing entity and venue come from configuration.
     */
    public Document transactionReport(Instant from, Instant to, String accountId) {
        Csv csv = new Csv(List.of("report_status", "transaction_reference_number", "venue_transaction_id",
                "executing_entity_id", "buyer_id", "seller_id", "trading_date_time", "trading_capacity", "quantity",
                "quantity_currency", "price", "price_currency", "net_amount", "venue", "instrument_id",
                "instrument_id_type", "investment_decision_within_firm", "execution_within_firm", "order_id",
                "account_id", "side", "fee"));
        List<AuditChainEntry> fills = orderEvents(from, to, accountId, "OrderFilledEvent");
        Map<String, String> placedBy = placers(fills);
        for (AuditChainEntry fill : fills) {
            JsonNode payload = parse(fill.payload());
            String symbol = payload.path("symbol").asText();
            String side = payload.path("side").asText();
            BigDecimal price = decimal(payload.get("price"));
            BigDecimal quantity = decimal(payload.get("quantity"));
            String currency = instruments.find(symbol).map(Instrument::currency).orElse("");
            String account = text(fill.accountId());
            String counterparty = "SIMULATED-VENUE";
            csv.row(List.of("NEWT",
                    fill.aggregateId() + "-" + payload.path("fillId").asText(),
                    payload.path("fillId").asText(),
                    executingEntity,
                    "BUY".equals(side) ? account : counterparty,
                    "BUY".equals(side) ? counterparty : account,
                    payload.path("executedAt").asText(),
                    "AOTC",
                    plain(quantity), "", plain(price), currency,
                    plain(price == null || quantity == null ? null : price.multiply(quantity)),
                    venue, symbol, "SYMBOL",
                    text(placedBy.get(fill.aggregateId())),
                    fill.actor() != null ? fill.actor() : "SIMULATED-VENUE",
                    fill.aggregateId(), account, side, plain(decimal(payload.get("fee")))));
        }
        return Document.csv(ReportFileNames.of("transaction-report", from, to, accountId), csv);
    }

    private List<AuditChainEntry> orderEvents(Instant from, Instant to, String accountId, String type) {
        if (from == null || to == null || from.isAfter(to)) {
            throw new IllegalArgumentException("give from and to with from not after to");
        }
        // MongoDB keeps milliseconds: select generously, then compare the exact stored times
        Criteria criteria = Criteria.where("aggregateType").is(ORDER_AGGREGATE)
                .and("timestamp").gte(from.minusMillis(1)).lte(to.plusMillis(1));
        if (accountId != null) {
            criteria = criteria.and("accountId").is(accountId);
        }
        if (type != null) {
            criteria = criteria.and("type").is(type);
        }
        List<AuditChainEntry> rows = new ArrayList<>(mongo.find(Query.query(criteria).limit(MAX_ROWS + 1),
                AuditChainEntry.class));
        if (rows.size() > MAX_ROWS) {
            throw new IllegalArgumentException("more than " + MAX_ROWS + " events in the range; ask for a shorter one");
        }
        rows.removeIf(row -> {
            Instant time = Instant.parse(row.eventTime());
            return time.isBefore(from) || time.isAfter(to);
        });
        rows.sort(Comparator.comparing((AuditChainEntry row) -> Instant.parse(row.eventTime()))
                .thenComparing(AuditChainEntry::aggregateId).thenComparingLong(AuditChainEntry::aggregateSequence));
        return rows;
    }

    /** Who placed each order (the actor of its OrderPlacedEvent): the investment decision within the firm. */
    private Map<String, String> placers(List<AuditChainEntry> fills) {
        List<String> orderIds = fills.stream().map(AuditChainEntry::aggregateId).distinct().toList();
        Map<String, String> placers = new HashMap<>();
        if (!orderIds.isEmpty()) {
            mongo.find(Query.query(Criteria.where("aggregateId").in(orderIds).and("type").is("OrderPlacedEvent")),
                    AuditChainEntry.class).forEach(placed -> placers.put(placed.aggregateId(), placed.actor()));
        }
        return placers;
    }

    private static JsonNode parse(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("stored payload is not JSON", e);
        }
    }

    private static BigDecimal decimal(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText());
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
