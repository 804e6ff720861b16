package org.mltrading.ui.trading;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.mltrading.ui.graphql.GraphQlApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Cancel all" of the desk and of the orders page. The API has no cancel-all: one cancelOrder per
 * order, in turn; a refusal does not stop the others, and the outcome is counted for the trader.
 * Runs on the UI thread (the calls are made as the logged-in user).
 */
public final class CancelAll {

    private static final Logger log = LoggerFactory.getLogger(CancelAll.class);

    private CancelAll() {
    }

    /**
     * What happened: how many were asked for, how many were cancelled, and the first refusal in the
     * user's words (null when every order was cancelled).
     */
    public record Outcome(int asked, int cancelled, String firstFailure) {

        public boolean complete() {
            return cancelled == asked;
        }

        /** "Cancelled 1 of 2 open orders", {@code kind} being the word for the orders. */
        public String summary(String kind) {
            return "Cancelled " + cancelled + " of " + asked + " " + kind + " orders";
        }
    }

    /**
     * @param cancelOrder  the API call, e.g. {@code TradingClient::cancel}
     * @param onCancelled  shows the cancelled order (its answer) on the page
     */
    public static Outcome each(List<String> orderIds, Function<String, DeskOrder> cancelOrder,
                               Consumer<DeskOrder> onCancelled) {
        int cancelled = 0;
        String firstFailure = null;
        for (String orderId : orderIds) {
            try {
                onCancelled.accept(cancelOrder.apply(orderId));
                cancelled++;
            } catch (RuntimeException failure) {
                log.warn("cancel-all: {} {}", orderId, failure.toString());
                if (firstFailure == null) {
                    firstFailure = inWords(failure);
                }
            }
        }
        return new Outcome(orderIds.size(), cancelled, firstFailure);
    }

    private static String inWords(RuntimeException failure) {
        if (failure instanceof GraphQlApiException api) {
            return api.userMessage();
        }
        return failure.getMessage() == null ? "An unexpected error occurred." : failure.getMessage();
    }
}
