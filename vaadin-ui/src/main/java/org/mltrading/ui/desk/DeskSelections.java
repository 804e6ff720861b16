package org.mltrading.ui.desk;

import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.annotation.VaadinSessionScope;
import org.mltrading.ui.marketdata.ChartInterval;
import org.mltrading.ui.trading.OrderTicket;

/**
 * What the trader chose on the desk — account, chart symbol and interval, the ticket as typed —
 * kept for the browser session, so a reload (a new UI) opens the desk as it was left instead of
 * resetting it to the first instrument, 1m and an empty ticket. Used under the session lock.
 */
@SpringComponent
@VaadinSessionScope
class DeskSelections {

    private String accountId;
    private String symbol;
    private ChartInterval interval = ChartInterval.ONE_MINUTE;
    private OrderTicket ticket = new OrderTicket();

    String accountId() {
        return accountId;
    }

    void accountId(String accountId) {
        this.accountId = accountId;
    }

    String symbol() {
        return symbol;
    }

    void symbol(String symbol) {
        this.symbol = symbol;
    }

    ChartInterval interval() {
        return interval;
    }

    void interval(ChartInterval interval) {
        this.interval = interval == null ? ChartInterval.ONE_MINUTE : interval;
    }

    /** The ticket as last typed on any desk of the session: a copy, read by a new desk (a reload). */
    OrderTicket ticket() {
        return ticket;
    }

    /**
     * Remembers a copy of the ticket as typed. Each desk (each browser tab) edits a ticket of its own:
     * one shared ticket let a quantity typed in one tab be sent by another tab's Place order.
     */
    void ticket(OrderTicket typed) {
        ticket = new OrderTicket().side(typed.side()).type(typed.type()).quantity(typed.quantity())
                .limitPrice(typed.limitPrice()).stopPrice(typed.stopPrice()).timeInForce(typed.timeInForce());
    }
}
