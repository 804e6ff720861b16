package org.mltrading.query.alert;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox ({@code webhook_deliveries}): claims due deliveries one by one (PENDING → SENDING with a
 * lease, so a second node or a restart never sends one twice at once; a lease that runs out — the sender
 * died — makes it due again), POSTs them signed, and records every attempt. 2xx: DELIVERED. Anything else:
 * retried after retry-base × 2^(attempts − 1) (capped at an hour) with the same {@code webhook-id}; after
 * max-attempts: DEAD, listed for its owner and compliance, and sent again only by {@code replayDeadLetter}.
 * Nothing is dropped: a delivery is in the outbox until it is DELIVERED or DEAD.
 */
@Component
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    static final Duration LEASE = Duration.ofSeconds(30);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final MongoTemplate mongo;
    private final Duration retryBase;
    private final int maxAttempts;
    private final Semaphore inFlight;
    private final HttpClient http;
    private final ExecutorService senders;
    private volatile boolean running;
    private Thread loop;

    WebhookDispatcher(MongoTemplate mongo,
                      @Value("${platform.webhooks.retry-base:1s}") Duration retryBase,
                      @Value("${platform.webhooks.max-attempts:8}") int maxAttempts,
                      @Value("${platform.webhooks.concurrency:64}") int concurrency) {
        this.mongo = mongo;
        this.retryBase = retryBase;
        this.maxAttempts = maxAttempts;
        this.inFlight = new Semaphore(concurrency);
        this.senders = Executors.newFixedThreadPool(Math.max(2, Math.min(concurrency, 16)), runnable -> {
            Thread thread = new Thread(runnable, "webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(senders).build();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        running = true;
        loop = new Thread(this::run, "webhook-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        running = false;
        if (loop != null) {
            loop.interrupt();
        }
        senders.shutdown();
    }

    private void run() {
        while (running) {
            try {
                int claimed = 0;
                while (running && inFlight.tryAcquire(1, TimeUnit.SECONDS)) {
                    WebhookDelivery delivery = claim();
                    if (delivery == null) {
                        inFlight.release();
                        break;
                    }
                    claimed++;
                    send(delivery);
                }
                if (claimed == 0) {
                    Thread.sleep(50);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("webhook dispatcher: {} (retrying)", e.toString());
                sleep();
            }
        }
    }

    /** The next due delivery, leased to this sender; a SENDING one whose lease ran out is due again. */
    private WebhookDelivery claim() {
        Instant now = Instant.now();
        Criteria due = new Criteria().orOperator(
                Criteria.where("status").is(WebhookDelivery.Status.PENDING.name()).and("nextAttemptAt").lte(now),
                Criteria.where("status").is(WebhookDelivery.Status.SENDING.name()).and("leaseUntil").lt(now));
        Query query = new Query(due).with(org.springframework.data.domain.Sort.by("nextAttemptAt")).limit(1);
        return mongo.findAndModify(query, new Update().set("status", WebhookDelivery.Status.SENDING.name())
                .set("leaseUntil", now.plus(LEASE)), FindAndModifyOptions.options().returnNew(true), WebhookDelivery.class);
    }

    private void send(WebhookDelivery delivery) {
        long timestamp = Instant.now().getEpochSecond();
        WebhookView webhook = mongo.findById(delivery.webhookId(), WebhookView.class);
        if (webhook == null) {
            record(delivery, null, "the webhook was removed", true);
            inFlight.release();
            return;
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(Duration.ofSeconds(10))
                    .header("content-type", "application/json")
                    .header("webhook-id", delivery.messageId())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.sign(webhook.secret(), delivery.messageId(), timestamp,
                            delivery.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload())).build();
        } catch (IllegalArgumentException e) {
            record(delivery, null, "invalid URL: " + e.getMessage(), true);
            inFlight.release();
            return;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            try {
                if (failure != null) {
                    record(delivery, null, failure.getClass().getSimpleName() + ": " + failure.getMessage(), false);
                } else {
                    int status = response.statusCode();
                    record(delivery, status, status / 100 == 2 ? null : "HTTP " + status, false);
                }
            } catch (RuntimeException e) {
                log.warn("webhook delivery {} not recorded ({}); its lease runs out and it is sent again", delivery.id(),
                        e.toString());
            } finally {
                inFlight.release();
            }
        });
    }

    /** Records an attempt: delivered, retried later, or dead. */
    private void record(WebhookDelivery delivery, Integer httpStatus, String error, boolean fatal) {
        Instant now = Instant.now();
        List<WebhookDelivery.Attempt> attempts = new ArrayList<>(delivery.attempts() == null ? List.of() : delivery.attempts());
        attempts.add(new WebhookDelivery.Attempt(now, httpStatus, error));
        Update update = new Update().set("attempts", attempts).unset("leaseUntil");
        if (error == null) {
            update.set("status", WebhookDelivery.Status.DELIVERED.name()).set("deliveredAt", now);
        } else if (fatal || attempts.size() >= maxAttempts) {
            update.set("status", WebhookDelivery.Status.DEAD.name());
        } else {
            Duration wait = retryBase.multipliedBy(1L << Math.min(20, attempts.size() - 1));
            update.set("status", WebhookDelivery.Status.PENDING.name())
                    .set("nextAttemptAt", now.plus(wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait));
        }
        mongo.updateFirst(new Query(Criteria.where("_id").is(delivery.id())), update, WebhookDelivery.class);
    }

    /** A dead delivery back to PENDING (same webhook-id), sent at once. */
    WebhookDelivery replay(String deliveryId) {
        return mongo.findAndModify(new Query(Criteria.where("_id").is(deliveryId).and("status")
                        .is(WebhookDelivery.Status.DEAD.name())),
                new Update().set("status", WebhookDelivery.Status.PENDING.name()).set("nextAttemptAt", Instant.now()),
                FindAndModifyOptions.options().returnNew(true), WebhookDelivery.class);
    }

    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
