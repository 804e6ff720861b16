package org.mltrading.query.order;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsDataFetchingEnvironment;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.DgsSubscription;
import com.netflix.graphql.dgs.InputArgument;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.mltrading.api.audit.AuditMetadata;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.mltrading.api.account.PreTradeCheckReport;
import org.mltrading.api.account.PreviewPreTradeRiskCommand;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.order.OrderErrorCode;
import org.mltrading.api.order.OrderInputRules;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.order.OrderTerms;
import org.mltrading.api.order.OrderDecision;
import org.mltrading.api.order.PlaceOrderCommand;
import org.mltrading.query.stream.DurableStream;
import org.mltrading.api.order.AmendOrderCommand;
import org.mltrading.api.order.CancelOrderCommand;
import org.mltrading.graphql.types.AmendOrderInput;
import org.mltrading.graphql.types.CancelOrderInput;
import org.mltrading.graphql.types.CancelAllOrdersResult;
import org.mltrading.graphql.types.FlattenPositionsResult;
import org.mltrading.graphql.types.Order;
import org.mltrading.graphql.types.OrderConnection;
import org.mltrading.graphql.DgsConstants;
import org.mltrading.graphql.types.OrderEdge;
import org.mltrading.graphql.types.OrderPreview;
import org.mltrading.graphql.types.OrderStatus;
import org.mltrading.graphql.types.PageInfo;
import org.mltrading.graphql.types.PlaceOrderInput;
import org.mltrading.query.account.AccountDirectory;
import org.mltrading.query.marketdata.MarketDataHub;
import org.mltrading.query.marketdata.instrument.InstrumentCatalog;
import org.mltrading.query.account.AccountView;
import org.mltrading.query.graphql.ApiErrorCode;
import org.mltrading.query.graphql.ApiException;
import org.mltrading.query.graphql.CommandMetadata;
import org.mltrading.query.security.ApiPrincipal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.reactivestreams.Publisher;

/** GraphQL operations of the order context: queries, the placeOrder mutation and the orderUpdated subscription. */
@DgsComponent
class OrderDataFetcher {

    private final CommandGateway commandGateway;
    private final OrderQueries queries;
    private final OrderUpdates updates;
    private final OrderChangeLog changes;
    private final int subscriberBuffer;
    private final AccountDirectory accounts;
    private final InstrumentCatalog instruments;
    private final MarketDataHub marketData;
    private final Clock clock;
    private final Duration readYourWritesTimeout;
    private final OrderTimeTravel timeTravel;
    private final DecidedOrders decided;

    OrderDataFetcher(CommandGateway commandGateway, OrderQueries queries, OrderUpdates updates,
                     AccountDirectory accounts, InstrumentCatalog instruments, MarketDataHub marketData,
                     ObjectProvider<Clock> clock,
                     @Value("${platform.graphql.read-your-writes-timeout}") Duration readYourWritesTimeout,
                     OrderTimeTravel timeTravel, OrderChangeLog changes,
                     @Value("${platform.streams.subscriber-buffer:4096}") int subscriberBuffer,
                     DecidedOrders decided) {
        this.decided = decided;
        this.timeTravel = timeTravel;
        this.changes = changes;
        this.subscriberBuffer = subscriberBuffer;
        this.commandGateway = commandGateway;
        this.queries = queries;
        this.updates = updates;
        this.accounts = accounts;
        this.instruments = instruments;
        this.marketData = marketData;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.readYourWritesTimeout = readYourWritesTimeout;
    }

    @DgsQuery
    @PreAuthorize("isAuthenticated()")
    Order order(@InputArgument String id, @InputArgument OffsetDateTime asOf) {
        ApiPrincipal principal = ApiPrincipal.current();
        if (asOf == null && id != null) {
            decided.awaitOrder(id); // read-your-writes after placeOrder
        }
        // asOf: rebuilt from the order's events in the event store, not read from the read model
        return (asOf == null ? queries.byId(id) : timeTravel.asOf(id, asOf.toInstant()))
                .filter(view -> accounts.find(view.accountId()).map(a -> accounts.canView(principal, a)).orElse(false))
                .map(OrderMapper::toGraphQl)
                .orElse(null);
    }

    /**
     * The order a trader names by its own id. Within one account the id is derived, not searched
     * ({@link OrderId#forClientOrder}); across accounts (a compliance officer who has only the id the
     * trader quoted) the read model is searched and what the caller may not view is left out.
     */
    @DgsQuery
    @PreAuthorize("isAuthenticated()")
    List<Order> ordersByClientOrderId(@InputArgument String clientOrderId, @InputArgument String accountId) {
        if (clientOrderId == null || clientOrderId.isBlank()) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "clientOrderId is required");
        }
        ApiPrincipal principal = ApiPrincipal.current();
        if (accountId != null) {
            AccountView account = viewableAccount(principal, accountId);
            OrderId id = OrderId.forClientOrder(OrderMapper.accountId(account.id()), clientOrderId.trim());
            decided.awaitOrder(id.toString());
            return queries.byId(id.toString()).map(OrderMapper::toGraphQl).stream().toList();
        }
        return queries.byClientOrderId(clientOrderId.trim(), OrderQueries.CLIENT_ORDER_ID_MATCHES).stream()
                .filter(view -> accounts.find(view.accountId()).map(a -> accounts.canView(principal, a)).orElse(false))
                .map(OrderMapper::toGraphQl)
                .toList();
    }

    @DgsQuery
    @PreAuthorize("isAuthenticated()")
    OrderConnection orders(@InputArgument String accountId, @InputArgument List<OrderStatus> status,
                           @InputArgument Integer first, @InputArgument String after) {
        viewableAccount(ApiPrincipal.current(), accountId);
        decided.awaitAccount(accountId); // read-your-writes: the account's orders decided so far are listed
        int size = first == null ? OrderQueries.DEFAULT_PAGE : first;
        if (size < 1 || size > OrderQueries.MAX_PAGE) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT,
                    "first must be between 1 and " + OrderQueries.MAX_PAGE);
        }
        List<org.mltrading.api.order.OrderStatus> statuses = status == null ? null
                : status.stream().map(s -> org.mltrading.api.order.OrderStatus.valueOf(s.name())).toList();
        List<OrderView> rows = queries.page(accountId, statuses, size,
                after == null ? null : OrderQueries.Cursor.decode(after));
        boolean hasNext = rows.size() > size;
        List<OrderEdge> edges = new ArrayList<>();
        for (OrderView row : rows.subList(0, Math.min(size, rows.size()))) {
            edges.add(OrderEdge.newBuilder().cursor(OrderQueries.Cursor.of(row).encode())
                    .node(OrderMapper.toGraphQl(row)).build());
        }
        String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).getCursor();
        return OrderConnection.newBuilder().edges(edges)
                .pageInfo(PageInfo.newBuilder().hasNextPage(hasNext).endCursor(endCursor).build()).build();
    }

    /**
     * Sends PlaceOrderCommand with the caller's who/why metadata; order entry decides the pre-trade
     * check in the same commit (ADR 0019) and answers the order's events as stored, so the answer is the
     * order WORKING or REJECTED as soon as that commit is durable — folded from those events exactly as
     * the projection folds them. Read-your-writes stays: until the projection has written the order,
     * every order query that could show it waits for it ({@link DecidedOrders}), and so does the answer's
     * {@code cursor} when it is selected (a change-log position only the projection assigns).
     */
    @DgsMutation
    @PreAuthorize("hasAnyRole('TRADER','INTEGRATOR')")
    Order placeOrder(@InputArgument PlaceOrderInput input) {
        ApiPrincipal principal = ApiPrincipal.current();
        AccountView account = tradableAccount(principal, input.getAccountId());
        return place(principal, account, input.getClientOrderId(), OrderMapper.terms(input), null);
    }

    /** Places an order of the account as the principal (placeOrder's path, also flattenPositions' and baskets'). */
    Order place(ApiPrincipal principal, AccountView account, String clientOrderId, OrderTerms terms, String basketId) {
        checkAgainstInstrument(terms);
        OrderId orderId = OrderId.forClientOrder(OrderMapper.accountId(account.id()), clientOrderId);
        String id = orderId.toString();

        // expected before anything is sent, so the projection's announcement cannot be missed
        CompletableFuture<OrderView> projected = decided.expect(id, account.id());
        MetaData metaData = CommandMetadata.of(principal);
        OrderDecision decision;
        try {
            decision = commandGateway.sendAndWait(GenericCommandMessage
                    .asCommandMessage(new PlaceOrderCommand(orderId, OrderMapper.accountId(account.id()),
                            clientOrderId, terms, null, basketId))
                    .andMetaData(metaData));
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            // a concurrent resend of the same clientOrderId won the race: answer like a resend
            return idempotentReplay(storedOrAwait(projected, id), terms);
        } catch (RuntimeException e) {
            // refused, failed or timed out: the account's reads must not wait for an order this call
            // cannot promise (a resend after a timeout answers the truth)
            decided.forget(id);
            throw e;
        }
        if (decision == null || decision.resend()) {
            return idempotentReplay(storedOrAwait(projected, id), terms);
        }
        String actor = (String) metaData.get(AuditMetadata.ACTOR);
        OrderView placed = OrderStates.next(null, decision.placed(), 0, actor);
        Order answer = OrderMapper.toGraphQl(OrderStates.next(placed, decision.decisionEvent(), 1, actor));
        answer.setCursor(null); // not projected yet: resolved on demand by cursor(...)
        return answer;
    }

    /** Open orders at most cancelled or positions flattened by one call. */
    static final int MAX_BULK = 10_000;

    /**
     * Cancels every open order of the account: for its traders and entitled integrators (trade scope) and
     * for risk officers. Each order is cancelled on its own; one that finished meanwhile is a failure
     * named in the answer, never a reason to stop.
     */
    @DgsMutation
    @PreAuthorize("hasAnyRole('TRADER','INTEGRATOR','RISK_OFFICER')")
    CancelAllOrdersResult cancelAllOrders(@InputArgument String accountId, @InputArgument String reason) {
        ApiPrincipal principal = ApiPrincipal.current();
        AccountView account = controllableAccount(principal, accountId);
        String why = "cancel-all by " + principal.subject() + (reason == null || reason.isBlank() ? "" : ": " + reason.trim());
        List<String> cancelled = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (OrderView listed : queries.open(account.id(), MAX_BULK)) {
            // placed a moment ago: its decision may not be projected yet; one decided meanwhile is skipped
            decided.awaitOrder(listed.id());
            OrderView order = queries.byId(listed.id()).orElse(listed);
            if (order.status().isTerminal()) {
                continue;
            }
            try {
                commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(new CancelOrderCommand(
                        OrderId.parse(order.id()), "CANCEL_ALL", why)).andMetaData(CommandMetadata.of(principal)));
                cancelled.add(order.id());
            } catch (RuntimeException e) {
                failures.add(order.id() + ": " + e.getMessage());
            }
        }
        return CancelAllOrdersResult.newBuilder().accountId(account.id()).cancelledOrderIds(cancelled)
                .failures(failures).build();
    }

    /**
     * One MARKET order per position, opposite side, whole quantity; each runs the pre-trade checks (a
     * halted account refuses them; reduce-only lets them through, as they shrink the position).
     */
    @DgsMutation
    @PreAuthorize("hasAnyRole('TRADER','INTEGRATOR','RISK_OFFICER')")
    FlattenPositionsResult flattenPositions(@InputArgument String accountId, @InputArgument String reason) {
        ApiPrincipal principal = ApiPrincipal.current();
        // the access check reads the account without its positions; flattening needs them
        AccountView account = accounts.find(controllableAccount(principal, accountId).id())
                .orElseThrow(() -> notPermitted(accountId));
        List<Order> orders = new ArrayList<>();
        String batch = Long.toString(clock.millis(), 36);
        var positions = account.positions() == null ? java.util.Map.<String, AccountView.PositionView>of() : account.positions();
        for (AccountView.PositionView position : positions.values()) {
            if (position.quantity().signum() == 0) {
                continue;
            }
            OrderTerms terms = new OrderTerms(position.symbol(), position.quantity().signum() > 0
                    ? org.mltrading.api.common.Side.SELL : org.mltrading.api.common.Side.BUY,
                    org.mltrading.api.order.OrderType.MARKET, position.quantity().abs(), null, null,
                    org.mltrading.api.order.TimeInForce.DAY, null);
            orders.add(place(principal, account, "flatten-" + batch + "-" + position.symbol(), terms, null));
        }
        return FlattenPositionsResult.newBuilder().accountId(account.id()).orders(orders).build();
    }

    /** The account's traders (trade scope for integrators) and risk officers; others cannot tell it exists. */
    private AccountView controllableAccount(ApiPrincipal principal, String accountId) {
        AccountView account = accounts.findForAccess(accountId).orElseThrow(() -> notPermitted(accountId));
        if (!accounts.canTrade(principal, account) && !principal.hasAnyRole("RISK_OFFICER")) {
            throw notPermitted(accountId);
        }
        return account;
    }

    /**
     * {@code Order.cursor}: as the source has it, except on placeOrder's answer, which is made before the
     * projection logs the change — there the field waits for the projected order (read-your-writes).
     */
    @DgsData(parentType = DgsConstants.ORDER.TYPE_NAME, field = DgsConstants.ORDER.Cursor)
    String cursor(DgsDataFetchingEnvironment env) {
        Order order = env.getSource();
        if (order.getCursor() != null) {
            return order.getCursor();
        }
        OrderView view = decided.awaitOrder(order.getId()).or(() -> queries.byId(order.getId()))
                .orElseThrow(() -> new ApiException(ApiErrorCode.UNAVAILABLE, "order " + order.getId()
                        + " was accepted but is not readable yet; query its cursor again shortly"));
        return OrderChangeLog.CURSORS.format(view.cursor());
    }

    /** An order stored earlier: as the read model has it, else (still being projected) as announced. */
    private OrderView storedOrAwait(CompletableFuture<OrderView> projected, String orderId) {
        Optional<OrderView> stored = queries.byId(orderId);
        if (stored.isPresent()) {
            decided.forget(orderId);
            return stored.get();
        }
        return await(projected, orderId);
    }

    /**
     * A dry run of placeOrder: the same entitlement, input and instrument checks, then the account
     * evaluates every pre-trade check at the reference price the order-flow saga would use and answers
     * the report. The account stores nothing for a preview, and no order is placed.
     */
    @DgsMutation(field = DgsConstants.MUTATION.PreviewOrder)
    @PreAuthorize("hasAnyRole('TRADER','INTEGRATOR')")
    OrderPreview previewOrder(@InputArgument PlaceOrderInput input) {
        ApiPrincipal principal = ApiPrincipal.current();
        AccountView account = tradableAccount(principal, input.getAccountId());
        return preview(principal, account, input.getClientOrderId(), OrderMapper.terms(input));
    }

    /** previewOrder's dry run for an account the caller was allowed to use (also each leg of a basket). */
    OrderPreview preview(ApiPrincipal principal, AccountView account, String clientOrderId, OrderTerms terms) {
        checkAgainstInstrument(terms);
        // placeOrder leaves these to the Order aggregate; a preview never reaches it
        OrderInputRules.firstViolation(clientOrderId, terms, clock.instant()).ifPresent(rejection -> {
            throw new ApiException(rejection.code().name(), rejection.message());
        });
        AccountId accountId = OrderMapper.accountId(account.id());
        OrderId orderId = OrderId.forClientOrder(accountId, clientOrderId);
        BigDecimal referencePrice = terms.referencePrice(marketData);
        PreTradeCheckReport report = commandGateway.sendAndWait(GenericCommandMessage
                .asCommandMessage(new PreviewPreTradeRiskCommand(accountId, orderId, terms.symbol(), terms.side(),
                        terms.quantity(), referencePrice, terms.type().needsLimitPrice() ? terms.limitPrice() : null, null))
                .andMetaData(CommandMetadata.of(principal)));
        return OrderMapper.toGraphQl(report, referencePrice);
    }

    @DgsMutation
    @PreAuthorize("hasAnyRole('TRADER','INTEGRATOR')")
    Order cancelOrder(@InputArgument CancelOrderInput input) {
        OrderView order = tradableOrder(ApiPrincipal.current(), input.getOrderId());
        if (order.status().isTerminal()) {
            if (order.status() == org.mltrading.api.order.OrderStatus.CANCELLED) {
                return OrderMapper.toGraphQl(order); // cancelling twice is a no-op
            }
            throw new ApiException(OrderErrorCode.ORDER_NOT_WORKING.name(), "order is " + order.status() + "; nothing to cancel");
        }
        return sendAndAwaitChange(order, new CancelOrderCommand(OrderId.parse(order.id()), "CLIENT_REQUEST",
                "cancelled by " + ApiPrincipal.current().subject()));
    }

    @DgsMutation
    @PreAuthorize("hasAnyRole('TRADER','INTEGRATOR')")
    Order amendOrder(@InputArgument AmendOrderInput input) {
        OrderView order = tradableOrder(ApiPrincipal.current(), input.getOrderId());
        if (input.getQuantity() == null && input.getLimitPrice() == null && input.getStopPrice() == null) {
            throw new ApiException(ApiErrorCode.VALIDATION_INVALID_INPUT, "give a new quantity, limitPrice or stopPrice");
        }
        // the new terms obey the instrument's lot and tick sizes like a new order's
        checkAgainstInstrument(new OrderTerms(order.symbol(), order.side(), order.type(),
                input.getQuantity() != null ? input.getQuantity() : order.quantity(),
                input.getLimitPrice() != null ? input.getLimitPrice() : order.limitPrice(),
                input.getStopPrice() != null ? input.getStopPrice() : order.stopPrice(),
                order.timeInForce(), order.expireAt()));
        return sendAndAwaitChange(order, new AmendOrderCommand(OrderId.parse(order.id()), input.getQuantity(),
                input.getLimitPrice(), input.getStopPrice()));
    }

    /** Sends a command about an existing order and answers once the projection shows its effect. */
    private Order sendAndAwaitChange(OrderView order, Object command) {
        ApiPrincipal principal = ApiPrincipal.current();
        CompletableFuture<OrderView> changed = updates.stream()
                .filter(view -> view.id().equals(order.id()) && view.lastSequence() > order.lastSequence())
                .next().toFuture();
        try {
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(CommandMetadata.of(principal)));
        } catch (RuntimeException e) {
            changed.cancel(true);
            throw e;
        }
        // no visible change within the timeout (e.g. an idempotent repeat): what is readable now
        return OrderMapper.toGraphQl(await(changed, order.id()));
    }

    /**
     * The order to cancel or amend. An order of an account the caller cannot see answers exactly like
     * an unknown id (issue 14, finding 8): order ids derive from (account, clientOrderId), so a
     * different answer would confirm that another account placed a given clientOrderId. Only a caller
     * who can see the order but not trade its account hears why.
     */
    private OrderView tradableOrder(ApiPrincipal principal, String orderId) {
        decided.awaitOrder(orderId); // placed a moment ago: readable before it is cancelled or amended
        OrderView order = queries.byId(orderId).orElseThrow(() -> unknownOrder(orderId));
        AccountView account = accounts.findForAccess(order.accountId()).orElseThrow(() -> unknownOrder(orderId));
        if (!accounts.canView(principal, account)) {
            throw unknownOrder(orderId);
        }
        if (!accounts.canTrade(principal, account)) {
            throw notPermitted(order.accountId());
        }
        return order;
    }

    private static ApiException unknownOrder(String orderId) {
        return new ApiException(ApiErrorCode.NOT_FOUND, "no order " + orderId);
    }

    /** Reference-data rules, checked at the edge where the instrument catalogue lives. */
    private void checkAgainstInstrument(OrderTerms terms) {
        var instrument = instruments.find(terms.symbol()).orElseThrow(() -> new ApiException(
                OrderErrorCode.ORDER_UNKNOWN_SYMBOL.name(), "unknown symbol: " + terms.symbol()));
        if (terms.quantity().signum() > 0 && terms.quantity().remainder(instrument.lotSize()).signum() != 0) {
            throw new ApiException(OrderErrorCode.ORDER_INVALID_QUANTITY.name(),
                    "quantity must be a multiple of the lot size " + instrument.lotSize().toPlainString());
        }
        for (java.math.BigDecimal price : new java.math.BigDecimal[] {terms.limitPrice(), terms.stopPrice()}) {
            if (price != null && price.signum() > 0 && price.remainder(instrument.tickSize()).signum() != 0) {
                throw new ApiException(OrderErrorCode.ORDER_INVALID_PRICE.name(),
                        "prices must be multiples of the tick size " + instrument.tickSize().toPlainString());
            }
        }
    }

    @DgsSubscription
    @PreAuthorize("isAuthenticated()")
    Publisher<Order> orderUpdated(@InputArgument String accountId, @InputArgument String after) {
        viewableAccount(ApiPrincipal.current(), accountId);
        long from = DurableStream.validate(changes.log(), after);
        return DurableStream.of(updates.byAccount(), changes.log(), java.util.Set.of(accountId), OrderView::cursor,
                from, subscriberBuffer).map(OrderMapper::toGraphQl);
    }

    /**
     * Read-your-writes: the projection's announcement of the order, or after the timeout whatever the
     * read model holds; an order that is still not readable gets UNAVAILABLE (it was accepted).
     */
    private OrderView await(CompletableFuture<OrderView> announcement, String orderId) {
        try {
            return announcement.get(readYourWritesTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | java.util.concurrent.CancellationException e) {
            return readableOrUnavailable(orderId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ApiErrorCode.UNAVAILABLE, "interrupted while waiting for the order");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                return readableOrUnavailable(orderId); // the wait of DecidedOrders ended
            }
            throw new ApiException(ApiErrorCode.INTERNAL_ERROR, "order projection failed");
        } finally {
            announcement.cancel(true);
        }
    }

    private OrderView readableOrUnavailable(String orderId) {
        return queries.byId(orderId).orElseThrow(() -> new ApiException(ApiErrorCode.UNAVAILABLE,
                "order " + orderId + " was accepted but is not readable yet; query it again shortly"));
    }

    private static Order idempotentReplay(OrderView existing, OrderTerms terms) {
        if (!OrderMapper.sameTerms(existing, terms)) {
            throw new ApiException(OrderErrorCode.ORDER_DUPLICATE_CLIENT_ORDER_ID.name(),
                    "clientOrderId " + existing.clientOrderId() + " was already used for a different order");
        }
        return OrderMapper.toGraphQl(existing);
    }

    AccountView viewableAccount(ApiPrincipal principal, String accountId) {
        AccountView account = accounts.find(accountId).orElseThrow(() -> notPermitted(accountId));
        if (!accounts.canView(principal, account)) {
            throw notPermitted(accountId);
        }
        return account;
    }

    AccountView tradableAccount(ApiPrincipal principal, String accountId) {
        AccountView account = accounts.findForAccess(accountId).orElseThrow(() -> notPermitted(accountId));
        if (!accounts.canTrade(principal, account)) {
            throw notPermitted(accountId);
        }
        return account;
    }

    /** Unknown and forbidden accounts look the same, so ids cannot be probed. */
    private static ApiException notPermitted(String accountId) {
        return new ApiException(ApiErrorCode.PERMISSION_DENIED, "no access to account " + accountId);
    }
}
