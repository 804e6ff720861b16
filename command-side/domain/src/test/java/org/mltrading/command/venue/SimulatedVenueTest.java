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
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.ReplayStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.common.Side;
import org.mltrading.api.marketdata.Quote;
import org.mltrading.api.order.CancelOrderCommand;
import org.mltrading.api.order.OrderAcceptedEvent;
import org.mltrading.api.order.OrderCancelledEvent;
import org.mltrading.api.order.OrderFilledEvent;
import org.mltrading.api.order.OrderTerms;
import org.mltrading.api.order.OrderType;
import org.mltrading.api.order.RecordFillCommand;
import org.mltrading.api.order.TimeInForce;

class SimulatedVenueTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    private static final AccountId ACCOUNT = new AccountId("demo-account");
    private static final OrderId ORDER = OrderId.forClientOrder(ACCOUNT, "c-1");

    private final FakeMarketData marketData = new FakeMarketData();
    private final List<Object> sent = new CopyOnWriteArrayList<>();
    private final List<org.axonframework.commandhandling.CommandMessage<?>> messages = new CopyOnWriteArrayList<>();
    private final AtomicBoolean caughtUp = new AtomicBoolean();
    private final CommandGateway gateway = recordingGateway();
    private SimulatedVenue venue;

    @AfterEach
    void tearDown() {
        if (venue != null) {
            venue.stop();
        }
    }

    @Test
    void replayed_events_rebuild_the_book_without_sending_anything() {
        venue = venue(VenueSettings.defaults());
        marketData.setLatest(quote("99.9", "100"));

        venue.on(accepted(TimeInForce.GTC, "100"), ReplayStatus.REPLAY, null, null);
        venue.awaitIdle();

        assertThat(venue.isLive()).isFalse();
        assertThat(venue.book().size()).isEqualTo(1);
        assertThat(sent).isEmpty();
    }

    @Test
    void replay_does_not_double_fill_and_the_venue_continues_with_the_next_fill_id_when_live() {
        venue = venue(VenueSettings.defaults().withLiquidityPerQuote(new BigDecimal("40")));
        marketData.setLatest(quote("99.9", "100"));
        venue.on(accepted(TimeInForce.GTC, "100"), ReplayStatus.REPLAY, null, null);
        venue.on(filled(1, "40", "40", "60"), ReplayStatus.REPLAY);
        venue.on(filled(2, "40", "80", "20"), ReplayStatus.REPLAY);
        venue.awaitIdle();

        caughtUp.set(true);
        venue.start();
        awaitSent(1);

        assertThat(venue.isLive()).isTrue();
        assertThat(sent).singleElement().isInstanceOfSatisfying(RecordFillCommand.class, fill -> {
            assertThat(fill.fillId()).isEqualTo(ORDER + "-3");
            assertThat(fill.quantity()).isEqualByComparingTo("20");
        });
    }

    @Test
    void the_venues_fill_names_the_venue_as_actor_and_joins_the_orders_request() {
        venue = venue(VenueSettings.defaults());
        marketData.setLatest(quote("99.9", "100"));

        venue.on(accepted(TimeInForce.DAY, null), ReplayStatus.REGULAR, "request-1", "accepted-event-1");
        venue.awaitIdle();

        assertThat(messages).singleElement().satisfies(fill -> {
            assertThat(fill.getPayload()).isInstanceOf(RecordFillCommand.class);
            assertThat(fill.getMetaData()).containsEntry("actor", SimulatedVenue.VENUE_ACTOR)
                    .containsEntry("actorType", "SYSTEM")
                    .containsEntry("correlationId", "request-1")
                    .containsEntry("causationId", "accepted-event-1");
        });
    }

    @Test
    void a_live_event_makes_the_venue_live_and_a_live_market_order_fills_at_once() {
        venue = venue(VenueSettings.defaults());
        marketData.setLatest(quote("99.9", "100"));

        venue.on(accepted(TimeInForce.DAY, null), ReplayStatus.REGULAR, null, null);
        venue.awaitIdle();

        assertThat(venue.isLive()).isTrue();
        assertThat(sent).singleElement().isInstanceOfSatisfying(RecordFillCommand.class,
                fill -> assertThat(fill.price()).isEqualByComparingTo("100.01"));
    }

    @Test
    void the_venue_subscribes_to_the_symbol_of_its_first_order_and_matches_its_quotes() {
        venue = venue(VenueSettings.defaults());
        venue.on(accepted(TimeInForce.GTC, "99"), ReplayStatus.REGULAR, null, null);
        venue.awaitIdle();
        assertThat(marketData.subscribedSymbols()).containsExactly("AAPL");
        assertThat(sent).isEmpty();

        marketData.publish(quote("98.8", "98.9"));
        venue.awaitIdle();

        assertThat(sent).singleElement().isInstanceOfSatisfying(RecordFillCommand.class,
                fill -> assertThat(fill.price()).isEqualByComparingTo("98.9"));
    }

    @Test
    void an_ioc_remainder_is_cancelled_after_its_fill() {
        venue = venue(VenueSettings.defaults().withLiquidityPerQuote(new BigDecimal("30")));
        marketData.setLatest(quote("99.9", "100"));

        venue.on(accepted(TimeInForce.IOC, null), ReplayStatus.REGULAR, null, null);
        venue.awaitIdle();

        assertThat(sent).hasSize(2);
        assertThat(sent.get(0)).isInstanceOf(RecordFillCommand.class);
        assertThat(sent.get(1)).isInstanceOfSatisfying(CancelOrderCommand.class,
                cancel -> assertThat(cancel.reasonCode()).isEqualTo("IOC_REMAINDER"));
    }

    @Test
    void the_order_executes_only_after_the_configured_latency() throws InterruptedException {
        venue = venue(VenueSettings.defaults().withLatency(Duration.ofMillis(300)));
        marketData.setLatest(quote("99.9", "100"));

        venue.on(accepted(TimeInForce.DAY, null), ReplayStatus.REGULAR, null, null);
        venue.awaitIdle();
        assertThat(sent).isEmpty();

        awaitSent(1);
        assertThat(sent).singleElement().isInstanceOf(RecordFillCommand.class);
    }

    @Test
    void an_order_that_ended_is_no_longer_matched() {
        venue = venue(VenueSettings.defaults());
        venue.on(accepted(TimeInForce.GTC, "99"), ReplayStatus.REGULAR, null, null);
        venue.on(new OrderCancelledEvent(ORDER, ACCOUNT, "CLIENT_REQUEST", "by client", BigDecimal.TEN, NOW),
                ReplayStatus.REGULAR);
        venue.awaitIdle();

        marketData.publish(quote("98.8", "98.9"));
        venue.awaitIdle();

        assertThat(sent).isEmpty();
    }

    private SimulatedVenue venue(VenueSettings settings) {
        return new SimulatedVenue(gateway, marketData, Clock.fixed(NOW, ZoneOffset.UTC), settings, caughtUp::get);
    }

    private CommandGateway recordingGateway() {
        CommandGateway mock = mock(CommandGateway.class);
        when(mock.send(any())).thenAnswer(invocation -> {
            // the venue sends command messages carrying its who/why: record the command itself
            Object message = invocation.getArgument(0);
            if (message instanceof org.axonframework.commandhandling.CommandMessage<?> command) {
                messages.add(command);
            }
            sent.add(message instanceof org.axonframework.commandhandling.CommandMessage<?> command
                    ? command.getPayload() : message);
            return CompletableFuture.completedFuture(null);
        });
        return mock;
    }

    private void awaitSent(int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (sent.size() < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        venue.awaitIdle();
    }

    private static OrderAcceptedEvent accepted(TimeInForce tif, String limit) {
        OrderTerms terms = new OrderTerms("AAPL", Side.BUY, limit == null ? OrderType.MARKET : OrderType.LIMIT,
                new BigDecimal("100"), limit == null ? null : new BigDecimal(limit), null, tif, null);
        return new OrderAcceptedEvent(ORDER, ACCOUNT, "AAPL", terms, NOW);
    }

    private static OrderFilledEvent filled(int n, String quantity, String filled, String leaves) {
        return new OrderFilledEvent(ORDER, ACCOUNT, "AAPL", Side.BUY, ORDER + "-" + n, new BigDecimal("100"),
                new BigDecimal(quantity), BigDecimal.ZERO, new BigDecimal(filled), new BigDecimal("100"),
                new BigDecimal(leaves), false, NOW);
    }

    private static Quote quote(String bid, String ask) {
        return new Quote("AAPL", new BigDecimal(bid), new BigDecimal(ask), null, NOW);
    }
}
