package org.mltrading.ml.backtest;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.mltrading.api.audit.AuditMetadata;
import org.mltrading.api.marketdata.Bar;
import org.mltrading.api.marketdata.FindBarsQuery;
import org.mltrading.api.model.BacktestCompletedEvent;
import org.mltrading.api.model.BacktestFailedEvent;
import org.mltrading.api.model.BacktestProgressedEvent;
import org.mltrading.api.model.BacktestRequestedEvent;
import org.mltrading.api.model.BacktestStartedEvent;
import org.mltrading.api.model.ModelErrorCode;
import org.mltrading.api.model.ModelKind;
import org.mltrading.api.model.ModelRejection;
import org.mltrading.api.model.ModelVersionSpec;
import org.mltrading.api.model.RecordValidationCommand;
import org.mltrading.api.model.RunBacktestCommand;
import org.mltrading.ml.feature.ExternalFeatures;
import org.mltrading.ml.feature.Features;
import org.mltrading.ml.model.ForecastModel;
import org.mltrading.ml.model.ModelCatalog;
import org.mltrading.ml.model.ModelLoader;
import org.mltrading.ml.model.onnx.InvalidArtefactException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs backtests for {@link RunBacktestCommand}: the command is checked and answered at once with the
 * backtest id (PENDING); one background thread then loads the bars (Axon query to the time-series
 * store), runs the {@link BacktestEngine} and publishes RUNNING, progress and COMPLETED or FAILED as
 * events, which the query side stores. Events carry the requester's who/why metadata.
 */
@Component
public class BacktestRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BacktestRunner.class);
    /** Longest range a backtest may ask for (keeps one request from loading the whole store). */
    static final int MAX_BARS = 2_000_000;

    private final ModelCatalog catalog;
    private final ModelLoader loader;
    private final QueryGateway queries;
    private final EventGateway events;
    private final CommandGateway commands;
    private final Clock clock;
    private final BacktestEngine engine;
    private final ExternalFeatures externalFeatures;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "backtest-runner");
        thread.setDaemon(true);
        return thread;
    });

    public BacktestRunner(ModelCatalog catalog, ModelLoader loader, QueryGateway queries, EventGateway events, CommandGateway commands,
                          Clock clock,
                          @Value("${platform.venue.slippage-bps:1}") BigDecimal slippageBps,
                          @Value("${platform.venue.fee-bps:0.5}") BigDecimal feeBps) {
        this.catalog = catalog;
        this.loader = loader;
        this.queries = queries;
        this.events = events;
        this.commands = commands;
        this.clock = clock;
        this.engine = new BacktestEngine(new FillCosts(slippageBps, feeBps));
        this.externalFeatures = new ExternalFeatures(queries);
    }

    @CommandHandler
    public String handle(RunBacktestCommand command, MetaData metaData) {
        validate(command);
        ModelVersionSpec spec = catalog.find(command.model(), command.version())
                .orElseThrow(() -> refused(ModelErrorCode.MODEL_UNKNOWN, command.version() == null
                        ? "no model " + command.model()
                        : "no version " + command.version() + " of model " + command.model()));
        String backtestId = command.backtestId() != null ? command.backtestId() : UUID.randomUUID().toString();
        BacktestRequestedEvent requested = new BacktestRequestedEvent(backtestId, spec.modelId(), spec.name(),
                spec.version(), command.symbol(), command.interval(), command.from(), command.to(), clock.instant());
        events.publish(requested); // within the command's unit of work: Axon adds its correlation data
        MetaData who = propagated(metaData);
        executor.execute(() -> run(requested, spec, who, command.recordAsValidation(), null));
        return backtestId;
    }

    /**
     * Runs a backtest on bars the caller already has (the local seed validates on the ta4j history
     * before anything is imported), publishing the same events as a requested one. Blocks until done.
     */
    public BacktestResult runNow(ModelVersionSpec spec, List<Bar> bars, MetaData who) {
        Bar first = bars.get(0);
        Bar last = bars.get(bars.size() - 1);
        BacktestRequestedEvent requested = new BacktestRequestedEvent(UUID.randomUUID().toString(), spec.modelId(),
                spec.name(), spec.version(), first.symbol(), first.interval(), first.time(), last.time(), clock.instant());
        publish(requested, who);
        return run(requested, spec, who, true, bars);
    }

    private BacktestResult run(BacktestRequestedEvent request, ModelVersionSpec spec, MetaData who,
                               boolean recordAsValidation, List<Bar> given) {
        String id = request.backtestId();
        try {
            List<Bar> bars = given != null ? given : queries.query(
                    new FindBarsQuery(request.symbol(), request.interval(), request.from(), request.to()),
                    ResponseTypes.multipleInstancesOf(Bar.class)).get(60, TimeUnit.SECONDS);
            if (bars.size() < 2) {
                publish(new BacktestFailedEvent(id, "no " + request.interval() + " bars of " + request.symbol()
                        + " between " + request.from() + " and " + request.to() + " (found " + bars.size()
                        + "); import history first", clock.instant()), who);
                return null;
            }
            if (bars.size() > MAX_BARS) {
                publish(new BacktestFailedEvent(id, bars.size() + " bars exceed the limit of " + MAX_BARS,
                        clock.instant()), who);
                return null;
            }
            publish(new BacktestStartedEvent(id, bars.size(), clock.instant()), who);
            BacktestEngine.Progress progress = (done, total) -> publish(new BacktestProgressedEvent(id, done, total,
                    clock.instant()), who);
            BacktestSettings settings = BacktestSettings.of(spec.kind(), spec.parameters());
            double[][] external = Features.external(spec.features()).isEmpty() ? null
                    : externalFeatures.aligned(spec.features(), bars);
            BacktestResult result;
            if (spec.kind() == ModelKind.ONNX) {
                // fitted elsewhere: the registered artefact is served unchanged (no walk-forward refit)
                try (ForecastModel model = loader.open(spec)) {
                    result = engine.run(settings, model, bars, spec.features(), external, progress);
                }
            } else {
                result = engine.run(settings, null, bars, spec.features(), external, progress);
            }
            publish(new BacktestCompletedEvent(id, result.metrics(), result.equity(), clock.instant()), who);
            if (recordAsValidation) {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new RecordValidationCommand(spec.modelId(), spec.version(), id, result.metrics())).andMetaData(who));
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            publish(new BacktestFailedEvent(id, "the platform stopped during the backtest", clock.instant()), who);
            return null;
        } catch (Exception e) {
            log.warn("Backtest {} failed", id, e);
            publish(new BacktestFailedEvent(id, reason(e), clock.instant()), who);
            return null;
        }
    }

    private static String reason(Exception e) {
        if (e instanceof java.util.concurrent.TimeoutException) {
            return "the time-series store did not answer in time";
        }
        if (e instanceof IllegalArgumentException || e instanceof InvalidArtefactException) {
            return e.getMessage();
        }
        return "the backtest could not run (" + e.getClass().getSimpleName() + "); the platform logged it";
    }

    private void publish(Object event, MetaData who) {
        events.publish(GenericEventMessage.asEventMessage(event).andMetaData(who));
    }

    private static void validate(RunBacktestCommand command) {
        String problem = null;
        if (command.model() == null || command.model().isBlank()) {
            problem = "a backtest needs a model (name or id)";
        } else if (command.symbol() == null || command.symbol().isBlank()) {
            problem = "a backtest needs a symbol";
        } else if (command.interval() == null) {
            problem = "a backtest needs a bar interval";
        } else if (command.from() == null || command.to() == null || !command.from().isBefore(command.to())) {
            problem = "a backtest needs from before to";
        } else if (Duration.between(command.from(), command.to()).dividedBy(command.interval().length()) > MAX_BARS) {
            problem = "the range holds more than " + MAX_BARS + " " + command.interval() + " bars";
        }
        if (problem != null) {
            throw refused(ModelErrorCode.BACKTEST_INVALID_INPUT, problem);
        }
    }

    /** The who/why of the request travels on to the commands it causes. */
    private static MetaData propagated(MetaData metaData) {
        return MetaData.from(AuditMetadata.whoAndWhy(metaData));
    }

    private static CommandExecutionException refused(ModelErrorCode code, String message) {
        return new CommandExecutionException(message, null, new ModelRejection(code, message));
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
