package org.mltrading.query.alert;

import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A notification for one recipient ({@code notifications}): made once per alert episode ({@code _id}
 * alert:&lt;id&gt;:&lt;episode&gt;, so a replayed event makes no second one); acknowledged by its recipient.
 */
@Document("notifications")
public record NotificationView(@Id String id, String recipient, String kind, String title, String body, String alertId,
                               String symbol, BigDecimal observed, Instant createdAt, boolean acknowledged,
                               Instant acknowledgedAt) {
}
