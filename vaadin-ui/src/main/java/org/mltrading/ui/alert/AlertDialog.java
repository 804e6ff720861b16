package org.mltrading.ui.alert;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import java.math.BigDecimal;
import java.util.function.Consumer;
import org.mltrading.ui.graphql.GraphQlApiException;

/**
 * A price alert on the chart's instrument: the level (prefilled with the last mid) and which crossing fires
 * it. Ids: {@code alert-dialog}, {@code alert-level}, {@code alert-direction}, {@code alert-save}.
 */
public class AlertDialog extends Dialog {

    public AlertDialog(String symbol, BigDecimal mid, AlertClient alerts, Consumer<AlertClient.Alert> created) {
        setId("alert-dialog");
        setHeaderTitle("Alert on " + symbol);
        setWidth("380px");
        BigDecimalField level = new BigDecimalField("Price level");
        level.setId("alert-level");
        level.setValue(mid);
        level.setWidthFull();
        level.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        RadioButtonGroup<String> direction = new RadioButtonGroup<>("Fires when the mid");
        direction.setId("alert-direction");
        direction.setItems("UP", "DOWN", "EITHER");
        direction.setItemLabelGenerator(item -> switch (item) {
            case "UP" -> "rises through it";
            case "DOWN" -> "falls through it";
            default -> "crosses it either way";
        });
        direction.setValue("EITHER");
        Span note = new Span(mid == null ? "" : "Mid now " + mid.toPlainString() + ". The alert fires once; the bell shows it.");
        note.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        add(level, direction, note);
        Button save = new Button("Set alert", click -> {
            if (level.getValue() == null || level.getValue().signum() <= 0) {
                level.setInvalid(true);
                level.setErrorMessage("A price above 0");
                return;
            }
            try {
                created.accept(alerts.priceAlert(symbol, level.getValue(), direction.getValue()));
                close();
            } catch (GraphQlApiException refused) {
                Notification error = new Notification(refused.userMessage(), 8000, Notification.Position.TOP_CENTER);
                error.setId("alert-error");
                error.addThemeVariants(NotificationVariant.LUMO_ERROR);
                error.open();
            }
        });
        save.setId("alert-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), save);
    }
}
