package org.mltrading.command.model;

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
import org.mltrading.api.model.BacktestMetrics;
import org.mltrading.api.model.ModelErrorCode;
import org.mltrading.api.model.ModelId;
import org.mltrading.api.model.ModelKind;
import org.mltrading.api.model.ModelRejection;
import org.mltrading.api.model.ModelVersionPromotedEvent;
import org.mltrading.api.model.ModelVersionRegisteredEvent;
import org.mltrading.api.model.ModelVersionRetiredEvent;
import org.mltrading.api.model.ModelVersionValidatedEvent;
import org.mltrading.api.model.PromoteModelCommand;
import org.mltrading.api.model.RecordValidationCommand;
import org.mltrading.api.model.RegisterModelVersionCommand;
import org.mltrading.api.model.RetireModelCommand;
import org.mltrading.api.model.TrainingRange;
import org.mltrading.api.model.ValidationThresholds;

class ModelAggregateTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final ModelId ID = ModelId.forName("momentum");
    private static final String HASH = "a".repeat(64);
    private static final TrainingRange TRAINING = new TrainingRange("AAPL", BarInterval.ONE_DAY,
            Instant.parse("2013-01-02T00:00:00Z"), Instant.parse("2013-06-28T00:00:00Z"));
    private static final List<String> FEATURES = List.of("mom_20_vs", "vol_20");
    private static final Map<String, Double> PARAMETERS = Map.of("intercept", 0.01, "slope", 0.2);
    private static final BacktestMetrics GOOD = new BacktestMetrics(0.12, 1.1, 1.6, 0.08, 6, 0.5, 3.2, 0.02, 252);
    private static final BacktestMetrics POOR = new BacktestMetrics(-0.2, -0.7, -0.9, 0.4, 6, 0.3, 3.2, 0.02, 252);
    private static final MetaData RISK = MetaData.with(AuditMetadata.ROLES, "RISK_OFFICER");
    private static final MetaData TRADER = MetaData.with(AuditMetadata.ROLES, "TRADER,INTEGRATOR");

    private AggregateTestFixture<ModelAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ModelAggregate.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new ValidationThresholds(0.5, 0.25, 3));
    }

    private static RegisterModelVersionCommand register(int version, String hash) {
        return new RegisterModelVersionCommand(ID, "momentum", version, ModelKind.MOMENTUM, FEATURES, PARAMETERS,
                TRAINING, hash);
    }

    private static ModelVersionRegisteredEvent registered(int version) {
        return new ModelVersionRegisteredEvent(ID, "momentum", version, ModelKind.MOMENTUM, FEATURES, PARAMETERS,
                TRAINING, HASH, NOW);
    }

    private static ModelVersionValidatedEvent validated(int version, BacktestMetrics metrics, boolean passed,
                                                        List<String> failures) {
        return new ModelVersionValidatedEvent(ID, version, "bt-" + version, metrics, passed, failures, NOW);
    }

    @Test
    void a_version_is_registered_with_its_features_parameters_training_range_and_hash() {
        fixture.givenNoPriorActivity()
                .when(register(1, HASH))
                .expectEvents(registered(1));
    }

    @Test
    void registering_the_same_version_again_with_the_same_artefact_changes_nothing() {
        fixture.given(registered(1))
                .when(register(1, HASH))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_version_number_cannot_be_reused_for_another_artefact() {
        fixture.given(registered(1))
                .when(register(1, "b".repeat(64)))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(new ModelRejection(ModelErrorCode.MODEL_VERSION_EXISTS,
                        "version 1 of momentum is already registered with another artefact"));
    }

    @Test
    void a_registration_whose_id_is_not_the_id_of_its_name_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterModelVersionCommand(ModelId.forName("other"), "momentum", 1, ModelKind.MOMENTUM,
                        FEATURES, PARAMETERS, TRAINING, HASH))
                .expectNoEvents()
                .expectExceptionDetails(new ModelRejection(ModelErrorCode.MODEL_INVALID_INPUT,
                        "the model id must be the id of the name momentum"));
    }

    @Test
    void a_registration_with_a_non_finite_parameter_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterModelVersionCommand(ID, "momentum", 1, ModelKind.MOMENTUM, FEATURES,
                        Map.of("slope", Double.NaN), TRAINING, HASH))
                .expectNoEvents()
                .expectExceptionDetails(new ModelRejection(ModelErrorCode.MODEL_INVALID_INPUT,
                        "parameters must be finite numbers"));
    }

    @Test
    void a_validation_records_the_metrics_and_the_verdict_of_the_thresholds() {
        fixture.given(registered(1))
                .when(new RecordValidationCommand(ID, 1, "bt-1", POOR))
                .expectEvents(validated(1, POOR, false, List.of("sharpe -0.7 is below 0.5",
                        "maxDrawdown 0.4 exceeds 0.25")));
    }

    @Test
    void a_validated_version_that_passes_the_thresholds_is_promoted_by_a_risk_officer() {
        fixture.given(registered(1), validated(1, GOOD, true, List.of()))
                .when(new PromoteModelCommand(ID, 1), RISK)
                .expectEvents(new ModelVersionPromotedEvent(ID, "momentum", 1, NOW));
    }

    @Test
    void promotion_is_refused_to_a_trader_even_past_the_graphql_edge() {
        fixture.given(registered(1), validated(1, GOOD, true, List.of()))
                .when(new PromoteModelCommand(ID, 1), TRADER)
                .expectNoEvents()
                .expectExceptionDetails(new ModelRejection(ModelErrorCode.MODEL_PERMISSION_DENIED,
                        "only ADMIN or RISK_OFFICER may promote a model"));
    }

    @Test
    void promotion_is_refused_without_roles_in_the_metadata() {
        fixture.given(registered(1), validated(1, GOOD, true, List.of()))
                .when(new PromoteModelCommand(ID, 1))
                .expectNoEvents()
                .expectException(CommandExecutionException.class);
    }

    @Test
    void an_unvalidated_version_cannot_be_promoted() {
        fixture.given(registered(1))
                .when(new PromoteModelCommand(ID, 1), RISK)
                .expectNoEvents()
                .expectExceptionDetails(new ModelRejection(ModelErrorCode.MODEL_NOT_VALIDATED,
                        "version 1 of momentum has no recorded validation"));
    }

    @Test
    void a_version_whose_validation_misses_the_thresholds_cannot_be_promoted() {
        fixture.given(registered(1), validated(1, POOR, false, List.of()))
                .when(new PromoteModelCommand(ID, 1), RISK)
                .expectNoEvents()
                .expectExceptionDetails(new ModelRejection(ModelErrorCode.MODEL_VALIDATION_FAILED,
                        "version 1 of momentum misses the promotion thresholds: sharpe -0.7 is below 0.5; "
                                + "maxDrawdown 0.4 exceeds 0.25"));
    }

    @Test
    void thresholds_are_those_in_force_at_promotion_not_at_validation() {
        fixture = new AggregateTestFixture<>(ModelAggregate.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new ValidationThresholds(1.5, 0.25, 3));
        fixture.given(registered(1), validated(1, GOOD, true, List.of()))
                .when(new PromoteModelCommand(ID, 1), RISK)
                .expectNoEvents()
                .expectExceptionDetails(new ModelRejection(ModelErrorCode.MODEL_VALIDATION_FAILED,
                        "version 1 of momentum misses the promotion thresholds: sharpe 1.1 is below 1.5"));
    }

    @Test
    void promoting_a_new_version_retires_the_one_in_production() {
        fixture.given(registered(1), validated(1, GOOD, true, List.of()),
                        new ModelVersionPromotedEvent(ID, "momentum", 1, NOW),
                        registered(2), validated(2, GOOD, true, List.of()))
                .when(new PromoteModelCommand(ID, 2), MetaData.with(AuditMetadata.ROLES, "ADMIN"))
                .expectEvents(new ModelVersionRetiredEvent(ID, 1, "superseded by version 2", NOW),
                        new ModelVersionPromotedEvent(ID, "momentum", 2, NOW));
    }

    @Test
    void a_retired_version_can_be_neither_validated_nor_promoted() {
        fixture.given(registered(1), validated(1, GOOD, true, List.of()),
                        new ModelVersionRetiredEvent(ID, 1, "drift", NOW))
                .when(new PromoteModelCommand(ID, 1), RISK)
                .expectNoEvents()
                .expectExceptionDetails(new ModelRejection(ModelErrorCode.MODEL_INVALID_STATE, "version 1 is retired"));
    }

    @Test
    void a_risk_officer_retires_a_production_version_with_a_reason() {
        fixture.given(registered(1), validated(1, GOOD, true, List.of()),
                        new ModelVersionPromotedEvent(ID, "momentum", 1, NOW))
                .when(new RetireModelCommand(ID, 1, "interval coverage fell to 60 %"), RISK)
                .expectEvents(new ModelVersionRetiredEvent(ID, 1, "interval coverage fell to 60 %", NOW));
    }

    @Test
    void retirement_is_refused_to_an_integrator() {
        fixture.given(registered(1))
                .when(new RetireModelCommand(ID, 1, "no"), TRADER)
                .expectNoEvents()
                .expectExceptionDetails(new ModelRejection(ModelErrorCode.MODEL_PERMISSION_DENIED,
                        "only ADMIN or RISK_OFFICER may retire a model"));
    }

    @Test
    void an_unknown_version_is_reported() {
        fixture.given(registered(1))
                .when(new RetireModelCommand(ID, 7, "no"), RISK)
                .expectNoEvents()
                .expectExceptionDetails(new ModelRejection(ModelErrorCode.MODEL_VERSION_UNKNOWN,
                        "momentum has no version 7"));
    }
}
