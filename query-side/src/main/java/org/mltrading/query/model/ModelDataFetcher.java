package org.mltrading.query.model;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.DgsSubscription;
import com.netflix.graphql.dgs.InputArgument;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.mltrading.query.stream.DurableStream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mltrading.api.model.ModelId;
import org.mltrading.api.model.PromoteModelCommand;
import org.mltrading.api.model.RetireModelCommand;
import org.mltrading.api.model.RunBacktestCommand;
import org.mltrading.graphql.DgsConstants;
import org.mltrading.graphql.types.Backtest;
import org.mltrading.graphql.types.BacktestMetrics;
import org.mltrading.graphql.types.BacktestStatus;
import org.mltrading.graphql.types.BarInterval;
import org.mltrading.graphql.types.EquityPoint;
import org.mltrading.graphql.types.Model;
import org.mltrading.graphql.types.ModelKind;
import org.mltrading.graphql.types.ModelParameter;
import org.mltrading.graphql.types.ModelStatus;
import org.mltrading.graphql.types.ModelVersion;
import org.mltrading.graphql.types.ModelVersionInput;
import org.mltrading.graphql.types.Prediction;
import org.mltrading.graphql.types.PredictionOutcome;
import org.mltrading.graphql.types.PredictionScore;
import org.mltrading.graphql.types.RetireModelInput;
import org.mltrading.graphql.types.RunBacktestInput;
import org.mltrading.graphql.types.TrainingRange;
import org.mltrading.graphql.types.Validation;
import org.mltrading.query.graphql.ApiErrorCode;
import org.mltrading.query.graphql.ApiException;
import org.mltrading.query.graphql.ReadYourWrites;
import org.mltrading.query.graphql.CommandMetadata;
import org.mltrading.query.security.ApiPrincipal;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * GraphQL operations of the model context: the registry, lifecycle mutations, backtests and
 * predictions. Reads are open to every authenticated role; backtests to those who analyse or trade;
 * promotion and retirement to ADMIN and RISK_OFFICER (the Model aggregate checks the same roles).
 */
@DgsComponent
class ModelDataFetcher {

    private static final Set<String> LIFECYCLE_ROLES = Set.of("ADMIN", "RISK_OFFICER");
    private static final int MAX_PREDICTIONS = 10_000;

    private final ModelDirectory directory;
    private final MongoTemplate mongo;
    private final PredictionStore predictions;
    private final ModelUpdates updates;
    private final CommandGateway commandGateway;
    private final Clock clock;
    private final Duration readYourWritesTimeout;

    private final PredictionChangeLog predictionChanges;
    private final int subscriberBuffer;

    ModelDataFetcher(ModelDirectory directory, MongoTemplate mongo, PredictionStore predictions, ModelUpdates updates,
                     CommandGateway commandGateway, Clock clock,
                     @Value("${platform.graphql.read-your-writes-timeout}") Duration readYourWritesTimeout,
                     PredictionChangeLog predictionChanges,
                     @Value("${platform.streams.subscriber-buffer:4096}") int subscriberBuffer) {
        this.predictionChanges = predictionChanges;
        this.subscriberBuffer = subscriberBuffer;
        this.directory = directory;
        this.mongo = mongo;
        this.predictions = predictions;
        this.updates = updates;
        this.commandGateway = commandGateway;
        this.clock = clock;
        this.readYourWritesTimeout = readYourWritesTimeout;
    }

    @DgsQuery
    @PreAuthorize("isAuthenticated()")
    List<Model> models() {
        return directory.all().stream().map(this::toGraphQl).toList();
    }

    @DgsQuery
    @PreAuthorize("isAuthenticated()")
    Model model(@InputArgument String id) {
        return directory.find(id).map(this::toGraphQl).orElse(null);
    }

    @DgsQuery
    @PreAuthorize("isAuthenticated()")
    Backtest backtest(@InputArgument String id) {
        BacktestView view = mongo.findById(id, BacktestView.class);
        return view == null ? null : toGraphQl(view);
    }

    /** Newest request first; the cursor is the last row's (requestedAt, id), so equal instants page exactly. */
    @DgsQuery
    @PreAuthorize("isAuthenticated()")
    org.mltrading.graphql.types.BacktestConnection backtests(@InputArgument Integer first, @InputArgument String after) {
        int size = first == null ? 20 : first;
        if (size < 1 || size > 100) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "first must be between 1 and 100");
        }
        org.springframework.data.mongodb.core.query.Criteria criteria = new org.springframework.data.mongodb.core.query.Criteria();
        if (after != null) {
            BacktestCursor cursor = BacktestCursor.decode(after);
            criteria = new org.springframework.data.mongodb.core.query.Criteria().orOperator(
                    org.springframework.data.mongodb.core.query.Criteria.where("requestedAt").lt(cursor.requestedAt()),
                    new org.springframework.data.mongodb.core.query.Criteria().andOperator(
                            org.springframework.data.mongodb.core.query.Criteria.where("requestedAt").is(cursor.requestedAt()),
                            org.springframework.data.mongodb.core.query.Criteria.where("_id").lt(cursor.id())));
        }
        org.springframework.data.mongodb.core.query.Query query = new org.springframework.data.mongodb.core.query.Query(criteria)
                .with(org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Order.desc("requestedAt"),
                        org.springframework.data.domain.Sort.Order.desc("_id")))
                .limit(size + 1);
        query.fields().exclude("equity");
        List<BacktestView> rows = mongo.find(query, BacktestView.class);
        List<org.mltrading.graphql.types.BacktestEdge> edges = rows.stream().limit(size)
                .map(row -> org.mltrading.graphql.types.BacktestEdge.newBuilder()
                        .cursor(new BacktestCursor(row.requestedAt, row.id).encode()).node(toGraphQl(row)).build())
                .toList();
        return org.mltrading.graphql.types.BacktestConnection.newBuilder().edges(edges)
                .pageInfo(org.mltrading.graphql.types.PageInfo.newBuilder().hasNextPage(rows.size() > size)
                        .endCursor(edges.isEmpty() ? null : edges.get(edges.size() - 1).getCursor()).build())
                .build();
    }

    @DgsData(parentType = DgsConstants.QUERY_TYPE, field = DgsConstants.QUERY.Predictions)
    @PreAuthorize("isAuthenticated()")
    List<Prediction> predictions(@InputArgument String symbol, @InputArgument OffsetDateTime from,
                                 @InputArgument OffsetDateTime to) {
        Instant end = to != null ? to.toInstant() : clock.instant();
        Instant start = from != null ? from.toInstant() : end.minus(Duration.ofDays(1));
        if (symbol == null || symbol.isBlank()) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "a symbol is required");
        }
        if (start.isAfter(end)) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "from must not be after to");
        }
        try {
            return predictions.find(symbol, start, end, MAX_PREDICTIONS).stream().map(ModelDataFetcher::toGraphQl).toList();
        } catch (SQLException e) {
            throw new ApiException(ApiErrorCode.UNAVAILABLE, "the prediction store is not reachable");
        }
    }

    @DgsMutation
    @PreAuthorize("hasAnyRole('TRADER', 'INTEGRATOR', 'RISK_OFFICER', 'ADMIN')")
    Backtest runBacktest(@InputArgument RunBacktestInput input) {
        ApiPrincipal principal = ApiPrincipal.current();
        boolean record = Boolean.TRUE.equals(input.getRecordAsValidation());
        if (record && principal.roles().stream().noneMatch(LIFECYCLE_ROLES::contains)) {
            throw new ApiException(ApiErrorCode.PERMISSION_DENIED, "only ADMIN or RISK_OFFICER may record a validation");
        }
        if (input.getFrom() == null || input.getTo() == null) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "from and to are required");
        }
        RunBacktestCommand command = new RunBacktestCommand(UUID.randomUUID().toString(), input.getModel(),
                input.getVersion(), input.getSymbol(), org.mltrading.api.marketdata.BarInterval.valueOf(input.getInterval().name()),
                input.getFrom().toInstant(), input.getTo().toInstant(), record);
        String id = commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(CommandMetadata.of(principal)));
        BacktestView stored = mongo.findById(id, BacktestView.class);
        if (stored != null) {
            return toGraphQl(stored);
        }
        // the projection has not caught up yet: answer what was accepted
        ModelView model = directory.find(input.getModel()).orElseThrow();
        BacktestView pending = new BacktestView();
        pending.id = id;
        pending.modelId = model.id();
        pending.modelName = model.name();
        pending.version = input.getVersion() != null ? input.getVersion()
                : model.productionVersion() != null ? model.productionVersion()
                : model.versions().get(model.versions().size() - 1).version;
        pending.symbol = command.symbol();
        pending.interval = command.interval();
        pending.from = command.from();
        pending.to = command.to();
        pending.status = BacktestView.Status.PENDING;
        pending.requestedAt = clock.instant();
        return toGraphQl(pending);
    }

    @DgsMutation
    @PreAuthorize("hasAnyRole('ADMIN', 'RISK_OFFICER')")
    Model promoteModel(@InputArgument ModelVersionInput input) {
        ModelView model = existing(input.getModel());
        return sendAndAwait(model, new PromoteModelCommand(new ModelId(model.id()), input.getVersion()));
    }

    @DgsMutation
    @PreAuthorize("hasAnyRole('ADMIN', 'RISK_OFFICER')")
    Model retireModel(@InputArgument RetireModelInput input) {
        ModelView model = existing(input.getModel());
        if (input.getReason() == null || input.getReason().isBlank()) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "a retirement needs a reason");
        }
        return sendAndAwait(model, new RetireModelCommand(new ModelId(model.id()), input.getVersion(), input.getReason()));
    }

    @DgsData(parentType = DgsConstants.SUBSCRIPTION_TYPE, field = DgsConstants.SUBSCRIPTION.Predictions)
    @PreAuthorize("isAuthenticated()")
    Publisher<Prediction> livePredictions(@InputArgument List<String> symbols, @InputArgument String after) {
        if (symbols == null || symbols.isEmpty()) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "at least one symbol is required");
        }
        Set<String> wanted = Set.copyOf(symbols);
        long from = DurableStream.validate(predictionChanges.log(), after);
        return DurableStream.of(updates.predictionsBySymbol(), predictionChanges.log(), wanted,
                PredictionRow::cursor, from, subscriberBuffer).map(ModelDataFetcher::toGraphQl);
    }

    @DgsSubscription
    @PreAuthorize("isAuthenticated()")
    Publisher<Backtest> backtestProgress(@InputArgument String id) {
        BacktestView current = mongo.findById(id, BacktestView.class);
        if (current == null) {
            throw new ApiException(ApiErrorCode.NOT_FOUND, "no backtest " + id);
        }
        Flux<BacktestView> changes = updates.backtests().filter(view -> view.id.equals(id));
        // the stored state is read once the live changes are subscribed, so no change falls in between
        return changes.mergeWith(Mono.fromCallable(() -> mongo.findById(id, BacktestView.class)))
                .distinctUntilChanged(view -> view.status + "/" + view.barsProcessed)
                .takeUntil(view -> view.status == BacktestView.Status.COMPLETED || view.status == BacktestView.Status.FAILED)
                .map(this::toGraphQl);
    }

    private ModelView existing(String nameOrId) {
        return directory.find(nameOrId).orElseThrow(() -> new ApiException(ApiErrorCode.NOT_FOUND, "no model " + nameOrId));
    }

    private Model sendAndAwait(ModelView model, Object command) {
        return toGraphQl(ReadYourWrites.sendAndAwait(commandGateway, command,
                updates.models().filter(view -> view.id().equals(model.id()) && view.lastSequence() > model.lastSequence()),
                readYourWritesTimeout, () -> directory.find(model.id()), "model"));
    }

    /** Public: other fetchers of the package call it through this bean's security proxy. */
    public Model toGraphQl(ModelView view) {
        return Model.newBuilder().id(view.id()).name(view.name()).kind(ModelKind.valueOf(view.kind().name()))
                .status(ModelStatus.valueOf(view.status().name())).productionVersion(view.productionVersion())
                .versions(view.versions().stream().map(v -> toGraphQl(view, v)).toList())
                .build();
    }

    private ModelVersion toGraphQl(ModelView model, ModelView.VersionView v) {
        ModelView.ValidationView validation = v.validation;
        return ModelVersion.newBuilder().version(v.version).status(ModelStatus.valueOf(v.status.name()))
                .features(v.features)
                .parameters(v.parameters.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> ModelParameter.newBuilder().name(e.getKey()).value(e.getValue()).build()).toList())
                .training(TrainingRange.newBuilder().symbol(v.trainingSymbol)
                        .interval(BarInterval.valueOf(v.trainingInterval.name()))
                        .from(time(v.trainingFrom)).to(time(v.trainingTo)).build())
                .artefactHash(v.artefactHash).registeredAt(time(v.registeredAt))
                .validation(validation == null ? null : Validation.newBuilder().backtestId(validation.backtestId())
                        .passed(validation.passed()).failures(validation.failures())
                        .metrics(toGraphQl(validation.metrics())).validatedAt(time(validation.validatedAt())).build())
                .promotedAt(time(v.promotedAt)).retiredAt(time(v.retiredAt)).retiredReason(v.retiredReason)
                .description(v.description)
                .liveScore(score(model.name() + "@" + v.version))
                .build();
    }

    private PredictionScore score(String modelVersion) {
        try {
            PredictionStore.Score score = predictions.score(modelVersion);
            long n = score.scored();
            return PredictionScore.newBuilder().scored((int) n)
                    .hitRate(n == 0 ? null : score.hits() / (double) n)
                    .coverage80(n == 0 ? null : score.within80() / (double) n)
                    .coverage95(n == 0 ? null : score.within95() / (double) n).build();
        } catch (SQLException e) {
            throw new ApiException(ApiErrorCode.UNAVAILABLE, "the prediction store is not reachable");
        }
    }

    private Backtest toGraphQl(BacktestView view) {
        int total = view.barsTotal == null ? 0 : view.barsTotal;
        double progress = view.status == BacktestView.Status.COMPLETED ? 1
                : total == 0 ? 0 : view.barsProcessed / (double) total;
        return Backtest.newBuilder().id(view.id).status(BacktestStatus.valueOf(view.status.name())).reason(view.reason)
                .model(view.modelName).modelId(view.modelId).version(view.version).symbol(view.symbol)
                .interval(BarInterval.valueOf(view.interval.name())).from(time(view.from)).to(time(view.to))
                .barsProcessed(view.barsProcessed).barsTotal(view.barsTotal).progress(progress)
                .metrics(view.metrics == null ? null : toGraphQl(view.metrics))
                .equity(view.equity == null ? List.of() : view.equity.stream()
                        .map(p -> EquityPoint.newBuilder().time(time(p.time())).equity(p.equity()).build()).toList())
                .requestedAt(time(view.requestedAt)).completedAt(time(view.completedAt))
                .build();
    }

    private static BacktestMetrics toGraphQl(org.mltrading.api.model.BacktestMetrics m) {
        return BacktestMetrics.newBuilder().totalReturn(m.totalReturn()).sharpe(m.sharpe()).sortino(m.sortino())
                .maxDrawdown(m.maxDrawdown()).trades(m.trades()).winRate(m.winRate()).turnover(m.turnover())
                .benchmarkReturn(m.benchmarkReturn()).bars(m.bars()).build();
    }

    private static Prediction toGraphQl(PredictionRow row) {
        return Prediction.newBuilder().id(row.id()).cursor(PredictionChangeLog.CURSORS.format(row.cursor()))
                .symbol(row.symbol()).modelVersion(row.modelVersion())
                .interval(BarInterval.valueOf(row.interval().name())).value(row.value())
                .lower(row.lower95()).upper(row.upper95()).lower80(row.lower80()).upper80(row.upper80())
                .barTime(time(row.barTime())).time(time(row.time()))
                .outcome(row.realisedReturn() == null ? null : PredictionOutcome.newBuilder()
                        .realisedReturn(row.realisedReturn()).directionHit(row.directionHit())
                        .within80(row.within80()).within95(row.within95()).build())
                .build();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
