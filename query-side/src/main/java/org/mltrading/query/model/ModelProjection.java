package org.mltrading.query.model;

import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.mltrading.api.model.ModelStatus;
import org.mltrading.api.model.ModelVersionPromotedEvent;
import org.mltrading.api.model.ModelVersionRegisteredEvent;
import org.mltrading.api.model.ModelVersionRetiredEvent;
import org.mltrading.api.model.ModelVersionValidatedEvent;
import org.mltrading.api.model.OnnxArtefactImportedEvent;
import org.mltrading.query.projection.ProjectionGroups;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects model events into {@code models}; each event is applied once (by aggregate sequence), so
 * replays are exact. Changes are announced on {@link ModelUpdates}.
 */
@Component
@ProcessingGroup(ProjectionGroups.MODELS)
class ModelProjection {

    private final MongoTemplate mongo;
    private final ModelUpdates updates;

    ModelProjection(MongoTemplate mongo, ModelUpdates updates) {
        this.mongo = mongo;
        this.updates = updates;
    }

    @EventHandler
    void on(ModelVersionRegisteredEvent event, @SequenceNumber long sequence) {
        ModelView model = mongo.findById(event.modelId().value(), ModelView.class);
        if (model == null) {
            model = new ModelView();
            model.id = event.modelId().value();
            model.name = event.name();
            model.kind = event.kind();
        } else if (model.lastSequence >= sequence) {
            return;
        }
        ModelView.VersionView version = new ModelView.VersionView();
        version.version = event.version();
        version.status = ModelStatus.REGISTERED;
        version.features = event.features();
        version.parameters = event.parameters();
        version.trainingSymbol = event.training().symbol();
        version.trainingInterval = event.training().interval();
        version.trainingFrom = event.training().from();
        version.trainingTo = event.training().to();
        version.artefactHash = event.artefactHash();
        version.registeredAt = event.registeredAt();
        model.versions.add(version);
        model.versions.sort(java.util.Comparator.comparingInt(v -> v.version));
        save(model, sequence);
    }

    @EventHandler
    void on(ModelVersionValidatedEvent event, @SequenceNumber long sequence) {
        update(event.modelId().value(), sequence, event.version(), version -> {
            version.validation = new ModelView.ValidationView(event.backtestId(), event.metrics(), event.passed(),
                    event.failures(), event.validatedAt());
            if (version.status == ModelStatus.REGISTERED) {
                version.status = ModelStatus.VALIDATED;
            }
        });
    }

    @EventHandler
    void on(ModelVersionPromotedEvent event, @SequenceNumber long sequence) {
        update(event.modelId().value(), sequence, event.version(), version -> {
            version.status = ModelStatus.PRODUCTION;
            version.promotedAt = event.promotedAt();
        });
    }

    @EventHandler
    void on(ModelVersionRetiredEvent event, @SequenceNumber long sequence) {
        update(event.modelId().value(), sequence, event.version(), version -> {
            version.status = ModelStatus.RETIRED;
            version.retiredAt = event.retiredAt();
            version.retiredReason = event.reason();
        });
    }

    @EventHandler
    void on(OnnxArtefactImportedEvent event, @SequenceNumber long sequence) {
        // the bytes stay in the event store, where the ML bridge reads them; the registry shows the description
        update(event.modelId().value(), sequence, event.version(), version -> version.description = event.description());
    }

    private void update(String modelId, long sequence, int versionNumber, Consumer<ModelView.VersionView> change) {
        ModelView model = mongo.findById(modelId, ModelView.class);
        if (model == null || model.lastSequence >= sequence) {
            return;
        }
        ModelView.VersionView version = model.version(versionNumber);
        if (version != null) {
            change.accept(version);
        }
        save(model, sequence);
    }

    private void save(ModelView model, long sequence) {
        model.lastSequence = sequence;
        mongo.save(model);
        updates.modelChanged(model);
    }
}
