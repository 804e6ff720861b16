package org.mltrading.ops.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.ops.PlatformSettings;
import org.mltrading.ops.history.ImportHistory.Arguments;

class ImportHistoryArgumentsTest {

    private static final PlatformSettings SETTINGS = PlatformSettings.from(Map.of(
            "PLATFORM_QUESTDB_HTTP_PORT", "19020", "PLATFORM_QUESTDB_PG_PORT", "18812")::get);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ImportHistory command = new ImportHistory(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC());

    @Test
    void no_arguments_mean_the_three_demo_datasets_on_the_platforms_ports() {
        Arguments arguments = Arguments.parse(new String[0], SETTINGS);
        assertThat(arguments.jobs()).extracting(job -> job.spec().symbol()).containsExactly("AAPL", "BTC-USD", "ETH-USD");
        assertThat(arguments.ilp()).hasToString("127.0.0.1:19020");
        assertThat(arguments.pg()).hasToString("127.0.0.1:18812");
    }

    @Test
    void a_file_with_its_mapping_and_overridden_endpoints(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("msft.csv"), "Date,O,H,L,C\n");
        Arguments arguments = Arguments.parse(new String[] {"--kind", "bars", "--symbol=MSFT", "--interval", "one_hour",
            "--time-format", "iso", "--columns", "open=O,high=H,low=L,close=C", "--questdb-http", "db:1", "--questdb-pg",
            "db:2", file.toString()}, SETTINGS);
        ImportSpec spec = arguments.jobs().get(0).spec();
        assertThat(spec.interval()).isEqualTo(BarInterval.ONE_HOUR);
        assertThat(spec.timeFormat()).isEqualTo(TimeFormat.ISO);
        assertThat(spec.columns()).containsEntry("open", "O").containsEntry("close", "C");
        assertThat(arguments.jobs().get(0).input().source()).isEqualTo("import:msft.csv");
        assertThat(arguments.ilp()).hasToString("db:1");
        assertThat(arguments.pg()).hasToString("db:2");
    }

    @Test
    void help_prints_the_column_mapping() {
        assertThat(command.run(new String[] {"--help"}, SETTINGS)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--columns F=COL", "trades: price=price, size=size|amount");
    }

    @Test
    void bad_arguments_exit_with_2_and_say_why(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("t.csv"), "timestamp,price,amount\n");
        assertThat(command.run(new String[] {"--kind", "quotes", "--symbol", "X", file.toString()}, SETTINGS)).isEqualTo(2);
        assertThat(command.run(new String[] {"--kind", "trades", file.toString()}, SETTINGS)).isEqualTo(2);
        assertThat(command.run(new String[] {"--kind", "trades", "--symbol", "X", "--columns", "price=p,bid=b", file.toString()},
                SETTINGS)).isEqualTo(2);
        assertThat(command.run(new String[] {"--frobnicate"}, SETTINGS)).isEqualTo(2);
        assertThat(command.run(new String[] {"--kind", "trades", "--symbol", "X", dir.resolve("missing.csv").toString()},
                SETTINGS)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--kind must be bars or trades", "--symbol is required",
                "trades have no field 'bid'", "unknown option --frobnicate", "no such file");
    }

    @Test
    void a_bad_file_exits_with_2_before_any_connection(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.csv"), "timestamp,price,amount\n1385337600,800,1\n1385337601,800\n");
        // the ports are closed: had it tried to connect, it would exit with 1
        assertThat(command.run(new String[] {"--kind", "trades", "--symbol", "X", file.toString()}, SETTINGS)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("bad.csv:3: expected 3 fields as in the header, found 2", "Nothing was imported.");
    }

    @Test
    void an_unreachable_platform_exits_with_1_and_says_to_start_it(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("ok.csv"), "timestamp,price,amount\n1385337600,800,1\n");
        PlatformSettings nothingThere = PlatformSettings.from(Map.of(
                "PLATFORM_QUESTDB_HTTP_PORT", Integer.toString(freePort()),
                "PLATFORM_QUESTDB_PG_PORT", Integer.toString(freePort()))::get);
        assertThat(command.run(new String[] {"--kind", "trades", "--symbol", "X", file.toString()}, nothingThere)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not reachable", "Start it with ops/run");
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
