package org.mltrading.command.entry;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.AxonNonTransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the commands that follow from something already decided — a venue's fill, cancel or expiry —
 * and retries transient failures (a lock timeout, a concurrency conflict, a store that is briefly
 * away) with exponential backoff. A business refusal (a {@link CommandExecutionException} carrying a
 * coded rejection) or a non-transient Axon failure is final at once: repeating it would be refused
 * again. After the last attempt the failure is logged as an error and handed back to the sender, which
 * parks the work visibly (the venue makes the order matchable again).
 */
public final class FollowUpCommands implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FollowUpCommands.class);

    private final CommandGateway gateway;
    private final Duration firstDelay;
    private final int maxAttempts;
    private final ScheduledExecutorService timer;
    /**
     * Sends on threads of its own: the command bus handles a command in the sending thread, and order
     * entry answers after its commit, so a sender waits one commit per command. Several senders let
     * the fills of one quote share the writer's commit instead of taking one commit each in a row.
     */
    private final java.util.concurrent.Executor senders;
    private final java.util.concurrent.ExecutorService ownSenders;
    private final AtomicLong retries = new AtomicLong();

    public FollowUpCommands(CommandGateway gateway, Duration firstDelay, int maxAttempts) {
        this(gateway, firstDelay, maxAttempts, null);
    }

    /** @param senders where commands are sent from; null for a pool of eight threads of its own */
    public FollowUpCommands(CommandGateway gateway, Duration firstDelay, int maxAttempts,
                            java.util.concurrent.Executor senders) {
        this.gateway = gateway;
        this.firstDelay = firstDelay;
        this.maxAttempts = maxAttempts;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "follow-up-retries");
            thread.setDaemon(true);
            return thread;
        });
        java.util.concurrent.atomic.AtomicInteger number = new java.util.concurrent.atomic.AtomicInteger();
        this.ownSenders = senders != null ? null : Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "follow-up-sender-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.senders = senders != null ? senders : ownSenders;
    }

    /** Sends the command; the future completes with its result or its final failure. */
    public CompletableFuture<Object> send(CommandMessage<?> command) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        attempt(command, 1, result);
        return result;
    }

    private void attempt(CommandMessage<?> command, int attempt, CompletableFuture<Object> result) {
        CompletableFuture<Object> sent;
        try {
            sent = CompletableFuture.supplyAsync(() -> gateway.send(command), senders).thenCompose(future -> future);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((value, failure) -> {
            if (failure == null) {
                result.complete(value);
                return;
            }
            Throwable cause = unwrap(failure);
            if (!isTransient(cause) || attempt >= maxAttempts) {
                if (isTransient(cause)) {
                    log.error("{} failed after {} attempts: {}", command.getPayloadType().getSimpleName(), attempt,
                            cause.toString());
                }
                result.completeExceptionally(cause);
                return;
            }
            retries.incrementAndGet();
            long delay = firstDelay.toMillis() << Math.min(attempt - 1, 10);
            log.debug("{} failed ({}); attempt {} in {} ms", command.getPayloadType().getSimpleName(), cause, attempt + 1,
                    delay);
            try {
                timer.schedule(() -> attempt(command, attempt + 1, result), delay, TimeUnit.MILLISECONDS);
            } catch (RuntimeException shutDown) {
                result.completeExceptionally(cause);
            }
        });
    }

    /** A refusal with a coded reason, or a failure Axon marks as non-transient, will not change on retry. */
    static boolean isTransient(Throwable failure) {
        if (failure instanceof CommandExecutionException refused && refused.getDetails().isPresent()) {
            return false;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AxonNonTransientException || t instanceof IllegalArgumentException
                    || t instanceof IllegalStateException) {
                return false;
            }
        }
        return true;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** Retries scheduled so far. */
    public long retries() {
        return retries.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        if (ownSenders != null) {
            ownSenders.shutdownNow();
        }
    }
}
