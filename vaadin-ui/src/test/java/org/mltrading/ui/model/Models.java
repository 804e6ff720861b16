package org.mltrading.ui.model;

import java.time.Instant;
import java.util.List;

/** Test data: model versions and backtests as the API would answer them. */
final class Models {

    private Models() {
    }

    static BacktestMetrics metrics(double totalReturn) {
        return new BacktestMetrics(totalReturn, 1.234, 1.5, 0.08, 12, 0.5833, 3.2, 0.05, 252);
    }

    static ModelInfo.Version version(int number, String status, Boolean passed) {
        ModelInfo.Validation validation = passed == null ? null
                : new ModelInfo.Validation("bt-" + number, passed, passed ? List.of() : List.of("sharpe 0.2 < 0.5"),
                metrics(0.12), Instant.parse("2026-11-01T00:00:00Z"));
        return new ModelInfo.Version(number, status, List.of("return_1", "volatility_20"),
                Instant.parse("2026-10-01T00:00:00Z"), validation, null, null, null,
                new ModelInfo.LiveScore(0, null, null, null));
    }

    static ModelInfo model(String name, String kind, ModelInfo.Version... versions) {
        return new ModelInfo("id-" + name, name, kind, versions[versions.length - 1].status(), null,
                List.of(versions));
    }

    static BacktestRun backtest(String status, double progress, BacktestMetrics metrics,
                                List<BacktestRun.EquityPoint> equity) {
        return new BacktestRun("bt-1", status, "FAILED".equals(status) ? "no bars stored for AAPL" : null,
                "momentum", 2, "AAPL", "ONE_DAY", Instant.parse("2013-01-01T00:00:00Z"),
                Instant.parse("2014-01-01T00:00:00Z"), (int) (progress * 252), 252, progress, metrics, equity);
    }
}
