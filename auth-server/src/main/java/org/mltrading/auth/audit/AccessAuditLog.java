package org.mltrading.auth.audit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Records logins, second-factor checks, lockouts and issued tokens. Written off the request thread
 * (a slow database must not slow logins down) to the collection the platform's {@code accessAudit}
 * query reads; every entry is also logged, so nothing is lost while the database is unreachable.
 */
@Component
@EnableConfigurationProperties(AccessAuditProperties.class)
public class AccessAuditLog implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger("access-audit");

    private final MongoClient client;
    private final MongoCollection<Document> collection;
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(10_000), runnable -> {
                Thread thread = new Thread(runnable, "access-audit-writer");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());

    public AccessAuditLog(AccessAuditProperties properties) {
        if (properties.mongoUri().isEmpty()) {
            this.client = null;
            this.collection = null;
            return;
        }
        ConnectionString uri = new ConnectionString(properties.mongoUri());
        this.client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(uri)
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .build());
        String database = uri.getDatabase() == null ? "platform" : uri.getDatabase();
        this.collection = client.getDatabase(database).getCollection(properties.collection());
    }

    /**
     * @param type      e.g. {@code LOGIN_SUCCEEDED}, {@code LOGIN_FAILED}, {@code MFA_FAILED}, {@code TOKEN_ISSUED}
     * @param outcome   {@code SUCCESS}, {@code FAILURE} or {@code DENIED}
     * @param principal user name or client id the attempt was for (as typed, for failures)
     */
    public void record(String type, String outcome, String principal, String clientId, String remoteAddress,
            String detail) {
        Document entry = new Document("_id", UUID.randomUUID().toString())
                .append("at", Date.from(Instant.now()))
                .append("source", "auth-server")
                .append("type", type)
                .append("outcome", outcome)
                .append("principal", principal)
                .append("clientId", clientId)
                .append("remoteAddress", remoteAddress)
                .append("detail", detail);
        log.info("{} {} principal={} client={} from={} {}", type, outcome, principal, clientId, remoteAddress,
                detail == null ? "" : detail);
        if (collection != null) {
            writer.execute(() -> {
                try {
                    collection.insertOne(entry);
                } catch (RuntimeException e) {
                    log.error("access audit entry not stored ({}): {}", e.getMessage(), entry.toJson());
                }
            });
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(5, TimeUnit.SECONDS);
        if (client != null) {
            client.close();
        }
    }
}
