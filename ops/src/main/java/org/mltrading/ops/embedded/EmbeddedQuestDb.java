package org.mltrading.ops.embedded;

import io.questdb.ServerMain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * QuestDB embedded from its Maven jar. All four of its ports are moved off their defaults (its HTTP
 * default, 9000, is the auth server's) and bound to loopback; telemetry is off.
 */
public final class EmbeddedQuestDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedQuestDb.class);

    private final ServerMain server;

    private EmbeddedQuestDb(ServerMain server) {
        this.server = server;
    }

    public static EmbeddedQuestDb start(Path root, int httpPort, int healthPort, int pgPort, int ilpPort) throws IOException {
        Files.createDirectories(root.resolve("conf"));
        quietLogs(root);
        Map<String, String> env = Map.of(
                "QDB_HTTP_BIND_TO", "127.0.0.1:" + httpPort,
                "QDB_HTTP_MIN_NET_BIND_TO", "127.0.0.1:" + healthPort,
                "QDB_PG_NET_BIND_TO", "127.0.0.1:" + pgPort,
                "QDB_LINE_TCP_NET_BIND_TO", "127.0.0.1:" + ilpPort,
                "QDB_LINE_UDP_ENABLED", "false",
                "QDB_TELEMETRY_ENABLED", "false",
                "QDB_SHARED_WORKER_COUNT", "2");
        ServerMain server = ServerMain.create(root.toString(), env);
        try {
            server.start();
            server.awaitStartup();
        } catch (RuntimeException | Error e) {
            // QuestDB reports a taken port as an Error; its worker threads must not keep the JVM alive
            server.close();
            throw new IllegalStateException("embedded QuestDB could not start (ports " + httpPort + "/" + healthPort
                    + "/" + pgPort + "/" + ilpPort + "; set PLATFORM_QUESTDB_*_PORT): " + e.getMessage(), e);
        }
        log.info("Embedded QuestDB: HTTP 127.0.0.1:{}, PG wire 127.0.0.1:{}, ILP 127.0.0.1:{} (data {})",
                httpPort, pgPort, ilpPort, root);
        return new EmbeddedQuestDb(server);
    }

    /** QuestDB reads its log configuration from the {@code out} system property when embedded. */
    private static void quietLogs(Path root) throws IOException {
        if (System.getProperty("out") != null) {
            return;
        }
        Path conf = root.resolve("conf").resolve("log-embedded.conf");
        Files.writeString(conf, """
                writers=stdout
                w.stdout.class=io.questdb.log.LogConsoleWriter
                w.stdout.level=ERROR
                """, StandardCharsets.UTF_8);
        System.setProperty("out", conf.toString());
    }

    @Override
    public void close() {
        server.close();
    }
}
