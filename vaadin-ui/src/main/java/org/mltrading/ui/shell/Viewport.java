package org.mltrading.ui.shell;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;

/**
 * The browser window's width class, kept on the UI: below {@link #COMPACT_BELOW} px (a 1024 px
 * laptop) the side menu closes and the desk rearranges so the ticket and the chart's price axis
 * stay on screen. {@link MainLayout} measures the window on attach and on every resize.
 */
public final class Viewport {

    /** 1440 px has room for menu + watchlist + chart + ticket; 1024 px does not. */
    public static final int COMPACT_BELOW = 1280;

    /** Fired on the UI when the window crosses {@link #COMPACT_BELOW}. */
    public static class Changed extends ComponentEvent<UI> {
        private final boolean compact;

        public Changed(UI ui, boolean compact) {
            super(ui, false);
            this.compact = compact;
        }

        public boolean compact() {
            return compact;
        }
    }

    private record State(boolean compact) {
    }

    private Viewport() {
    }

    public static boolean isCompact(UI ui) {
        State state = ComponentUtil.getData(ui, State.class);
        return state != null && state.compact();
    }

    /** Records the window's inner width; fires {@link Changed} when the width class changes. */
    public static void update(UI ui, int windowWidth) {
        boolean compact = windowWidth > 0 && windowWidth < COMPACT_BELOW;
        State before = ComponentUtil.getData(ui, State.class);
        if (before != null && before.compact() == compact) {
            return;
        }
        ComponentUtil.setData(ui, State.class, new State(compact));
        ComponentUtil.fireEvent(ui, new Changed(ui, compact));
    }
}
