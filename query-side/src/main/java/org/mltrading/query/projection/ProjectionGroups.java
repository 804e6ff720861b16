package org.mltrading.query.projection;

/** Names of the query side's processing groups (kebab-case, as Axon stores them in token stores). */
public final class ProjectionGroups {
    public static final String ORDERS = "order-projection";
    public static final String ACCOUNTS = "account-projection";
    /** The audit hash chain (never replayed). */
    public static final String AUDIT_CHAIN = "audit-chain";
    public static final String MODELS = "model-projection";
    public static final String BACKTESTS = "backtest-projection";
    public static final String STRATEGIES = "strategy-projection";
    /** Writes to QuestDB (idempotent upserts), so its token stays in the default token store. */
    public static final String PREDICTIONS = "prediction-projection";
    /** Alerts, their notifications and the webhook outbox (MongoDB). */
    public static final String ALERTS = "alert-projection";

    private ProjectionGroups() {
    }
}
