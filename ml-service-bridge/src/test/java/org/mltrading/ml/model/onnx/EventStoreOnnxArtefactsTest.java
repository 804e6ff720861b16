package org.mltrading.ml.model.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.api.model.ModelId;
import org.mltrading.api.model.ModelKind;
import org.mltrading.api.model.ModelVersionRegisteredEvent;
import org.mltrading.api.model.OnnxArtefact;
import org.mltrading.api.model.OnnxArtefactImportedEvent;
import org.mltrading.api.model.TrainingRange;

/** The bridge reads an artefact back by hash from the model's event stream, and only if its bytes still have that hash. */
class EventStoreOnnxArtefactsTest {

    private static final ModelId ID = ModelId.forName("tribuo-linear");
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final OnnxArtefact V1 = new OnnxArtefact("first model".getBytes(StandardCharsets.UTF_8));
    private static final OnnxArtefact V2 = new OnnxArtefact("second model".getBytes(StandardCharsets.UTF_8));

    @Test
    void the_bridge_reads_the_artefact_of_a_hash_from_the_models_stream() {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        TrainingRange range = new TrainingRange("AAPL", BarInterval.ONE_DAY, NOW.minusSeconds(86_400 * 100L), NOW);
        store.publish(List.of(
                domain(0, new ModelVersionRegisteredEvent(ID, "tribuo-linear", 1, ModelKind.ONNX, List.of("z_20"),
                        Map.of("q80", 1.0, "q95", 2.0), range, V1.sha256(), NOW)),
                domain(1, new OnnxArtefactImportedEvent(ID, 1, V1.sha256(), V1, null, NOW)),
                domain(2, new ModelVersionRegisteredEvent(ID, "tribuo-linear", 2, ModelKind.ONNX, List.of("z_20"),
                        Map.of("q80", 1.0, "q95", 2.0), range, V2.sha256(), NOW)),
                domain(3, new OnnxArtefactImportedEvent(ID, 2, V2.sha256(), V2, null, NOW))));
        EventStoreOnnxArtefacts artefacts = new EventStoreOnnxArtefacts(store);

        assertThat(artefacts.load(ID, V2.sha256())).isEqualTo(V2);
        assertThat(artefacts.load(ID, V1.sha256())).isEqualTo(V1);
        assertThatThrownBy(() -> artefacts.load(ID, "0".repeat(64)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has no ONNX artefact");
    }

    @Test
    void stored_bytes_that_do_not_match_their_registered_hash_are_not_served() {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        store.publish(domain(0, new OnnxArtefactImportedEvent(ID, 1, V1.sha256(), V2, null, NOW)));
        assertThatThrownBy(() -> new EventStoreOnnxArtefacts(store).load(ID, V1.sha256()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not have its registered hash");
    }

    private static GenericDomainEventMessage<Object> domain(long sequence, Object payload) {
        return new GenericDomainEventMessage<>("ModelAggregate", ID.value(), sequence, payload);
    }
}
