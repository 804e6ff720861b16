package org.mltrading.query.alert;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A webhook endpoint of an integrator client ({@code webhooks}); the secret signs every delivery. */
@Document("webhooks")
public record WebhookView(@Id String id, String owner, String url, String secret, Instant createdAt, boolean active) {
}
