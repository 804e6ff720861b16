package org.mltrading.query.projection;

/** Names of the query side's processing groups (kebab-case, as Axon stores them in token stores). */
public final class ProjectionGroups {
    public static final String ORDERS = "order-projection";
    public static final String ACCOUNTS = "account-projection";
    /** The audit hash chain (never replayed). */
    public static final String AUDIT_CHAIN = "audit-chain";

    private ProjectionGroups() {
    }
}
