package org.mltrading.ops.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded MongoDB keeps every acknowledged write through a kill -9. A child JVM writes, like a
 * projection, a document and then a "token" naming it, while a second writer keeps the store busy;
 * it is killed right after an acknowledgement. Reopened, the store must hold every acknowledged
 * document, and no token may name a document the store lost.
 */
class EmbeddedMongoKillIT {

    private static final int ACKNOWLEDGED_BEFORE_KILL = 3_000;

    @TempDir
    Path dataDir;

    @Test
    void acknowledged_writes_and_their_order_survive_a_kill_9() throws Exception {
        int port = freePort();
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Writer.class.getName(), dataDir.toString(),
                String.valueOf(port))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<Integer> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && (line = out.readLine()) != null) {
                if (line.startsWith("ack ")) {
                    acknowledged.add(Integer.parseInt(line.substring(4)));
                }
            }
            writer.destroyForcibly(); // SIGKILL: no shutdown hook, no final commit
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).as("writes acknowledged before the kill").hasSize(ACKNOWLEDGED_BEFORE_KILL);

        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, port);
             MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> orders = client.getDatabase("probe").getCollection("orders");
            List<Integer> missing = new ArrayList<>();
            for (int id : acknowledged) {
                if (orders.find(new Document("_id", id)).first() == null) {
                    missing.add(id);
                }
            }
            assertThat(missing).as("acknowledged documents lost by the kill").isEmpty();
            Document token = client.getDatabase("probe").getCollection("tokens").find(new Document("_id", "orders")).first();
            assertThat(token).isNotNull();
            int tokenPosition = token.getInteger("position");
            assertThat(tokenPosition).isGreaterThanOrEqualTo(acknowledged.get(acknowledged.size() - 1));
            // everything up to the token must be there, also what was written after the last acknowledgement
            assertThat(orders.countDocuments(new Document("_id", new Document("$lte", tokenPosition))))
                    .isEqualTo(tokenPosition + 1L);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The child process: a projection-like writer (document, then token) plus background noise. */
    public static final class Writer {
        public static void main(String[] args) throws Exception {
            EmbeddedMongo.start(Path.of(args[0]), Integer.parseInt(args[1]));
            String uri = "mongodb://127.0.0.1:" + args[1];
            Thread noise = new Thread(() -> {
                try (MongoClient client = MongoClients.create(uri)) {
                    MongoCollection<Document> audit = client.getDatabase("probe").getCollection("audit");
                    for (long i = 0; ; i++) {
                        audit.insertOne(new Document("_id", i).append("payload", "x".repeat(200)));
                    }
                }
            });
            noise.setDaemon(true);
            noise.start();
            try (MongoClient client = MongoClients.create(uri)) {
                MongoCollection<Document> orders = client.getDatabase("probe").getCollection("orders");
                MongoCollection<Document> tokens = client.getDatabase("probe").getCollection("tokens");
                for (int i = 0; ; i++) {
                    orders.insertOne(new Document("_id", i).append("status", "FILLED"));
                    tokens.replaceOne(new Document("_id", "orders"), new Document("_id", "orders").append("position", i),
                            new com.mongodb.client.model.ReplaceOptions().upsert(true));
                    System.out.println("ack " + i);
                    System.out.flush();
                }
            }
        }
    }
}
