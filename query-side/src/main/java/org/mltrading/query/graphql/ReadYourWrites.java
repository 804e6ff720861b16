package org.mltrading.query.graphql;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mltrading.query.security.ApiPrincipal;
import reactor.core.publisher.Flux;

/**
 * A mutation's answer shows its own effect: the command is sent as the current principal and the
 * answer is the first read-model change it produced. {@code changes} is subscribed before sending, so
 * no change falls in between; when none comes within the timeout (an idempotent no-op, or a slow
 * projection) the stored document is the answer.
 */
public final class ReadYourWrites {

    private ReadYourWrites() {}

    /**
     * @param changes the read model's changes that show this command's effect
     * @param stored  the stored document, read when no change came in time
     * @param what    what the document is, for error messages ("account", "model")
     */
    public static <T> T sendAndAwait(CommandGateway gateway, Object command, Flux<T> changes, Duration timeout,
                                     Supplier<Optional<T>> stored, String what) {
        CompletableFuture<T> changed = changes.next().toFuture();
        try {
            gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(CommandMetadata.of(ApiPrincipal.current())));
            return changed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return stored.get().orElseThrow(() -> new ApiException(ApiErrorCode.UNAVAILABLE,
                    "the " + what + " was changed but cannot be read yet"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ApiErrorCode.UNAVAILABLE, "interrupted while waiting for the " + what);
        } catch (ExecutionException e) {
            throw new ApiException(ApiErrorCode.INTERNAL_ERROR, what + " projection failed");
        } finally {
            changed.cancel(true);
        }
    }
}
