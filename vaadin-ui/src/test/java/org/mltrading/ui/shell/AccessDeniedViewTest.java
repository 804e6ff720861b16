package org.mltrading.ui.shell;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinServletRequest;
import java.util.List;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mltrading.uitestapp.UiTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** A risk officer opening /compliance gets the shell with its menu, words, and a way back (not a white page). */
@SpringBootTest(classes = UiTestApplication.class)
class AccessDeniedViewTest {

    private static Routes routes;
    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void discoverRoutes() throws ClassNotFoundException {
        routes = new Routes().autoDiscoverViews("org.mltrading.ui");
        // Karibu's class scan skips package-private classes, and our views are package-private
        for (String view : List.of("org.mltrading.ui.risk.RiskView", "org.mltrading.ui.compliance.ComplianceView")) {
            routes.getRoutes().add(Class.forName(view).asSubclass(com.vaadin.flow.component.Component.class));
        }
        // ours instead of Karibu's, which throws on access denial
        routes.getErrorRoutes().removeIf(error -> error.getSimpleName().equals("MockRouteAccessDeniedError"));
        routes.getErrorRoutes().add(AccessDeniedView.class);
    }

    @BeforeEach
    void signInAsRiskOfficer() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
        var officer = new UsernamePasswordAuthenticationToken("risk", null,
                List.of(new SimpleGrantedAuthority("ROLE_RISK_OFFICER")));
        SecurityContextHolder.getContext().setAuthentication(officer);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(officer);
        request.setUserInRole((principal, role) -> "RISK_OFFICER".equals(role));
    }

    @AfterEach
    void close() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_page_of_another_role_shows_the_menu_the_reason_and_the_way_to_the_users_start_page() {
        UI.getCurrent().navigate("compliance");

        assertThat(_get(AccessDeniedView.class).getId()).contains(AccessDeniedView.ID);
        assertThat(_get(H3.class).getText()).isEqualTo("This page is not available to your role");
        assertThat(_get(Paragraph.class).getText())
                .isEqualTo("/compliance is for other roles. You are signed in as risk (risk officer).");
        assertThat(_get(SideNav.class, spec -> spec.withId("main-nav"))).isNotNull();
        RouterLink home = _get(RouterLink.class, spec -> spec.withId("access-denied-home"));
        assertThat(home.getText()).isEqualTo("Go to the risk page");
        assertThat(home.getHref()).isEqualTo("risk");
    }

    @Test
    void the_favicon_is_a_real_icon_on_a_public_path() throws Exception {
        try (var icon = getClass().getResourceAsStream("/META-INF/resources/favicon.ico")) {
            assertThat(icon).as("META-INF/resources/favicon.ico").isNotNull();
            byte[] header = icon.readNBytes(4);
            assertThat(header).containsExactly(0, 0, 1, 0);
        }
    }
}
