package org.mltrading.command.model;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mltrading.api.audit.AuditMetadata;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.api.model.ModelErrorCode;
import org.mltrading.api.model.ModelId;
import org.mltrading.api.model.ModelKind;
import org.mltrading.api.model.ModelRejection;
import org.mltrading.api.model.ModelVersionRegisteredEvent;
import org.mltrading.api.model.OnnxArtefact;
import org.mltrading.api.model.OnnxArtefactImportedEvent;
import org.mltrading.api.model.RegisterModelVersionCommand;
import org.mltrading.api.model.RegisterOnnxModelVersionCommand;
import org.mltrading.api.model.TrainingRange;
import org.mltrading.api.model.ValidationThresholds;

/** Imported ONNX versions on the Model aggregate: registered together with their bytes, by lifecycle roles only. */
class OnnxModelVersionTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final ModelId ID = ModelId.forName("tribuo-linear");
    private static final OnnxArtefact ARTEFACT = new OnnxArtefact("onnx bytes".getBytes(StandardCharsets.UTF_8));
    private static final TrainingRange CALIBRATION = new TrainingRange("AAPL", BarInterval.ONE_DAY,
            Instant.parse("2013-07-01T00:00:00Z"), Instant.parse("2013-12-31T00:00:00Z"));
    private static final List<String> FEATURES = List.of("mom_20_vs", "ret_5", "rsi_14", "z_20");
    private static final Map<String, Double> PARAMETERS = Map.of("q80", 1.1, "q95", 1.9, "calibration_samples", 81.0);
    private static final MetaData RISK = MetaData.with(AuditMetadata.ROLES, "RISK_OFFICER");

    private AggregateTestFixture<ModelAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ModelAggregate.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new ValidationThresholds(0.0, 0.3, 1));
    }

    private static RegisterOnnxModelVersionCommand register(int version, OnnxArtefact artefact) {
        return new RegisterOnnxModelVersionCommand(ID, "tribuo-linear", version, FEATURES, PARAMETERS, CALIBRATION,
                artefact, "linear SGD");
    }

    private static ModelVersionRegisteredEvent registered(int version) {
        return new ModelVersionRegisteredEvent(ID, "tribuo-linear", version, ModelKind.ONNX, FEATURES, PARAMETERS,
                CALIBRATION, ARTEFACT.sha256(), NOW);
    }

    @Test
    void an_import_registers_an_onnx_version_whose_hash_is_the_sha256_of_its_bytes_and_stores_the_bytes() {
        fixture.givenNoPriorActivity()
                .when(register(1, ARTEFACT), RISK)
                .expectEvents(registered(1), new OnnxArtefactImportedEvent(ID, 1, ARTEFACT.sha256(), ARTEFACT,
                        "linear SGD", NOW));
    }

    @Test
    void the_same_import_again_changes_nothing_and_other_bytes_under_the_same_version_are_refused() {
        fixture.given(registered(1)).when(register(1, ARTEFACT), RISK).expectNoEvents();
        fixture.given(registered(1))
                .when(register(1, new OnnxArtefact(new byte[] {1, 2, 3})), RISK)
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(new ModelRejection(ModelErrorCode.MODEL_VERSION_EXISTS,
                        "version 1 of tribuo-linear is already registered with another artefact"));
    }

    @Test
    void only_admin_or_risk_officer_may_import() {
        fixture.givenNoPriorActivity()
                .when(register(1, ARTEFACT), MetaData.with(AuditMetadata.ROLES, "TRADER"))
                .expectNoEvents()
                .expectExceptionDetails(new ModelRejection(ModelErrorCode.MODEL_PERMISSION_DENIED,
                        "only ADMIN or RISK_OFFICER may import a model"));
    }

    @Test
    void an_onnx_version_without_its_artefact_cannot_be_registered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterModelVersionCommand(ID, "tribuo-linear", 1, ModelKind.ONNX, FEATURES, PARAMETERS,
                        CALIBRATION, ARTEFACT.sha256()))
                .expectNoEvents()
                .expectExceptionDetails(new ModelRejection(ModelErrorCode.MODEL_INVALID_INPUT,
                        "an ONNX version is registered with its artefact"));
    }

    @Test
    void a_model_keeps_the_kind_of_its_first_version() {
        ModelId momentum = ModelId.forName("momentum");
        fixture.given(new ModelVersionRegisteredEvent(momentum, "momentum", 1, ModelKind.MOMENTUM,
                        List.of("mom_20_vs", "vol_20"), Map.of("intercept", 0.0, "slope", 0.1), CALIBRATION,
                        "a".repeat(64), NOW))
                .when(new RegisterOnnxModelVersionCommand(momentum, "momentum", 2, FEATURES, PARAMETERS, CALIBRATION,
                        ARTEFACT, null), RISK)
                .expectNoEvents()
                .expectExceptionDetails(new ModelRejection(ModelErrorCode.MODEL_INVALID_INPUT,
                        "momentum holds MOMENTUM versions; a version of kind ONNX needs a model name of its own"));
    }
}
