package org.mltrading.query.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.mltrading.api.account.AccountCreatedEvent;
import org.mltrading.api.account.AccountFigures;
import org.mltrading.api.account.ExposureReleasedEvent;
import org.mltrading.api.account.FillAppliedEvent;
import org.mltrading.api.account.PreTradeRiskApprovedEvent;
import org.mltrading.api.account.PreTradeRiskRejectedEvent;
import org.mltrading.api.account.RiskErrorCode;
import org.mltrading.api.account.RiskLimits;
import org.mltrading.api.account.RiskLimitsSetEvent;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.common.Side;
import org.mltrading.command.account.AccountAggregate;

/**
 * One event stream, two readers: the account aggregate (what the pre-trade check enforces) and this
 * read model (what {@code account} and the risk page show) must give the same gross exposure,
 * reserved exposure, daily loss and largest position at every step.
 */
class AccountFiguresContractTest {

    private static final Instant NOW = Instant.parse("2026-12-07T15:00:00Z");
    private static final Instant YESTERDAY = NOW.minusSeconds(86_400);
    private static final AccountId ACCOUNT = new AccountId("contract");

    @Test
    void the_aggregate_and_the_read_model_compute_the_same_figures_after_every_event() {
        List<Object> stream = stream();
        for (int n = 1; n <= stream.size(); n++) {
            List<Object> prefix = stream.subList(0, n);
            AccountFigures enforced = aggregateFigures(prefix);
            AccountFigures shown = readModelFigures(prefix);
            assertThat(shown).as("after %d events (last: %s)", n, prefix.get(n - 1).getClass().getSimpleName())
                    .isEqualTo(enforced);
        }
        AccountFigures end = aggregateFigures(stream);
        // the stream is not trivial: every figure is in play at its end
        assertThat(end.reservedExposure()).isPositive();
        assertThat(end.dailyLoss()).isPositive();
        assertThat(end.grossExposure()).isGreaterThan(end.reservedExposure());
        assertThat(end.largestPosition()).isEqualByComparingTo("1000"); // the EURUSD short
    }

    private static AccountFigures aggregateFigures(List<Object> events) {
        AggregateTestFixture<AccountAggregate> fixture = new AggregateTestFixture<>(AccountAggregate.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        AtomicReference<AccountFigures> figures = new AtomicReference<>();
        fixture.given(events).when(new org.mltrading.api.account.ReleaseExposureCommand(ACCOUNT, order("none")))
                .expectState(account -> figures.set(account.figures(NOW)));
        return figures.get();
    }

    private static AccountFigures readModelFigures(List<Object> events) {
        AccountView view = null;
        long sequence = 0;
        for (Object event : events) {
            view = AccountStates.next(view, event, sequence++);
        }
        return AccountDataFetcher.figures(view, NOW);
    }

    private static List<Object> stream() {
        List<Object> events = new ArrayList<>();
        events.add(new AccountCreatedEvent(ACCOUNT, "Contract", "trader", "USD", new BigDecimal("1000000"), Set.of(),
                YESTERDAY));
        events.add(new RiskLimitsSetEvent(ACCOUNT, RiskLimits.defaults(), YESTERDAY));
        // yesterday: bought 30 AAPL and sold 10 at a loss (not today's loss)
        events.add(approved("a1", "AAPL", Side.BUY, "30", "5400.00", YESTERDAY));
        events.add(fill("a1", "f1", "AAPL", Side.BUY, "179.50", "30", "30", "179.50", "0", "994615", YESTERDAY, "5385"));
        events.add(approved("a2", "AAPL", Side.SELL, "10", "1790.00", YESTERDAY));
        events.add(fill("a2", "f1", "AAPL", Side.SELL, "175.00", "10", "20", "179.50", "-45.00", "996365", YESTERDAY,
                "1750"));
        // today: a partly filled BUY at a better price than reserved, a cancelled order, a rejection
        events.add(approved("b1", "MSFT", Side.BUY, "50", "21000.00", NOW));
        events.add(fill("b1", "f1", "MSFT", Side.BUY, "419.75", "40", "40", "419.75", "0", "979575", NOW, "16790"));
        events.add(approved("b2", "NVDA", Side.SELL, "5", "600.00", NOW));
        events.add(new ExposureReleasedEvent(ACCOUNT, order("b2"), new BigDecimal("600.00"), NOW));
        events.add(new PreTradeRiskRejectedEvent(ACCOUNT, order("b3"), RiskErrorCode.RISK_MAX_ORDER_NOTIONAL, "too big",
                NOW));
        // today: a loss realised on AAPL, and a short EURUSD position
        events.add(approved("b4", "AAPL", Side.SELL, "5", "900.00", NOW));
        events.add(fill("b4", "f1", "AAPL", Side.SELL, "170.10", "5", "15", "179.50", "-47.00", "980425.50", NOW,
                "850.50"));
        events.add(approved("b5", "EURUSD", Side.SELL, "1000", "1085.00", NOW));
        events.add(fill("b5", "f1", "EURUSD", Side.SELL, "1.0850", "1000", "-1000", "1.0850", "0", "981510.50", NOW,
                "1085"));
        events.add(approved("b6", "SPY", Side.BUY, "3", "1800.00", NOW));
        // a MARKET fill worse than its reference price: it uses up the reservation, no more
        events.add(fill("b6", "f1", "SPY", Side.BUY, "601.00", "3", "3", "601.00", "0", "979707.50", NOW, "1800.00"));
        events.add(approved("b7", "SPY", Side.BUY, "2", "1202.00", NOW));
        return events;
    }

    private static OrderId order(String clientOrderId) {
        return OrderId.forClientOrder(ACCOUNT, clientOrderId);
    }

    private static PreTradeRiskApprovedEvent approved(String order, String symbol, Side side, String quantity,
                                                      String notional, Instant at) {
        return new PreTradeRiskApprovedEvent(ACCOUNT, order(order), symbol, side, new BigDecimal(quantity),
                new BigDecimal(notional), at);
    }

    private static FillAppliedEvent fill(String order, String fillId, String symbol, Side side, String price,
                                         String quantity, String position, String averagePrice, String realised,
                                         String cash, Instant at, String reservationUsed) {
        return new FillAppliedEvent(ACCOUNT, order(order), fillId, symbol, side, new BigDecimal(price),
                new BigDecimal(quantity), BigDecimal.ZERO, new BigDecimal(position), new BigDecimal(averagePrice),
                new BigDecimal(realised), new BigDecimal(cash), at, new BigDecimal(reservationUsed));
    }
}
