package org.mltrading.ops.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --name=value} arguments of the benchmark harnesses. Options a harness does not know are kept
 * in {@link #passThrough()} (e.g. Spring properties for the platform).
 */
final class BenchArgs {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> passThrough = new ArrayList<>();

    BenchArgs(String[] args, String... known) {
        List<String> names = List.of(known);
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            String value = eq < 0 ? "true" : arg.substring(eq + 1);
            if (names.contains(name)) {
                values.put(name, value);
            } else {
                passThrough.add(arg);
            }
        }
    }

    String value(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    long longValue(String name, long fallback) {
        String value = values.get(name);
        return value == null ? fallback : Long.parseLong(value.replace("_", "").replace(",", ""));
    }

    int intValue(String name, int fallback) {
        return Math.toIntExact(longValue(name, fallback));
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    List<String> passThrough() {
        return passThrough;
    }
}
