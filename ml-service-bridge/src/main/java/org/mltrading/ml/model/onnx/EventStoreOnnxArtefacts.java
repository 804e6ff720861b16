package org.mltrading.ml.model.onnx;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.mltrading.api.model.ModelId;
import org.mltrading.api.model.OnnxArtefact;
import org.mltrading.api.model.OnnxArtefactImportedEvent;
import org.springframework.stereotype.Component;

/**
 * Reads an ONNX artefact from the model's event stream, where the Model aggregate stored it with the
 * registration: the event store (H2/PostgreSQL embedded, Axon Server in production, ADR 0002) is
 * the durable copy, so the bridge keeps no store of its own. Payloads are deserialised lazily: only
 * the artefact events are read into memory.
 */
@Component
class EventStoreOnnxArtefacts implements OnnxArtefacts {

    private final EventStore eventStore;

    EventStoreOnnxArtefacts(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public OnnxArtefact load(ModelId modelId, String artefactHash) {
        // from the first event, never from a snapshot: a snapshot would skip the artefact events
        DomainEventStream stream = eventStore.readEvents(modelId.value(), 0L);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (OnnxArtefactImportedEvent.class.equals(message.getPayloadType())) {
                OnnxArtefactImportedEvent imported = (OnnxArtefactImportedEvent) message.getPayload();
                if (imported.artefactHash().equals(artefactHash)) {
                    OnnxArtefact artefact = imported.artefact();
                    if (!artefact.sha256().equals(artefactHash)) {
                        throw new IllegalStateException("the stored artefact of model " + modelId
                                + " does not have its registered hash " + artefactHash);
                    }
                    return artefact;
                }
            }
        }
        throw new IllegalStateException("model " + modelId + " has no ONNX artefact " + artefactHash);
    }
}
