package org.mltrading.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.mltrading.api.audit.AuditMetadata;

class AuditCorrelationDataProviderTest {

    private final AuditCorrelationDataProvider provider = new AuditCorrelationDataProvider();

    @Test
    void actor_roles_and_mfa_travel_unchanged_and_the_causation_is_the_handled_message() {
        var command = new GenericCommandMessage<>("payload", MetaData.from(Map.of(
                AuditMetadata.ACTOR, "trader", AuditMetadata.ACTOR_TYPE, "USER", AuditMetadata.ROLES, "TRADER",
                AuditMetadata.MFA, true, AuditMetadata.CORRELATION_ID, "req-42", "unrelated", "x")));

        Map<String, Object> data = Map.copyOf(provider.correlationDataFor(command));

        assertThat(data).containsEntry(AuditMetadata.ACTOR, "trader")
                .containsEntry(AuditMetadata.ACTOR_TYPE, "USER")
                .containsEntry(AuditMetadata.ROLES, "TRADER")
                .containsEntry(AuditMetadata.MFA, true)
                .containsEntry(AuditMetadata.CORRELATION_ID, "req-42")
                .containsEntry(AuditMetadata.CAUSATION_ID, command.getIdentifier())
                .doesNotContainKey("unrelated");
    }

    @Test
    void a_message_without_correlation_starts_a_new_one_named_after_itself() {
        var command = new GenericCommandMessage<>("payload", MetaData.emptyInstance());

        assertThat(Map.<String, Object>copyOf(provider.correlationDataFor(command)))
                .containsEntry(AuditMetadata.CORRELATION_ID, command.getIdentifier())
                .containsEntry(AuditMetadata.CAUSATION_ID, command.getIdentifier());
    }
}
