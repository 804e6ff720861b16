package org.mltrading.api.account;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mltrading.api.common.AccountId;
import org.mltrading.api.common.OrderId;
import org.mltrading.api.common.Side;

/**
 * A dry run of the pre-trade risk check: the account evaluates every check against its current state
 * and answers a {@link PreTradeCheckReport}, storing nothing (no event, no reservation, and the
 * preview does not count towards the order rate). {@code quantity} in units (the side gives the
 * direction); {@code referencePrice} in the quote currency per unit, as for
 * {@link CheckPreTradeRiskCommand} (null when no market price is known); {@code limitPrice} the order's limit
 * (null for market and stop orders); order entry fills in {@code controls} before the account sees it.
 */
public record PreviewPreTradeRiskCommand(@TargetAggregateIdentifier AccountId accountId, OrderId orderId,
                                         String symbol, Side side, BigDecimal quantity, BigDecimal referencePrice,
                                         BigDecimal limitPrice, OrderControls controls) {

    public PreviewPreTradeRiskCommand {
        if (controls == null) {
            controls = OrderControls.NONE;
        }
    }

    /** A preview of a market order against the account alone. */
    public PreviewPreTradeRiskCommand(AccountId accountId, OrderId orderId, String symbol, Side side, BigDecimal quantity,
                                      BigDecimal referencePrice) {
        this(accountId, orderId, symbol, side, quantity, referencePrice, null, OrderControls.NONE);
    }

    public PreviewPreTradeRiskCommand withControls(OrderControls newControls) {
        return new PreviewPreTradeRiskCommand(accountId, orderId, symbol, side, quantity, referencePrice, limitPrice,
                newControls);
    }
}
