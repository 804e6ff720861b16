package org.mltrading.ops.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A poor man's sampling profiler: every few milliseconds it takes the stack of the watched threads and
 * counts the top frames, plus the first frame of the watched code ({@code focus} package prefix), and
 * each thread's state. Good enough to say where a single-threaded pipeline spends its time; the
 * safepoint bias of {@link Thread#getStackTrace()} makes it approximate.
 */
final class StackSampler implements AutoCloseable {

    private final List<Thread> threads;
    private final String focus;
    private final Map<String, Map<String, Integer>> topFrames = new HashMap<>();
    private final Map<String, Map<String, Integer>> focusFrames = new HashMap<>();
    private final Map<String, Map<String, Integer>> states = new HashMap<>();
    private final Map<String, Integer> samples = new HashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    StackSampler(List<Thread> threads, String focus, long intervalMillis) {
        this.threads = threads;
        this.focus = focus;
        this.sampler = new Thread(() -> {
            while (running) {
                for (Thread thread : threads) {
                    sample(thread);
                }
                try {
                    Thread.sleep(intervalMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "stack-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private synchronized void sample(Thread thread) {
        Thread.State state = thread.getState();
        StackTraceElement[] stack = thread.getStackTrace();
        if (stack.length == 0) {
            return;
        }
        String name = thread.getName();
        samples.merge(name, 1, Integer::sum);
        states.computeIfAbsent(name, k -> new HashMap<>()).merge(state.name(), 1, Integer::sum);
        String top = Arrays.stream(stack).limit(3).map(StackSampler::frame).collect(Collectors.joining(" < "));
        topFrames.computeIfAbsent(name, k -> new HashMap<>()).merge(top, 1, Integer::sum);
        for (StackTraceElement element : stack) {
            if (element.getClassName().startsWith(focus)) {
                focusFrames.computeIfAbsent(name, k -> new HashMap<>()).merge(frame(element), 1, Integer::sum);
                break;
            }
        }
    }

    private static String frame(StackTraceElement element) {
        String cls = element.getClassName();
        return cls.substring(cls.lastIndexOf('.') + 1) + "." + element.getMethodName() + ":" + element.getLineNumber();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized String report(int top) {
        StringBuilder out = new StringBuilder();
        for (Thread thread : threads) {
            String name = thread.getName();
            int total = samples.getOrDefault(name, 0);
            if (total == 0) {
                continue;
            }
            out.append(String.format("  thread %s: %d samples, states %s%n", name, total, percent(states.get(name), total)));
            out.append("    innermost frame in ").append(focus).append("*:\n");
            append(out, focusFrames.getOrDefault(name, Map.of()), total, top);
            out.append("    top of stack (3 frames):\n");
            append(out, topFrames.getOrDefault(name, Map.of()), total, top);
        }
        return out.toString();
    }

    private static void append(StringBuilder out, Map<String, Integer> counts, int total, int top) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> out.append(String.format("      %5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey())));
    }

    private static String percent(Map<String, Integer> counts, int total) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> String.format("%s %.0f%%", e.getKey(), 100.0 * e.getValue() / total))
                .collect(Collectors.joining(", "));
    }
}
