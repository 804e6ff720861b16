package org.mltrading.ml.model.onnx;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.mltrading.api.audit.AuditMetadata;
import org.mltrading.api.marketdata.Bar;
import org.mltrading.api.marketdata.FindBarsQuery;
import org.mltrading.api.model.ImportOnnxModelCommand;
import org.mltrading.api.model.ModelErrorCode;
import org.mltrading.api.model.ModelId;
import org.mltrading.api.model.ModelRejection;
import org.mltrading.api.model.RegisterOnnxModelVersionCommand;
import org.mltrading.api.model.TrainingRange;
import org.mltrading.ml.feature.ExternalFeatures;
import org.mltrading.ml.feature.Features;
import org.mltrading.ml.model.ModelFitter;
import org.mltrading.ml.model.SignalModel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Imports a model trained elsewhere ({@link ImportOnnxModelCommand}): checks the caller's role, the
 * declared features and the artefact (size cap, then ONNX Runtime loads it and checks its input and
 * output, {@link OnnxRegressor}), calibrates its intervals on the stored bars of the calibration range
 * ({@link OnnxCalibration}) and registers the version with its bytes through the Model aggregate. From
 * then on it is a version like any other: backtest, validate, promote. Every refusal is a
 * {@link ModelRejection} with a code; nothing is registered then.
 */
@Component
public class OnnxModelImporter {

    static final Set<String> IMPORT_ROLES = Set.of("ADMIN", "RISK_OFFICER");
    public static final String CALIBRATION_SAMPLES = "calibration_samples";
    /** The backtests' long-only switch ({@code BacktestSettings.LONG_ONLY}; named here, the backtest package depends on this one). */
    static final String LONG_ONLY = "long_only";
    private static final Duration BARS_TIMEOUT = Duration.ofSeconds(60);
    /** More calibration bars than this would only slow the import (a year of minutes is ~500k). */
    static final int MAX_CALIBRATION_BARS = 1_000_000;

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final int maxArtefactBytes;

    public OnnxModelImporter(QueryGateway queries, CommandGateway commands,
                             @Value("${platform.ml.onnx.max-artefact-bytes:524288}") int maxArtefactBytes) {
        this.queries = queries;
        this.commands = commands;
        this.maxArtefactBytes = maxArtefactBytes;
    }

    /** Answers the registered version number. */
    @CommandHandler
    public int handle(ImportOnnxModelCommand command, MetaData metaData) {
        requireImportRole(metaData);
        validate(command);
        OnnxCalibration calibration;
        try (OnnxRegressor model = OnnxRegressor.open(command.artefact().bytes(), command.features())) {
            List<Bar> bars = bars(command.calibration());
            calibration = OnnxCalibration.of(model, closes(bars), command.features(), external(command.features(), bars))
                    .orElseThrow(() -> refused(ModelErrorCode.MODEL_NO_CALIBRATION_DATA, "the calibration range has fewer than "
                            + ModelFitter.MIN_CALIBRATION + " bars with " + Features.LOOKBACK + " bars of warm-up and a next"
                            + " close; import more history of " + command.calibration().symbol() + " first"));
        } catch (InvalidArtefactException e) {
            throw refused(ModelErrorCode.MODEL_INVALID_ARTEFACT, e.getMessage());
        }
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put(SignalModel.Q80, calibration.q80());
        parameters.put(SignalModel.Q95, calibration.q95());
        parameters.put(CALIBRATION_SAMPLES, (double) calibration.samples());
        parameters.put(LONG_ONLY, command.longOnly() ? 1.0 : 0.0);
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RegisterOnnxModelVersionCommand(
                ModelId.forName(command.name()), command.name(), command.version(), List.copyOf(command.features()),
                parameters, command.calibration(), command.artefact(), command.description()))
                .andMetaData(propagated(metaData)));
        return command.version();
    }

    private void validate(ImportOnnxModelCommand command) {
        String problem = null;
        TrainingRange range = command.calibration();
        if (command.name() == null || !command.name().matches("[a-z0-9][a-z0-9-]{0,63}")) {
            problem = "a model name is 1-64 lower-case letters, digits or dashes";
        } else if (command.version() < 1) {
            problem = "versions start at 1";
        } else if (range == null || range.symbol() == null || range.symbol().isBlank() || range.interval() == null
                || range.from() == null || range.to() == null || !range.from().isBefore(range.to())) {
            problem = "the calibration range needs a symbol, an interval and from before to";
        } else if (Duration.between(range.from(), range.to()).dividedBy(range.interval().length()) > MAX_CALIBRATION_BARS) {
            problem = "the calibration range holds more than " + MAX_CALIBRATION_BARS + " " + range.interval() + " bars";
        } else if (command.description() != null && command.description().length() > 2_000) {
            problem = "a description is at most 2,000 characters";
        } else {
            try {
                OnnxRegressor.columns(command.features());
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        if (problem != null) {
            throw refused(ModelErrorCode.MODEL_INVALID_INPUT, problem);
        }
        if (command.artefact() == null || command.artefact().size() == 0) {
            throw refused(ModelErrorCode.MODEL_INVALID_ARTEFACT, "the artefact is empty");
        }
        if (command.artefact().size() > maxArtefactBytes) {
            throw refused(ModelErrorCode.MODEL_INVALID_ARTEFACT, "the artefact has " + command.artefact().size()
                    + " bytes; at most " + maxArtefactBytes + " are accepted (platform.ml.onnx.max-artefact-bytes)");
        }
    }

    /** The rows of the model's external features (sentiment, alt: series) next to the bars, or null without any. */
    private double[][] external(List<String> features, List<Bar> bars) {
        if (Features.external(features).isEmpty()) {
            return null;
        }
        try {
            return new ExternalFeatures(queries).aligned(features, bars);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused(ModelErrorCode.MODEL_NO_CALIBRATION_DATA, "interrupted while reading the calibration features");
        } catch (ExecutionException | TimeoutException e) {
            throw refused(ModelErrorCode.MODEL_NO_CALIBRATION_DATA, "the time-series store did not answer with the"
                    + " calibration range's news or alternative data");
        }
    }

    private List<Bar> bars(TrainingRange range) {
        List<Bar> bars;
        try {
            bars = queries.query(new FindBarsQuery(range.symbol(), range.interval(), range.from(), range.to()),
                    ResponseTypes.multipleInstancesOf(Bar.class)).get(BARS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused(ModelErrorCode.MODEL_NO_CALIBRATION_DATA, "interrupted while reading the calibration bars");
        } catch (ExecutionException | TimeoutException e) {
            throw refused(ModelErrorCode.MODEL_NO_CALIBRATION_DATA, "the time-series store did not answer with the"
                    + " calibration bars");
        }
        return bars;
    }

    private double[] closes(List<Bar> bars) {
        double[] closes = bars.stream().mapToDouble(bar -> bar.close().doubleValue()).toArray();
        if (Arrays.stream(closes).anyMatch(close -> !(close > 0))) {
            throw refused(ModelErrorCode.MODEL_NO_CALIBRATION_DATA, "a calibration bar has a non-positive close");
        }
        return closes;
    }

    private static void requireImportRole(MetaData metaData) {
        Object roles = metaData.get(AuditMetadata.ROLES);
        boolean allowed = roles != null && Arrays.stream(roles.toString().split(",")).map(String::trim)
                .anyMatch(IMPORT_ROLES::contains);
        if (!allowed) {
            throw refused(ModelErrorCode.MODEL_PERMISSION_DENIED, "only ADMIN or RISK_OFFICER may import a model");
        }
    }

    /** The who/why of the request travels on to the commands it causes. */
    private static MetaData propagated(MetaData metaData) {
        return MetaData.from(AuditMetadata.whoAndWhy(metaData));
    }

    private static CommandExecutionException refused(ModelErrorCode code, String message) {
        return new CommandExecutionException(message, null, new ModelRejection(code, message));
    }
}
