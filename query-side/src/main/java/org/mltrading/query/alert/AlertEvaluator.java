package org.mltrading.query.alert;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mltrading.api.alert.AlertDirection;
import org.mltrading.api.alert.AlertKind;
import org.mltrading.api.alert.TriggerAlertCommand;
import org.mltrading.api.marketdata.Quote;
import org.mltrading.query.marketdata.MarketDataHub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Evaluates PRICE_CROSS alerts on the live quotes: per symbol the armed rules sorted by level, so a quote
 * costs a range lookup between the previous mid and this one, not a scan of every rule (10,000 rules on
 * one node). A crossing sends {@code TriggerAlertCommand} for the next episode; the aggregate makes a
 * repeated trigger a no-op. A one-shot rule stops being watched when it fires; a repeating one is watched
 * again once the price has gone back across the level by the hysteresis band and the cooldown has passed,
 * so a price hovering at the level does not flood. Evaluation runs on its own thread, never the feed's.
 */
@Component
public class AlertEvaluator {

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);
    /** How far back across the level (a fraction of it) a repeating rule's price must go before it re-arms. */
    static final BigDecimal HYSTERESIS = new BigDecimal("0.001");

    /** A watched rule and its local firing state. */
    static final class Rule {
        final AlertView view;
        long episodes;
        boolean waitingForReset;
        Instant quietUntil = Instant.MIN;

        Rule(AlertView view) {
            this.view = view;
            this.episodes = view.episodes();
        }
    }

    private final MongoTemplate mongo;
    private final MarketDataHub hub;
    private final CommandGateway commands;
    private final Map<String, NavigableMap<BigDecimal, List<Rule>>> bySymbol = new ConcurrentHashMap<>();
    private final Map<String, Rule> byId = new ConcurrentHashMap<>();
    private final Map<String, BigDecimal> lastMid = new ConcurrentHashMap<>();
    private final Scheduler thread = Schedulers.newSingle("alert-evaluator", true);
    private final AtomicLong quotesSeen = new AtomicLong();
    private final AtomicLong evaluationNanos = new AtomicLong();
    private Disposable quotes;

    AlertEvaluator(MongoTemplate mongo, MarketDataHub hub, CommandGateway commands) {
        this.mongo = mongo;
        this.hub = hub;
        this.commands = commands;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        thread.schedule(() -> {
            for (AlertView view : mongo.find(new Query(Criteria.where("state").is(AlertView.State.ACTIVE.name())
                    .and("kind").is(AlertKind.PRICE_CROSS.name())), AlertView.class)) {
                watch(view);
            }
        });
        quotes = hub.quotes().publishOn(thread).subscribe(this::evaluate, failure -> log.error("alert evaluation stopped", failure));
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        if (quotes != null) {
            quotes.dispose();
        }
        thread.dispose();
    }

    /** The projection wrote a new version of an alert: watch it or not, on the evaluator's thread. */
    void changed(AlertView view) {
        thread.schedule(() -> {
            Rule before = byId.get(view.id());
            unwatch(view.id());
            if (view.armed() && view.kind() == AlertKind.PRICE_CROSS) {
                Rule now = watch(view);
                if (before != null) { // a repeating rule's firing state outlives the projection's echo of it
                    now.episodes = Math.max(now.episodes, before.episodes);
                    now.waitingForReset = before.waitingForReset;
                    now.quietUntil = before.quietUntil;
                }
            }
        });
    }

    /** Quotes evaluated and the mean cost of one (nanoseconds), for the benchmark and metrics. */
    public long quotesSeen() {
        return quotesSeen.get();
    }

    public double meanNanosPerQuote() {
        long seen = quotesSeen.get();
        return seen == 0 ? 0 : (double) evaluationNanos.get() / seen;
    }

    public int watched() {
        return byId.size();
    }

    void evaluate(Quote quote) {
        long start = System.nanoTime();
        try {
            if (quote.bid() == null || quote.ask() == null) {
                return;
            }
            BigDecimal mid = quote.bid().add(quote.ask()).divide(BigDecimal.valueOf(2));
            BigDecimal previous = lastMid.put(quote.symbol(), mid);
            NavigableMap<BigDecimal, List<Rule>> rules = bySymbol.get(quote.symbol());
            if (previous == null || rules == null || rules.isEmpty() || previous.compareTo(mid) == 0) {
                return;
            }
            boolean up = mid.compareTo(previous) > 0;
            // levels crossed by the move: (previous, mid] going up, [mid, previous) going down
            NavigableMap<BigDecimal, List<Rule>> crossed = up ? rules.subMap(previous, false, mid, true)
                    : rules.subMap(mid, true, previous, false);
            Instant now = quote.time() == null ? Instant.now() : quote.time();
            for (List<Rule> atLevel : List.copyOf(crossed.values())) {
                for (Rule rule : List.copyOf(atLevel)) {
                    AlertDirection direction = rule.view.direction();
                    if (direction == AlertDirection.EITHER || (direction == AlertDirection.UP) == up) {
                        fire(rule, mid, now);
                    }
                }
            }
            rearm(rules, mid, now);
        } finally {
            quotesSeen.incrementAndGet();
            evaluationNanos.addAndGet(System.nanoTime() - start);
        }
    }

    private void fire(Rule rule, BigDecimal mid, Instant at) {
        if (rule.waitingForReset || at.isBefore(rule.quietUntil)) {
            return;
        }
        rule.episodes++;
        if (rule.view.repeat()) {
            rule.waitingForReset = true;
            rule.quietUntil = at.plusSeconds(rule.view.cooldownSeconds());
        } else {
            unwatch(rule.view.id()); // one-shot: the TRIGGERED state comes back through the projection
        }
        commands.send(new TriggerAlertCommand(rule.view.id(), rule.episodes, mid, at)).whenComplete((result, failure) -> {
            if (failure != null) {
                // not lost: the rule is watched again from the stored state, and the next crossing retries
                log.warn("alert {} episode {} not triggered: {}", rule.view.id(), rule.episodes, failure.toString());
                thread.schedule(() -> {
                    AlertView stored = mongo.findById(rule.view.id(), AlertView.class);
                    if (stored != null) {
                        unwatch(stored.id());
                        if (stored.armed()) {
                            watch(stored);
                        }
                    }
                });
            }
        });
    }

    /** Repeating rules that fired re-arm once the mid is back across their level by the band. */
    private void rearm(NavigableMap<BigDecimal, List<Rule>> rules, BigDecimal mid, Instant now) {
        for (List<Rule> atLevel : rules.values()) {
            for (Rule rule : atLevel) {
                if (!rule.waitingForReset) {
                    continue;
                }
                BigDecimal band = rule.view.level().multiply(HYSTERESIS);
                boolean above = mid.compareTo(rule.view.level().add(band)) > 0;
                boolean below = mid.compareTo(rule.view.level().subtract(band)) < 0;
                AlertDirection direction = rule.view.direction();
                boolean back = direction == AlertDirection.UP ? below : direction == AlertDirection.DOWN ? above : above || below;
                if (back) {
                    rule.waitingForReset = false;
                }
            }
        }
    }

    private Rule watch(AlertView view) {
        Rule rule = new Rule(view);
        byId.put(view.id(), rule);
        bySymbol.computeIfAbsent(view.symbol(), symbol -> new TreeMap<>())
                .computeIfAbsent(view.level(), level -> new ArrayList<>()).add(rule);
        return rule;
    }

    private void unwatch(String alertId) {
        Rule rule = byId.remove(alertId);
        if (rule == null) {
            return;
        }
        NavigableMap<BigDecimal, List<Rule>> rules = bySymbol.get(rule.view.symbol());
        if (rules != null) {
            List<Rule> atLevel = rules.get(rule.view.level());
            if (atLevel != null) {
                atLevel.remove(rule);
                if (atLevel.isEmpty()) {
                    rules.remove(rule.view.level());
                }
            }
        }
    }
}
