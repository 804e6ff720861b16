package org.mltrading.query.model;

import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.mltrading.api.model.FindModelVersionQuery;
import org.mltrading.api.model.FindProductionModelsQuery;
import org.mltrading.api.model.ModelId;
import org.mltrading.api.model.ModelStatus;
import org.mltrading.api.model.ModelVersionSpec;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads of the model registry, for GraphQL and for the ML bridge's Axon queries. */
@Component
class ModelDirectory {

    private final MongoTemplate mongo;

    ModelDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    List<ModelView> all() {
        return mongo.find(new Query().with(Sort.by("name")), ModelView.class);
    }

    /** By id, or by name (whose id is derived from it). */
    Optional<ModelView> find(String nameOrId) {
        if (nameOrId == null || nameOrId.isBlank()) {
            return Optional.empty();
        }
        ModelView byId = mongo.findById(nameOrId, ModelView.class);
        if (byId != null) {
            return Optional.of(byId);
        }
        return Optional.ofNullable(mongo.findById(ModelId.forName(nameOrId).value(), ModelView.class));
    }

    @QueryHandler
    Optional<ModelVersionSpec> handle(FindModelVersionQuery query) {
        return find(query.model()).flatMap(model -> {
            Integer number = query.version() != null ? query.version()
                    : model.productionVersion() != null ? model.productionVersion()
                    : model.versions().isEmpty() ? null : model.versions().get(model.versions().size() - 1).version;
            ModelView.VersionView version = number == null ? null : model.version(number);
            return Optional.ofNullable(version).map(v -> spec(model, v));
        });
    }

    @QueryHandler
    List<ModelVersionSpec> handle(FindProductionModelsQuery query) {
        // a handful of models: filtering here avoids relying on array-path queries of the embedded store
        return all().stream().flatMap(model -> model.versions().stream()
                .filter(v -> v.status == ModelStatus.PRODUCTION).map(v -> spec(model, v))).toList();
    }

    private static ModelVersionSpec spec(ModelView model, ModelView.VersionView version) {
        return new ModelVersionSpec(new ModelId(model.id()), model.name(), version.version, model.kind(), version.status,
                version.features, version.parameters, version.artefactHash);
    }
}
