package org.mltrading.ui.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;

/** The page each role starts on: desk for traders, risk, compliance, else orders. */
record StartPage(String path, String label) {

    static StartPage of(AuthenticationContext authentication) {
        if (authentication.hasRole("TRADER")) {
            return new StartPage("", "the desk");
        }
        if (authentication.hasRole("RISK_OFFICER")) {
            return new StartPage("risk", "the risk page");
        }
        if (authentication.hasRole("COMPLIANCE") || authentication.hasRole("ADMIN")) {
            return new StartPage("compliance", "the compliance page");
        }
        return new StartPage("orders", "the orders");
    }

    Class<? extends Component> view() {
        return RouteConfiguration.forApplicationScope().getRoute(path)
                .orElseThrow(() -> new IllegalStateException("no view at /" + path));
    }

    static String roleLabel(String role) {
        return switch (role) {
            case "TRADER" -> "trader";
            case "RISK_OFFICER" -> "risk officer";
            case "COMPLIANCE" -> "compliance officer";
            case "ADMIN" -> "administrator";
            case "INTEGRATOR" -> "integrator";
            default -> role.toLowerCase().replace('_', ' ');
        };
    }
}
