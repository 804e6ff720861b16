package org.mltrading.query.order;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.common.Side;
import org.mltrading.api.marketdata.Instrument;
import org.mltrading.api.marketdata.Quote;
import org.mltrading.api.order.OrderTerms;
import org.mltrading.api.order.OrderType;
import org.mltrading.api.order.TimeInForce;
import org.mltrading.graphql.types.Basket;
import org.mltrading.graphql.types.BasketLegInput;
import org.mltrading.graphql.types.Order;
import org.mltrading.graphql.types.OrderPreview;
import org.mltrading.graphql.types.PlaceBasketInput;
import org.mltrading.graphql.types.RebalanceInput;
import org.mltrading.graphql.types.RebalanceLeg;
import org.mltrading.graphql.types.RebalanceProposal;
import org.mltrading.graphql.types.TargetWeightInput;
import org.mltrading.query.account.AccountDirectory;
import org.mltrading.query.account.AccountView;
import org.mltrading.query.graphql.ApiErrorCode;
import org.mltrading.query.graphql.ApiException;
import org.mltrading.query.marketdata.MarketDataHub;
import org.mltrading.query.marketdata.instrument.InstrumentCatalog;
import org.mltrading.query.security.ApiPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Rebalancing: target weights to a basket of whole-lot, tick-aligned legs ({@code rebalanceProposal}), and
 * a basket placed as one all-or-nothing request ({@code placeBasket}) whose orders carry its id.
 */
@DgsComponent
class BasketDataFetcher {

    static final int MAX_LEGS = 200;
    static final double MAX_LIMIT_OFFSET = 0.05;

    private final OrderDataFetcher orders;
    private final OrderQueries queries;
    private final AccountDirectory accounts;
    private final InstrumentCatalog instruments;
    private final MarketDataHub marketData;

    BasketDataFetcher(OrderDataFetcher orders, OrderQueries queries, AccountDirectory accounts,
                      InstrumentCatalog instruments, MarketDataHub marketData) {
        this.orders = orders;
        this.queries = queries;
        this.accounts = accounts;
        this.instruments = instruments;
        this.marketData = marketData;
    }

    @DgsQuery
    @PreAuthorize("hasAnyRole('TRADER','INTEGRATOR')")
    RebalanceProposal rebalanceProposal(@InputArgument RebalanceInput input) {
        ApiPrincipal principal = ApiPrincipal.current();
        AccountView access = orders.tradableAccount(principal, input.getAccountId());
        AccountView account = accounts.find(access.id()).orElseThrow(() -> new ApiException(ApiErrorCode.NOT_FOUND,
                "no account " + input.getAccountId()));
        double offset = input.getLimitOffset() == null ? 0.001 : input.getLimitOffset();
        if (!(offset >= 0 && offset <= MAX_LIMIT_OFFSET)) {
            throw invalid("limitOffset must be between 0 and " + MAX_LIMIT_OFFSET);
        }
        List<TargetWeightInput> targets = input.getTargets() == null ? List.of() : input.getTargets();
        if (targets.isEmpty() || targets.size() > MAX_LEGS) {
            throw invalid("name between 1 and " + MAX_LEGS + " target weights");
        }
        double sum = 0;
        Set<String> seen = new HashSet<>();
        for (TargetWeightInput target : targets) {
            String symbol = symbol(target.getSymbol());
            if (!seen.add(symbol)) {
                throw invalid(symbol + " is named twice");
            }
            if (!(target.getWeight() >= 0 && target.getWeight() <= 1)) {
                throw invalid("the weight of " + symbol + " must be between 0 and 1 (long only)");
            }
            sum += target.getWeight();
        }
        if (sum > 1 + 1e-9) {
            throw new ApiException("PORTFOLIO_WEIGHTS_SUM", "the weights sum to " + sum
                    + "; at most 1 (the rest stays cash)");
        }
        Map<String, AccountView.PositionView> held = account.positions() == null ? Map.of() : account.positions();
        BigDecimal equity = account.cash() == null ? BigDecimal.ZERO : account.cash();
        for (AccountView.PositionView position : held.values()) {
            equity = equity.add(position.quantity().multiply(mid(position.symbol(), position.averagePrice())));
        }
        if (equity.signum() <= 0) {
            throw invalid("account " + account.id() + " has no positive equity to rebalance");
        }
        List<RebalanceLeg> legs = new ArrayList<>();
        boolean approved = true;
        String proposal = "rebalance-" + UUID.randomUUID();
        int n = 0;
        for (TargetWeightInput target : targets) {
            String symbol = symbol(target.getSymbol());
            Instrument instrument = instruments.find(symbol).orElseThrow();
            Quote quote = marketData.latestQuote(symbol).filter(q -> q.bid() != null && q.ask() != null)
                    .orElseThrow(() -> new ApiException("PORTFOLIO_NO_MARKET_PRICE", "no quote of " + symbol + " to price a leg with"));
            BigDecimal price = quote.bid().add(quote.ask()).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
            BigDecimal current = held.containsKey(symbol) ? held.get(symbol).quantity() : BigDecimal.ZERO;
            BigDecimal targetQuantity = equity.multiply(BigDecimal.valueOf(target.getWeight()))
                    .divide(price, MathContext.DECIMAL64)
                    .divide(instrument.lotSize(), 0, RoundingMode.DOWN).multiply(instrument.lotSize());
            BigDecimal delta = targetQuantity.subtract(current);
            if (delta.signum() == 0) {
                continue;
            }
            Side side = delta.signum() > 0 ? Side.BUY : Side.SELL;
            BigDecimal limit = side == Side.BUY
                    ? tick(quote.ask().multiply(BigDecimal.valueOf(1 + offset)), instrument.tickSize(), RoundingMode.CEILING)
                    : tick(quote.bid().multiply(BigDecimal.valueOf(1 - offset)), instrument.tickSize(), RoundingMode.FLOOR);
            OrderTerms terms = new OrderTerms(symbol, side, OrderType.LIMIT, delta.abs(), limit, null, TimeInForce.DAY, null);
            OrderPreview preview = orders.preview(principal, account, proposal + "/" + n++, terms);
            approved &= preview.getAccepted();
            legs.add(RebalanceLeg.newBuilder().symbol(symbol).side(org.mltrading.graphql.types.Side.valueOf(side.name()))
                    .quantity(delta.abs()).limitPrice(limit).currentQuantity(current).targetQuantity(targetQuantity)
                    .currentWeight(current.multiply(price).divide(equity, MathContext.DECIMAL64).doubleValue())
                    .targetWeight(target.getWeight()).preview(preview).build());
        }
        return RebalanceProposal.newBuilder().accountId(account.id()).currency(account.currency())
                .equity(equity.setScale(2, RoundingMode.HALF_EVEN)).legs(legs).approved(approved)
                .asOf(Instant.now().atOffset(ZoneOffset.UTC)).build();
    }

    @DgsMutation
    @PreAuthorize("hasAnyRole('TRADER','INTEGRATOR')")
    Basket placeBasket(@InputArgument PlaceBasketInput input) {
        ApiPrincipal principal = ApiPrincipal.current();
        AccountView access = orders.tradableAccount(principal, input.getAccountId());
        AccountView account = accounts.find(access.id()).orElseThrow(() -> new ApiException(ApiErrorCode.NOT_FOUND,
                "no account " + input.getAccountId()));
        String clientBasketId = input.getClientBasketId() == null ? "" : input.getClientBasketId().strip();
        if (clientBasketId.isEmpty() || clientBasketId.length() > 48) {
            throw invalid("clientBasketId must be 1 to 48 characters");
        }
        List<BasketLegInput> legs = input.getLegs() == null ? List.of() : input.getLegs();
        if (legs.isEmpty() || legs.size() > MAX_LEGS) {
            throw invalid("a basket has 1 to " + MAX_LEGS + " legs");
        }
        String basketId = UUID.nameUUIDFromBytes((account.id() + "/" + clientBasketId).getBytes(StandardCharsets.UTF_8)).toString();
        List<OrderTerms> terms = legs.stream().map(BasketDataFetcher::terms).toList();
        boolean resend = false;
        for (int i = 0; i < terms.size() && !resend; i++) {
            resend = queries.byId(OrderId.forClientOrder(new AccountId(account.id()), clientOrderId(clientBasketId, i))
                    .toString()).isPresent();
        }
        if (!resend) {
            checkBeforeSending(principal, account, clientBasketId, terms);
        }
        List<Order> placed = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            placed.add(orders.place(principal, account, clientOrderId(clientBasketId, i), terms.get(i), basketId));
        }
        return Basket.newBuilder().basketId(basketId).clientBasketId(clientBasketId).accountId(account.id())
                .orders(placed).resend(resend).build();
    }

    /**
     * Every leg's preview must pass, and the legs together must fit the gross exposure limit (each preview
     * alone sees none of the others): any failure refuses the whole basket with every failing leg named.
     */
    private void checkBeforeSending(ApiPrincipal principal, AccountView account, String clientBasketId, List<OrderTerms> terms) {
        List<String> failures = new ArrayList<>();
        BigDecimal added = BigDecimal.ZERO;
        BigDecimal gross = null;
        for (int i = 0; i < terms.size(); i++) {
            OrderPreview preview = orders.preview(principal, account, clientOrderId(clientBasketId, i), terms.get(i));
            if (!preview.getAccepted()) {
                String reasons = preview.getChecks().stream().filter(check -> !check.getPassed())
                        .map(check -> check.getCode() + " (" + check.getDetail() + ")").reduce((a, b) -> a + ", " + b)
                        .orElse("refused");
                failures.add("leg " + i + " " + terms.get(i).side() + " " + terms.get(i).quantity().toPlainString() + " "
                        + terms.get(i).symbol() + ": " + reasons);
            }
            if (preview.getNotional() != null) {
                added = added.add(preview.getNotional());
            }
            if (gross == null && preview.getResultingGrossExposure() != null && preview.getNotional() != null) {
                gross = preview.getResultingGrossExposure().subtract(preview.getNotional());
            }
        }
        BigDecimal max = account.limits() == null ? null : account.limits().maxGrossExposure();
        if (failures.isEmpty() && gross != null && max != null && gross.add(added).compareTo(max) > 0) {
            failures.add("the legs together take gross exposure to " + gross.add(added).toPlainString()
                    + ", over max gross exposure " + max.toPlainString());
        }
        if (!failures.isEmpty()) {
            throw new ApiException("PORTFOLIO_BASKET_REJECTED", "nothing was placed: " + String.join("; ", failures));
        }
    }

    private static OrderTerms terms(BasketLegInput leg) {
        Side side = Side.valueOf(leg.getSide().name());
        TimeInForce timeInForce = leg.getTimeInForce() == null ? TimeInForce.DAY : TimeInForce.valueOf(leg.getTimeInForce().name());
        String symbol = leg.getSymbol().strip().toUpperCase(Locale.ROOT);
        return leg.getLimitPrice() == null
                ? new OrderTerms(symbol, side, OrderType.MARKET, leg.getQuantity(), null, null, timeInForce, null)
                : new OrderTerms(symbol, side, OrderType.LIMIT, leg.getQuantity(), leg.getLimitPrice(), null, timeInForce, null);
    }

    private static String clientOrderId(String clientBasketId, int leg) {
        return clientBasketId + "/" + leg;
    }

    private String symbol(String raw) {
        String symbol = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        if (instruments.find(symbol).isEmpty()) {
            throw new ApiException("PORTFOLIO_UNKNOWN_INSTRUMENT", "no instrument " + symbol);
        }
        return symbol;
    }

    private BigDecimal mid(String symbol, BigDecimal fallback) {
        return marketData.latestQuote(symbol).filter(q -> q.bid() != null && q.ask() != null)
                .map(q -> q.bid().add(q.ask()).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64))
                .orElse(fallback == null ? BigDecimal.ZERO : fallback);
    }

    private static BigDecimal tick(BigDecimal price, BigDecimal tick, RoundingMode mode) {
        return price.divide(tick, 0, mode).multiply(tick);
    }

    private static ApiException invalid(String message) {
        return new ApiException("PORTFOLIO_INVALID_INPUT", message);
    }
}
