package org.mltrading.query.projection;

import java.time.Duration;

import com.mongodb.client.MongoClient;
import java.util.List;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Every MongoDB projection keeps its tracking token in MongoDB, next to its documents. If the store
 * loses recent writes (a crash before the embedded server's periodic commit, or a replica-set
 * rollback), token and documents roll back together and the processor replays the gap; handlers are
 * idempotent. The token is stored after the batch's documents (no transaction manager for these
 * processors, see below; {@link BatchedDocuments}). A token in another store would silently skip those events. See docs/adr/0003-event-store-and-durability.md.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class ProjectionTokenStoreConfiguration {

    /** Processing groups whose state lives in MongoDB. */
    public static final List<String> MONGO_PROJECTIONS = List.of(ProjectionGroups.ORDERS, ProjectionGroups.ACCOUNTS,
            ProjectionGroups.AUDIT_CHAIN, ProjectionGroups.MODELS, ProjectionGroups.BACKTESTS,
            ProjectionGroups.STRATEGIES, ProjectionGroups.ALERTS);

    public static final String TOKEN_COLLECTION = "projection_tokens";

    private volatile CoalescingTokenStore tokenStore;

    private Duration tokenInterval = Duration.ofMillis(200);

    @Autowired
    void useMongoTokenStore(EventProcessingConfigurer configurer, MongoClient mongoClient,
                            @Value("${spring.data.mongodb.database:platform}") String database,
                            @Value("${platform.projections.token-write-interval-ms:200}") long tokenIntervalMs) {
        this.tokenInterval = Duration.ofMillis(tokenIntervalMs);
        // BatchedDocuments' projections (and the audit chain's bulk insert): their batch is written at its
        // last event, by this interceptor
        List.of(ProjectionGroups.ORDERS, ProjectionGroups.ACCOUNTS, ProjectionGroups.AUDIT_CHAIN,
                ProjectionGroups.PREDICTIONS).forEach(group ->
                configurer.registerHandlerInterceptor(group, axon -> BatchedDocuments.endOfEventInterceptor()));
        MONGO_PROJECTIONS.forEach(group -> configurer
                .registerTokenStore(group, axon -> tokenStore(axon, mongoClient, database))
                // with a real transaction manager (JPA, for the event store) a tracking processor stores
                // its batch's token BEFORE handling the batch, assuming one transaction covers both; MongoDB
                // writes are outside it, so a kill mid-batch would keep the token and lose the documents.
                // Without one, the token is stored after the handlers (prepare commit).
                .registerTransactionManager(group, axon -> NoTransactionManager.instance()));
    }

    /** Writes the held-back tokens when the context closes (after the processors have stopped). */
    @jakarta.annotation.PreDestroy
    void flushTokens() {
        if (tokenStore != null) {
            tokenStore.close();
        }
    }

    private synchronized TokenStore tokenStore(Configuration axon, MongoClient mongoClient, String database) {
        if (tokenStore == null) {
            // a processor's token at most once per interval: see CoalescingTokenStore for why that is safe here
            tokenStore = new CoalescingTokenStore(MongoTokenStore.builder()
                    .mongoTemplate(DefaultMongoTemplate.builder()
                            .mongoDatabase(mongoClient, database)
                            .trackingTokensCollectionName(TOKEN_COLLECTION)
                            .build())
                    .serializer(axon.serializer())
                    .build(), tokenInterval);
        }
        return tokenStore;
    }
}
