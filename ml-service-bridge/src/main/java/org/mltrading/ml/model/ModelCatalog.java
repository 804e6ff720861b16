package org.mltrading.ml.model;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.mltrading.api.model.FindModelVersionQuery;
import org.mltrading.api.model.FindProductionModelsQuery;
import org.mltrading.api.model.ModelVersionSpec;
import org.springframework.stereotype.Component;

/**
 * The registry as the bridge sees it, asked over Axon queries (the query side owns the read model).
 * The production list is cached briefly: it is read at every bar close of every symbol.
 */
@Component
public class ModelCatalog {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long PRODUCTION_TTL_MILLIS = 2_000;

    private final QueryGateway queries;
    private volatile List<ModelVersionSpec> production = List.of();
    private volatile long productionReadAt;

    public ModelCatalog(QueryGateway queries) {
        this.queries = queries;
    }

    public Optional<ModelVersionSpec> find(String model, Integer version) {
        return await(queries.query(new FindModelVersionQuery(model, version),
                ResponseTypes.optionalInstanceOf(ModelVersionSpec.class)));
    }

    /** Versions in PRODUCTION, at most a couple of seconds old; the last known list if the query fails. */
    public List<ModelVersionSpec> production() {
        long now = System.currentTimeMillis();
        if (now - productionReadAt > PRODUCTION_TTL_MILLIS) {
            productionReadAt = now;
            production = await(queries.query(new FindProductionModelsQuery(),
                    ResponseTypes.multipleInstancesOf(ModelVersionSpec.class)));
        }
        return production;
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> answer) {
        try {
            return answer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking for models", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the model registry did not answer: " + e.getMessage(), e);
        }
    }
}
