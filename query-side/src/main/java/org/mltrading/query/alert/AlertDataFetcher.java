package org.mltrading.query.alert;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.DgsSubscription;
import com.netflix.graphql.dgs.InputArgument;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mltrading.api.alert.AlertDirection;
import org.mltrading.api.alert.AlertKind;
import org.mltrading.api.alert.AlertRule;
import org.mltrading.api.alert.CreateAlertCommand;
import org.mltrading.api.alert.DeleteAlertCommand;
import org.mltrading.api.alert.PauseAlertCommand;
import org.mltrading.api.alert.ResumeAlertCommand;
import org.mltrading.api.alert.UpdateAlertCommand;
import org.mltrading.graphql.types.Alert;
import org.mltrading.graphql.types.CreateAlertInput;
import org.mltrading.graphql.types.DeliveryAttempt;
import org.mltrading.graphql.types.Notification;
import org.mltrading.graphql.types.NotificationConnection;
import org.mltrading.graphql.types.NotificationEdge;
import org.mltrading.graphql.types.PageInfo;
import org.mltrading.graphql.types.RegisterWebhookInput;
import org.mltrading.graphql.types.UpdateAlertInput;
import org.mltrading.graphql.types.Webhook;
import org.mltrading.query.graphql.ApiErrorCode;
import org.mltrading.query.graphql.ApiException;
import org.mltrading.query.graphql.CommandMetadata;
import org.mltrading.query.marketdata.instrument.InstrumentCatalog;
import org.mltrading.query.security.ApiPrincipal;
import org.reactivestreams.Publisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Alerts, notifications and webhooks. A caller manages only their own alerts and reads only their own
 * notifications; webhooks belong to an integrator client; deliveries are visible to their owner and to
 * compliance. Codes: ALERT_*, WEBHOOK_*.
 */
@DgsComponent
class AlertDataFetcher {

    static final int MAX_ALERTS_PER_OWNER = 1_000;
    private static final long READ_YOUR_WRITES_MILLIS = 5_000;

    private final CommandGateway commands;
    private final MongoTemplate mongo;
    private final InstrumentCatalog instruments;
    private final NotificationHub hub;
    private final WebhookRegistry webhooks;
    private final WebhookDispatcher dispatcher;

    AlertDataFetcher(CommandGateway commands, MongoTemplate mongo, InstrumentCatalog instruments, NotificationHub hub,
                     WebhookRegistry webhooks, WebhookDispatcher dispatcher) {
        this.commands = commands;
        this.mongo = mongo;
        this.instruments = instruments;
        this.hub = hub;
        this.webhooks = webhooks;
        this.dispatcher = dispatcher;
    }

    // ------------------------------------------------------------------ alerts

    @DgsQuery
    @PreAuthorize("isAuthenticated()")
    List<Alert> alerts() {
        return mongo.find(new Query(Criteria.where("owner").is(ApiPrincipal.current().subject())
                        .and("state").ne(AlertView.State.DELETED.name())).with(Sort.by("createdAt")), AlertView.class)
                .stream().map(AlertDataFetcher::toGraphQl).toList();
    }

    @DgsMutation
    @PreAuthorize("isAuthenticated()")
    Alert createAlert(@InputArgument CreateAlertInput input) {
        ApiPrincipal principal = ApiPrincipal.current();
        AlertKind kind = AlertKind.valueOf(input.getKind().name());
        String symbol = input.getSymbol() == null ? null : input.getSymbol().strip().toUpperCase(Locale.ROOT);
        if (symbol != null && instruments.find(symbol).isEmpty()) {
            throw new ApiException("ALERT_INVALID_INPUT", "no instrument " + symbol);
        }
        long owned = mongo.count(new Query(Criteria.where("owner").is(principal.subject())
                .and("state").ne(AlertView.State.DELETED.name())), AlertView.class);
        if (owned >= MAX_ALERTS_PER_OWNER) {
            throw new ApiException("ALERT_LIMIT_REACHED", "at most " + MAX_ALERTS_PER_OWNER + " alerts per user");
        }
        AlertRule rule = new AlertRule(kind, symbol, input.getLevel(),
                input.getDirection() == null ? AlertDirection.EITHER : AlertDirection.valueOf(input.getDirection().name()),
                input.getRepeat() != null && input.getRepeat(),
                input.getCooldownSeconds() == null ? 60 : input.getCooldownSeconds());
        String id = "alert_" + UUID.randomUUID().toString().replace("-", "");
        send(principal, new CreateAlertCommand(id, principal.subject(), rule, input.getNote()));
        return toGraphQl(await(id, view -> true));
    }

    @DgsMutation
    @PreAuthorize("isAuthenticated()")
    Alert updateAlert(@InputArgument UpdateAlertInput input) {
        ApiPrincipal principal = ApiPrincipal.current();
        AlertView alert = own(input.getId());
        AlertRule rule = new AlertRule(alert.kind(), alert.symbol(),
                input.getLevel() != null ? input.getLevel() : alert.level(),
                input.getDirection() != null ? AlertDirection.valueOf(input.getDirection().name()) : alert.direction(),
                input.getRepeat() != null ? input.getRepeat() : alert.repeat(),
                input.getCooldownSeconds() != null ? input.getCooldownSeconds() : alert.cooldownSeconds());
        send(principal, new UpdateAlertCommand(alert.id(), principal.subject(), rule));
        return toGraphQl(await(alert.id(), view -> view.lastSequence() > alert.lastSequence()));
    }

    @DgsMutation
    @PreAuthorize("isAuthenticated()")
    Alert pauseAlert(@InputArgument String id) {
        ApiPrincipal principal = ApiPrincipal.current();
        AlertView alert = own(id);
        send(principal, new PauseAlertCommand(alert.id(), principal.subject()));
        return toGraphQl(await(alert.id(), view -> view.state() == AlertView.State.PAUSED));
    }

    @DgsMutation
    @PreAuthorize("isAuthenticated()")
    Alert resumeAlert(@InputArgument String id) {
        ApiPrincipal principal = ApiPrincipal.current();
        AlertView alert = own(id);
        send(principal, new ResumeAlertCommand(alert.id(), principal.subject()));
        return toGraphQl(await(alert.id(), view -> view.state() == AlertView.State.ACTIVE));
    }

    @DgsMutation
    @PreAuthorize("isAuthenticated()")
    Alert deleteAlert(@InputArgument String id) {
        ApiPrincipal principal = ApiPrincipal.current();
        AlertView alert = own(id);
        send(principal, new DeleteAlertCommand(alert.id(), principal.subject()));
        return toGraphQl(await(alert.id(), view -> view.state() == AlertView.State.DELETED));
    }

    // ------------------------------------------------------------------ notifications

    @DgsQuery
    @PreAuthorize("isAuthenticated()")
    NotificationConnection notifications(@InputArgument Integer first, @InputArgument String after) {
        String me = ApiPrincipal.current().subject();
        int size = first == null ? 20 : first;
        if (size < 1 || size > 200) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "first must be between 1 and 200");
        }
        Criteria criteria = Criteria.where("recipient").is(me);
        if (after != null) {
            String[] cursor = decode(after);
            Instant at = Instant.parse(cursor[0]);
            criteria = criteria.orOperator(Criteria.where("createdAt").lt(at),
                    new Criteria().andOperator(Criteria.where("createdAt").is(at), Criteria.where("_id").lt(cursor[1])));
        }
        List<NotificationView> page = mongo.find(new Query(criteria).with(Sort.by(Sort.Order.desc("createdAt"),
                Sort.Order.desc("_id"))).limit(size + 1), NotificationView.class);
        boolean more = page.size() > size;
        List<NotificationView> shown = more ? page.subList(0, size) : page;
        long unread = mongo.count(new Query(Criteria.where("recipient").is(me).and("acknowledged").is(false)),
                NotificationView.class);
        return NotificationConnection.newBuilder()
                .edges(shown.stream().map(n -> NotificationEdge.newBuilder().cursor(encode(n)).node(toGraphQl(n)).build()).toList())
                .pageInfo(PageInfo.newBuilder().hasNextPage(more).endCursor(shown.isEmpty() ? null : encode(shown.get(shown.size() - 1))).build())
                .unread((int) unread).build();
    }

    @DgsMutation
    @PreAuthorize("isAuthenticated()")
    Notification acknowledgeNotification(@InputArgument String id) {
        String me = ApiPrincipal.current().subject();
        NotificationView notification = mongo.findAndModify(new Query(Criteria.where("_id").is(id).and("recipient").is(me)),
                new Update().set("acknowledged", true).set("acknowledgedAt", Instant.now()),
                org.springframework.data.mongodb.core.FindAndModifyOptions.options().returnNew(true), NotificationView.class);
        if (notification == null) {
            throw new ApiException(ApiErrorCode.NOT_FOUND, "no notification " + id);
        }
        return toGraphQl(notification);
    }

    @DgsSubscription
    @PreAuthorize("isAuthenticated()")
    Publisher<Notification> notifications() {
        String me = ApiPrincipal.current().subject();
        return hub.stream().filter(n -> n.recipient().equals(me)).onBackpressureBuffer(1_024)
                .map(AlertDataFetcher::toGraphQl);
    }

    // ------------------------------------------------------------------ webhooks

    @DgsMutation
    @PreAuthorize("hasRole('INTEGRATOR')")
    Webhook registerWebhook(@InputArgument RegisterWebhookInput input) {
        WebhookView webhook = webhooks.register(ApiPrincipal.current().subject(), input.getUrl());
        return Webhook.newBuilder().id(webhook.id()).url(webhook.url()).createdAt(at(webhook.createdAt()))
                .secret(webhook.secret()).build(); // the secret is shown this once
    }

    @DgsQuery
    @PreAuthorize("hasRole('INTEGRATOR')")
    List<Webhook> webhooks() {
        return webhooks.mine(ApiPrincipal.current().subject()).stream().map(webhook -> Webhook.newBuilder()
                .id(webhook.id()).url(webhook.url()).createdAt(at(webhook.createdAt())).build()).toList();
    }

    @DgsQuery
    @PreAuthorize("hasAnyRole('INTEGRATOR','COMPLIANCE','ADMIN')")
    List<org.mltrading.graphql.types.WebhookDelivery> webhookDeliveries(@InputArgument Integer first,
                                                                      @InputArgument org.mltrading.graphql.types.DeliveryStatus status) {
        ApiPrincipal principal = ApiPrincipal.current();
        int size = first == null ? 50 : first;
        if (size < 1 || size > 500) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "first must be between 1 and 500");
        }
        Criteria criteria = principal.hasAnyRole("COMPLIANCE", "ADMIN") ? new Criteria()
                : Criteria.where("owner").is(principal.subject());
        if (status != null) {
            criteria = criteria.and("status").is(status.name());
        }
        return mongo.find(new Query(criteria).with(Sort.by(Sort.Order.desc("createdAt"))).limit(size), WebhookDelivery.class)
                .stream().map(AlertDataFetcher::toGraphQl).toList();
    }

    @DgsMutation
    @PreAuthorize("hasRole('INTEGRATOR')")
    org.mltrading.graphql.types.WebhookDelivery replayDeadLetter(@InputArgument String deliveryId) {
        WebhookDelivery delivery = mongo.findById(deliveryId, WebhookDelivery.class);
        if (delivery == null || !delivery.owner().equals(ApiPrincipal.current().subject())) {
            throw new ApiException(ApiErrorCode.NOT_FOUND, "no delivery " + deliveryId);
        }
        if (delivery.status() != WebhookDelivery.Status.DEAD) {
            throw new ApiException("WEBHOOK_NOT_DEAD", "delivery " + deliveryId + " is " + delivery.status()
                    + "; only a dead letter is replayed");
        }
        WebhookDelivery replayed = dispatcher.replay(deliveryId);
        return toGraphQl(replayed == null ? mongo.findById(deliveryId, WebhookDelivery.class) : replayed);
    }

    // ------------------------------------------------------------------ helpers

    private void send(ApiPrincipal principal, Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(CommandMetadata.of(principal)));
    }

    /** The caller's own alert; someone else's answers like an unknown one. */
    private AlertView own(String id) {
        AlertView alert = id == null ? null : mongo.findById(id, AlertView.class);
        if (alert == null || !alert.owner().equals(ApiPrincipal.current().subject())) {
            throw new ApiException("ALERT_NOT_FOUND", "no alert " + id);
        }
        return alert;
    }

    /** The alert once the projection shows the change (read-your-writes), else as it is now. */
    private AlertView await(String id, Predicate<AlertView> done) {
        long deadline = System.currentTimeMillis() + READ_YOUR_WRITES_MILLIS;
        AlertView view = null;
        while (System.currentTimeMillis() < deadline) {
            view = mongo.findById(id, AlertView.class);
            if (view != null && done.test(view)) {
                return view;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (view == null) {
            throw new ApiException(ApiErrorCode.UNAVAILABLE, "alert " + id + " was stored but is not readable yet; query alerts shortly");
        }
        return view;
    }

    private static Alert toGraphQl(AlertView view) {
        return Alert.newBuilder().id(view.id()).kind(org.mltrading.graphql.types.AlertKind.valueOf(view.kind().name()))
                .symbol(view.symbol()).level(view.level())
                .direction(org.mltrading.graphql.types.AlertDirection.valueOf(view.direction().name()))
                .repeat(view.repeat()).cooldownSeconds((int) view.cooldownSeconds()).note(view.note())
                .state(org.mltrading.graphql.types.AlertState.valueOf(view.state().name())).episodes((int) view.episodes())
                .lastTriggeredAt(at(view.lastTriggeredAt())).lastObserved(view.lastObserved())
                .createdAt(at(view.createdAt())).build();
    }

    private static Notification toGraphQl(NotificationView view) {
        return Notification.newBuilder().id(view.id()).kind(view.kind()).title(view.title()).body(view.body())
                .alertId(view.alertId()).symbol(view.symbol()).createdAt(at(view.createdAt()))
                .acknowledged(view.acknowledged()).acknowledgedAt(at(view.acknowledgedAt())).build();
    }

    private static org.mltrading.graphql.types.WebhookDelivery toGraphQl(WebhookDelivery view) {
        return org.mltrading.graphql.types.WebhookDelivery.newBuilder().id(view.id()).webhookId(view.webhookId())
                .messageId(view.messageId()).notificationId(view.notificationId()).url(view.url())
                .status(org.mltrading.graphql.types.DeliveryStatus.valueOf(view.status().name()))
                .attempts(view.attempts() == null ? List.of() : view.attempts().stream().map(attempt -> DeliveryAttempt.newBuilder()
                        .at(at(attempt.at())).httpStatus(attempt.httpStatus()).error(attempt.error()).build()).toList())
                .createdAt(at(view.createdAt())).deliveredAt(at(view.deliveredAt())).nextAttemptAt(at(view.nextAttemptAt()))
                .build();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String encode(NotificationView n) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((n.createdAt() + "|" + n.id()).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            Instant.parse(parts[0]);
            return parts;
        } catch (RuntimeException e) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "invalid cursor: " + cursor);
        }
    }
}
