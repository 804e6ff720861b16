package org.mltrading.ml.model.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mltrading.api.audit.AuditMetadata;
import org.mltrading.api.marketdata.Bar;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.api.marketdata.FindBarsQuery;
import org.mltrading.api.model.ImportOnnxModelCommand;
import org.mltrading.api.model.ModelErrorCode;
import org.mltrading.api.model.ModelId;
import org.mltrading.api.model.ModelKind;
import org.mltrading.api.model.ModelRejection;
import org.mltrading.api.model.ModelStatus;
import org.mltrading.api.model.ModelVersionSpec;
import org.mltrading.api.model.OnnxArtefact;
import org.mltrading.api.model.RegisterOnnxModelVersionCommand;
import org.mltrading.api.model.TrainingRange;
import org.mltrading.ml.AppleDailyBars;
import org.mltrading.ml.feature.Features;
import org.mltrading.ml.model.ForecastModel;
import org.mltrading.ml.model.ModelLoader;
import org.mockito.ArgumentCaptor;

/**
 * The import as the bridge handles it: refusals carry their codes and register nothing; an accepted
 * artefact is registered with its bytes, its hash and intervals calibrated on the stored bars, and the
 * registered version is then served by the {@link ModelLoader} like any other.
 */
class OnnxModelImporterTest {

    private static final List<Bar> APPLE = AppleDailyBars.load();
    private static final TribuoLinearModel TRAINED = TribuoLinearModel.train(AppleDailyBars.closes(APPLE), 150,
            List.of("ret_5", "mom_20_vs", "z_20", "rsi_14"));
    private static final TrainingRange HELD_OUT = new TrainingRange("AAPL", BarInterval.ONE_DAY,
            APPLE.get(130).time(), APPLE.get(APPLE.size() - 1).time());
    private static final MetaData RISK = MetaData.from(java.util.Map.of(AuditMetadata.ACTOR, "demo-risk",
            AuditMetadata.ROLES, "RISK_OFFICER", AuditMetadata.CORRELATION_ID, "c-1"));

    private final QueryGateway queries = mock(QueryGateway.class);
    private final CommandGateway commands = mock(CommandGateway.class);
    private final OnnxModelImporter importer = new OnnxModelImporter(queries, commands, 64 * 1024);

    @BeforeEach
    @SuppressWarnings("unchecked")
    void storedBars() {
        // the time-series store answers the calibration range (bars 130..251)
        when(queries.query(any(FindBarsQuery.class), any(ResponseType.class))).thenAnswer(call -> {
            FindBarsQuery query = call.getArgument(0);
            return CompletableFuture.completedFuture(APPLE.stream()
                    .filter(bar -> !bar.time().isBefore(query.from()) && !bar.time().isAfter(query.to())).toList());
        });
    }

    private static ImportOnnxModelCommand command(byte[] onnx, List<String> features, TrainingRange range) {
        return new ImportOnnxModelCommand("tribuo-linear", 1, features, new OnnxArtefact(onnx), range,
                "Tribuo linear SGD on AAPL 2013", true);
    }

    @Test
    void an_accepted_artefact_is_registered_with_its_bytes_hash_and_calibrated_intervals_and_then_served() {
        byte[] onnx = TRAINED.onnx();
        int version = importer.handle(command(onnx, TRAINED.inputOrder(), HELD_OUT), RISK);

        assertThat(version).isEqualTo(1);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<CommandMessage<RegisterOnnxModelVersionCommand>> sent = ArgumentCaptor.forClass(CommandMessage.class);
        verify(commands).sendAndWait(sent.capture());
        RegisterOnnxModelVersionCommand registration = sent.getValue().getPayload();
        assertThat(registration.modelId()).isEqualTo(ModelId.forName("tribuo-linear"));
        assertThat(registration.artefact()).isEqualTo(new OnnxArtefact(onnx));
        assertThat(registration.features()).isEqualTo(TRAINED.inputOrder());
        assertThat(registration.calibration()).isEqualTo(HELD_OUT);
        assertThat(registration.parameters().get(OnnxModelImporter.CALIBRATION_SAMPLES))
                .isEqualTo(APPLE.size() - 130 - 1 - Features.LOOKBACK);
        assertThat(registration.parameters().get("q80")).isPositive().isLessThan(registration.parameters().get("q95"));
        assertThat(registration.parameters()).containsEntry("long_only", 1.0);
        assertThat(sent.getValue().getMetaData()).containsEntry(AuditMetadata.ACTOR, "demo-risk")
                .containsEntry(AuditMetadata.ROLES, "RISK_OFFICER").containsEntry(AuditMetadata.CORRELATION_ID, "c-1");

        // what was registered is what serves: the loader opens it from the stored bytes by hash
        ModelVersionSpec spec = new ModelVersionSpec(registration.modelId(), "tribuo-linear", 1, ModelKind.ONNX,
                ModelStatus.PRODUCTION, registration.features(), registration.parameters(), registration.artefact().sha256());
        ModelLoader loader = new ModelLoader((id, hash) -> {
            assertThat(hash).isEqualTo(spec.artefactHash());
            return registration.artefact();
        });
        double[] features = Features.compute(AppleDailyBars.closes(APPLE), 200, new double[Features.NAMES.size()]);
        try (ForecastModel served = loader.open(spec)) {
            var forecast = served.predict(features);
            assertThat(forecast.value()).isCloseTo(TRAINED.predict(features), org.assertj.core.data.Offset.offset(1e-5));
            assertThat(forecast.upper95() - forecast.value())
                    .isCloseTo(features[Features.VOL_20] * registration.parameters().get("q95"),
                            org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void an_artefact_that_is_not_onnx_is_refused_with_model_invalid_artefact() {
        assertRefused(command("not a model".getBytes(java.nio.charset.StandardCharsets.UTF_8), TRAINED.inputOrder(),
                HELD_OUT), RISK, ModelErrorCode.MODEL_INVALID_ARTEFACT, "not an ONNX model");
    }

    @Test
    void an_artefact_over_the_size_cap_is_refused_before_it_is_read() {
        assertRefused(command(new byte[64 * 1024 + 1], TRAINED.inputOrder(), HELD_OUT), RISK,
                ModelErrorCode.MODEL_INVALID_ARTEFACT, "at most 65536 are accepted");
        verifyNoInteractions(queries);
    }

    @Test
    void a_wrong_input_width_is_refused_with_model_invalid_artefact() {
        assertRefused(command(TRAINED.onnx(), List.of("ret_5", "z_20"), HELD_OUT), RISK,
                ModelErrorCode.MODEL_INVALID_ARTEFACT, "it must be [batch, 2]");
    }

    @Test
    void unknown_features_are_refused_with_model_invalid_input() {
        assertRefused(command(TRAINED.onnx(), List.of("ret_5", "mom_20_vs", "z_20", "macd"), HELD_OUT), RISK,
                ModelErrorCode.MODEL_INVALID_INPUT, "unknown feature macd");
    }

    @Test
    void a_calibration_range_without_enough_stored_bars_is_refused_with_model_no_calibration_data() {
        TrainingRange january = new TrainingRange("AAPL", BarInterval.ONE_DAY, Instant.parse("2013-01-01T00:00:00Z"),
                Instant.parse("2013-01-31T00:00:00Z"));
        assertRefused(command(TRAINED.onnx(), TRAINED.inputOrder(), january), RISK,
                ModelErrorCode.MODEL_NO_CALIBRATION_DATA, "import more history of AAPL first");
    }

    @Test
    void only_admin_or_risk_officer_may_import() {
        MetaData trader = MetaData.with(AuditMetadata.ROLES, "TRADER,INTEGRATOR");
        assertRefused(command(TRAINED.onnx(), TRAINED.inputOrder(), HELD_OUT), trader,
                ModelErrorCode.MODEL_PERMISSION_DENIED, "only ADMIN or RISK_OFFICER");
        verifyNoInteractions(queries);
    }

    private void assertRefused(ImportOnnxModelCommand command, MetaData who, ModelErrorCode code, String reason) {
        CommandExecutionException refused = catchThrowableOfType(CommandExecutionException.class,
                () -> importer.handle(command, who));
        ModelRejection rejection = refused.<ModelRejection>getDetails().orElseThrow();
        assertThat(rejection.code()).isEqualTo(code);
        assertThat(rejection.message()).contains(reason);
        verifyNoInteractions(commands);
    }
}
