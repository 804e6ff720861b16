package org.mltrading.ml.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.mltrading.api.model.ModelErrorCode;
import org.mltrading.api.model.ModelId;
import org.mltrading.api.model.ModelKind;
import org.mltrading.api.model.ModelRejection;
import org.mltrading.api.model.ModelStatus;
import org.mltrading.api.model.ModelVersionSpec;
import org.mltrading.api.model.RegisterModelVersionCommand;
import org.mltrading.api.model.TrainModelCommand;
import org.mltrading.api.model.TrainingRange;
import org.mltrading.ml.backtest.BacktestSettings;
import org.mltrading.ml.feature.BarSentiment;
import org.mltrading.ml.feature.Features;
import org.mltrading.ml.model.ModelArtefact;
import org.mltrading.ml.model.ModelFitter;
import org.mltrading.ml.model.SignalModel;
import org.springframework.stereotype.Component;

/**
 * {@code trainModel}: fits a new version of a platform model kind (MOMENTUM, MEAN_REVERSION, SENTIMENT)
 * on the stored bars of a symbol and range — and, for SENTIMENT, the symbol's news sentiment on the same
 * bars — with the same fitter as the seed and the backtests, then registers it through the Model
 * aggregate (REGISTERED: validate and promote it like any other). Refusals are coded (MODEL_…).
 */
@Component
class ModelTrainer {

    static final int MAX_BARS = 100_000;
    /** A sentiment fit on fewer bars with a news surprise learns nothing but noise. */
    static final int MIN_NEWS_BARS = 10;

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final BarSentiment sentiment;

    ModelTrainer(QueryGateway queries, CommandGateway commands) {
        this.queries = queries;
        this.commands = commands;
        this.sentiment = new BarSentiment(queries);
    }

    @CommandHandler
    ModelVersionSpec handle(TrainModelCommand command, MetaData metaData) throws InterruptedException {
        validate(command);
        List<Bar> bars;
        double[][] news = null;
        try {
            bars = queries.query(new FindBarsQuery(command.symbol(), command.interval(), command.from(), command.to()),
                    ResponseTypes.multipleInstancesOf(Bar.class)).get(60, TimeUnit.SECONDS);
            if (bars.size() > MAX_BARS) {
                throw refused(ModelErrorCode.MODEL_INVALID_INPUT, bars.size() + " bars exceed the limit of " + MAX_BARS);
            }
            if (command.kind() == ModelKind.SENTIMENT && !bars.isEmpty()) {
                news = sentiment.alignedWith(bars);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw refused(ModelErrorCode.MODEL_NO_TRAINING_DATA, "the time-series store did not answer: " + e.getMessage());
        }
        if (ModelFitter.samples(0, bars.size() - 1) < ModelFitter.MIN_SAMPLES) {
            throw refused(ModelErrorCode.MODEL_NO_TRAINING_DATA, "found " + bars.size() + " " + command.interval()
                    + " bars of " + command.symbol() + " in the range; a fit needs at least "
                    + (ModelFitter.MIN_SAMPLES + Features.LOOKBACK + 1) + " (import history first)");
        }
        if (news != null) {
            long informative = java.util.Arrays.stream(news).filter(row -> row != null && row[2] != 0).count();
            if (informative < MIN_NEWS_BARS) {
                throw refused(ModelErrorCode.MODEL_NO_TRAINING_DATA, "only " + informative + " bars of " + command.symbol()
                        + " in the range have a news surprise; a sentiment fit needs at least " + MIN_NEWS_BARS
                        + " (import news first)");
            }
        }
        double[] closes = bars.stream().mapToDouble(bar -> bar.close().doubleValue()).toArray();
        SignalModel fitted;
        try {
            fitted = ModelFitter.fit(command.kind(), closes, news, 0, closes.length - 1);
        } catch (IllegalArgumentException e) {
            throw refused(ModelErrorCode.MODEL_NO_TRAINING_DATA, e.getMessage());
        }
        Map<String, Double> parameters = new LinkedHashMap<>(fitted.parameters());
        // walk-forward settings of its backtests, as the seeded versions have them
        parameters.put(BacktestSettings.REFIT_EVERY, 20.0);
        parameters.put(BacktestSettings.TRAIN_WINDOW, 250.0);
        parameters.put(BacktestSettings.LONG_ONLY, 1.0);
        String hash = ModelArtefact.sha256(command.kind(), parameters);
        List<String> features = SignalModel.featuresOf(command.kind());
        ModelId id = ModelId.forName(command.name());
        TrainingRange training = new TrainingRange(command.symbol(), command.interval(), bars.get(0).time(),
                bars.get(bars.size() - 1).time());
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RegisterModelVersionCommand(id, command.name(),
                command.version(), command.kind(), features, parameters, training, hash))
                .andMetaData(MetaData.from(AuditMetadata.whoAndWhy(metaData))));
        return new ModelVersionSpec(id, command.name(), command.version(), command.kind(), ModelStatus.REGISTERED,
                features, parameters, hash);
    }

    private static void validate(TrainModelCommand command) {
        String problem = null;
        if (command.name() == null || !command.name().matches("[a-z0-9][a-z0-9-]{0,63}")) {
            problem = "name is 1-64 lower-case letters, digits or dashes";
        } else if (command.kind() == null || command.kind() == ModelKind.ONNX) {
            problem = "kind is MOMENTUM, MEAN_REVERSION or SENTIMENT (ONNX versions are imported with importOnnxModel)";
        } else if (command.version() < 1) {
            problem = "versions start at 1";
        } else if (command.symbol() == null || command.symbol().isBlank() || command.interval() == null) {
            problem = "a symbol and a bar interval are needed";
        } else if (command.from() == null || command.to() == null || !command.from().isBefore(command.to())) {
            problem = "from must be before to";
        }
        if (problem != null) {
            throw refused(ModelErrorCode.MODEL_INVALID_INPUT, problem);
        }
    }

    private static CommandExecutionException refused(ModelErrorCode code, String message) {
        return new CommandExecutionException(message, null, new ModelRejection(code, message));
    }
}
