package org.mltrading.ui.strategy;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
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
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinServletRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mltrading.ui.order.AccountOption;
import org.mltrading.uitestapp.UiTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The strategies page (Karibu-Testing) with the GraphQL client stubbed out. */
@SpringBootTest(classes = UiTestApplication.class)
class StrategiesViewTest {

    private static final AccountOption ACCOUNT = new AccountOption("demo-account", "Demo account", "USD");
    private static final StrategyRow ACTIVE = new StrategyRow("s-1", "demo-account", "rule-momentum", 3, "AAPL",
            BigDecimal.TEN, new BigDecimal("100"), 0.0005, false, "ACTIVE", "paper run", "trader",
            Instant.parse("2026-12-07T04:00:00Z"), null, null, null, new BigDecimal("20"), BigDecimal.ZERO, 2);
    private static Routes routes;

    @MockitoBean
    StrategyClient strategies;
    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("org.mltrading.ui");
        routes.getRoutes().add(StrategiesView.class);
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
        when(strategies.accounts()).thenReturn(List.of(ACCOUNT));
        when(strategies.strategies("demo-account")).thenReturn(List.of(ACTIVE));
    }

    @AfterEach
    void close() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    @SuppressWarnings("unchecked")
    private static <T> Grid<T> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    @Test
    void a_trader_sees_the_accounts_strategies_and_starts_one() {
        login("trader", "TRADER");
        UI.getCurrent().navigate("strategies");

        assertThat(_find(SideNavItem.class)).anyMatch(item -> "strategies".equals(item.getPath()));
        Grid<StrategyRow> grid = grid("strategy-grid");
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._getFormatted(grid, 0, "model")).isEqualTo("rule-momentum@3");
        assertThat(GridKt._getFormatted(grid, 0, "sizing")).isEqualTo("10 / max 100");

        _get(TextField.class, spec -> spec.withId("strategy-model")).setValue("rule-momentum");
        _get(TextField.class, spec -> spec.withId("strategy-symbol")).setValue("msft");
        _get(BigDecimalField.class, spec -> spec.withId("strategy-quantity")).setValue(new BigDecimal("5"));
        _get(BigDecimalField.class, spec -> spec.withId("strategy-cap")).setValue(new BigDecimal("50"));
        _get(NumberField.class, spec -> spec.withId("strategy-threshold")).setValue(5.0);
        _click(_get(Button.class, spec -> spec.withId("strategy-start")));

        verify(strategies).start(new StrategyClient.StartRequest("demo-account", "rule-momentum", "MSFT",
                new BigDecimal("5"), new BigDecimal("50"), 0.0005, false, ""));
    }

    @Test
    void a_risk_officer_stops_a_strategy_only_with_a_reason_and_cannot_start_one() {
        login("risk", "RISK_OFFICER");
        UI.getCurrent().navigate("strategies");

        assertThat(_find(Button.class, spec -> spec.withId("strategy-start"))).isEmpty();
        _click((Button) GridKt._getCellComponent(grid("strategy-grid"), 0, "actions"));
        _click(_get(Button.class, spec -> spec.withId("stop-confirm")));
        verify(strategies, never()).stop(any(), any());

        _get(TextField.class, spec -> spec.withId("stop-reason")).setValue("drawdown review");
        _click(_get(Button.class, spec -> spec.withId("stop-confirm")));
        verify(strategies).stop("s-1", "drawdown review");
    }

    @Test
    void selecting_a_strategy_lists_its_orders_with_the_prediction_behind_each() {
        login("compliance", "COMPLIANCE");
        when(strategies.ordersOf(ACTIVE)).thenReturn(List.of(new StrategyOrder("o-1", "strat-1", "AAPL", "BUY",
                BigDecimal.TEN, "FILLED", BigDecimal.TEN, new BigDecimal("230.05"), Instant.parse("2026-12-07T04:10:01Z"),
                new StrategyOrder.Provenance("s-1", "rule-momentum@3", "p-1", Instant.parse("2026-12-07T04:10:00Z"),
                        Instant.parse("2026-12-07T04:09:00Z"), 0.0012, -0.0005, 0.003))));
        UI.getCurrent().navigate("strategies");

        assertThat(GridKt._getCellComponent(grid("strategy-grid"), 0, "actions")).as("compliance only reads")
                .isNotInstanceOf(Button.class);
        Grid<StrategyRow> grid = grid("strategy-grid");
        grid.select(ACTIVE);

        Grid<StrategyOrder> orders = grid("strategy-orders");
        assertThat(GridKt._size(orders)).isEqualTo(1);
        assertThat(GridKt._getFormatted(orders, 0, "filled")).isEqualTo("10 @ 230.05");
        assertThat(GridKt._getFormatted(orders, 0, "provenance")).isEqualTo(
                "rule-momentum@3 forecast +0.120 % (95 %: −0.050 % … +0.300 %) for the bar of 2026-12-07 04:09:00 UTC");
        assertThat(_get(Span.class, spec -> spec.withId("strategy-orders-heading")).getText())
                .isEqualTo("Orders of rule-momentum@3 on AAPL: 1");
    }
}
