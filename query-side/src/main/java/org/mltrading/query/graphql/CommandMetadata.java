package org.mltrading.query.graphql;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.messaging.MetaData;
import org.mltrading.api.audit.AuditMetadata;
import org.mltrading.query.security.ApiPrincipal;

/**
 * Who/why of a command, attached at the GraphQL edge. Axon copies it onto every event the command
 * causes (see the command side's AuditCorrelationDataProvider), so the event store answers "who did it".
 */
public final class CommandMetadata {

    private CommandMetadata() {
    }

    /** A new business request: its correlation id is also the cause of the command it sends. */
    public static MetaData of(ApiPrincipal principal) {
        String correlationId = UUID.randomUUID().toString();
        Map<String, Object> values = new HashMap<>();
        values.put(AuditMetadata.ACTOR, principal.subject());
        values.put(AuditMetadata.ACTOR_TYPE, principal.client() ? "CLIENT" : "USER");
        values.put(AuditMetadata.ROLES, String.join(",", principal.roles()));
        values.put(AuditMetadata.MFA, principal.mfa());
        values.put(AuditMetadata.CORRELATION_ID, correlationId);
        values.put(AuditMetadata.CAUSATION_ID, correlationId);
        return MetaData.from(values);
    }
}
