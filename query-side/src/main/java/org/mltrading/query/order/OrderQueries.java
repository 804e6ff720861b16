package org.mltrading.query.order;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reads of the order read model. Pages are newest first with an opaque (placedAt, id) cursor. */
@Service
public class OrderQueries {

    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 500;

    private final MongoTemplate mongo;

    OrderQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<OrderView> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, OrderView.class));
    }

    /** At most this many orders answer one client order id across accounts. */
    static final int CLIENT_ORDER_ID_MATCHES = 20;

    /**
     * Orders of any account with this client order id, newest first. Unindexed on purpose: a
     * compliance look-up now and then, not a trading path (within one account the id is derived).
     */
    List<OrderView> byClientOrderId(String clientOrderId, int limit) {
        Query query = new Query(Criteria.where("clientOrderId").is(clientOrderId))
                .with(Sort.by(Sort.Order.desc("placedAt"), Sort.Order.desc("_id"))).limit(limit);
        return mongo.find(query, OrderView.class);
    }

    /** The account's orders that are not done yet (pending, working, partially filled), oldest first. */
    List<OrderView> open(String accountId, int limit) {
        Query query = new Query(Criteria.where("accountId").is(accountId).and("status").in(
                org.mltrading.api.order.OrderStatus.PENDING, org.mltrading.api.order.OrderStatus.WORKING,
                org.mltrading.api.order.OrderStatus.PARTIALLY_FILLED))
                .with(Sort.by(Sort.Order.asc("placedAt"), Sort.Order.asc("_id"))).limit(limit);
        return mongo.find(query, OrderView.class);
    }

    /** One page plus one extra row, which tells whether there is a next page. */
    List<OrderView> page(String accountId, List<org.mltrading.api.order.OrderStatus> statuses, int size, Cursor after) {
        Criteria criteria = Criteria.where("accountId").is(accountId);
        if (statuses != null && !statuses.isEmpty()) {
            criteria = criteria.and("status").in(statuses);
        }
        if (after != null) {
            criteria = criteria.orOperator(
                    Criteria.where("placedAt").lt(after.placedAt()),
                    new Criteria().andOperator(Criteria.where("placedAt").is(after.placedAt()),
                            Criteria.where("_id").lt(after.id())));
        }
        Query query = new Query(criteria).with(Sort.by(Sort.Order.desc("placedAt"), Sort.Order.desc("_id")))
                .limit(size + 1);
        return mongo.find(query, OrderView.class);
    }

    /** Position after an order in the newest-first listing. */
    record Cursor(Instant placedAt, String id) {

        String encode() {
            // MongoDB stores instants with millisecond precision
            String raw = placedAt.toEpochMilli() + ":" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 2);
                return new Cursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[1]);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("invalid cursor: " + cursor);
            }
        }

        static Cursor of(OrderView view) {
            return new Cursor(view.placedAt(), view.id());
        }
    }
}
