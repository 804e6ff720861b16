package org.mltrading.query.security;

/**
 * Whether a principal may (still) see an account: asked again for every event a live subscription
 * with an {@code accountId} argument emits, so a revoked entitlement ends the subscription
 * ({@link SubscriptionGuard}). Implemented by the account context, which owns the rule.
 */
public interface AccountVisibility {

    boolean canView(ApiPrincipal principal, String accountId);
}
