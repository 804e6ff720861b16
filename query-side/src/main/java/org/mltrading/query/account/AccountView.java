package org.mltrading.query.account;

import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Read model of an account in MongoDB ({@code accounts}). */
@Document("accounts")
public record AccountView(
        @Id String id,
        String name,
        String owner,
        String currency,
        Set<String> entitledPrincipals,
        Instant createdAt) {
}
