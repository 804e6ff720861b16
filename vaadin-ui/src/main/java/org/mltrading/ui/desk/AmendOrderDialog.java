package org.mltrading.ui.desk;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import java.util.function.BiPredicate;
import org.mltrading.ui.trading.DeskOrder;
import org.mltrading.ui.trading.OrderAmendment;

/** Changes quantity and/or prices of a working order; only what the trader changed is sent. */
class AmendOrderDialog extends Dialog {

    AmendOrderDialog(DeskOrder order, BiPredicate<DeskOrder, java.util.Map<String, Object>> amend) {
        setId("amend-dialog");
        setHeaderTitle("Amend " + order.side() + " " + order.symbol());
        BigDecimalField quantity = new BigDecimalField("Quantity");
        quantity.setId("amend-quantity");
        quantity.setValue(order.quantity());
        BigDecimalField limitPrice = new BigDecimalField("Limit price");
        limitPrice.setValue(order.limitPrice());
        limitPrice.setVisible(order.limitPrice() != null);
        BigDecimalField stopPrice = new BigDecimalField("Stop price");
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
        save.setId("amend-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Close", click -> close()), save);
    }

}
