package org.mltrading.query.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.ops.embedded.EmbeddedQuestDb;
import org.mltrading.ops.testing.RunningPlatform;
import org.mltrading.query.marketdata.QuestDb;

/**
 * A data directory from before predictions had cursors: its {@code predictions} table has no
 * {@code stream_cursor} column. The store adds it once (QuestDB refuses a no-op ALTER on a WAL table, so
 * not with IF NOT EXISTS), reads the old rows with cursor 0 and the new ones with theirs. Real embedded
 * QuestDB.
 */
class PredictionStoreUpgradeIT {

    private static final String OLD_DDL = "CREATE TABLE predictions (ts TIMESTAMP, symbol SYMBOL,"
            + " model_version SYMBOL, bar_interval SYMBOL, prediction_id VARCHAR, made_at TIMESTAMP, value DOUBLE,"
            + " lower80 DOUBLE, upper80 DOUBLE, lower95 DOUBLE, upper95 DOUBLE, scored BOOLEAN, realised DOUBLE,"
            + " hit BOOLEAN, within80 BOOLEAN, within95 BOOLEAN)"
            + " TIMESTAMP(ts) PARTITION BY DAY WAL DEDUP UPSERT KEYS(ts, symbol, model_version)";
    private static final Instant BAR = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void a_table_without_cursors_gets_the_column_and_old_rows_read_as_cursor_zero(@TempDir Path root) throws Exception {
        int pg = RunningPlatform.freePort();
        try (EmbeddedQuestDb ignored = EmbeddedQuestDb.start(Files.createDirectories(root.resolve("questdb")),
                RunningPlatform.freePort(), RunningPlatform.freePort(), pg, RunningPlatform.freePort())) {
            QuestDb questDb = new QuestDb("jdbc:postgresql://127.0.0.1:" + pg + "/qdb", "admin", "quest");
            try (Connection connection = questDb.connection(); Statement sql = connection.createStatement()) {
                sql.execute(OLD_DDL);
                sql.execute("INSERT INTO predictions VALUES ('" + BAR + "', 'AAPL', 'momentum@1', 'ONE_MINUTE', 'p-old', '"
                        + BAR.plusSeconds(60) + "', 0.001, -0.01, 0.01, -0.02, 0.02, false, NaN, false, false, false)");
            }
            PredictionStore store = new PredictionStore(questDb);
            store.write(new PredictionRow("p-new", "AAPL", "momentum@1", BarInterval.ONE_MINUTE, BAR.plusSeconds(60),
                    BAR.plusSeconds(120), 0.002, -0.01, 0.01, -0.02, 0.02, null, null, null, null, 42));
            // a second store over the upgraded table: the column is there, nothing to alter
            PredictionStore again = new PredictionStore(questDb);

            List<PredictionRow> rows = awaitRows(again, 2);

            assertThat(rows).extracting(PredictionRow::id, PredictionRow::cursor)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("p-old", 0L),
                            org.assertj.core.groups.Tuple.tuple("p-new", 42L));
            questDb.destroy();
        }
    }

    /** WAL tables apply writes asynchronously: read until both rows are visible. */
    private static List<PredictionRow> awaitRows(PredictionStore store, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<PredictionRow> rows = List.of();
        while (System.nanoTime() < deadline) {
            rows = store.find("AAPL", BAR, BAR.plusSeconds(600), 10);
            if (rows.size() >= count) {
                return rows;
            }
            Thread.sleep(100);
        }
        return rows;
    }
}
