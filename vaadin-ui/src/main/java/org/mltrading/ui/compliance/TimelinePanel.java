package org.mltrading.ui.compliance;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One order's or account's timeline, found by the order id, the account id or the client order id
 * the trader quoted; several orders with that client order id are offered as a choice.
 */
class TimelinePanel extends VerticalLayout {

    private final TimelineLookup lookup;
    private final BiConsumer<String, RuntimeException> errors;
    private final TextField id = new TextField("Order id, client order id or account id");
    private final TextField account = new TextField("Account (optional)");
    private final Select<OrderMatch> choice = new Select<>();
    private final Span heading = new Span();
    private final Grid<AuditEvent> trail = AuditEventGrid.create("audit-trail", false);

    TimelinePanel(TimelineLookup lookup, BiConsumer<String, RuntimeException> errors) {
        this.lookup = lookup;
        this.errors = errors;
        id.setId("trail-aggregate");
        id.setWidth("22em");
        id.setClearButtonVisible(true);
        // Enter searches: the keydown reaches the server before a change event would carry the value
        id.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        account.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        account.setId("trail-account");
        account.setWidth("12em");
        account.setHelperText("narrows a client order id");
        Button show = new Button("Show timeline", click -> show());
        show.setId("trail-show");
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        id.addKeyDownListener(com.vaadin.flow.component.Key.ENTER, enter -> show());
        choice.setId("trail-choice");
        choice.setLabel("Orders with this client order id");
        choice.setItemLabelGenerator(OrderMatch::label);
        choice.setWidth("28em");
        choice.setVisible(false);
        choice.addValueChangeListener(chosen -> {
            if (chosen.isFromClient() && chosen.getValue() != null) {
                load(() -> lookup.timelineOf(chosen.getValue()));
            }
        });
        heading.setId("trail-heading");
        heading.getStyle().set("font-weight", "600");
        trail.setEmptyStateText("Enter an order id, the client order id a trader quoted, or an account id.");
        HorizontalLayout form = new HorizontalLayout(id, account, show, choice);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        add(form, heading, trail);
        setSizeFull();
        expand(trail);
    }

    private void show() {
        try {
            TimelineLookup.Result result = lookup.find(id.getValue(), account.getValue());
            id.setInvalid(false);
            shown(result);
        } catch (AuditSearch.InvalidCriteria invalid) {
            id.setErrorMessage(invalid.getMessage());
            id.setInvalid(true);
        } catch (RuntimeException failure) {
            errors.accept("The timeline could not be loaded", failure);
        }
    }

    private void load(java.util.function.Supplier<TimelineLookup.Result> result) {
        try {
            shown(result.get());
        } catch (RuntimeException failure) {
            errors.accept("The timeline could not be loaded", failure);
        }
    }

    private void shown(TimelineLookup.Result result) {
        List<OrderMatch> choices = result.choices();
        choice.setVisible(!choices.isEmpty());
        if (!choices.isEmpty()) {
            choice.setItems(choices);
        }
        heading.setText(result.nothingFound() != null ? result.nothingFound() : result.heading());
        trail.setItems(result.events());
    }
}
