package org.mltrading.command.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.common.Side;
import org.mltrading.api.marketdata.Quote;
import org.mltrading.api.order.OrderAcceptedEvent;
import org.mltrading.api.order.OrderFilledEvent;
import org.mltrading.api.order.OrderTerms;
import org.mltrading.api.order.OrderType;
import org.mltrading.api.order.RecordFillCommand;
import org.mltrading.api.order.TimeInForce;

/**
 * The venue inside a real Axon configuration (in-memory event store, no Spring): its processing group
 * replays the whole store on start, marks those events as replayed, and goes live when caught up.
 */
class SimulatedVenueAxonTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    private static final AccountId ACCOUNT = new AccountId("demo-account");
    private static final OrderId ORDER = OrderId.forClientOrder(ACCOUNT, "c-1");

    private final FakeMarketData marketData = new FakeMarketData();
    private final List<Object> sent = new CopyOnWriteArrayList<>();
    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private Configuration axon;
    private SimulatedVenue venue;

    @AfterEach
    void tearDown() {
        if (venue != null) {
            venue.stop();
        }
        if (axon != null) {
            axon.shutdown();
        }
    }

    @Test
    void a_restart_replays_the_stored_events_and_continues_after_the_fills_already_recorded() {
        marketData.setLatest(new Quote("AAPL", new BigDecimal("99.9"), new BigDecimal("100"), null, NOW));
        // what a previous run stored: the order was accepted and got one fill of 40
        EventStore previousRun = startAxon(VenueSettings.defaults());
        venue.stop();
        axon.shutdown();
        sent.clear();
        publish(previousRun, 0, accepted());
        publish(previousRun, 1, filled());

        startAxon(VenueSettings.defaults().withLiquidityPerQuote(new BigDecimal("40")));

        awaitSent(1);
        assertThat(venue.isLive()).isTrue();
        assertThat(sent).singleElement().isInstanceOfSatisfying(RecordFillCommand.class, fill -> {
            assertThat(fill.fillId()).isEqualTo(ORDER + "-2");
            assertThat(fill.quantity()).isEqualByComparingTo("40");
        });
    }

    @Test
    void an_empty_store_goes_live_and_matches_new_orders_as_they_are_accepted() {
        marketData.setLatest(new Quote("AAPL", new BigDecimal("99.9"), new BigDecimal("100"), null, NOW));
        EventStore store = startAxon(VenueSettings.defaults());

        publish(store, 0, accepted());

        awaitSent(1);
        assertThat(sent).singleElement().isInstanceOfSatisfying(RecordFillCommand.class,
                fill -> assertThat(fill.fillId()).isEqualTo(ORDER + "-1"));
    }

    private EventStore startAxon(VenueSettings settings) {
        CommandGateway gateway = mock(CommandGateway.class);
        when(gateway.send(any())).thenAnswer(invocation -> {
            // the venue sends command messages carrying its who/why: record the command itself
            Object message = invocation.getArgument(0);
            sent.add(message instanceof org.axonframework.commandhandling.CommandMessage<?> command
                    ? command.getPayload() : message);
            return CompletableFuture.completedFuture(null);
        });
        Configuration[] holder = new Configuration[1];
        BooleanSupplier caughtUp = () -> holder[0] != null
                && SimulatedVenue.processorCaughtUp(holder[0].eventProcessingConfiguration());
        venue = new SimulatedVenue(gateway, marketData, Clock.fixed(NOW, ZoneOffset.UTC), settings, caughtUp);
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> storage);
        venue.configure(configurer.eventProcessing());
        configurer.eventProcessing().registerEventHandler(c -> venue);
        axon = configurer.buildConfiguration();
        holder[0] = axon;
        axon.start();
        venue.start();
        return axon.eventStore();
    }

    private static void publish(EventStore store, long sequence, Object event) {
        store.publish(new GenericDomainEventMessage<>("Order", ORDER.toString(), sequence, event));
    }

    private void awaitSent(int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sent.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        venue.awaitIdle();
    }

    private static OrderAcceptedEvent accepted() {
        OrderTerms terms = new OrderTerms("AAPL", Side.BUY, OrderType.MARKET, new BigDecimal("100"), null, null,
                TimeInForce.GTC, null);
        return new OrderAcceptedEvent(ORDER, ACCOUNT, "AAPL", terms, NOW);
    }

    private static OrderFilledEvent filled() {
        return new OrderFilledEvent(ORDER, ACCOUNT, "AAPL", Side.BUY, ORDER + "-1", new BigDecimal("100"),
                new BigDecimal("40"), BigDecimal.ZERO, new BigDecimal("40"), new BigDecimal("100"),
                new BigDecimal("60"), false, NOW);
    }
}
