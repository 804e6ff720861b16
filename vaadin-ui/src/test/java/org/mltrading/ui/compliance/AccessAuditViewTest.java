package org.mltrading.ui.compliance;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mltrading.uitestapp.UiTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The access-audit page (Karibu-Testing) with the GraphQL client stubbed out. */
@SpringBootTest(classes = UiTestApplication.class)
class AccessAuditViewTest {

    private static Routes routes;

    @MockitoBean
    ComplianceClient compliance;
    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("org.mltrading.ui");
        routes.getRoutes().add(AccessAuditView.class);
    }

    private void login(String user, String role) {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
        var principal = new UsernamePasswordAuthenticationToken(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role)));
        SecurityContextHolder.getContext().setAuthentication(principal);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(principal);
        request.setUserInRole((p, r) -> role.equals(r));
    }

    @AfterEach
    void close() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    private static AccessAuditEntry.Page page(AccessAuditEntry... entries) {
        return new AccessAuditEntry.Page(java.util.Arrays.stream(entries)
                .map(entry -> new AccessAuditEntry.Edge("c-" + entry.id(), entry)).toList(),
                new AuditEventPage.PageInfo(false, null));
    }

    @Test
    void compliance_officers_find_the_page_in_the_menu_and_traders_do_not() {
        login("officer", "COMPLIANCE");
        UI.getCurrent().navigate("access-audit");
        assertThat(_find(SideNavItem.class)).anyMatch(item -> "access-audit".equals(item.getPath()));
        assertThat(_find(AccessAuditView.class)).hasSize(1);
        close();

        login("trader", "TRADER");
        UI.getCurrent().navigate("orders");
        assertThat(_find(SideNavItem.class)).noneMatch(item -> "access-audit".equals(item.getPath()));
    }

    @Test
    void a_search_sends_the_chosen_criteria_and_shows_the_events_in_words() {
        login("officer", "COMPLIANCE");
        when(compliance.accessAudit(anyMap())).thenReturn(page(
                new AccessAuditEntry("a-1", Instant.parse("2026-12-07T04:10:05.120Z"), "auth-server", "MFA_FAILED",
                        "FAILURE", "trader", "mltrading-ui", "10.0.0.7", "wrong code"),
                new AccessAuditEntry("a-2", Instant.parse("2026-12-07T04:09:00Z"), "platform", "REQUEST_DENIED",
                        "DENIED", null, "demo-integrator", "10.0.0.8", "PERMISSION_DENIED Query.users")));
        UI.getCurrent().navigate("access-audit");

        _get(TextField.class, spec -> spec.withId("access-principal")).setValue(" trader ");
        @SuppressWarnings("unchecked")
        Select<String> outcome = _get(Select.class, spec -> spec.withId("access-outcome"));
        outcome.setValue("FAILURE");
        _click(_get(Button.class, spec -> spec.withId("access-search")));

        verify(compliance).accessAudit(Map.of("filter", Map.of("principal", "trader", "outcome", "FAILURE"),
                "first", AccessAuditSearch.PAGE_SIZE));
        @SuppressWarnings("unchecked")
        Grid<AccessAuditEntry> grid = _get(Grid.class, spec -> spec.withId("access-entries"));
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(GridKt._getFormatted(grid, 0, "time")).isEqualTo("2026-12-07 04:10:05.120");
        assertThat(GridKt._getFormatted(grid, 0, "type")).isEqualTo("Second factor failed");
        assertThat(GridKt._getFormatted(grid, 0, "who")).isEqualTo("trader via mltrading-ui");
        assertThat(GridKt._getFormatted(grid, 1, "type")).isEqualTo("Request denied");
        assertThat(GridKt._getFormatted(grid, 1, "who")).isEqualTo("demo-integrator");
        assertThat(_get(Span.class, spec -> spec.withId("access-note")).getText()).isEmpty();
    }

    @Test
    void a_search_without_criteria_looks_at_the_last_24_hours_and_says_so() {
        login("officer", "COMPLIANCE");
        when(compliance.accessAudit(anyMap())).thenReturn(page());
        UI.getCurrent().navigate("access-audit");

        _click(_get(Button.class, spec -> spec.withId("access-search")));

        verify(compliance).accessAudit(org.mockito.ArgumentMatchers.argThat(variables ->
                ((Map<?, ?>) variables.get("filter")).keySet().equals(java.util.Set.of("from"))));
        assertThat(_get(Span.class, spec -> spec.withId("access-note")).getText())
                .startsWith("No criteria given: access events of the last 24 hours");
    }
}
