package org.mltrading.ui.shell;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.UI;

/** Fired on the UI when the trader switches between light and dark (the chart repaints itself). */
public class ThemeChanged extends ComponentEvent<UI> {

    private final boolean dark;

    public ThemeChanged(UI ui, boolean dark) {
        super(ui, false);
        this.dark = dark;
    }

    public boolean dark() {
        return dark;
    }
}
