package org.mltrading.query.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A MongoDB wire-protocol server in memory for one test, with a client and a template on it. Close it
 * after each test: mongo-java-server's Netty threads are not daemons.
 */
public final class InMemoryMongo implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
    private final MongoTemplate template;

    public InMemoryMongo(String database) {
        this.template = new MongoTemplate(client, database);
    }

    public MongoClient client() {
        return client;
    }

    public MongoTemplate template() {
        return template;
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            server.shutdownNow();
        }
    }
}
