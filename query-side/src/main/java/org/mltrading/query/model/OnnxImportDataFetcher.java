package org.mltrading.query.model;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.InputArgument;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mltrading.api.model.ImportOnnxModelCommand;
import org.mltrading.api.model.TrainModelCommand;
import org.mltrading.api.model.ModelErrorCode;
import org.mltrading.api.model.ModelId;
import org.mltrading.api.model.OnnxArtefact;
import org.mltrading.api.model.TrainingRange;
import org.mltrading.graphql.types.ImportOnnxModelInput;
import org.mltrading.graphql.types.TrainModelInput;
import org.mltrading.graphql.types.Model;
import org.mltrading.query.graphql.ApiErrorCode;
import org.mltrading.query.graphql.ApiException;
import org.mltrading.query.graphql.ReadYourWrites;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * {@code importOnnxModel}: a model trained elsewhere becomes a REGISTERED version. The edge decodes
 * the artefact and picks the version number; the ML bridge checks the artefact with ONNX Runtime,
 * calibrates its intervals and registers it through the Model aggregate (docs/adr/0016). ADMIN and
 * RISK_OFFICER only, as for promotion: what runs in production is theirs to decide (the bridge and the
 * aggregate check the roles again).
 */
@DgsComponent
class OnnxImportDataFetcher {

    private final ModelDirectory directory;
    private final ModelUpdates updates;
    private final ModelDataFetcher models;
    private final CommandGateway commandGateway;
    private final Duration readYourWritesTimeout;

    OnnxImportDataFetcher(ModelDirectory directory, ModelUpdates updates, ModelDataFetcher models,
                          CommandGateway commandGateway,
                          @Value("${platform.graphql.read-your-writes-timeout}") Duration readYourWritesTimeout) {
        this.directory = directory;
        this.updates = updates;
        this.models = models;
        this.commandGateway = commandGateway;
        this.readYourWritesTimeout = readYourWritesTimeout;
    }

    @DgsMutation
    @PreAuthorize("hasAnyRole('ADMIN', 'RISK_OFFICER')")
    Model importOnnxModel(@InputArgument ImportOnnxModelInput input) {
        OnnxArtefact artefact = decode(input.getArtefactBase64());
        String modelId = ModelId.forName(input.getName()).value();
        int version = input.getVersion() != null ? input.getVersion() : nextVersion(input.getName());
        ImportOnnxModelCommand command = new ImportOnnxModelCommand(input.getName(), version,
                input.getFeatures() == null ? List.of() : List.copyOf(input.getFeatures()), artefact,
                new TrainingRange(input.getSymbol(), org.mltrading.api.marketdata.BarInterval.valueOf(input.getInterval().name()),
                        input.getFrom().toInstant(), input.getTo().toInstant()),
                input.getDescription(), !Boolean.FALSE.equals(input.getLongOnly()));
        // registered, with its description when one was given (the artefact event follows the registration)
        Predicate<ModelView> imported = view -> {
            ModelView.VersionView registered = view.version(version);
            return registered != null && (input.getDescription() == null || registered.description != null);
        };
        // a repeated import is a no-op: then the stored model is the answer
        return models.toGraphQl(ReadYourWrites.sendAndAwait(commandGateway, command,
                updates.models().filter(view -> view.id().equals(modelId) && imported.test(view)),
                readYourWritesTimeout, () -> directory.find(modelId), "model"));
    }

    /**
     * {@code trainModel}: the ML bridge fits the version on stored bars and registers it; the answer is
     * the model once the projection shows the version (read-your-writes).
     */
    @DgsMutation
    @PreAuthorize("hasAnyRole('ADMIN', 'RISK_OFFICER')")
    Model trainModel(@InputArgument TrainModelInput input) {
        String modelId = ModelId.forName(input.getName()).value();
        int version = input.getVersion() != null ? input.getVersion() : nextVersion(input.getName());
        TrainModelCommand command = new TrainModelCommand(input.getName(), version,
                org.mltrading.api.model.ModelKind.valueOf(input.getKind().name()), input.getSymbol(),
                org.mltrading.api.marketdata.BarInterval.valueOf(input.getInterval().name()),
                input.getFrom().toInstant(), input.getTo().toInstant());
        return models.toGraphQl(ReadYourWrites.sendAndAwait(commandGateway, command,
                updates.models().filter(view -> view.id().equals(modelId) && view.version(version) != null),
                readYourWritesTimeout, () -> directory.find(modelId), "model"));
    }

    /** Base64 as RFC 4648; white space (line breaks, as base64 tools write them) is ignored. */
    private static OnnxArtefact decode(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new ApiException(ModelErrorCode.MODEL_INVALID_ARTEFACT.name(), "artefactBase64 is empty");
        }
        try {
            return new OnnxArtefact(Base64.getDecoder().decode(base64.replaceAll("\\s", "")));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ModelErrorCode.MODEL_INVALID_ARTEFACT.name(), "artefactBase64 is not base64");
        }
    }

    private int nextVersion(String name) {
        return directory.find(name).map(model -> model.versions().stream().mapToInt(v -> v.version).max().orElse(0) + 1)
                .orElse(1);
    }
}
