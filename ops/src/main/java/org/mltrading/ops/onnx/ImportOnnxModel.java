package org.mltrading.ops.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;





import java.nio.file.Files;
import java.nio.file.Path;

import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mltrading.ops.PlatformGraphQl;
import org.mltrading.ops.PlatformSettings;

/**
 * {@code ops/import-onnx}: imports an ONNX model file into the running platform through the public
 * GraphQL mutation {@code importOnnxModel} (docs/api/onnx-models.md). It authenticates as a client
 * (client credentials; the client needs role ADMIN or RISK_OFFICER, e.g. {@code demo-risk} in the local
 * profile) or with a token given in {@code PLATFORM_TOKEN}. Exit codes: 0 imported, 1 the platform
 * refused or was not reachable (the coded error is printed), 2 bad arguments or file.
 */
public final class ImportOnnxModel {

    public static final int OK = 0;
    public static final int REFUSED_OR_UNREACHABLE = 1;
    public static final int BAD_INPUT = 2;

    static final String USAGE = """
            Usage: ops/import-onnx --name NAME --features f1,f2,... --symbol SYMBOL --interval INTERVAL
                                   --from ISO-INSTANT --to ISO-INSTANT [--version N] [--description TEXT]
                                   [--long-short] [--client ID:SECRET] FILE.onnx
              --features     platform feature names in the order of the model's input columns
                             (ret_1 ret_5 ret_20 vol_20 mom_20_vs z_20 rsi_14)
              --symbol, --interval, --from, --to
                             stored bars on which the 80 %/95 % intervals are calibrated (bars the
                             model was not trained on; import them first with ops/import-history)
              --client       client credentials of an ADMIN or RISK_OFFICER client (default demo-risk in
                             the local profile); or set PLATFORM_TOKEN to a bearer token
            Prints the registered model as JSON. Then validate and promote it like any version.
            """;
    private static final String MUTATION = "mutation($input: ImportOnnxModelInput!) { importOnnxModel(input: $input)"
            + " { name kind status versions { version status features artefactHash description"
            + " parameters { name value } } } }";

    private final PrintStream out;
    private final PrintStream err;
    private final ObjectMapper json = new ObjectMapper();

    public ImportOnnxModel(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new ImportOnnxModel(System.out, System.err).run(args, PlatformSettings.fromEnvironment(),
                System.getenv("PLATFORM_TOKEN")));
    }

    /** Runs the command line against the platform of {@code settings}; returns the exit code. */
    public int run(String[] args, PlatformSettings settings, String token) {
        Arguments arguments;
        byte[] artefact;
        try {
            arguments = Arguments.parse(args);
            if (arguments.help()) {
                out.print(USAGE);
                return OK;
            }
            artefact = Files.readAllBytes(arguments.file());
        } catch (IllegalArgumentException e) {
            err.println("import-onnx: " + e.getMessage());
            err.println("Run ops/import-onnx --help for the usage.");
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("import-onnx: cannot read the model file: " + e.getMessage());
            return BAD_INPUT;
        }
        try {
            PlatformGraphQl api = new PlatformGraphQl(settings);
            String bearer = token != null && !token.isBlank() ? token : api.clientToken(arguments.client(), "read risk");
            JsonNode answer = api.post(bearer, MUTATION, Map.of("input", arguments.input(Base64.getEncoder().encodeToString(artefact))));
            JsonNode errors = answer.get("errors");
            if (errors != null && !errors.isEmpty()) {
                JsonNode first = errors.get(0);
                err.println("import-onnx: refused (" + first.path("extensions").path("code").asText("no code") + "): "
                        + first.path("message").asText());
                return REFUSED_OR_UNREACHABLE;
            }
            out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(answer.path("data").path("importOnnxModel")));
            return OK;
        } catch (IOException e) {
            err.println("import-onnx: the platform is not reachable at " + settings.platformUrl() + " (" + e.getMessage()
                    + "); is it running (ops/run)?");
            return REFUSED_OR_UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return REFUSED_OR_UNREACHABLE;
        }
    }

    /** The parsed command line. */
    record Arguments(boolean help, Path file, String client, Map<String, String> values, List<String> features,
                     boolean longOnly) {

        private static final List<String> REQUIRED = List.of("name", "symbol", "interval", "from", "to");

        static Arguments parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            Path file = null;
            String client = "demo-risk:demo-risk-secret";
            List<String> features = null;
            boolean longOnly = true;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--help", "-h" -> {
                        return new Arguments(true, null, client, values, List.of(), longOnly);
                    }
                    case "--long-short" -> longOnly = false;
                    case "--name", "--symbol", "--interval", "--from", "--to", "--version", "--description", "--features",
                            "--client" -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(arg + " needs a value");
                        }
                        String value = args[++i];
                        switch (arg) {
                            case "--features" -> features = Arrays.stream(value.split(",")).map(String::trim)
                                    .filter(name -> !name.isEmpty()).toList();
                            case "--client" -> {
                                if (!value.contains(":")) {
                                    throw new IllegalArgumentException("--client is ID:SECRET");
                                }
                                client = value;
                            }
                            default -> values.put(arg.substring(2), value);
                        }
                    }
                    default -> {
                        if (arg.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        }
                        if (file != null) {
                            throw new IllegalArgumentException("one model file at a time");
                        }
                        file = Path.of(arg);
                    }
                }
            }
            for (String name : REQUIRED) {
                if (!values.containsKey(name)) {
                    throw new IllegalArgumentException("--" + name + " is required");
                }
            }
            if (features == null || features.isEmpty()) {
                throw new IllegalArgumentException("--features is required (comma-separated feature names)");
            }
            if (file == null) {
                throw new IllegalArgumentException("the ONNX model file is missing");
            }
            if (values.containsKey("version") && !values.get("version").matches("[1-9][0-9]{0,8}")) {
                throw new IllegalArgumentException("--version is a positive number");
            }
            return new Arguments(false, file, client, values, features, longOnly);
        }

        /** The GraphQL input; the server checks the values (and answers coded errors). */
        Map<String, Object> input(String base64) {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("name", values.get("name"));
            if (values.containsKey("version")) {
                input.put("version", Integer.parseInt(values.get("version")));
            }
            input.put("features", features);
            input.put("artefactBase64", base64);
            input.put("symbol", values.get("symbol"));
            input.put("interval", values.get("interval"));
            input.put("from", values.get("from"));
            input.put("to", values.get("to"));
            if (values.containsKey("description")) {
                input.put("description", values.get("description"));
            }
            input.put("longOnly", longOnly);
            return input;
        }
    }
}
