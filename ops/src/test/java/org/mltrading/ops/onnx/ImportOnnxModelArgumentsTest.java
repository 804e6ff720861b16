package org.mltrading.ops.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mltrading.ops.PlatformSettings;

/** The ops/import-onnx command line: what it sends, and what it refuses before sending anything. */
class ImportOnnxModelArgumentsTest {

    private static final String[] COMPLETE = {"--name", "my-linear", "--features", "mom_20_vs, ret_5,z_20",
            "--symbol", "AAPL", "--interval", "ONE_DAY", "--from", "2013-07-10T00:00:00Z", "--to", "2013-12-31T00:00:00Z",
            "--description", "linear", "model.onnx"};

    @Test
    void a_complete_command_line_becomes_the_graphql_input_with_the_features_in_order() {
        ImportOnnxModel.Arguments arguments = ImportOnnxModel.Arguments.parse(COMPLETE);
        assertThat(arguments.file()).isEqualTo(Path.of("model.onnx"));
        assertThat(arguments.client()).isEqualTo("demo-risk:demo-risk-secret");
        Map<String, Object> input = arguments.input("QUJD");
        assertThat(input).containsEntry("name", "my-linear").containsEntry("features", List.of("mom_20_vs", "ret_5", "z_20"))
                .containsEntry("artefactBase64", "QUJD").containsEntry("symbol", "AAPL").containsEntry("interval", "ONE_DAY")
                .containsEntry("from", "2013-07-10T00:00:00Z").containsEntry("to", "2013-12-31T00:00:00Z")
                .containsEntry("description", "linear").containsEntry("longOnly", true).doesNotContainKey("version");
    }

    @Test
    void version_client_and_long_short_are_passed_on() {
        String[] args = concat(COMPLETE, "--version", "3", "--client", "ops:secret", "--long-short");
        ImportOnnxModel.Arguments arguments = ImportOnnxModel.Arguments.parse(args);
        assertThat(arguments.client()).isEqualTo("ops:secret");
        assertThat(arguments.input("")).containsEntry("version", 3).containsEntry("longOnly", false);
    }

    @Test
    void missing_or_malformed_arguments_are_refused_with_a_reason() {
        assertThatThrownBy(() -> ImportOnnxModel.Arguments.parse(new String[] {"model.onnx"}))
                .hasMessage("--name is required");
        assertThatThrownBy(() -> ImportOnnxModel.Arguments.parse(new String[] {"--name", "x", "--symbol", "AAPL",
                "--interval", "ONE_DAY", "--from", "a", "--to", "b", "model.onnx"}))
                .hasMessageStartingWith("--features is required");
        assertThatThrownBy(() -> ImportOnnxModel.Arguments.parse(concat(COMPLETE, "--version", "0")))
                .hasMessage("--version is a positive number");
        assertThatThrownBy(() -> ImportOnnxModel.Arguments.parse(concat(COMPLETE, "other.onnx")))
                .hasMessage("one model file at a time");
        assertThatThrownBy(() -> ImportOnnxModel.Arguments.parse(concat(COMPLETE, "--client", "no-secret")))
                .hasMessage("--client is ID:SECRET");
        assertThatThrownBy(() -> ImportOnnxModel.Arguments.parse(concat(COMPLETE, "--weights", "w")))
                .hasMessage("unknown option --weights");
    }

    @Test
    void an_unreadable_file_exits_with_2_before_any_request() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = COMPLETE.clone();
        args[args.length - 1] = "/nonexistent/model.onnx";
        int code = new ImportOnnxModel(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args, PlatformSettings.from(name -> null), null);
        assertThat(code).isEqualTo(ImportOnnxModel.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read the model file");
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
