package org.mltrading.query.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.mltrading.api.model.ModelId;
import org.mltrading.api.model.OnnxArtefact;
import org.mltrading.api.model.OnnxArtefactImportedEvent;

/** The ONNX artefact event as the event store keeps it (Axon's JSON serializer): bytes as base64, exact round trip. */
class OnnxArtefactSerializationTest {

    @Test
    void the_artefact_event_round_trips_through_axons_json_serializer_with_its_bytes_as_base64() {
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(new ObjectMapper().findAndRegisterModules()).build();
        byte[] bytes = "an onnx model".getBytes(StandardCharsets.UTF_8);
        OnnxArtefact artefact = new OnnxArtefact(bytes);
        OnnxArtefactImportedEvent event = new OnnxArtefactImportedEvent(ModelId.forName("tribuo-linear"), 1,
                artefact.sha256(), artefact, "linear", Instant.parse("2026-11-25T12:00:00Z"));

        SerializedObject<String> json = serializer.serialize(event, String.class);
        assertThat(json.getData()).contains("\"bytes\":\"" + Base64.getEncoder().encodeToString(bytes) + "\"");
        OnnxArtefactImportedEvent back = serializer.deserialize(json);
        assertThat(back).isEqualTo(event);
        assertThat(back.artefact().sha256()).isEqualTo(event.artefactHash());
    }
}
