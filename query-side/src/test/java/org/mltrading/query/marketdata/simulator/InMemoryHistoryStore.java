package org.mltrading.query.marketdata.simulator;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mltrading.api.marketdata.Bar;
import org.mltrading.api.marketdata.Trade;

/** The history store's contract in memory (the QuestDB one is exercised by the platform's ITs). */
final class InMemoryHistoryStore implements SimulatedHistoryStore {

    final Map<String, List<Bar>> bars = new ConcurrentHashMap<>();
    final Map<String, List<Trade>> trades = new ConcurrentHashMap<>();

    @Override
    public Optional<LastPrint> lastPrint(String symbol) {
        List<Trade> printed = trades.getOrDefault(symbol, List.of());
        List<Bar> barred = bars.getOrDefault(symbol, List.of());
        Optional<LastPrint> trade = printed.isEmpty() ? Optional.empty() : Optional.of(new LastPrint(
                printed.get(printed.size() - 1).time(), printed.get(printed.size() - 1).price()));
        Optional<LastPrint> bar = barred.isEmpty() ? Optional.empty() : Optional.of(new LastPrint(
                barred.get(barred.size() - 1).time().plus(1, ChronoUnit.MINUTES).minus(1, ChronoUnit.MICROS),
                barred.get(barred.size() - 1).close()));
        if (trade.isPresent() && bar.isPresent()) {
            return trade.get().time().isAfter(bar.get().time()) ? trade : bar;
        }
        return trade.isPresent() ? trade : bar;
    }

    @Override
    public void write(String symbol, List<Bar> newBars, List<Trade> newTrades) {
        bars.computeIfAbsent(symbol, s -> new ArrayList<>()).addAll(newBars);
        trades.computeIfAbsent(symbol, s -> new ArrayList<>()).addAll(newTrades);
    }
}
