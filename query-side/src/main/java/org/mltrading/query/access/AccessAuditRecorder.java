package org.mltrading.query.access;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Records requests the API refused (invalid tokens, too large or too deep documents, missing roles or
 * entitlements, rate limits, foreign origins) in the access audit, next to the auth server's logins and
 * issued tokens. Written off the request thread through a bounded queue: a flood of bad requests must
 * not slow the API, so past 10,000 pending entries new ones are counted as dropped (and logged).
 */
@Component
public class AccessAuditRecorder {

    public static final String COLLECTION = "access_audit";

    /** Error codes that mean "refused", as opposed to a business rejection like an unknown symbol. */
    public static final Set<String> DENIAL_CODES = Set.of("PERMISSION_DENIED", "AUTH_UNAUTHENTICATED",
            "AUTH_MFA_REQUIRED", "VALIDATION_QUERY_TOO_COMPLEX", "VALIDATION_TOO_MANY_ALIASES",
            "VALIDATION_TOO_MANY_SUBSCRIPTIONS", "RATE_LIMITED");

    private static final Logger log = LoggerFactory.getLogger("access-audit");

    private final MongoTemplate mongo;
    private final AtomicLong dropped = new AtomicLong();
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(10_000), runnable -> {
                Thread thread = new Thread(runnable, "access-audit-writer");
                thread.setDaemon(true);
                return thread;
            }, (task, executor) -> dropped.incrementAndGet());

    public AccessAuditRecorder(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A refused request by the current caller (anonymous when no valid token was presented). */
    public void denied(String remoteAddress, String detail) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        denied(authentication, remoteAddress, detail);
    }

    public void denied(Authentication authentication, String remoteAddress, String detail) {
        String principal = null;
        String clientId = null;
        if (authentication instanceof JwtAuthenticationToken jwt) {
            principal = jwt.getToken().getSubject();
            clientId = jwt.getToken().getClaimAsString("client_id");
            if (clientId == null) {
                clientId = jwt.getToken().getClaimAsString("azp");
            }
        }
        record("REQUEST_DENIED", "DENIED", principal, clientId, remoteAddress, detail);
    }

    void record(String type, String outcome, String principal, String clientId, String remoteAddress, String detail) {
        Document entry = new Document("_id", UUID.randomUUID().toString())
                .append("at", Date.from(Instant.now()))
                .append("source", "platform")
                .append("type", type)
                .append("outcome", outcome)
                .append("principal", principal)
                .append("clientId", clientId)
                .append("remoteAddress", remoteAddress)
                .append("detail", detail);
        log.info("{} {} principal={} client={} from={} {}", type, outcome, principal, clientId, remoteAddress, detail);
        writer.execute(() -> {
            try {
                mongo.getCollection(COLLECTION).insertOne(entry);
            } catch (RuntimeException e) {
                log.error("access audit entry not stored ({}): {}", e.getMessage(), entry.toJson());
            }
        });
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            log.warn("{} access audit entries dropped: more than 10,000 were waiting to be stored", lost);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(5, TimeUnit.SECONDS);
    }
}
