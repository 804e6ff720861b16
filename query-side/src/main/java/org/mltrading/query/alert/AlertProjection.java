package org.mltrading.query.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.mltrading.api.alert.AlertChangedEvent;
import org.mltrading.api.alert.AlertCreatedEvent;
import org.mltrading.api.alert.AlertDeletedEvent;
import org.mltrading.api.alert.AlertPausedEvent;
import org.mltrading.api.alert.AlertResumedEvent;
import org.mltrading.api.alert.AlertTriggeredEvent;
import org.mltrading.query.projection.ProjectionGroups;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Alerts into {@code alerts}; a firing into a notification for the owner and one outbox delivery per webhook
 * of the owner, all keyed by the episode so a replay writes nothing twice. The evaluator hears every change.
 */
@Component
@ProcessingGroup(ProjectionGroups.ALERTS)
class AlertProjection {

    private final MongoTemplate mongo;
    private final NotificationHub hub;
    private final AlertEvaluator evaluator;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    AlertProjection(MongoTemplate mongo, NotificationHub hub, AlertEvaluator evaluator) {
        this.mongo = mongo;
        this.hub = hub;
        this.evaluator = evaluator;
    }

    @EventHandler
    void on(AlertCreatedEvent event, @SequenceNumber long sequence) {
        if (mongo.findById(event.alertId(), AlertView.class) != null) {
            return;
        }
        var rule = event.rule();
        AlertView view = new AlertView(event.alertId(), event.owner(), rule.kind(), rule.symbol(), rule.level(),
                rule.direction(), rule.repeat(), rule.cooldownSeconds(), event.note(), AlertView.State.ACTIVE, 0, null,
                null, event.createdAt(), event.createdAt(), sequence);
        mongo.save(view);
        evaluator.changed(view);
    }

    @EventHandler
    void on(AlertChangedEvent event, @SequenceNumber long sequence) {
        var rule = event.rule();
        update(event.alertId(), sequence, view -> new AlertView(view.id(), view.owner(), view.kind(), view.symbol(),
                rule.level(), rule.direction(), rule.repeat(), rule.cooldownSeconds(), view.note(),
                view.state() == AlertView.State.PAUSED ? AlertView.State.PAUSED : AlertView.State.ACTIVE, view.episodes(),
                view.lastTriggeredAt(), view.lastObserved(), view.createdAt(), event.changedAt(), sequence));
    }

    @EventHandler
    void on(AlertPausedEvent event, @SequenceNumber long sequence) {
        update(event.alertId(), sequence, view -> with(view, AlertView.State.PAUSED, event.pausedAt(), sequence));
    }

    @EventHandler
    void on(AlertResumedEvent event, @SequenceNumber long sequence) {
        update(event.alertId(), sequence, view -> with(view, AlertView.State.ACTIVE, event.resumedAt(), sequence));
    }

    @EventHandler
    void on(AlertDeletedEvent event, @SequenceNumber long sequence) {
        update(event.alertId(), sequence, view -> with(view, AlertView.State.DELETED, event.deletedAt(), sequence));
    }

    @EventHandler
    void on(AlertTriggeredEvent event, @SequenceNumber long sequence) {
        update(event.alertId(), sequence, view -> new AlertView(view.id(), view.owner(), view.kind(), view.symbol(),
                view.level(), view.direction(), view.repeat(), view.cooldownSeconds(), view.note(),
                event.rule().repeat() ? AlertView.State.ACTIVE : AlertView.State.TRIGGERED, event.episode(),
                event.triggeredAt(), event.observed(), view.createdAt(), event.triggeredAt(), sequence));
        notify(event);
    }

    /** The owner's notification and the outbox deliveries to the owner's webhooks, once per episode. */
    private void notify(AlertTriggeredEvent event) {
        var rule = event.rule();
        String id = "alert:" + event.alertId() + ":" + event.episode();
        String title = rule.symbol() + " crossed " + rule.level().toPlainString();
        String body = rule.symbol() + " " + (rule.direction() == org.mltrading.api.alert.AlertDirection.EITHER ? "crossed"
                : rule.direction() == org.mltrading.api.alert.AlertDirection.UP ? "rose through" : "fell through")
                + " " + rule.level().toPlainString() + ": mid " + event.observed().toPlainString() + " at " + event.observedAt();
        NotificationView notification = new NotificationView(id, event.owner(), "ALERT_" + rule.kind().name(), title, body,
                event.alertId(), rule.symbol(), event.observed(), event.triggeredAt(), false, null);
        boolean fresh = insert(notification);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "alert.triggered");
        payload.put("timestamp", event.triggeredAt().toString());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("notificationId", id);
        data.put("alertId", event.alertId());
        data.put("episode", event.episode());
        data.put("kind", rule.kind().name());
        data.put("symbol", rule.symbol());
        data.put("level", rule.level().toPlainString());
        data.put("direction", rule.direction().name());
        data.put("observed", event.observed().toPlainString());
        data.put("observedAt", event.observedAt().toString());
        payload.put("data", data);
        String payloadJson;
        try {
            payloadJson = json.writeValueAsString(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Instant now = Instant.now();
        for (WebhookView webhook : mongo.find(new Query(Criteria.where("owner").is(event.owner()).and("active").is(true)),
                WebhookView.class)) {
            String deliveryId = webhook.id() + ":" + id;
            insert(new WebhookDelivery(deliveryId, webhook.id(), webhook.owner(), webhook.url(),
                    "msg_" + java.util.UUID.nameUUIDFromBytes(deliveryId.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    id, payloadJson, WebhookDelivery.Status.PENDING, List.of(), now, null, now, null));
        }
        if (fresh) {
            hub.publish(notification);
        }
    }

    private boolean insert(Object document) {
        try {
            mongo.insert(document);
            return true;
        } catch (DuplicateKeyException replayed) {
            return false; // written before this replay
        }
    }

    private void update(String alertId, long sequence, UnaryOperator<AlertView> change) {
        AlertView view = mongo.findById(alertId, AlertView.class);
        if (view == null || view.lastSequence() >= sequence) {
            return;
        }
        AlertView changed = change.apply(view);
        mongo.save(changed);
        evaluator.changed(changed);
    }

    private static AlertView with(AlertView view, AlertView.State state, Instant at, long sequence) {
        return new AlertView(view.id(), view.owner(), view.kind(), view.symbol(), view.level(), view.direction(),
                view.repeat(), view.cooldownSeconds(), view.note(), state, view.episodes(), view.lastTriggeredAt(),
                view.lastObserved(), view.createdAt(), at, sequence);
    }
}
