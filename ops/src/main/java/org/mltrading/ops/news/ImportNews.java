package org.mltrading.ops.news;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;





import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mltrading.ops.PlatformGraphQl;
import org.mltrading.ops.PlatformSettings;

/**
 * {@code ops/import-news}: loads news items from JSON-lines files into the running platform through the
 * public GraphQL mutation {@code importNews} (the platform recognises instruments, scores and stores
 * them, idempotent by (source, id)). Files are sent in batches; every skipped line is printed as
 * {@code file:line: reason}. Authenticates as an ADMIN client (default {@code demo-admin} in the local
 * profile) or with the token in {@code PLATFORM_TOKEN}.
 * Exit codes: 0 loaded (items already stored count as loaded), 1 the platform is not reachable or
 * refused a batch, 2 bad arguments or nothing loadable, 3 loaded with some lines skipped.
 */
public final class ImportNews {

    public static final int OK = 0;
    public static final int UNREACHABLE_OR_REFUSED = 1;
    public static final int BAD_INPUT = 2;
    public static final int SOME_SKIPPED = 3;

    static final int BATCH_LINES = 500;
    static final int BATCH_CHARS = 900_000;

    static final String USAGE = """
            Usage: ops/import-news [--source NAME] [--client ID:SECRET] FILE.jsonl [FILE.jsonl ...]
              FILE.jsonl   one JSON object per line: id, headline, publishedAt (ISO-8601 with offset)
                           required; source, kind (NEWS or SOCIAL), body, language, symbols, url optional;
                           or a Reuters-21578 file (reut2-NNN.sgm, SGML or XML): one item per article,
                           source reuters-21578, id NEWID, DATE read as UTC, TITLE, BODY
              --source     the source of lines that name none (default: the file name without extension)
              --client     client credentials of an ADMIN client (default demo-admin in the local
                           profile); or set PLATFORM_TOKEN to a bearer token
            Items already stored (same source and id) are left as they are: importing twice is safe.
            Exit codes: 0 loaded, 1 platform not reachable or refused, 2 bad arguments or nothing
            loadable, 3 loaded with some lines skipped (each printed as file:line: reason).
            """;
    private static final String MUTATION =
            "mutation($input: ImportNewsInput!) { importNews(input: $input) { loaded duplicates skipped { line reason } } }";

    private final PrintStream out;
    private final PrintStream err;

    public ImportNews(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new ImportNews(System.out, System.err).run(args, PlatformSettings.fromEnvironment(),
                System.getenv("PLATFORM_TOKEN")));
    }

    record Arguments(boolean help, String source, String client, List<Path> files) {

        static Arguments parse(String[] args) {
            String source = null;
            String client = "demo-admin:demo-admin-secret";
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--help", "-h" -> {
                        return new Arguments(true, null, client, List.of());
                    }
                    case "--source", "--client" -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(arg + " needs a value");
                        }
                        String value = args[++i];
                        if (arg.equals("--client")) {
                            if (!value.contains(":")) {
                                throw new IllegalArgumentException("--client is ID:SECRET");
                            }
                            client = value;
                        } else {
                            if (value.isBlank() || value.contains("/")) {
                                throw new IllegalArgumentException("--source is a name without '/'");
                            }
                            source = value;
                        }
                    }
                    default -> {
                        if (arg.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        }
                        files.add(Path.of(arg));
                    }
                }
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no file given");
            }
            return new Arguments(false, source, client, files);
        }
    }

    /** Runs the command line against the platform of {@code settings}; returns the exit code. */
    public int run(String[] args, PlatformSettings settings, String token) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("import-news: " + e.getMessage());
            err.println("Run ops/import-news --help for the usage.");
            return BAD_INPUT;
        }
        if (arguments.help()) {
            out.print(USAGE);
            return OK;
        }
        List<Lines> contents = new ArrayList<>();
        int skipped = 0;
        for (Path file : arguments.files()) {
            try {
                Lines lines = Lines.of(file);
                for (ReutersSgml.Skipped bad : lines.skipped()) {
                    err.println(file + ":" + bad.line() + ": " + bad.reason());
                    skipped++;
                }
                contents.add(lines);
            } catch (IOException e) {
                err.println("import-news: cannot read " + file + ": " + e.getMessage());
                return BAD_INPUT;
            }
        }
        int loaded = 0;
        int duplicates = 0;
        try {
            PlatformGraphQl api = new PlatformGraphQl(settings);
            String bearer = token != null && !token.isBlank() ? token : api.clientToken(arguments.client(), "read admin");
            for (int f = 0; f < arguments.files().size(); f++) {
                Path file = arguments.files().get(f);
                String source = arguments.source() != null ? arguments.source() : sourceOf(file);
                List<String> lines = contents.get(f).lines();
                List<Integer> origins = contents.get(f).origins();
                int fileLoaded = 0;
                int fileDuplicates = 0;
                for (int start = 0; start < lines.size(); ) {
                    int end = start;
                    int chars = 0;
                    while (end < lines.size() && end - start < BATCH_LINES && chars + lines.get(end).length() + 1 <= BATCH_CHARS) {
                        chars += lines.get(end).length() + 1;
                        end++;
                    }
                    if (end == start) {
                        err.println(file + ":" + origins.get(start) + ": line longer than " + BATCH_CHARS + " characters, skipped");
                        skipped++;
                        start++;
                        continue;
                    }
                    JsonNode answer = api.post(bearer, MUTATION, Map.of("input", Map.of("source", source,
                            "jsonLines", String.join("\n", lines.subList(start, end)), "firstLine", 1)));
                    JsonNode errors = answer.get("errors");
                    if (errors != null && !errors.isEmpty()) {
                        JsonNode first = errors.get(0);
                        err.println("import-news: " + file + " lines " + origins.get(start) + "-" + origins.get(end - 1) + " refused ("
                                + first.path("extensions").path("code").asText("no code") + "): " + first.path("message").asText());
                        return UNREACHABLE_OR_REFUSED;
                    }
                    JsonNode result = answer.path("data").path("importNews");
                    fileLoaded += result.path("loaded").asInt();
                    fileDuplicates += result.path("duplicates").asInt();
                    for (JsonNode line : result.path("skipped")) {
                        // the batch's line n is the file's line origins[start + n − 1]
                        err.println(file + ":" + origins.get(start + line.path("line").asInt() - 1) + ": "
                                + line.path("reason").asText());
                        skipped++;
                    }
                    start = end;
                }
                out.println(file + ": " + fileLoaded + " loaded, " + fileDuplicates + " already stored (source " + source + ")");
                loaded += fileLoaded;
                duplicates += fileDuplicates;
            }
        } catch (IOException e) {
            err.println("import-news: the platform is not reachable at " + settings.platformUrl() + " (" + e.getMessage()
                    + "); is it running (ops/run)?");
            return UNREACHABLE_OR_REFUSED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNREACHABLE_OR_REFUSED;
        }
        out.println("import-news: " + loaded + " loaded, " + duplicates + " already stored, " + skipped + " lines skipped");
        if (loaded + duplicates == 0) {
            err.println("import-news: nothing loadable");
            return BAD_INPUT;
        }
        return skipped > 0 ? SOME_SKIPPED : OK;
    }

    /**
     * A file as the JSON lines to send, each with the file line it comes from: a JSON-lines file as it
     * is (UTF-8); a Reuters-21578 file (SGML or XML, UTF-8 or Latin-1) one article per line, with the
     * articles that cannot be read already named.
     */
    record Lines(List<String> lines, List<Integer> origins, List<ReutersSgml.Skipped> skipped) {

        static Lines of(Path file) throws IOException {
            byte[] bytes = Files.readAllBytes(file);
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
                if (!ReutersSgml.looksLikeReuters(latin1)) {
                    throw new IOException("not UTF-8 text");
                }
                text = latin1;
            }
            List<String> lines = new ArrayList<>();
            List<Integer> origins = new ArrayList<>();
            if (ReutersSgml.looksLikeReuters(text)) {
                ReutersSgml.Parsed parsed = ReutersSgml.parse(text);
                com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
                for (ReutersSgml.Article article : parsed.articles()) {
                    lines.add(json.writeValueAsString(article.json()));
                    origins.add(article.line());
                }
                return new Lines(lines, origins, parsed.skipped());
            }
            String[] split = text.split("\r?\n", -1);
            for (int i = 0; i < split.length; i++) {
                if (i == split.length - 1 && split[i].isEmpty()) {
                    break; // the file's final line break
                }
                lines.add(split[i]);
                origins.add(i + 1);
            }
            return new Lines(lines, origins, List.of());
        }
    }

    static String sourceOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

}
