package org.mltrading.ui.desk;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;

/** The desk's keyboard shortcuts, listed where a trader can find them (the "Keys" button by the watchlist). */
final class ShortcutHelp {

    /** Keys and what they do; the same as DeskView registers. */
    static final List<List<String>> SHORTCUTS = List.of(
            List.of("↑ ↓", "move through the watchlist (click or tab into it first)"),
            List.of("Enter", "in the watchlist: open the instrument on the chart and the ticket"),
            List.of("Alt+B / Alt+S", "ticket side: buy / sell"),
            List.of("Alt+Q", "to the ticket's quantity"),
            List.of("Enter", "in the ticket: place the order"));

    private ShortcutHelp() {
    }

    static void open() {
        Dialog dialog = new Dialog();
        dialog.setId("shortcut-help-dialog");
        dialog.setHeaderTitle("Keyboard shortcuts");
        for (List<String> shortcut : SHORTCUTS) {
            Span key = new Span(shortcut.get(0));
            key.getStyle().set("font-weight", "600").set("display", "inline-block").set("min-width", "9em");
            dialog.add(new Div(key, new Span(shortcut.get(1))));
        }
        dialog.getFooter().add(new Button("Close", click -> dialog.close()));
        dialog.open();
    }
}
