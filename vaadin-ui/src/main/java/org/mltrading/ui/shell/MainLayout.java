package org.mltrading.ui.shell;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The shell around every page: navigation by role (desk for traders, risk for risk officers, compliance
 * for compliance officers and admins, orders and models for everyone, backtests for the roles that may
 * run them), the notification bell, the light/dark switch and the user menu with "Log out".
 * Notifications posted to {@link NotificationCenter} pop up as toasts and collect under the bell.
 */
public class MainLayout extends AppLayout {

    public static final String BELL_ID = "notification-bell";
    public static final String THEME_TOGGLE_ID = "theme-toggle";
    public static final String USER_MENU_ID = "user-menu";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final NotificationCenter notifications;
    private final Button bell = new Button();
    private final Span unseenBadge = new Span();
    private final Button themeToggle = new Button();
    private Runnable stopListening;
    private com.vaadin.flow.shared.Registration viewportListener;
    private com.vaadin.flow.shared.Registration resizeListener;

    private final org.springframework.beans.factory.ObjectProvider<ShellAttached> attachedListeners;

    public MainLayout(AuthenticationContext authentication, NotificationCenter notifications,
                      org.springframework.beans.factory.ObjectProvider<ShellAttached> attachedListeners) {
        this.notifications = notifications;
        this.attachedListeners = attachedListeners;
        setPrimarySection(Section.DRAWER);

        Span title = new Span("ML Trading");
        title.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");

        bell.setId(BELL_ID);
        bell.setIcon(new Icon(VaadinIcon.BELL));
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        bell.setAriaLabel("Notifications");
        bell.addClickListener(click -> openInbox());
        unseenBadge.getElement().getThemeList().add("badge error pill small");
        unseenBadge.setId("notification-count");

        themeToggle.setId(THEME_TOGGLE_ID);
        themeToggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        themeToggle.addClickListener(click -> {
            boolean dark = !ThemePreference.isDark();
            UI ui = UI.getCurrent();
            ThemePreference.setDark(ui, dark);
            showThemeToggle(dark);
            ComponentUtil.fireEvent(ui, new ThemeChanged(ui, dark));
        });

        MenuBar userMenu = new MenuBar();
        userMenu.setId(USER_MENU_ID);
        userMenu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        var user = userMenu.addItem(new Span(authentication.getPrincipalName().orElse("")));
        // a form POST to /logout, see Logout: ends the UI session and the auth server's
        user.getSubMenu().addItem("Log out", click -> org.mltrading.ui.security.Logout.submit(UI.getCurrent()))
                .setId("logout");

        var bar = new HorizontalLayout(new DrawerToggle(), title, themeToggle, new Div(bell, unseenBadge), userMenu);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(title);
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(bar);

        SideNav nav = new SideNav();
        nav.setId("main-nav");
        if (authentication.hasRole("TRADER")) {
            nav.addItem(new SideNavItem("Desk", "", VaadinIcon.CHART.create()));
        }
        nav.addItem(new SideNavItem("Orders", "orders", VaadinIcon.LIST.create()));
        if (authentication.hasRole("RISK_OFFICER")) {
            nav.addItem(new SideNavItem("Risk", "risk", VaadinIcon.SHIELD.create()));
        }
        if (authentication.hasRole("COMPLIANCE") || authentication.hasRole("ADMIN")) {
            nav.addItem(new SideNavItem("Compliance", "compliance", VaadinIcon.CLIPBOARD_CHECK.create()));
            nav.addItem(new SideNavItem("Access audit", "access-audit", VaadinIcon.KEY.create()));
        }
        if (authentication.hasAnyRole("TRADER", "RISK_OFFICER", "COMPLIANCE", "ADMIN")) {
            nav.addItem(new SideNavItem("Strategies", "strategies", VaadinIcon.AUTOMATION.create()));
        }
        if (authentication.hasAnyRole("TRADER", "RISK_OFFICER", "COMPLIANCE", "ADMIN")) {
            nav.addItem(new SideNavItem("Tearsheet", "tearsheet", VaadinIcon.LINE_CHART.create()));
        }
        nav.addItem(new SideNavItem("Models", "models", VaadinIcon.CLUSTER.create()));
        nav.addItem(new SideNavItem("News impact", "news-impact", VaadinIcon.NEWSPAPER.create()));
        if (authentication.hasAnyRole("TRADER", "INTEGRATOR", "RISK_OFFICER", "ADMIN")) {
            nav.addItem(new SideNavItem("Backtests", "backtests", VaadinIcon.FLASK.create()));
        }
        addToDrawer(nav);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        boolean dark = ThemePreference.isDark();
        ThemePreference.apply(attachEvent.getUI(), dark);
        showThemeToggle(dark);
        showUnseen();
        UI ui = attachEvent.getUI();
        // session-wide work of features (the platform's notifications under the bell)
        attachedListeners.orderedStream().forEach(ShellAttached::shellAttached);
        // the center is shared by the session's tabs: each shell shows a post in its own UI
        stopListening = notifications.onPost(entry -> {
            if (UI.getCurrent() == ui) {
                onPosted(entry);
            } else {
                try {
                    ui.access(() -> onPosted(entry));
                } catch (com.vaadin.flow.component.UIDetachedException closed) {
                    // a tab closed without detaching: its listener goes when its UI is cleaned up
                }
            }
        });
        // the drawer (256 px) stays open on a 1024 px laptop unless told: close it below the compact width
        viewportListener = ComponentUtil.addListener(ui, Viewport.Changed.class,
                changed -> setDrawerOpened(!changed.compact()));
        setDrawerOpened(!Viewport.isCompact(ui));
        ui.getPage().retrieveExtendedClientDetails(details -> Viewport.update(ui, details.getWindowInnerWidth()));
        resizeListener = ui.getPage().addBrowserWindowResizeListener(resized -> Viewport.update(ui, resized.getWidth()));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (stopListening != null) {
            stopListening.run();
            stopListening = null;
        }
        if (viewportListener != null) {
            viewportListener.remove();
            resizeListener.remove();
            viewportListener = null;
            resizeListener = null;
        }
        super.onDetach(detachEvent);
    }

    private void onPosted(NotificationCenter.Entry entry) {
        toast(entry);
        showUnseen();
    }

    private static void toast(NotificationCenter.Entry entry) {
        Notification toast = new Notification(entry.message(), 5000, Notification.Position.BOTTOM_END);
        toast.addClassName("desk-toast");
        toast.addThemeVariants(switch (entry.level()) {
            case SUCCESS -> NotificationVariant.LUMO_SUCCESS;
            case ERROR -> NotificationVariant.LUMO_ERROR;
            case WARNING -> NotificationVariant.LUMO_WARNING;
            case INFO -> NotificationVariant.LUMO_CONTRAST;
        });
        toast.open();
    }

    private void showUnseen() {
        int unseen = notifications.unseen();
        unseenBadge.setText(Integer.toString(unseen));
        unseenBadge.setVisible(unseen > 0);
    }

    private void showThemeToggle(boolean dark) {
        themeToggle.setIcon(new Icon(dark ? VaadinIcon.SUN_O : VaadinIcon.MOON_O));
        themeToggle.setAriaLabel(dark ? "Switch to light theme" : "Switch to dark theme");
        themeToggle.setTooltipText(dark ? "Light theme" : "Dark theme");
    }

    private void openInbox() {
        Dialog inbox = new Dialog();
        inbox.setId("notification-inbox");
        inbox.setHeaderTitle("Notifications");
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        list.setSpacing(false);
        if (notifications.entries().isEmpty()) {
            list.add(new Span("Nothing yet: fills, rejections and alerts show up here."));
        }
        for (NotificationCenter.Entry entry : notifications.entries()) {
            Span line = new Span(TIME.format(entry.time()) + "  " + entry.message());
            line.getElement().getThemeList().add(switch (entry.level()) {
                case SUCCESS -> "badge success";
                case ERROR -> "badge error";
                case WARNING -> "badge warning";
                case INFO -> "badge contrast";
            });
            line.getStyle().set("margin", "2px 0").set("white-space", "normal");
            list.add(line);
        }
        inbox.add(list);
        inbox.getFooter().add(new Button("Close", click -> inbox.close()));
        inbox.setWidth("480px");
        inbox.open();
        notifications.markAllSeen();
        showUnseen();
    }
}
