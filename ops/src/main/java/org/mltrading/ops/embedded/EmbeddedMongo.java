package org.mltrading.ops.embedded;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MongoDB wire-protocol server (mongo-java-server, H2 MVStore file). Every acknowledged
 * write is committed to the file before the answer ({@link CommitOnWriteH2Backend}), so a projection's
 * tracking token can never outlive the documents written before it
 * (docs/adr/0003-event-store-and-durability.md).
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final MongoServer server;

    private EmbeddedMongo(MongoServer server) {
        this.server = server;
    }

    public static EmbeddedMongo start(Path dir, int port) throws IOException {
        Files.createDirectories(dir);
        CommitOnWriteH2Backend backend = new CommitOnWriteH2Backend(dir.resolve("platform.mv").toString());
        MongoServer server = new MongoServer(backend);
        try {
            server.bind("127.0.0.1", port);
        } catch (RuntimeException e) {
            // its Netty threads are not daemons: a failed start must shut them down or the JVM hangs
            server.shutdownNow();
            throw new IllegalStateException("embedded MongoDB could not bind 127.0.0.1:" + port
                    + " (set PLATFORM_MONGO_PORT): " + e.getMessage(), e);
        }
        log.info("Embedded MongoDB wire server on 127.0.0.1:{} (data {})", port, dir);
        return new EmbeddedMongo(server);
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
