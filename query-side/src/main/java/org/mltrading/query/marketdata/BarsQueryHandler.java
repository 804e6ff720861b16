package org.mltrading.query.marketdata;

import java.sql.SQLException;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.mltrading.api.marketdata.Bar;
import org.mltrading.api.marketdata.FindBarsQuery;
import org.springframework.stereotype.Component;

/** Answers bar queries of other modules (the ML bridge's backtests) from the time-series store. */
@Component
class BarsQueryHandler {

    private final MarketDataQueries queries;

    BarsQueryHandler(MarketDataQueries queries) {
        this.queries = queries;
    }

    @QueryHandler
    List<Bar> handle(FindBarsQuery query) throws SQLException {
        return queries.bars(query.symbol(), query.interval(), query.from(), query.to());
    }
}
