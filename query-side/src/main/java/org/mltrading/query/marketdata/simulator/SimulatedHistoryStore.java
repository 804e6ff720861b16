package org.mltrading.query.marketdata.simulator;

import java.util.List;
import java.util.Optional;
import org.mltrading.api.marketdata.Bar;
import org.mltrading.api.marketdata.Trade;

/** Where the simulator's warm-start history goes (QuestDB in the platform, memory in tests). */
public interface SimulatedHistoryStore {

    /** The latest simulated print stored for the symbol (a live trade or the close of a history bar). */
    Optional<LastPrint> lastPrint(String symbol);

    /**
     * Stores one symbol's history, bars (one-minute) and trades (all later than the bars' start), and
     * returns once a read would see them. Idempotent: writing the same rows again changes nothing.
     */
    void write(String symbol, List<Bar> bars, List<Trade> trades);
}
