package org.mltrading.ops;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the all-in-one keeps its data and which ports it binds, from the environment (or system
 * properties of the same name, which tests use). Every port is overridable so tests can run on
 * ephemeral ports beside a running {@code ops/run}.
 */
public record PlatformSettings(
        Path dataDir,
        int platformHttpPort,
        int authHttpPort,
        int mongoPort,
        int questDbHttpPort,
        int questDbHealthPort,
        int questDbPgPort,
        int questDbIlpPort,
        String publicHost) {

    public static PlatformSettings fromEnvironment() {
        return from(name -> {
            String value = System.getProperty(name);
            return value != null ? value : System.getenv(name);
        });
    }

    public static PlatformSettings from(Function<String, String> source) {
        return new PlatformSettings(
                Path.of(value(source, "PLATFORM_DATA_DIR", "./data")).toAbsolutePath().normalize(),
                port(source, "PLATFORM_HTTP_PORT", 8080),
                port(source, "AUTH_HTTP_PORT", 9000),
                port(source, "PLATFORM_MONGO_PORT", 27018),
                port(source, "PLATFORM_QUESTDB_HTTP_PORT", 9020),
                port(source, "PLATFORM_QUESTDB_HEALTH_PORT", 9023),
                port(source, "PLATFORM_QUESTDB_PG_PORT", 8812),
                port(source, "PLATFORM_QUESTDB_ILP_PORT", 9029),
                value(source, "PLATFORM_PUBLIC_HOST", "localhost"));
    }

    public String platformUrl() {
        return "http://" + publicHost + ":" + platformHttpPort;
    }

    public String authUrl() {
        return "http://" + publicHost + ":" + authHttpPort;
    }

    /** Properties both Spring contexts get, so their files can stay free of environment plumbing. */
    public Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("platform.data-dir", dataDir.toString());
        properties.put("PLATFORM_DATA_DIR", dataDir.toString());
        properties.put("PLATFORM_HTTP_PORT", platformHttpPort);
        properties.put("AUTH_HTTP_PORT", authHttpPort);
        properties.put("PLATFORM_MONGO_PORT", mongoPort);
        properties.put("PLATFORM_QUESTDB_PG_PORT", questDbPgPort);
        properties.put("PLATFORM_QUESTDB_HTTP_PORT", questDbHttpPort);
        properties.put("PLATFORM_QUESTDB_ILP_PORT", questDbIlpPort);
        properties.put("AUTH_ISSUER", authUrl());
        properties.put("PLATFORM_PUBLIC_URL", platformUrl());
        properties.put("spring.profiles.default", "local");
        return properties;
    }

    private static String value(Function<String, String> source, String name, String fallback) {
        String value = source.apply(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int port(Function<String, String> source, String name, int fallback) {
        String value = value(source, name, Integer.toString(fallback));
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a TCP port (1-65535), was '" + value + "'");
        }
    }
}
