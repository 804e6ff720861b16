package org.mltrading.ui.risk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mltrading.ui.shell.InstrumentFormat;

/** What a set of limits changes against the current ones, in words ("Max order notional $1,000,000 → $2,000,000"). */
final class LimitChanges {

    private LimitChanges() {
    }

    static String describe(RiskAccount.Limits current, RiskAccount.Limits next, String currency) {
        if (next == null) {
            return "";
        }
        List<String> changes = new ArrayList<>();
        money(changes, "Max order notional", current == null ? null : current.maxOrderNotional(), next.maxOrderNotional(), currency);
        plain(changes, "Max position", current == null ? null : current.maxPositionPerInstrument(), next.maxPositionPerInstrument());
        money(changes, "Max gross exposure", current == null ? null : current.maxGrossExposure(), next.maxGrossExposure(), currency);
        money(changes, "Max daily loss", current == null ? null : current.maxDailyLoss(), next.maxDailyLoss(), currency);
        Integer rate = current == null ? null : current.maxOrdersPerSecond();
        if (!Objects.equals(rate, next.maxOrdersPerSecond())) {
            changes.add("Max orders/s " + rate + " → " + next.maxOrdersPerSecond());
        }
        List<String> restricted = current == null || current.restrictedSymbols() == null ? List.of() : current.restrictedSymbols();
        List<String> restrictedNext = next.restrictedSymbols() == null ? List.of() : next.restrictedSymbols();
        if (!new java.util.TreeSet<>(restricted).equals(new java.util.TreeSet<>(restrictedNext))) {
            changes.add("Restricted " + (restricted.isEmpty() ? "none" : String.join(", ", restricted)) + " → "
                    + (restrictedNext.isEmpty() ? "none" : String.join(", ", restrictedNext)));
        }
        return changes.isEmpty() ? "No change" : String.join("; ", changes);
    }

    private static void money(List<String> changes, String name, BigDecimal current, BigDecimal next, String currency) {
        if (current == null || next == null || current.compareTo(next) != 0) {
            changes.add(name + " " + (current == null ? "–" : InstrumentFormat.money(current, currency)) + " → "
                    + (next == null ? "–" : InstrumentFormat.money(next, currency)));
        }
    }

    private static void plain(List<String> changes, String name, BigDecimal current, BigDecimal next) {
        if (current == null || next == null || current.compareTo(next) != 0) {
            changes.add(name + " " + (current == null ? "–" : current.stripTrailingZeros().toPlainString()) + " → "
                    + (next == null ? "–" : next.stripTrailingZeros().toPlainString()));
        }
    }
}
