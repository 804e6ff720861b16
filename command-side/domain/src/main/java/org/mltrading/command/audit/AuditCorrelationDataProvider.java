package org.mltrading.command.audit;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.mltrading.api.audit.AuditMetadata;
import org.springframework.stereotype.Component;

/**
 * Copies who/why onto every message produced while handling another: the actor, roles and MFA flag of
 * the command travel unchanged; the correlation id is kept for the whole business request and the
 * causation id names the message that caused this one. Replaces Axon's default MessageOriginProvider,
 * whose "correlationId" means causation.
 */
@Component
public class AuditCorrelationDataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        for (String key : AuditMetadata.PROPAGATED) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        Object correlationId = message.getMetaData().get(AuditMetadata.CORRELATION_ID);
        data.put(AuditMetadata.CORRELATION_ID, correlationId != null ? correlationId : message.getIdentifier());
        data.put(AuditMetadata.CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
