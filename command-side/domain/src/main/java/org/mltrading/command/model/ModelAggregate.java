package org.mltrading.command.model;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.mltrading.api.audit.AuditMetadata;
import org.mltrading.api.model.ModelErrorCode;
import org.mltrading.api.model.ModelId;
import org.mltrading.api.model.ModelKind;
import org.mltrading.api.model.ModelRejection;
import org.mltrading.api.model.ModelStatus;
import org.mltrading.api.model.ModelVersionPromotedEvent;
import org.mltrading.api.model.ModelVersionRegisteredEvent;
import org.mltrading.api.model.ModelVersionRetiredEvent;
import org.mltrading.api.model.ModelVersionValidatedEvent;
import org.mltrading.api.model.OnnxArtefactImportedEvent;
import org.mltrading.api.model.PromoteModelCommand;
import org.mltrading.api.model.RecordValidationCommand;
import org.mltrading.api.model.RegisterModelVersionCommand;
import org.mltrading.api.model.RegisterOnnxModelVersionCommand;
import org.mltrading.api.model.RetireModelCommand;
import org.mltrading.api.model.ValidationThresholds;
import org.mltrading.command.CommandSideConfiguration;

/**
 * A model (one name) and its versions, each REGISTERED → VALIDATED → PRODUCTION → RETIRED. At most one
 * version is in PRODUCTION: promoting another retires it. Promotion needs a recorded validation that
 * passes the configured {@link ValidationThresholds} at the time of promotion; promotion and retirement
 * need ADMIN or RISK_OFFICER among the roles in the command's metadata (the GraphQL edge checks the
 * same roles; this check also covers commands sent by other routes).
 */
@Aggregate(cache = CommandSideConfiguration.AGGREGATE_CACHE)
public class ModelAggregate {

    /** Roles that may change what runs in production. */
    static final Set<String> LIFECYCLE_ROLES = Set.of("ADMIN", "RISK_OFFICER");

    @AggregateIdentifier
    private ModelId modelId;
    private String name;
    /** Every version of a model is of the kind of its first one: serving and backtests read the kind per model. */
    private ModelKind kind;
    private final Map<Integer, ModelVersion> versions = new TreeMap<>();
    private Integer productionVersion;

    protected ModelAggregate() {
        // required by Axon to rebuild from events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterModelVersionCommand command, Clock clock) {
        if (command.kind() == ModelKind.ONNX) {
            throw refused(ModelErrorCode.MODEL_INVALID_INPUT, "an ONNX version is registered with its artefact");
        }
        register(command, clock);
    }

    /**
     * An imported ONNX version: the registration and the artefact's bytes in one unit of work, so no
     * version is ever registered without the bytes it serves. Foreign code in production is a
     * lifecycle decision: ADMIN or RISK_OFFICER only, as for promotion.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterOnnxModelVersionCommand command, Clock clock,
                @MetaDataValue(AuditMetadata.ROLES) String roles) {
        requireLifecycleRole(roles, "import");
        if (command.artefact() == null || command.artefact().size() == 0) {
            throw refused(ModelErrorCode.MODEL_INVALID_ARTEFACT, "an ONNX version needs its artefact");
        }
        String hash = command.artefact().sha256();
        if (register(new RegisterModelVersionCommand(command.modelId(), command.name(), command.version(),
                ModelKind.ONNX, command.features(), command.parameters(), command.calibration(), hash), clock)) {
            apply(new OnnxArtefactImportedEvent(command.modelId(), command.version(), hash, command.artefact(),
                    command.description(), clock.instant()));
        }
    }

    /** Applies the registration unless the same one is already there; false for that no-op. */
    private boolean register(RegisterModelVersionCommand command, Clock clock) {
        validate(command);
        ModelVersion existing = versions.get(command.version());
        if (existing != null) {
            if (existing.artefactHash().equals(command.artefactHash())) {
                return false; // the same registration again: nothing new happened
            }
            throw refused(ModelErrorCode.MODEL_VERSION_EXISTS, "version " + command.version() + " of "
                    + command.name() + " is already registered with another artefact");
        }
        apply(new ModelVersionRegisteredEvent(command.modelId(), command.name(), command.version(), command.kind(),
                List.copyOf(command.features()), Map.copyOf(command.parameters()), command.training(),
                command.artefactHash(), clock.instant()));
        return true;
    }

    @CommandHandler
    void handle(RecordValidationCommand command, ValidationThresholds thresholds, Clock clock) {
        ModelVersion version = existing(command.version());
        if (version.status() == ModelStatus.RETIRED) {
            throw refused(ModelErrorCode.MODEL_INVALID_STATE, "version " + command.version() + " is retired");
        }
        if (command.metrics() == null || command.backtestId() == null || command.backtestId().isBlank()) {
            throw refused(ModelErrorCode.MODEL_INVALID_INPUT, "a validation needs a backtest id and its metrics");
        }
        List<String> failures = thresholds.failures(command.metrics());
        apply(new ModelVersionValidatedEvent(modelId, command.version(), command.backtestId(), command.metrics(),
                failures.isEmpty(), failures, clock.instant()));
    }

    @CommandHandler
    void handle(PromoteModelCommand command, ValidationThresholds thresholds, Clock clock,
                @MetaDataValue(AuditMetadata.ROLES) String roles) {
        requireLifecycleRole(roles, "promote");
        ModelVersion version = existing(command.version());
        if (version.status() == ModelStatus.PRODUCTION) {
            return; // already in production
        }
        if (version.status() == ModelStatus.RETIRED) {
            throw refused(ModelErrorCode.MODEL_INVALID_STATE, "version " + command.version() + " is retired");
        }
        if (version.validation() == null) {
            throw refused(ModelErrorCode.MODEL_NOT_VALIDATED, "version " + command.version() + " of " + name
                    + " has no recorded validation");
        }
        List<String> failures = thresholds.failures(version.validation());
        if (!failures.isEmpty()) {
            throw refused(ModelErrorCode.MODEL_VALIDATION_FAILED, "version " + command.version() + " of " + name
                    + " misses the promotion thresholds: " + String.join("; ", failures));
        }
        if (productionVersion != null) {
            apply(new ModelVersionRetiredEvent(modelId, productionVersion,
                    "superseded by version " + command.version(), clock.instant()));
        }
        apply(new ModelVersionPromotedEvent(modelId, name, command.version(), clock.instant()));
    }

    @CommandHandler
    void handle(RetireModelCommand command, Clock clock, @MetaDataValue(AuditMetadata.ROLES) String roles) {
        requireLifecycleRole(roles, "retire");
        ModelVersion version = existing(command.version());
        if (version.status() == ModelStatus.RETIRED) {
            return; // already retired
        }
        String reason = command.reason() == null || command.reason().isBlank() ? "retired" : command.reason();
        apply(new ModelVersionRetiredEvent(modelId, command.version(), reason, clock.instant()));
    }

    @EventSourcingHandler
    void on(ModelVersionRegisteredEvent event) {
        modelId = event.modelId();
        name = event.name();
        kind = event.kind();
        versions.put(event.version(), new ModelVersion(ModelStatus.REGISTERED, event.artefactHash(), null));
    }

    @EventSourcingHandler
    void on(ModelVersionValidatedEvent event) {
        ModelVersion version = versions.get(event.version());
        ModelStatus status = version.status() == ModelStatus.PRODUCTION ? ModelStatus.PRODUCTION : ModelStatus.VALIDATED;
        versions.put(event.version(), new ModelVersion(status, version.artefactHash(), event.metrics()));
    }

    @EventSourcingHandler
    void on(ModelVersionPromotedEvent event) {
        versions.computeIfPresent(event.version(), (v, version) -> version.withStatus(ModelStatus.PRODUCTION));
        productionVersion = event.version();
    }

    @EventSourcingHandler
    void on(ModelVersionRetiredEvent event) {
        versions.computeIfPresent(event.version(), (v, version) -> version.withStatus(ModelStatus.RETIRED));
        if (Objects.equals(productionVersion, event.version())) {
            productionVersion = null;
        }
    }

    private void validate(RegisterModelVersionCommand command) {
        String problem = null;
        if (command.name() == null || !command.name().matches("[a-z0-9][a-z0-9-]{0,63}")) {
            problem = "a model name is 1-64 lower-case letters, digits or dashes";
        } else if (!ModelId.forName(command.name()).equals(command.modelId())) {
            problem = "the model id must be the id of the name " + command.name();
        } else if (command.version() < 1) {
            problem = "versions start at 1";
        } else if (command.kind() == null) {
            problem = "a model version needs a kind";
        } else if (command.features() == null || command.features().isEmpty()) {
            problem = "a model version needs its features";
        } else if (command.parameters() == null || command.parameters().values().stream()
                .anyMatch(value -> value == null || !Double.isFinite(value))) {
            problem = "parameters must be finite numbers";
        } else if (command.training() == null || command.training().from() == null || command.training().to() == null
                || command.training().from().isAfter(command.training().to())) {
            problem = "a model version needs its training range (from not after to)";
        } else if (command.artefactHash() == null || !command.artefactHash().matches("[0-9a-f]{64}")) {
            problem = "the artefact hash is a SHA-256 in lower-case hex";
        } else if (name != null && !name.equals(command.name())) {
            problem = "this model is called " + name;
        } else if (kind != null && kind != command.kind()) {
            problem = name + " holds " + kind + " versions; a version of kind " + command.kind()
                    + " needs a model name of its own";
        }
        if (problem != null) {
            throw refused(ModelErrorCode.MODEL_INVALID_INPUT, problem);
        }
    }

    private ModelVersion existing(int version) {
        ModelVersion found = versions.get(version);
        if (found == null) {
            throw refused(ModelErrorCode.MODEL_VERSION_UNKNOWN, name + " has no version " + version);
        }
        return found;
    }

    private static void requireLifecycleRole(String roles, String action) {
        boolean allowed = roles != null && Arrays.stream(roles.split(",")).map(String::trim)
                .anyMatch(LIFECYCLE_ROLES::contains);
        if (!allowed) {
            throw refused(ModelErrorCode.MODEL_PERMISSION_DENIED, "only ADMIN or RISK_OFFICER may " + action + " a model");
        }
    }

    static CommandExecutionException refused(ModelErrorCode code, String message) {
        return new CommandExecutionException(message, null, new ModelRejection(code, message));
    }

    /** State of one version as far as the rules need it; {@code validation} is the latest recorded metrics. */
    private record ModelVersion(ModelStatus status, String artefactHash,
                                org.mltrading.api.model.BacktestMetrics validation) {
        ModelVersion withStatus(ModelStatus next) {
            return new ModelVersion(next, artefactHash, validation);
        }
    }
}
