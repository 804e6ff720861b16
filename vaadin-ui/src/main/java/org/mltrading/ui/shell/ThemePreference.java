package org.mltrading.ui.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Light or dark Lumo for the whole session: kept in the Vaadin session so every tab and every
 * navigation keeps the trader's choice. Applied by the theme attribute on the UI element, so no
 * custom theme (and no frontend build) is needed.
 */
public final class ThemePreference {

    static final String ATTRIBUTE = ThemePreference.class.getName();

    private ThemePreference() {
    }

    public static boolean isDark() {
        VaadinSession session = VaadinSession.getCurrent();
        return session != null && Boolean.TRUE.equals(session.getAttribute(ATTRIBUTE));
    }

    static void setDark(UI ui, boolean dark) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(ATTRIBUTE, dark);
        }
        apply(ui, dark);
    }

    static void apply(UI ui, boolean dark) {
        if (dark) {
            ui.getElement().getThemeList().add(Lumo.DARK);
        } else {
            ui.getElement().getThemeList().remove(Lumo.DARK);
        }
    }
}
