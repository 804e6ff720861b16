package org.mltrading.ops.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A CSV to import: a file, or a classpath resource (the demo datasets of ta4j-examples). {@code name}
 * is what errors and the stored {@code source} ({@code import:<name>}) call it.
 */
public record HistoryInput(String name, String location, Opener opener) {

    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public static HistoryInput file(Path path) {
        return new HistoryInput(path.getFileName().toString(), path.toString(), () -> Files.newInputStream(path));
    }

    public static HistoryInput resource(String resource, String from) {
        return new HistoryInput(resource, resource + " in " + from, () -> {
            InputStream stream = HistoryInput.class.getClassLoader().getResourceAsStream(resource);
            if (stream == null) {
                throw new IOException(resource + " is not on the classpath (is " + from + " a dependency?)");
            }
            return stream;
        });
    }

    /** The value of the {@code source} column of every imported row; re-imports of a file share it. */
    public String source() {
        return "import:" + name;
    }

    Reader reader() throws IOException {
        return new InputStreamReader(opener.open(), StandardCharsets.UTF_8);
    }
}
