package org.mltrading.command.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mltrading.api.account.AccountCreatedEvent;
import org.mltrading.api.account.ApplyFillCommand;
import org.mltrading.api.account.AccountEntitlementGrantedEvent;
import org.mltrading.api.account.AccountEntitlementRevokedEvent;
import org.mltrading.api.account.ChangeTradingStateCommand;
import org.mltrading.api.account.GrantAccountEntitlementCommand;
import org.mltrading.api.account.RevokeAccountEntitlementCommand;
import org.mltrading.api.account.CheckPreTradeRiskCommand;
import org.mltrading.api.account.CreateAccountCommand;
import org.mltrading.api.account.ExposureReleasedEvent;
import org.mltrading.api.account.FillAppliedEvent;
import org.mltrading.api.account.PreTradeCheckReport;
import org.mltrading.api.account.PreTradeRiskApprovedEvent;
import org.mltrading.api.account.PreTradeRiskRejectedEvent;
import org.mltrading.api.account.PreviewPreTradeRiskCommand;
import org.mltrading.api.account.ReleaseExposureCommand;
import org.mltrading.api.account.RiskCheckResult;
import org.mltrading.api.account.RiskErrorCode;
import org.mltrading.api.account.RiskLimits;
import org.mltrading.api.account.RiskLimitsSetEvent;
import org.mltrading.api.account.RiskRejection;
import org.mltrading.api.account.SetRiskLimitsCommand;
import org.mltrading.api.account.TradingState;
import org.mltrading.api.account.TradingStateChangedEvent;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.common.Side;

class AccountAggregateTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant EARLIER = NOW.minusSeconds(60);
    private static final Instant YESTERDAY = NOW.minusSeconds(86_400);
    private static final AccountId ID = new AccountId("demo-account");
    private static final OrderId ORDER = order("check");
    private AggregateTestFixture<AccountAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AccountAggregate.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        // order entry routes a preview to the account (after gathering the firm-wide controls)
        fixture.registerAnnotatedCommandHandler(new Object() {
            @org.axonframework.commandhandling.CommandHandler
            PreTradeCheckReport handle(PreviewPreTradeRiskCommand command) {
                return fixture.getRepository().load(command.accountId().toString())
                        .invoke(account -> account.preview(command, NOW));
            }
        });
    }

    // --- opening and limits ------------------------------------------------------------------------

    @Test
    void creating_an_account_records_owner_cash_and_entitlements_and_the_default_limits() {
        AccountId id = new AccountId("demo-account");
        fixture.givenNoPriorActivity()
                .when(new CreateAccountCommand(id, "Demo", "trader", "USD", new BigDecimal("1000000"),
                        Set.of("demo-integrator")))
                .expectEvents(new AccountCreatedEvent(id, "Demo", "trader", "USD", new BigDecimal("1000000"),
                                Set.of("demo-integrator"), NOW),
                        new RiskLimitsSetEvent(id, RiskLimits.defaults(), NOW))
                .expectState(account -> {
                    assertThat(account.cash()).isEqualTo(new BigDecimal("1000000"));
                    assertThat(account.tradingState()).isEqualTo(TradingState.ACTIVE);
                    assertThat(account.limits()).isEqualTo(RiskLimits.defaults());
                });
    }

    @Test
    void an_account_opened_with_its_own_limits_starts_with_them() {
        RiskLimits limits = limits("5000", "100", "20000", "1000", 10, "GME");
        fixture.givenNoPriorActivity()
                .when(new CreateAccountCommand(ID, "Demo", "trader", "USD", BigDecimal.TEN, Set.of(), limits))
                .expectEvents(new AccountCreatedEvent(ID, "Demo", "trader", "USD", BigDecimal.TEN, Set.of(), NOW),
                        new RiskLimitsSetEvent(ID, limits, NOW));
    }

    @Test
    void an_account_without_owner_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new CreateAccountCommand(new AccountId("x"), "X", " ", "USD", BigDecimal.ZERO, Set.of()))
                .expectNoEvents()
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void an_account_opened_with_invalid_limits_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new CreateAccountCommand(ID, "Demo", "trader", "USD", BigDecimal.TEN, Set.of(),
                        limits("5000", "100", "20000", "1000", 0)))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(new RiskRejection(RiskErrorCode.RISK_INVALID_LIMITS,
                        "maxOrdersPerSecond must be greater than 0"));
    }

    @Test
    void new_risk_limits_replace_the_old_ones_in_full() {
        RiskLimits limits = limits("5000", "100", "20000", "1000", 10, "GME", "AMC");
        given(opened())
                .when(new SetRiskLimitsCommand(ID, limits))
                .expectEvents(new RiskLimitsSetEvent(ID, limits, NOW))
                .expectState(account -> assertThat(account.limits()).isEqualTo(limits));
    }

    @ParameterizedTest(name = "{0}/{1}/{2}/{3}/{4} -> {5}")
    @CsvSource(nullValues = "null", value = {
            "0, 100, 20000, 1000, 10, maxOrderNotional must be greater than 0",
            "null, 100, 20000, 1000, 10, maxOrderNotional must be greater than 0",
            "5000, -1, 20000, 1000, 10, maxPositionPerInstrument must be greater than 0",
            "5000, 100, 0, 1000, 10, maxGrossExposure must be greater than 0",
            "5000, 100, 20000, 0, 10, maxDailyLoss must be greater than 0",
            "5000, 100, 20000, 1000, 0, maxOrdersPerSecond must be greater than 0",
            "5000, 100, 20000, 1000, -3, maxOrdersPerSecond must be greater than 0"
    })
    void limits_that_are_not_positive_are_refused_naming_the_limit(String notional, String position, String gross,
                                                                  String loss, int rate, String message) {
        given(opened())
                .when(new SetRiskLimitsCommand(ID, limits(notional, position, gross, loss, rate)))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(new RiskRejection(RiskErrorCode.RISK_INVALID_LIMITS, message));
    }

    // --- kill switch -------------------------------------------------------------------------------

    @Test
    void halting_an_account_is_recorded_with_its_reason() {
        given(opened())
                .when(new ChangeTradingStateCommand(ID, TradingState.HALTED, "runaway model"))
                .expectEvents(new TradingStateChangedEvent(ID, TradingState.HALTED, "runaway model", NOW))
                .expectState(account -> assertThat(account.tradingState()).isEqualTo(TradingState.HALTED));
    }

    @Test
    void asking_for_the_state_the_account_is_already_in_changes_nothing() {
        given(opened(), stateChanged(TradingState.HALTED))
                .when(new ChangeTradingStateCommand(ID, TradingState.HALTED, "again"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_entitlement_is_granted() {
        given(opened())
                .when(new GrantAccountEntitlementCommand(ID, "acme-algo"))
                .expectEvents(new AccountEntitlementGrantedEvent(ID, "acme-algo", NOW))
                .expectState(account -> assertThat(account.entitledPrincipals()).contains("acme-algo"));
    }

    @Test
    void granting_an_entitlement_twice_changes_nothing() {
        given(opened(), new AccountEntitlementGrantedEvent(ID, "acme-algo", NOW))
                .when(new GrantAccountEntitlementCommand(ID, "acme-algo"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_granted_entitlement_can_be_revoked() {
        given(opened(), new AccountEntitlementGrantedEvent(ID, "acme-algo", NOW))
                .when(new RevokeAccountEntitlementCommand(ID, "acme-algo"))
                .expectEvents(new AccountEntitlementRevokedEvent(ID, "acme-algo", NOW))
                .expectState(account -> assertThat(account.entitledPrincipals()).doesNotContain("acme-algo"));
    }

    @Test
    void the_owner_cannot_lose_access() {
        given(opened())
                .when(new RevokeAccountEntitlementCommand(ID, "trader"))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("the owner's access to the account cannot be revoked");
    }

    @Test
    void a_blank_principal_is_refused() {
        given(opened())
                .when(new GrantAccountEntitlementCommand(ID, " "))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void a_halted_account_refuses_new_orders() {
        given(opened(), stateChanged(TradingState.HALTED))
                .when(check(Side.BUY, "10", "100"))
                .expectEvents(rejected(RiskErrorCode.RISK_TRADING_HALTED, "trading is halted on this account"));
    }

    @Test
    void a_resumed_account_accepts_orders_again() {
        given(opened(), stateChanged(TradingState.HALTED), stateChanged(TradingState.ACTIVE))
                .when(check(Side.BUY, "10", "100"))
                .expectEvents(approved(Side.BUY, "10", "1000"));
    }

    @ParameterizedTest(name = "long 100, open SELL {0}: {1} {2} -> {3}")
    @CsvSource({
            "0, SELL, 50, approved",
            "0, SELL, 100, approved",
            "0, SELL, 101, rejected",
            "0, BUY, 1, rejected",
            "60, SELL, 40, approved",
            "60, SELL, 41, rejected",
            "0, BUY, 0.5, rejected"
    })
    void reduce_only_accepts_only_orders_that_shrink_the_position(String openSell, Side side, String quantity,
                                                                  String verdict) {
        List<Object> given = new ArrayList<>(List.of(opened(), fill(order("long"), "f-1", Side.BUY, "10", "100",
                "0", "100", "10", "0", "999000", EARLIER), stateChanged(TradingState.REDUCE_ONLY)));
        if (!"0".equals(openSell)) {
            given.add(new PreTradeRiskApprovedEvent(ID, order("open"), "AAPL", Side.SELL, new BigDecimal(openSell),
                    new BigDecimal(openSell).multiply(BigDecimal.TEN), EARLIER));
        }
        Object expected = "approved".equals(verdict)
                ? approved(side, quantity, new BigDecimal(quantity).multiply(BigDecimal.TEN).stripTrailingZeros()
                        .toPlainString())
                : rejected(RiskErrorCode.RISK_REDUCE_ONLY, "account is reduce-only: " + side + " " + quantity
                        + " AAPL does not reduce the position 100 (open " + side + " orders "
                        + (side == Side.SELL ? openSell : "0") + ")");
        given(given)
                .when(check(side, quantity, "10"))
                .expectEvents(expected);
    }

    @Test
    void reduce_only_refuses_opening_a_position_in_a_symbol_the_account_does_not_hold() {
        given(opened(), stateChanged(TradingState.REDUCE_ONLY))
                .when(check(Side.SELL, "10", "100"))
                .expectEvents(rejected(RiskErrorCode.RISK_REDUCE_ONLY,
                        "account is reduce-only: SELL 10 AAPL does not reduce the position 0 (open SELL orders 0)"));
    }

    // --- pre-trade checks --------------------------------------------------------------------------

    @Test
    void a_restricted_symbol_is_refused() {
        given(opened(limits("1000000", "100000", "5000000", "100000", 5000, "AAPL")))
                .when(check(Side.BUY, "10", "100"))
                .expectEvents(rejected(RiskErrorCode.RISK_RESTRICTED_SYMBOL, "AAPL is on the restricted list"));
    }

    @ParameterizedTest(name = "reference price {0}")
    @CsvSource(nullValues = "null", value = {"null", "0"})
    void an_order_without_a_market_price_is_refused(String referencePrice) {
        given(opened())
                .when(check(Side.BUY, "10", referencePrice))
                .expectEvents(rejected(RiskErrorCode.RISK_NO_MARKET_PRICE, "no market price for AAPL"));
    }

    @Test
    void an_order_above_the_notional_limit_is_rejected_with_its_reason() {
        given(opened())
                .when(check(Side.BUY, "15000", "100"))
                .expectEvents(rejected(RiskErrorCode.RISK_MAX_ORDER_NOTIONAL,
                        "notional 1500000 exceeds max order notional 1000000"));
    }

    @Test
    void an_order_exactly_at_the_notional_limit_is_approved_and_reserves_its_notional() {
        given(opened())
                .when(check(Side.BUY, "10000", "100.00"))
                .expectEvents(approved(Side.BUY, "10000", "1000000"))
                .expectState(account -> assertThat(account.reservedExposure(ORDER)).isEqualTo(new BigDecimal("1000000")));
    }

    @Test
    void open_orders_on_the_same_side_count_towards_the_position_limit() {
        given(opened(), fill(order("held"), "f-1", Side.BUY, "30000", "10", "0", "30000", "10", "0",
                        "700000", EARLIER),
                        new PreTradeRiskApprovedEvent(ID, order("open"), "AAPL", Side.BUY, new BigDecimal("60000"),
                                new BigDecimal("600000"), EARLIER))
                .when(check(Side.BUY, "20000", "10"))
                .expectEvents(rejected(RiskErrorCode.RISK_MAX_POSITION,
                        "resulting position 110000 AAPL exceeds max position per instrument 100000"));
    }

    @Test
    void open_orders_on_the_other_side_do_not_count_towards_the_position_limit() {
        given(opened(), new PreTradeRiskApprovedEvent(ID, order("open"), "AAPL", Side.SELL,
                        new BigDecimal("60000"), new BigDecimal("600000"), EARLIER))
                .when(check(Side.BUY, "100000", "10"))
                .expectEvents(approved(Side.BUY, "100000", "1000000"));
    }

    @Test
    void a_short_beyond_the_position_limit_is_refused() {
        given(opened())
                .when(check(Side.SELL, "100001", "1"))
                .expectEvents(rejected(RiskErrorCode.RISK_MAX_POSITION,
                        "resulting position -100001 AAPL exceeds max position per instrument 100000"));
    }

    @Test
    void positions_open_orders_and_the_new_order_together_must_stay_within_the_gross_exposure_limit() {
        given(opened(limits("1000000", "100000", "1000000", "100000", 5000)),
                        fill(order("short"), "f-1", Side.SELL, "2000", "300", "0", "-2000", "300", "0", "1600000",
                                EARLIER),
                        new PreTradeRiskApprovedEvent(ID, order("open"), "MSFT", Side.BUY, new BigDecimal("1000"),
                                new BigDecimal("300000"), EARLIER))
                .when(check(Side.BUY, "2000", "100"))
                .expectEvents(rejected(RiskErrorCode.RISK_MAX_GROSS_EXPOSURE,
                        "gross exposure 1100000 exceeds max gross exposure 1000000"));
    }

    @Test
    void released_exposure_no_longer_counts_towards_the_gross_limit() {
        given(opened(limits("1000000", "100000", "1000000", "100000", 5000)),
                        new PreTradeRiskApprovedEvent(ID, order("open"), "MSFT", Side.BUY, new BigDecimal("3000"),
                                new BigDecimal("900000"), EARLIER),
                        new ExposureReleasedEvent(ID, order("open"), new BigDecimal("900000"), EARLIER))
                .when(check(Side.BUY, "2000", "100"))
                .expectEvents(approved(Side.BUY, "2000", "200000"));
    }

    @Test
    void realised_loss_over_the_daily_limit_blocks_new_orders() {
        given(opened(),
                        fill(order("a"), "f-1", Side.SELL, "1000", "50", "0", "0", "0", "-60000", "1050000", EARLIER),
                        fill(order("b"), "f-1", Side.SELL, "1000", "50", "0", "0", "0", "-40000", "1100000", EARLIER))
                .when(check(Side.BUY, "10", "100"))
                .expectEvents(rejected(RiskErrorCode.RISK_MAX_DAILY_LOSS,
                        "realised loss today 100000 reaches max daily loss 100000"))
                .expectState(account -> assertThat(account.realisedPnl(LocalDate.of(2026, 11, 25)))
                        .isEqualTo(new BigDecimal("-100000")));
    }

    @Test
    void a_loss_below_the_daily_limit_or_offset_by_gains_still_trades() {
        given(opened(),
                        fill(order("a"), "f-1", Side.SELL, "1000", "50", "0", "0", "0", "-150000", "1050000", EARLIER),
                        fill(order("b"), "f-1", Side.SELL, "1000", "50", "0", "0", "0", "60000", "1100000", EARLIER))
                .when(check(Side.BUY, "10", "100"))
                .expectEvents(approved(Side.BUY, "10", "1000"));
    }

    @Test
    void yesterdays_realised_loss_does_not_block_today() {
        given(opened(),
                        fill(order("a"), "f-1", Side.SELL, "1000", "50", "0", "0", "0", "-250000", "1050000",
                                YESTERDAY))
                .when(check(Side.BUY, "10", "100"))
                .expectEvents(approved(Side.BUY, "10", "1000"));
    }

    @Test
    void the_daily_tally_restarts_with_the_first_fill_of_a_new_utc_day() {
        given(opened(),
                        fill(order("a"), "f-1", Side.SELL, "1000", "50", "0", "0", "0", "-250000", "1050000",
                                YESTERDAY),
                        fill(order("b"), "f-1", Side.SELL, "1000", "50", "0", "0", "0", "-30000", "1100000", EARLIER))
                .when(check(Side.BUY, "10", "100"))
                .expectEvents(approved(Side.BUY, "10", "1000"))
                .expectState(account -> assertThat(account.realisedPnl(LocalDate.of(2026, 11, 25)))
                        .isEqualTo(new BigDecimal("-30000")));
    }

    @Test
    void more_checks_in_one_second_than_the_rate_limit_are_refused() {
        given(opened(limits("1000000", "100000", "5000000", "100000", 2)),
                        new PreTradeRiskApprovedEvent(ID, order("1"), "AAPL", Side.BUY, BigDecimal.ONE, BigDecimal.TEN,
                                NOW.minusMillis(900)),
                        new PreTradeRiskRejectedEvent(ID, order("2"), RiskErrorCode.RISK_NO_MARKET_PRICE, "no price",
                                NOW.minusMillis(10)))
                .when(check(Side.BUY, "10", "100"))
                .expectEvents(rejected(RiskErrorCode.RISK_ORDER_RATE, "3 orders in the last second exceed max 2 per second"));
    }

    @Test
    void checks_older_than_one_second_do_not_count_towards_the_rate_limit() {
        given(opened(limits("1000000", "100000", "5000000", "100000", 2)),
                        new PreTradeRiskApprovedEvent(ID, order("1"), "AAPL", Side.BUY, BigDecimal.ONE, BigDecimal.TEN,
                                NOW.minusMillis(1000)),
                        new PreTradeRiskApprovedEvent(ID, order("2"), "AAPL", Side.BUY, BigDecimal.ONE, BigDecimal.TEN,
                                NOW.minusMillis(10)))
                .when(check(Side.BUY, "10", "100"))
                .expectEvents(approved(Side.BUY, "10", "1000"));
    }

    /**
     * Each row breaks the check it names and every check after it (the account has a realised loss
     * today and a check a moment ago); the verdict must name the first broken one, with its numbers.
     */
    static Stream<Arguments> breachesInOrder() {
        RiskLimits tight = limits("100", "5", "100", "1", 1, "AAPL");
        RiskLimits unrestricted = limits("100", "5", "100", "1", 1);
        return Stream.of(
                Arguments.of(tight, TradingState.HALTED, "10", RiskErrorCode.RISK_TRADING_HALTED,
                        "trading is halted on this account"),
                Arguments.of(tight, TradingState.REDUCE_ONLY, "10", RiskErrorCode.RISK_REDUCE_ONLY,
                        "account is reduce-only: BUY 100 AAPL does not reduce the position 0 (open BUY orders 0)"),
                Arguments.of(tight, TradingState.ACTIVE, "10", RiskErrorCode.RISK_RESTRICTED_SYMBOL,
                        "AAPL is on the restricted list"),
                Arguments.of(unrestricted, TradingState.ACTIVE, null, RiskErrorCode.RISK_NO_MARKET_PRICE,
                        "no market price for AAPL"),
                Arguments.of(unrestricted, TradingState.ACTIVE, "10", RiskErrorCode.RISK_MAX_ORDER_NOTIONAL,
                        "notional 1000 exceeds max order notional 100"),
                Arguments.of(limits("1000000", "5", "100", "1", 1), TradingState.ACTIVE, "10",
                        RiskErrorCode.RISK_MAX_POSITION,
                        "resulting position 100 AAPL exceeds max position per instrument 5"),
                Arguments.of(limits("1000000", "100000", "100", "1", 1), TradingState.ACTIVE, "10",
                        RiskErrorCode.RISK_MAX_GROSS_EXPOSURE, "gross exposure 1000 exceeds max gross exposure 100"),
                Arguments.of(limits("1000000", "100000", "5000000", "1", 1), TradingState.ACTIVE, "10",
                        RiskErrorCode.RISK_MAX_DAILY_LOSS, "realised loss today 5 reaches max daily loss 1"),
                Arguments.of(limits("1000000", "100000", "5000000", "100000", 1), TradingState.ACTIVE, "10",
                        RiskErrorCode.RISK_ORDER_RATE, "2 orders in the last second exceed max 1 per second"));
    }

    @ParameterizedTest(name = "{1} -> {3}")
    @MethodSource("breachesInOrder")
    void the_first_failing_check_is_the_reason(RiskLimits limits, TradingState state, String price,
                                               RiskErrorCode expected, String reason) {
        List<Object> events = new ArrayList<>(opened(limits));
        events.add(fill(order("loss"), "f-1", Side.SELL, "1", "50", "0", "0", "0", "-5", "1000045", EARLIER));
        events.add(new PreTradeRiskRejectedEvent(ID, order("recent"), RiskErrorCode.RISK_NO_MARKET_PRICE,
                "no market price for MSFT", NOW.minusMillis(5)));
        if (state != TradingState.ACTIVE) {
            events.add(stateChanged(state));
        }
        given(events)
                .when(check(Side.BUY, "100", price))
                .expectEvents(rejected(expected, reason));
    }

    @Test
    void a_repeated_check_of_an_approved_order_is_ignored() {
        given(opened(), approved(Side.BUY, "10", "1000"))
                .when(check(Side.BUY, "10", "100"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectState(account -> assertThat(account.reservedExposure(ORDER)).isEqualTo(new BigDecimal("1000")));
    }

    @Test
    void a_repeated_check_of_a_rejected_order_is_ignored_even_if_it_would_pass_now() {
        given(opened(), rejected(RiskErrorCode.RISK_NO_MARKET_PRICE, "no market price for AAPL"))
                .when(check(Side.BUY, "10", "100"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // --- preview (dry run) ---------------------------------------------------------------------------

    @Test
    void a_preview_stores_nothing_and_reports_every_check_with_the_resulting_exposure() {
        given(opened())
                .when(preview(Side.BUY, "10", "100"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new PreTradeCheckReport(true, List.of(
                        passed("firmTradingIsNotHalted", RiskErrorCode.RISK_FIRM_HALTED, "firm-wide trading is not halted"),
                        passed("tradingIsNotHalted", RiskErrorCode.RISK_TRADING_HALTED,
                                "trading is ACTIVE on this account"),
                        passed("reduceOnlyOrdersShrinkThePosition", RiskErrorCode.RISK_REDUCE_ONLY,
                                "account is not reduce-only"),
                        passed("symbolIsNotRestricted", RiskErrorCode.RISK_RESTRICTED_SYMBOL,
                                "AAPL is not on the restricted list"),
                        passed("marketPriceIsKnown", RiskErrorCode.RISK_NO_MARKET_PRICE, "reference price 100"),
                        passed("limitPriceWithinCollar", RiskErrorCode.RISK_PRICE_COLLAR, "no limit price to collar"),
                        passed("orderQuantityWithinLimit", RiskErrorCode.RISK_MAX_ORDER_QUANTITY,
                                "no maximum order quantity for AAPL"),
                        passed("orderNotionalWithinLimit", RiskErrorCode.RISK_MAX_ORDER_NOTIONAL,
                                "notional 1000 within max order notional 1000000"),
                        passed("positionWithinLimit", RiskErrorCode.RISK_MAX_POSITION,
                                "resulting position 10 AAPL within max position per instrument 100000"),
                        passed("grossExposureWithinLimit", RiskErrorCode.RISK_MAX_GROSS_EXPOSURE,
                                "gross exposure 1000 within max gross exposure 5000000"),
                        passed("dailyLossNotReached", RiskErrorCode.RISK_MAX_DAILY_LOSS,
                                "realised loss today 0 below max daily loss 100000"),
                        passed("orderRateWithinLimit", RiskErrorCode.RISK_ORDER_RATE,
                                "1 orders in the last second within max 5000 per second")),
                        new BigDecimal("1000"), BigDecimal.TEN, new BigDecimal("1000")))
                .expectState(account -> assertThat(account.reservedExposure(ORDER)).isZero());
    }

    @Test
    void a_preview_failing_two_limits_lists_both_and_still_evaluates_the_rest() {
        given(opened(limits("100", "100000", "500", "100000", 5000)))
                .when(preview(Side.BUY, "10", "100"))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(report(report -> {
                    assertThat(report.approved()).isFalse();
                    assertThat(report.checks()).hasSize(12);
                    assertThat(report.checks()).filteredOn(check -> !check.passed())
                            .extracting(RiskCheckResult::code, RiskCheckResult::detail)
                            .containsExactly(
                                    org.assertj.core.groups.Tuple.tuple(RiskErrorCode.RISK_MAX_ORDER_NOTIONAL,
                                            "notional 1000 exceeds max order notional 100"),
                                    org.assertj.core.groups.Tuple.tuple(RiskErrorCode.RISK_MAX_GROSS_EXPOSURE,
                                            "gross exposure 1000 exceeds max gross exposure 500"));
                    assertThat(report.notional()).isEqualByComparingTo("1000");
                }));
    }

    @Test
    void a_preview_counts_positions_and_open_orders_like_the_real_check() {
        given(opened(), fill(order("held"), "f-1", Side.BUY, "30000", "10", "0", "30000", "10", "0",
                        "700000", EARLIER),
                        new PreTradeRiskApprovedEvent(ID, order("open"), "AAPL", Side.BUY, new BigDecimal("60000"),
                                new BigDecimal("600000"), EARLIER))
                .when(preview(Side.BUY, "20000", "10"))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(report(report -> {
                    assertThat(report.approved()).isFalse();
                    assertThat(report.resultingPosition()).isEqualByComparingTo("110000");
                    assertThat(report.resultingGrossExposure()).isEqualByComparingTo("1100000");
                    assertThat(report.checks()).filteredOn(check -> !check.passed())
                            .extracting(RiskCheckResult::detail)
                            .containsExactly("resulting position 110000 AAPL exceeds max position per instrument 100000");
                }));
    }

    @Test
    void a_preview_without_a_market_price_fails_every_check_that_needs_one() {
        given(opened())
                .when(preview(Side.SELL, "10", null))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(report(report -> {
                    assertThat(report.approved()).isFalse();
                    assertThat(report.notional()).isNull();
                    assertThat(report.resultingPosition()).isEqualByComparingTo("-10");
                    assertThat(report.resultingGrossExposure()).isEqualByComparingTo("0");
                    assertThat(report.checks()).filteredOn(check -> !check.passed())
                            .extracting(RiskCheckResult::code)
                            .containsExactly(RiskErrorCode.RISK_NO_MARKET_PRICE, RiskErrorCode.RISK_MAX_ORDER_NOTIONAL,
                                    RiskErrorCode.RISK_MAX_GROSS_EXPOSURE);
                }));
    }

    @Test
    void a_preview_does_not_count_towards_the_order_rate() {
        given(opened(limits("1000000", "100000", "5000000", "100000", 1)))
                .when(preview(Side.BUY, "10", "100"))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(report(report -> assertThat(report.approved()).isTrue()))
                .expectState(account -> assertThat(account.checksInLastSecond(NOW)).isZero());
    }

    @Test
    void a_preview_after_a_check_in_the_same_second_reports_the_rate_the_order_would_hit() {
        given(opened(limits("1000000", "100000", "5000000", "100000", 1)),
                        new PreTradeRiskApprovedEvent(ID, order("1"), "AAPL", Side.BUY, BigDecimal.ONE, BigDecimal.TEN,
                                NOW.minusMillis(10)))
                .when(preview(Side.BUY, "10", "100"))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(report(report -> assertThat(report.checks())
                        .filteredOn(check -> !check.passed())
                        .containsExactly(new RiskCheckResult("orderRateWithinLimit", RiskErrorCode.RISK_ORDER_RATE,
                                false, "2 orders in the last second exceed max 1 per second"))))
                .expectState(account -> assertThat(account.checksInLastSecond(NOW)).isEqualTo(1));
    }

    @Test
    void a_preview_of_a_halted_account_names_the_halt_and_every_other_check() {
        given(opened(), stateChanged(TradingState.HALTED))
                .when(preview(Side.BUY, "15000", "100"))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(report(report -> assertThat(report.checks())
                        .filteredOn(check -> !check.passed()).extracting(RiskCheckResult::code)
                        .containsExactly(RiskErrorCode.RISK_TRADING_HALTED, RiskErrorCode.RISK_MAX_ORDER_NOTIONAL)));
    }

    // --- four eyes ---------------------------------------------------------------------------------

    @Test
    void limits_that_raise_nothing_apply_at_once_and_a_rise_needs_approval() {
        given(opened())
                .when(new SetRiskLimitsCommand(ID, limits("500000", "100000", "5000000", "100000", 5000)))
                .expectSuccessfulHandlerExecution();
        given(opened())
                .when(new SetRiskLimitsCommand(ID, limits("2000000", "100000", "5000000", "100000", 6000)))
                .expectNoEvents()
                .expectException(org.axonframework.commandhandling.CommandExecutionException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("maxOrderNotional from 1000000 to 2000000"),
                        org.hamcrest.Matchers.containsString("maxOrdersPerSecond from 5000 to 6000"),
                        org.hamcrest.Matchers.containsString("proposeRiskLimits")));
    }

    @Test
    void a_proposal_applies_when_a_second_officer_approves_it_and_never_by_its_proposer() {
        RiskLimits raised = limits("2000000", "100000", "5000000", "100000", 5000);
        var proposed = new org.mltrading.api.account.RiskLimitsProposedEvent(ID, "p-1", raised, "risk", "bigger desk", EARLIER);
        given(opened())
                .when(new org.mltrading.api.account.ProposeRiskLimitsCommand(ID, "p-1", raised, "risk", "bigger desk"))
                .expectEvents(new org.mltrading.api.account.RiskLimitsProposedEvent(ID, "p-1", raised, "risk", "bigger desk", NOW));
        given(opened(), proposed)
                .when(new org.mltrading.api.account.ApproveRiskLimitsCommand(ID, "p-1", "risk", "self"))
                .expectNoEvents()
                .expectException(org.axonframework.commandhandling.CommandExecutionException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("different risk officer"));
        given(opened(), proposed)
                .when(new org.mltrading.api.account.ApproveRiskLimitsCommand(ID, "p-1", "risk2", "ok"))
                .expectEvents(new org.mltrading.api.account.RiskLimitsApprovedEvent(ID, "p-1", "risk2", "ok", NOW),
                        new RiskLimitsSetEvent(ID, raised, NOW));
        given(opened(), proposed, new org.mltrading.api.account.RiskLimitsRejectedEvent(ID, "p-1", "risk2", "no", EARLIER))
                .when(new org.mltrading.api.account.ApproveRiskLimitsCommand(ID, "p-1", "risk2", "late"))
                .expectNoEvents()
                .expectException(org.axonframework.commandhandling.CommandExecutionException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("no open proposal p-1"));
    }

    @Test
    void lifting_a_restricted_symbol_is_a_rise() {
        RiskLimits restricted = new RiskLimits(new BigDecimal("1000000"), new BigDecimal("100000"),
                new BigDecimal("5000000"), new BigDecimal("100000"), java.util.Set.of("GME"), 5000);
        given(opened(), new RiskLimitsSetEvent(ID, restricted, EARLIER))
                .when(new SetRiskLimitsCommand(ID, limits("1000000", "100000", "5000000", "100000", 5000)))
                .expectException(org.axonframework.commandhandling.CommandExecutionException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("lifting GME"));
    }

    // --- fills -------------------------------------------------------------------------------------

    @Test
    void buying_from_flat_opens_a_position_at_the_fill_price_and_pays_price_and_fee() {
        given(opened())
                .when(applyFill(ORDER, "f-1", Side.BUY, "100", "10", "1"))
                .expectEvents(fill(ORDER, "f-1", Side.BUY, "100", "10", "1", "100", "10", "-1", "998999", EARLIER))
                .expectState(account -> {
                    assertThat(account.position("AAPL")).isEqualTo(new Position(new BigDecimal("100"), BigDecimal.TEN));
                    assertThat(account.cash()).isEqualTo(new BigDecimal("998999"));
                });
    }

    @Test
    void buying_more_averages_the_entry_price_by_quantity() {
        given(opened(), fill(order("a"), "f-1", Side.BUY, "100", "10", "0", "100", "10", "0", "999000", EARLIER))
                .when(applyFill(ORDER, "f-1", Side.BUY, "300", "12", "0"))
                .expectEvents(fill(ORDER, "f-1", Side.BUY, "300", "12", "0", "400", "11.5", "0", "995400", EARLIER));
    }

    @Test
    void selling_part_of_a_long_realises_the_gain_net_of_fee_and_keeps_the_average() {
        given(opened(), fill(order("a"), "f-1", Side.BUY, "400", "11.5", "0", "400", "11.5", "0", "995400",
                        EARLIER))
                .when(applyFill(ORDER, "f-1", Side.SELL, "100", "13", "2"))
                .expectEvents(fill(ORDER, "f-1", Side.SELL, "100", "13", "2", "300", "11.5", "148", "996698", EARLIER));
    }

    @Test
    void selling_through_zero_flips_the_position_at_the_fill_price() {
        given(opened(), fill(order("a"), "f-1", Side.BUY, "100", "10", "0", "100", "10", "0", "999000", EARLIER))
                .when(applyFill(ORDER, "f-1", Side.SELL, "150", "12", "0"))
                .expectEvents(fill(ORDER, "f-1", Side.SELL, "150", "12", "0", "-50", "12", "200", "1000800", EARLIER))
                .expectState(account -> assertThat(account.position("AAPL"))
                        .isEqualTo(new Position(new BigDecimal("-50"), new BigDecimal("12"))));
    }

    @Test
    void buying_back_a_short_below_its_entry_realises_a_gain_and_closes_it() {
        given(opened(), fill(order("a"), "f-1", Side.SELL, "50", "12", "0", "-50", "12", "0", "1000600", EARLIER))
                .when(applyFill(ORDER, "f-1", Side.BUY, "50", "10", "0"))
                .expectEvents(fill(ORDER, "f-1", Side.BUY, "50", "10", "0", "0", "0", "100", "1000100", EARLIER))
                .expectState(account -> assertThat(account.position("AAPL")).isEqualTo(Position.FLAT));
    }

    @Test
    void a_second_fill_with_the_same_id_is_ignored() {
        given(opened(), fill(ORDER, "f-1", Side.BUY, "100", "10", "1", "100", "10", "-1", "998999", EARLIER))
                .when(applyFill(ORDER, "f-1", Side.BUY, "100", "10", "1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectState(account -> assertThat(account.cash()).isEqualTo(new BigDecimal("998999")));
    }

    @Test
    void the_same_fill_id_on_another_order_is_another_fill() {
        given(opened(), fill(order("a"), "f-1", Side.BUY, "100", "10", "0", "100", "10", "0", "999000", EARLIER))
                .when(applyFill(ORDER, "f-1", Side.BUY, "100", "10", "0"))
                .expectEvents(fill(ORDER, "f-1", Side.BUY, "100", "10", "0", "200", "10", "0", "998000", EARLIER));
    }

    @ParameterizedTest(name = "fillId={0} price={1} qty={2} -> {3}")
    @CsvSource(nullValues = "null", value = {
            "null, 10, 1, a fill needs a fillId",
            "f-1, 0, 1, fill price must be greater than 0",
            "f-1, 10, 0, fill quantity must be greater than 0",
            "f-1, 10, -1, fill quantity must be greater than 0"
    })
    void a_malformed_fill_is_refused(String fillId, String price, String quantity, String message) {
        given(opened())
                .when(applyFill(ORDER, fillId, Side.BUY, quantity, price, "0"))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(new RiskRejection(RiskErrorCode.RISK_INVALID_FILL, message));
    }

    @Test
    void fills_consume_the_reservation_of_their_order() {
        given(opened(), approved(Side.BUY, "10", "1000"))
                .when(applyFill(ORDER, "f-1", Side.BUY, "4", "100", "0"))
                .expectState(account -> assertThat(account.reservedExposure(ORDER)).isEqualTo(new BigDecimal("600")));
    }

    @Test
    void a_fill_above_the_reference_price_never_leaves_a_negative_reservation() {
        given(opened(), approved(Side.BUY, "10", "1000"),
                        fill(ORDER, "f-1", Side.BUY, "10", "101", "0", "10", "101", "0", "998990", EARLIER))
                .when(new ReleaseExposureCommand(ID, ORDER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectState(account -> assertThat(account.reservedExposure(ORDER)).isZero());
    }

    // --- release -----------------------------------------------------------------------------------

    @Test
    void releasing_an_order_frees_what_its_fills_left_reserved() {
        given(opened(), approved(Side.BUY, "10", "1000"),
                        fill(ORDER, "f-1", Side.BUY, "4", "100", "0", "4", "100", "0", "999600", EARLIER))
                .when(new ReleaseExposureCommand(ID, ORDER))
                .expectEvents(new ExposureReleasedEvent(ID, ORDER, new BigDecimal("600"), NOW))
                .expectState(account -> assertThat(account.reservedExposure(ORDER)).isZero());
    }

    @Test
    void an_order_filled_below_its_reference_price_releases_the_difference() {
        given(opened(), approved(Side.BUY, "10", "1000"),
                        fill(ORDER, "f-1", Side.BUY, "10", "99", "0", "10", "99", "0", "999010", EARLIER))
                .when(new ReleaseExposureCommand(ID, ORDER))
                .expectEvents(new ExposureReleasedEvent(ID, ORDER, BigDecimal.TEN, NOW));
    }

    static Stream<Arguments> ordersWithNothingReserved() {
        return Stream.of(
                Arguments.of("never checked", List.of(opened())),
                Arguments.of("rejected", List.of(opened(), rejected(RiskErrorCode.RISK_TRADING_HALTED, "halted"))),
                Arguments.of("already released", List.of(opened(), approved(Side.BUY, "10", "1000"),
                        new ExposureReleasedEvent(ID, ORDER, new BigDecimal("1000"), EARLIER))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ordersWithNothingReserved")
    void releasing_an_order_with_nothing_reserved_stores_nothing(String name, List<Object> given) {
        given(given)
                .when(new ReleaseExposureCommand(ID, ORDER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // --- fixtures ----------------------------------------------------------------------------------

    /** The fixture given a history; lists among the parts (e.g. {@link #opened()}) are spliced in. */
    private TestExecutor<AccountAggregate> given(Object... parts) {
        List<Object> events = new ArrayList<>();
        splice(parts, events);
        return fixture.given(events);
    }

    private static void splice(Object[] parts, List<Object> into) {
        for (Object part : parts) {
            if (part instanceof List<?> list) {
                splice(list.toArray(), into);
            } else {
                into.add(part);
            }
        }
    }

    private static OrderId order(String name) {
        return new OrderId(UUID.nameUUIDFromBytes(name.getBytes()));
    }

    private static RiskLimits limits(String notional, String position, String gross, String loss, int rate,
                                     String... restricted) {
        return new RiskLimits(notional == null ? null : new BigDecimal(notional), new BigDecimal(position),
                new BigDecimal(gross), new BigDecimal(loss), Set.of(restricted), rate);
    }

    private static List<Object> opened(RiskLimits limits) {
        return List.of(new AccountCreatedEvent(ID, "Demo", "trader", "USD", new BigDecimal("1000000"), Set.of(),
                EARLIER), new RiskLimitsSetEvent(ID, limits, EARLIER));
    }

    private static List<Object> opened() {
        return opened(RiskLimits.defaults());
    }

    private static TradingStateChangedEvent stateChanged(TradingState state) {
        return new TradingStateChangedEvent(ID, state, "by the risk officer", EARLIER);
    }

    private static CheckPreTradeRiskCommand check(Side side, String quantity, String referencePrice) {
        return new CheckPreTradeRiskCommand(ID, ORDER, "AAPL", side, new BigDecimal(quantity),
                referencePrice == null ? null : new BigDecimal(referencePrice), NOW);
    }

    private static PreviewPreTradeRiskCommand preview(Side side, String quantity, String referencePrice) {
        return new PreviewPreTradeRiskCommand(ID, ORDER, "AAPL", side, new BigDecimal(quantity),
                referencePrice == null ? null : new BigDecimal(referencePrice));
    }

    private static RiskCheckResult passed(String check, RiskErrorCode code, String detail) {
        return new RiskCheckResult(check, code, true, detail);
    }

    /** A matcher for the fixture's result that runs AssertJ assertions and reports their failure. */
    private static Matcher<PreTradeCheckReport> report(Consumer<PreTradeCheckReport> assertions) {
        return new TypeSafeMatcher<>() {
            private String failure;

            @Override
            protected boolean matchesSafely(PreTradeCheckReport report) {
                try {
                    assertions.accept(report);
                    return true;
                } catch (AssertionError e) {
                    failure = e.getMessage();
                    return false;
                }
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a report satisfying the assertions" + (failure == null ? "" : ": " + failure));
            }
        };
    }

    private static PreTradeRiskApprovedEvent approved(Side side, String quantity, String reserved) {
        return new PreTradeRiskApprovedEvent(ID, ORDER, "AAPL", side, new BigDecimal(quantity),
                new BigDecimal(reserved), NOW);
    }

    private static PreTradeRiskRejectedEvent rejected(RiskErrorCode code, String reason) {
        return new PreTradeRiskRejectedEvent(ID, ORDER, code, reason, NOW);
    }

    private static ApplyFillCommand applyFill(OrderId orderId, String fillId, Side side, String quantity, String price,
                                              String fee) {
        return new ApplyFillCommand(ID, orderId, fillId, "AAPL", side, new BigDecimal(price), new BigDecimal(quantity),
                new BigDecimal(fee), EARLIER);
    }

    /** A booked AAPL fill with its outcome (position, average, realised P&L, cash), as an event. */
    private static FillAppliedEvent fill(OrderId orderId, String fillId, Side side, String quantity, String price,
                                         String fee, String position, String average, String realised, String cash,
                                         Instant at) {
        return fill(orderId, fillId, side, quantity, price, fee, position, average, realised, cash, at, "0");
    }

    /** The same, for a fill that consumed {@code reservationUsed} of its order's reservation. */
    private static FillAppliedEvent fill(OrderId orderId, String fillId, Side side, String quantity, String price,
                                         String fee, String position, String average, String realised, String cash,
                                         Instant at, String reservationUsed) {
        return new FillAppliedEvent(ID, orderId, fillId, "AAPL", side, new BigDecimal(price), new BigDecimal(quantity),
                new BigDecimal(fee), new BigDecimal(position), new BigDecimal(average), new BigDecimal(realised),
                new BigDecimal(cash), at, new BigDecimal(reservationUsed));
    }
}
