package org.mltrading.ui.model;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mltrading.ui.model.Models.model;
import static org.mltrading.ui.model.Models.version;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
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
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** Browserless (Karibu-Testing) tests of the models page with the GraphQL client stubbed out. */
@SpringBootTest(classes = UiTestApplication.class)
class ModelsViewTest {

    private static Routes routes;

    @MockitoBean
    ModelClient modelClient;
    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("org.mltrading.ui");
        routes.getRoutes().add(ModelsView.class);
    }

    @BeforeEach
    void setUpVaadin() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
    }

    private static void logIn(String user, String role) {
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

    @SuppressWarnings("unchecked")
    private static Grid<ModelRegistry.Row> versions() {
        return _get(Grid.class, spec -> spec.withId("model-versions"));
    }

    private static List<ModelInfo> registry() {
        return List.of(model("momentum", "MOMENTUM", version(1, "PRODUCTION", true), version(2, "VALIDATED", true)));
    }

    @Test
    void a_trader_reads_versions_with_status_and_metrics_but_gets_no_lifecycle_buttons() {
        logIn("trader", "TRADER");
        when(modelClient.models()).thenReturn(registry());

        UI.getCurrent().navigate("models");

        Grid<ModelRegistry.Row> grid = versions();
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(GridKt._getFormatted(grid, 0, "version")).isEqualTo("2");
        assertThat(GridKt._getFormatted(grid, 1, "totalReturn")).isEqualTo("12.0 %");
        assertThat(GridKt._getFormatted(grid, 1, "sharpe")).isEqualTo("1.23");
        assertThat(GridKt._getFormatted(grid, 1, "registered")).isEqualTo("2026-10-01 00:00:00");
        assertThat(grid.getColumnByKey("actions").isVisible()).isFalse();
        assertThat(GridKt._get(grid, 0).canPromote()).isFalse();
    }

    @Test
    void a_risk_officer_promotes_a_validated_version() {
        logIn("risk", "RISK_OFFICER");
        when(modelClient.models()).thenReturn(registry());
        UI.getCurrent().navigate("models");

        HorizontalLayout actions = (HorizontalLayout) GridKt._getCellComponent(versions(), 0, "actions");
        assertThat(actions.getChildren().map(Component::getId).map(id -> id.orElse("")))
                .containsExactly("promote-momentum@2", "retire-momentum@2");
        _click((Button) actions.getComponentAt(0));

        verify(modelClient).promote("momentum", 2);
    }

    @Test
    void retiring_asks_for_a_reason() {
        logIn("admin", "ADMIN");
        when(modelClient.models()).thenReturn(registry());
        UI.getCurrent().navigate("models");
        HorizontalLayout actions = (HorizontalLayout) GridKt._getCellComponent(versions(), 1, "actions");
        assertThat(actions.getComponentCount()).isEqualTo(1);

        _click((Button) actions.getComponentAt(0));
        _click(_get(Button.class, spec -> spec.withId("retire-confirm")));
        verify(modelClient, never()).retire(anyString(), anyInt(), anyString());
        assertThat(_get(TextField.class, spec -> spec.withId("retire-reason")).isInvalid()).isTrue();

        _get(TextField.class, spec -> spec.withId("retire-reason")).setValue("drift in live hit rate");
        _click(_get(Button.class, spec -> spec.withId("retire-confirm")));

        verify(modelClient).retire("momentum", 1, "drift in live hit rate");
    }
}
