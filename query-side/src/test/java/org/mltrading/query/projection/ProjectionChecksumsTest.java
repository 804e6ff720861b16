package org.mltrading.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Read-model checksums compare content, not the order in which maps were filled. */
class ProjectionChecksumsTest {

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate live;
    private MongoTemplate rebuilt;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        live = new MongoTemplate(client, "live");
        rebuilt = new MongoTemplate(client, "rebuilt");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void equal_documents_with_keys_in_another_order_have_the_same_checksum() {
        live.insert(account("a-1", "AAPL", "MSFT"), "accounts");
        live.insert(account("a-2", "SPY"), "accounts");
        rebuilt.insert(account("a-2", "SPY"), "accounts");
        rebuilt.insert(account("a-1", "MSFT", "AAPL"), "accounts");

        var liveSum = new ProjectionChecksums(live).of("account-projection");
        var rebuiltSum = new ProjectionChecksums(rebuilt).of("account-projection");

        assertThat(rebuiltSum).isEqualTo(liveSum);
        assertThat(liveSum.documents()).isEqualTo(2);
    }

    @Test
    void a_changed_value_changes_the_checksum() {
        live.insert(account("a-1", "AAPL"), "accounts");
        Document changed = account("a-1", "AAPL");
        changed.put("cash", "999");
        rebuilt.insert(changed, "accounts");

        assertThat(new ProjectionChecksums(rebuilt).of("account-projection").sha256())
                .isNotEqualTo(new ProjectionChecksums(live).of("account-projection").sha256());
    }

    @Test
    void only_known_projections_have_checksums() {
        assertThatThrownBy(() -> new ProjectionChecksums(live).of("audit-chain"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Document account(String id, String... symbols) {
        Map<String, Object> positions = new LinkedHashMap<>();
        for (String symbol : symbols) {
            positions.put(symbol, new Document("quantity", "10").append("averagePrice", "100"));
        }
        return new Document("_id", id).append("cash", "1000").append("positions", new Document(positions));
    }
}
