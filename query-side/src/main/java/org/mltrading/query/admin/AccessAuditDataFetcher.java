package org.mltrading.query.admin;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.mltrading.query.access.AccessAuditRecorder;
import org.mltrading.graphql.types.AccessAuditConnection;
import org.mltrading.graphql.types.AccessAuditEdge;
import org.mltrading.graphql.types.AccessAuditEntry;
import org.mltrading.graphql.types.AccessAuditFilter;
import org.mltrading.graphql.types.PageInfo;
import org.mltrading.query.graphql.ApiErrorCode;
import org.mltrading.query.graphql.ApiException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;

/** The access audit for compliance: newest first, filtered, paged with an opaque keyset cursor. */
@DgsComponent
class AccessAuditDataFetcher {

    private static final int DEFAULT_PAGE = 50;
    private static final int MAX_PAGE = 500;

    private final MongoTemplate mongo;

    AccessAuditDataFetcher(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @DgsQuery
    @PreAuthorize("hasAnyRole('COMPLIANCE','ADMIN')")
    AccessAuditConnection accessAudit(@InputArgument AccessAuditFilter filter, @InputArgument Integer first,
            @InputArgument String after) {
        int size = first == null ? DEFAULT_PAGE : first;
        if (size < 1 || size > MAX_PAGE) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "first must be between 1 and " + MAX_PAGE);
        }
        List<Criteria> criteria = new ArrayList<>();
        if (filter != null) {
            equal(criteria, "principal", filter.getPrincipal());
            equal(criteria, "type", filter.getType());
            equal(criteria, "outcome", filter.getOutcome());
            if (filter.getFrom() != null) {
                criteria.add(Criteria.where("at").gte(Date.from(filter.getFrom().toInstant())));
            }
            if (filter.getTo() != null) {
                criteria.add(Criteria.where("at").lte(Date.from(filter.getTo().toInstant())));
            }
        }
        if (after != null) {
            String[] cursor = decode(after);
            Date at = new Date(Long.parseLong(cursor[0]));
            criteria.add(new Criteria().orOperator(Criteria.where("at").lt(at),
                    new Criteria().andOperator(Criteria.where("at").is(at), Criteria.where("_id").lt(cursor[1]))));
        }
        Query query = new Query();
        if (!criteria.isEmpty()) {
            query.addCriteria(new Criteria().andOperator(criteria.toArray(Criteria[]::new)));
        }
        query.with(Sort.by(Sort.Order.desc("at"), Sort.Order.desc("_id"))).limit(size + 1);
        List<Document> page = mongo.find(query, Document.class, AccessAuditRecorder.COLLECTION);
        boolean more = page.size() > size;
        List<AccessAuditEdge> edges = page.stream().limit(size).map(AccessAuditDataFetcher::edge).toList();
        return AccessAuditConnection.newBuilder().edges(edges).pageInfo(PageInfo.newBuilder().hasNextPage(more)
                .endCursor(edges.isEmpty() ? null : edges.get(edges.size() - 1).getCursor()).build()).build();
    }

    private static void equal(List<Criteria> criteria, String field, String value) {
        if (value != null && !value.isBlank()) {
            criteria.add(Criteria.where(field).is(value));
        }
    }

    private static AccessAuditEdge edge(Document entry) {
        Date at = entry.getDate("at");
        String id = entry.getString("_id");
        AccessAuditEntry node = AccessAuditEntry.newBuilder().id(id)
                .at(OffsetDateTime.ofInstant(at.toInstant(), ZoneOffset.UTC))
                .source(entry.getString("source")).type(entry.getString("type")).outcome(entry.getString("outcome"))
                .principal(entry.getString("principal")).clientId(entry.getString("clientId"))
                .remoteAddress(entry.getString("remoteAddress")).detail(entry.getString("detail")).build();
        String cursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((at.getTime() + ":" + id).getBytes(StandardCharsets.UTF_8));
        return AccessAuditEdge.newBuilder().cursor(cursor).node(node).build();
    }

    private static String[] decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 2);
            Long.parseLong(parts[0]);
            if (parts.length != 2) {
                throw new IllegalArgumentException();
            }
            return parts;
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "after is not a cursor of this query");
        }
    }
}
