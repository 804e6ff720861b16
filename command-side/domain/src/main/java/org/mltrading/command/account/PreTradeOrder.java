package org.mltrading.command.account;

import java.math.BigDecimal;
import java.time.Instant;
import org.mltrading.api.account.CheckPreTradeRiskCommand;
import org.mltrading.api.account.OrderControls;
import org.mltrading.api.account.PreviewPreTradeRiskCommand;
import org.mltrading.api.common.Side;

/**
 * The order under a pre-trade check. {@code quantity} in units (its sign is ignored: the side gives
 * the direction); {@code referencePrice} in the quote currency per unit, null when no market price is
 * known; {@code now} from the aggregate's clock; {@code controls} what the firm-wide checks need.
 */
record PreTradeOrder(String symbol, Side side, BigDecimal quantity, BigDecimal referencePrice, Instant now,
                     OrderControls controls) {

    static PreTradeOrder of(CheckPreTradeRiskCommand command, Instant now) {
        return new PreTradeOrder(command.symbol(), command.side(), command.quantity().abs(), command.referencePrice(),
                now, command.controls());
    }

    static PreTradeOrder of(PreviewPreTradeRiskCommand command, Instant now) {
        OrderControls controls = command.controls();
        if (controls.limitPrice() == null && command.limitPrice() != null) {
            controls = new OrderControls(controls.firmHalted(), command.limitPrice(), controls.collarReference(),
                    controls.collarReferenceKind(), controls.instrument());
        }
        return new PreTradeOrder(command.symbol(), command.side(), command.quantity().abs(), command.referencePrice(),
                now, controls);
    }

    /** Whether the order can be valued: a reference price greater than 0 is known. */
    boolean hasReferencePrice() {
        return referencePrice != null && referencePrice.signum() > 0;
    }

    /** The position change the order asks for: + for BUY, − for SELL. */
    BigDecimal signedQuantity() {
        return Decimals.signed(side, quantity);
    }

    /** |quantity| × reference price, in the account currency; only when {@link #hasReferencePrice()}. */
    BigDecimal notional() {
        return Decimals.normalised(quantity.multiply(referencePrice));
    }
}
