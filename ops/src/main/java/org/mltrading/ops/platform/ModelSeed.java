package org.mltrading.ops.platform;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.mltrading.api.audit.AuditMetadata;
import org.mltrading.api.marketdata.Bar;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.api.model.ModelId;
import org.mltrading.api.model.ModelKind;
import org.mltrading.api.model.ModelStatus;
import org.mltrading.api.model.ModelVersionSpec;
import org.mltrading.api.model.PromoteModelCommand;
import org.mltrading.api.model.RegisterModelVersionCommand;
import org.mltrading.api.model.TrainingRange;
import org.mltrading.ml.backtest.BacktestResult;
import org.mltrading.ml.backtest.BacktestRunner;
import org.mltrading.ml.backtest.BacktestSettings;
import org.mltrading.ml.model.ModelArtefact;
import org.mltrading.ml.model.ModelFitter;
import org.mltrading.ml.model.SignalModel;
import org.mltrading.ops.history.HistoryInput;
import org.mltrading.ops.history.HistoryParser;
import org.mltrading.ops.history.HistoryRow;
import org.mltrading.ops.history.ImportSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Local-profile models (ARCHITECTURE.md, "Seed data"): {@code momentum} and {@code mean-reversion},
 * version 1 of each fitted on the first 151 AAPL daily bars of 2013 (ta4j-examples), validated by a
 * walk-forward backtest over the whole year — real metrics, recorded on the version — and
 * {@code momentum} promoted to PRODUCTION if its validation passes the thresholds.
 * {@code mean-reversion} stays VALIDATED, for a risk officer to promote. The seed reads the file
 * itself: nothing is imported into the time-series store, so {@code ops/import-history} still
 * loads everything. Runs on every start and creates only what the event store does not have yet.
 */
@Component
@Profile("local")
@Order(10)
class ModelSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ModelSeed.class);
    static final String APPLE = "appleinc_bars_from_20130101_usd.csv";
    /** Bars 0..150 train version 1; the validation walks forward over all 252. */
    static final int TRAINING_END = 150;
    static final String PROMOTED = "momentum";
    private static final MetaData SEED = MetaData.from(Map.of(AuditMetadata.ACTOR, "system:demo-seed",
            AuditMetadata.ACTOR_TYPE, "SYSTEM", AuditMetadata.ROLES, "ADMIN", AuditMetadata.MFA, false));

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final BacktestRunner backtests;
    private final Clock clock;

    ModelSeed(CommandGateway commands, EventStore eventStore, BacktestRunner backtests, Clock clock) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.backtests = backtests;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        List<Bar> bars = null;
        for (Map.Entry<String, ModelKind> model : List.of(Map.entry("momentum", ModelKind.MOMENTUM),
                Map.entry("mean-reversion", ModelKind.MEAN_REVERSION))) {
            ModelId id = ModelId.forName(model.getKey());
            if (eventStore.readEvents(id.value()).hasNext()) {
                continue;
            }
            if (bars == null) {
                bars = appleDailyBars();
            }
            seed(id, model.getKey(), model.getValue(), bars);
        }
    }

    private void seed(ModelId id, String name, ModelKind kind, List<Bar> bars) {
        double[] closes = bars.stream().mapToDouble(bar -> bar.close().doubleValue()).toArray();
        SignalModel fitted = ModelFitter.fit(kind, closes, 0, TRAINING_END);
        Map<String, Double> parameters = new LinkedHashMap<>(fitted.parameters());
        parameters.put(BacktestSettings.REFIT_EVERY, 20.0);
        parameters.put(BacktestSettings.TRAIN_WINDOW, 250.0);
        parameters.put(BacktestSettings.LONG_ONLY, 1.0);
        String hash = ModelArtefact.sha256(kind, parameters);
        List<String> features = SignalModel.featuresOf(kind);
        TrainingRange training = new TrainingRange("AAPL", BarInterval.ONE_DAY, bars.get(0).time(),
                bars.get(TRAINING_END).time());
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RegisterModelVersionCommand(id, name, 1, kind,
                features, parameters, training, hash)).andMetaData(SEED));
        BacktestResult validation = backtests.runNow(new ModelVersionSpec(id, name, 1, kind, ModelStatus.REGISTERED,
                features, parameters, hash), bars, SEED);
        log.info("Seeded model {} v1, validation on AAPL 2013: {}", name,
                validation == null ? "failed" : validation.metrics());
        if (name.equals(PROMOTED)) {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(new PromoteModelCommand(id, 1))
                        .andMetaData(SEED));
            } catch (RuntimeException e) {
                log.warn("Seeded model {} v1 was not promoted: {}", name, e.getMessage());
            }
        }
    }

    private List<Bar> appleDailyBars() throws IOException {
        HistoryInput input = HistoryInput.resource(APPLE, "ta4j-examples");
        try (InputStreamReader reader = new InputStreamReader(input.opener().open(), StandardCharsets.UTF_8)) {
            HistoryParser.ParsedHistory parsed = new HistoryParser(clock)
                    .parse(ImportSpec.bars("AAPL", BarInterval.ONE_DAY), APPLE, reader);
            return parsed.rows().stream().map(row -> (HistoryRow.Bar) row)
                    .map(row -> new Bar("AAPL", BarInterval.ONE_DAY, Instant.EPOCH.plusNanos(row.micros() * 1000),
                            row.open(), row.high(), row.low(), row.close(), row.volume()))
                    .toList();
        } catch (org.mltrading.ops.history.HistoryFileException e) {
            throw new IOException("the seed's history file is invalid: " + e.getMessage(), e);
        }
    }
}
