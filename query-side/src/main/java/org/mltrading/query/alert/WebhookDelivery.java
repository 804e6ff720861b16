package org.mltrading.query.alert;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message to one webhook ({@code webhook_deliveries}, the outbox): written with the notification, so a
 * delivery accepted survives a crash; {@code messageId} is the {@code webhook-id} header of every attempt
 * (a receiver deduplicating on it processes the message once). {@code _id} = webhook:notification, so a
 * replayed event makes no second delivery.
 */
@Document("webhook_deliveries")
public record WebhookDelivery(@Id String id, String webhookId, String owner, String url, String messageId,
                              String notificationId, String payload, Status status, List<Attempt> attempts,
                              Instant nextAttemptAt, Instant leaseUntil, Instant createdAt, Instant deliveredAt) {

    public enum Status { PENDING, SENDING, DELIVERED, DEAD }

    /** One try: when, the receiver's HTTP status (null when none came back) and what went wrong. */
    public record Attempt(Instant at, Integer httpStatus, String error) {
    }
}
