package org.mltrading.query.strategy;

import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.mltrading.api.common.StrategyId;
import org.mltrading.api.strategy.FindActiveStrategiesQuery;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads of the strategy read model, for GraphQL and for the command side's strategy runner. */
@Component
class StrategyDirectory {

    private final MongoTemplate mongo;

    StrategyDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<StrategyView> find(String id) {
        return Optional.ofNullable(mongo.findById(id, StrategyView.class));
    }

    /** Newest first. */
    List<StrategyView> ofAccount(String accountId) {
        return mongo.find(new Query(Criteria.where("accountId").is(accountId))
                .with(Sort.by(Sort.Direction.DESC, "startedAt")), StrategyView.class);
    }

    @QueryHandler
    List<StrategyId> handle(FindActiveStrategiesQuery query) {
        // a flat equality filter (the embedded store uses indexes only for those)
        Criteria criteria = Criteria.where("modelId").is(query.modelId().value())
                .and("modelVersion").is(query.modelVersion()).and("active").is(true);
        if (query.symbol() != null) {
            criteria = criteria.and("symbol").is(query.symbol());
        }
        return mongo.find(new Query(criteria), StrategyView.class).stream()
                .map(view -> new StrategyId(view.id())).toList();
    }
}
