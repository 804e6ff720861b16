package org.mltrading.ui.trading;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Changes quantity and/or prices of a working order (desk blotter, orders page); only what the
 * trader changed is sent ({@link OrderAmendment}). Price fields show only where the order has that
 * price. Ids: {@code <idPrefix>-dialog}, {@code -quantity}, {@code -limit}, {@code -stop},
 * {@code -save} (tests find them).
 */
public class AmendOrderDialog extends Dialog {

    /**
     * @param amend sends the changes; true when they were accepted (the dialog closes), false when
     *              refused (the dialog stays open, the caller has said why)
     */
    public AmendOrderDialog(String idPrefix, DeskOrder order, BiPredicate<DeskOrder, Map<String, Object>> amend) {
        setId(idPrefix + "-dialog");
        setHeaderTitle("Amend " + order.side() + " " + order.symbol()
                + (order.clientOrderId() == null ? "" : " (" + order.clientOrderId() + ")"));
        BigDecimalField quantity = new BigDecimalField("Quantity");
        quantity.setId(idPrefix + "-quantity");
        quantity.setValue(order.quantity());
        BigDecimalField limitPrice = new BigDecimalField("Limit price");
        limitPrice.setId(idPrefix + "-limit");
        limitPrice.setValue(order.limitPrice());
        limitPrice.setVisible(order.limitPrice() != null);
        BigDecimalField stopPrice = new BigDecimalField("Stop price");
        stopPrice.setId(idPrefix + "-stop");
        stopPrice.setValue(order.stopPrice());
        stopPrice.setVisible(order.stopPrice() != null);
        add(new FormLayout(quantity, limitPrice, stopPrice));

        Button save = new Button("Amend", click -> {
            OrderAmendment amendment = OrderAmendment.between(order, quantity.getValue(), limitPrice.getValue(),
                    stopPrice.getValue());
            if (!amendment.problem().isEmpty()) {
                quantity.setErrorMessage(amendment.problem());
                quantity.setInvalid(true);
                return;
            }
            if (amendment.changes().isEmpty() || amend.test(order, amendment.changes())) {
                close();
            }
        });
        save.setId(idPrefix + "-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Close", click -> close()), save);
    }
}
