package org.mltrading.ui.risk;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import org.mltrading.ui.graphql.GraphQlApiException;

/**
 * Edits an account's limits. Cuts apply at once; a rise of any limit (or a symbol lifted from the restricted
 * list) cannot be applied by one officer: the dialog proposes it, with the reason, for a second risk officer
 * to approve. Ids: {@code limits-dialog}, {@code limit-<field>}, {@code limits-reason}, {@code limits-save}.
 */
class LimitsDialog extends Dialog {

    LimitsDialog(RiskAccount account, RiskClient risk, BiConsumer<RiskAccount, Boolean> saved) {
        setId("limits-dialog");
        setHeaderTitle("Limits of " + account.id());
        setWidth("520px");
        RiskAccount.Limits limits = account.limits();
        BigDecimalField notional = decimal("maxOrderNotional", "Max order notional (" + account.currency() + ")", limits.maxOrderNotional());
        BigDecimalField position = decimal("maxPositionPerInstrument", "Max position per instrument (units)", limits.maxPositionPerInstrument());
        BigDecimalField gross = decimal("maxGrossExposure", "Max gross exposure (" + account.currency() + ")", limits.maxGrossExposure());
        BigDecimalField loss = decimal("maxDailyLoss", "Max daily loss (" + account.currency() + ")", limits.maxDailyLoss());
        IntegerField rate = new IntegerField("Max orders per second");
        rate.setId("limit-maxOrdersPerSecond");
        rate.setValue(limits.maxOrdersPerSecond());
        rate.setMin(1);
        TextField restricted = new TextField("Restricted symbols (comma separated)");
        restricted.setId("limit-restrictedSymbols");
        restricted.setValue(limits.restrictedSymbols() == null ? "" : String.join(", ", limits.restrictedSymbols()));
        TextField reason = new TextField("Reason (needed for a rise)");
        reason.setId("limits-reason");
        reason.setWidthFull();
        reason.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        FormLayout form = new FormLayout(notional, position, gross, loss, rate, restricted);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("420px", 2));
        Span rule = new Span("Cuts apply at once. A rise waits for a second risk officer's approval.");
        rule.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        add(form, reason, rule);

        Button save = new Button("Apply", click -> {
            RiskAccount.Limits next = new RiskAccount.Limits(notional.getValue(), position.getValue(), gross.getValue(),
                    loss.getValue(), symbols(restricted.getValue()), rate.getValue());
            if (next.maxOrderNotional() == null || next.maxPositionPerInstrument() == null || next.maxGrossExposure() == null
                    || next.maxDailyLoss() == null || next.maxOrdersPerSecond() == null) {
                error("Fill in every limit.");
                return;
            }
            try {
                saved.accept(risk.setLimits(account.id(), next), false);
                close();
            } catch (GraphQlApiException refused) {
                if (!"RISK_APPROVAL_REQUIRED".equals(refused.code())) {
                    error(refused.userMessage());
                    return;
                }
                if (reason.getValue().isBlank()) {
                    reason.setInvalid(true);
                    reason.setErrorMessage("A rise needs a reason: the second risk officer sees it.");
                    return;
                }
                try {
                    saved.accept(risk.proposeLimits(account.id(), next, reason.getValue().trim()), true);
                    close();
                } catch (GraphQlApiException failure) {
                    error(failure.userMessage());
                }
            }
        });
        save.setId("limits-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), save);
    }

    private static BigDecimalField decimal(String id, String label, BigDecimal value) {
        BigDecimalField field = new BigDecimalField(label);
        field.setId("limit-" + id);
        field.setValue(value);
        field.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        return field;
    }

    private static List<String> symbols(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.ROOT)).distinct().toList();
    }

    private static void error(String message) {
        Notification notification = new Notification(message, 8000, Notification.Position.TOP_CENTER);
        notification.setId("limits-error");
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.open();
    }
}
