package org.mltrading.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;

/**
 * Page-level settings. {@code @Push} (WebSocket) lets subscription callbacks update open views
 * through {@code UI.access}. No {@code @Theme}: the pre-compiled bundle ships Lumo, and a custom
 * theme would need a frontend build (see pom.xml).
 */
@Push
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("ML Trading Platform");
        // META-INF/resources/favicon.ico (a public path of VaadinWebSecurity); without it every page
        // logged a 404 for /favicon.ico
        settings.addFavIcon("icon", "favicon.ico", "32x32");
    }
}
