package org.mltrading.query.audit;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mltrading.api.audit.AuditMetadata;
import org.mltrading.graphql.types.AuditChainVerification;
import org.mltrading.graphql.types.AuditEvent;
import org.mltrading.graphql.types.AuditEventConnection;
import org.mltrading.graphql.types.AuditEventEdge;
import org.mltrading.graphql.types.AuditEventFilter;
import org.mltrading.graphql.types.PageInfo;
import org.mltrading.graphql.types.ReportDocument;
import org.mltrading.query.graphql.ApiErrorCode;
import org.mltrading.query.graphql.ApiException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;

/** GraphQL operations of the audit context, for compliance officers and administrators. */
@DgsComponent
class AuditDataFetcher {

    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;

    private final EventHistory history;
    private final MongoTemplate mongo;
    private final AuditChainVerifier verifier;
    private final ComplianceReports reports;

    AuditDataFetcher(EventHistory history, MongoTemplate mongo, AuditChainVerifier verifier, ComplianceReports reports) {
        this.history = history;
        this.mongo = mongo;
        this.verifier = verifier;
        this.reports = reports;
    }

    @DgsQuery
    @PreAuthorize("hasAnyRole('COMPLIANCE','ADMIN')")
    ReportDocument orderAuditReport(@InputArgument OffsetDateTime from, @InputArgument OffsetDateTime to,
                                    @InputArgument String accountId) {
        return toGraphQl(reports.orderAuditTrail(instant(from), instant(to), accountId));
    }

    @DgsQuery
    @PreAuthorize("hasAnyRole('COMPLIANCE','ADMIN')")
    ReportDocument transactionReport(@InputArgument OffsetDateTime from, @InputArgument OffsetDateTime to,
                                     @InputArgument String accountId) {
        return toGraphQl(reports.transactionReport(instant(from), instant(to), accountId));
    }

    private static java.time.Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static ReportDocument toGraphQl(ComplianceReports.Document document) {
        return ReportDocument.newBuilder().fileName(document.fileName()).contentType(document.contentType())
                .rows(document.rows()).sha256(document.sha256()).content(document.content()).build();
    }

    /** Straight from the event store; the chain index only adds each event's chain position. */
    @DgsQuery
    @PreAuthorize("hasAnyRole('COMPLIANCE','ADMIN')")
    List<AuditEvent> auditTrail(@InputArgument String aggregateId) {
        if (aggregateId == null || aggregateId.isBlank()) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "aggregateId is required");
        }
        List<StoredEvent> events = history.aggregate(aggregateId).stream()
                .map(history::stored).toList();
        Map<String, Long> chained = mongo.find(Query.query(Criteria.where("aggregateId").is(aggregateId)),
                        AuditChainEntry.class).stream()
                .collect(Collectors.toMap(AuditChainEntry::eventId, AuditChainEntry::id, (a, b) -> a));
        return events.stream().map(event -> toGraphQl(event, chained.get(event.eventId()))).toList();
    }

    /** Searches the chain index (a verified copy of the event history with its who/why), oldest first. */
    @DgsQuery
    @PreAuthorize("hasAnyRole('COMPLIANCE','ADMIN')")
    AuditEventConnection auditEvents(@InputArgument AuditEventFilter filter, @InputArgument Integer first,
                                     @InputArgument String after) {
        int size = first == null ? DEFAULT_PAGE : first;
        if (size < 1 || size > MAX_PAGE) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "first must be between 1 and " + MAX_PAGE);
        }
        Criteria criteria = new Criteria();
        List<Criteria> conditions = new ArrayList<>();
        if (after != null) {
            conditions.add(Criteria.where("_id").gt(cursor(after)));
        }
        if (filter != null) {
            if (filter.getAccountId() != null) {
                conditions.add(Criteria.where("accountId").is(filter.getAccountId()));
            }
            if (filter.getAggregateId() != null) {
                conditions.add(Criteria.where("aggregateId").is(filter.getAggregateId()));
            }
            if (filter.getActor() != null) {
                conditions.add(Criteria.where("actor").is(filter.getActor()));
            }
            if (filter.getTypes() != null && !filter.getTypes().isEmpty()) {
                conditions.add(Criteria.where("type").in(EventTypeNames.storedNames(filter.getTypes())));
            }
            if (filter.getFrom() != null && filter.getTo() != null && filter.getFrom().isAfter(filter.getTo())) {
                throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "from must not be after to");
            }
            if (filter.getFrom() != null) {
                conditions.add(Criteria.where("timestamp").gte(filter.getFrom().toInstant()));
            }
            if (filter.getTo() != null) {
                conditions.add(Criteria.where("timestamp").lte(filter.getTo().toInstant()));
            }
        }
        if (!conditions.isEmpty()) {
            criteria.andOperator(conditions.toArray(Criteria[]::new));
        }
        List<AuditChainEntry> rows = mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.ASC, "_id"))
                .limit(size + 1), AuditChainEntry.class);
        List<AuditEventEdge> edges = rows.stream().limit(size)
                .map(row -> AuditEventEdge.newBuilder().cursor(Long.toString(row.id())).node(toGraphQl(row)).build())
                .toList();
        return AuditEventConnection.newBuilder().edges(edges)
                .pageInfo(PageInfo.newBuilder().hasNextPage(rows.size() > size)
                        .endCursor(edges.isEmpty() ? null : edges.get(edges.size() - 1).getCursor()).build())
                .build();
    }

    @DgsQuery
    @PreAuthorize("hasAnyRole('COMPLIANCE','ADMIN')")
    AuditChainVerification verifyAuditChain() {
        AuditChainVerifier.Result result = verifier.verify();
        return AuditChainVerification.newBuilder()
                .valid(result.valid())
                .entries(Math.toIntExact(result.entries()))
                .firstBrokenSequence(result.firstBrokenSequence() == null ? null
                        : Math.toIntExact(result.firstBrokenSequence()))
                .firstBrokenEventId(result.firstBrokenEventId())
                .reason(result.reason())
                .checkpoints(result.checkpoints())
                .pendingEvents(Math.toIntExact(result.pendingEvents()))
                .headHash(result.headHash())
                .build();
    }

    private static long cursor(String after) {
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "after is not a cursor of auditEvents");
        }
    }

    private static AuditEvent toGraphQl(StoredEvent event, Long chainSequence) {
        return AuditEvent.newBuilder()
                .sequence(Math.toIntExact(event.sequence()))
                .type(event.type())
                .timestamp(OffsetDateTime.ofInstant(event.timestamp(), ZoneOffset.UTC))
                .actor(event.actor())
                .actorType(event.text(AuditMetadata.ACTOR_TYPE))
                .roles(event.text(AuditMetadata.ROLES))
                .mfa(event.flag(AuditMetadata.MFA))
                .correlationId(event.text(AuditMetadata.CORRELATION_ID))
                .causationId(event.text(AuditMetadata.CAUSATION_ID))
                .eventId(event.eventId())
                .aggregateId(event.aggregateId())
                .aggregateType(event.aggregateType())
                .payload(event.payloadText())
                .chainSequence(chainSequence == null ? null : Math.toIntExact(chainSequence))
                .build();
    }

    private static AuditEvent toGraphQl(AuditChainEntry entry) {
        return AuditEvent.newBuilder()
                .sequence(Math.toIntExact(entry.aggregateSequence()))
                .type(entry.type())
                .timestamp(OffsetDateTime.ofInstant(entry.timestamp(), ZoneOffset.UTC))
                .actor(entry.actor())
                .actorType(entry.actorType())
                .roles(entry.roles())
                .mfa(entry.mfa())
                .correlationId(entry.correlationId())
                .causationId(entry.causationId())
                .eventId(entry.eventId())
                .aggregateId(entry.aggregateId())
                .aggregateType(entry.aggregateType())
                .payload(entry.payload())
                .chainSequence(Math.toIntExact(entry.id()))
                .build();
    }
}
