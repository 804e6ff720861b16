package org.mltrading.ui.portfolio;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.VaadinServletRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mltrading.ui.model.BacktestRun;
import org.mltrading.ui.order.AccountOption;
import org.mltrading.ui.order.OrderClient;
import org.mltrading.uitestapp.UiTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The tearsheet page (Karibu-Testing, the GraphQL clients stubbed out). */
@SpringBootTest(classes = UiTestApplication.class)
class TearsheetViewTest {

    private static Routes routes;

    @MockitoBean
    TearsheetClient tearsheets;
    @MockitoBean
    OrderClient orders;
    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("org.mltrading.ui");
        routes.getRoutes().add(TearsheetView.class);
    }

    @BeforeEach
    void openAsTrader() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
        var trader = new UsernamePasswordAuthenticationToken("trader", null, List.of(new SimpleGrantedAuthority("ROLE_TRADER")));
        SecurityContextHolder.getContext().setAuthentication(trader);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(trader);
        request.setUserInRole((principal, role) -> "TRADER".equals(role));
    }

    @AfterEach
    void close() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_page_shows_the_first_accounts_figures_curve_attribution_and_downloads() {
        Instant t0 = Instant.parse("2026-12-07T10:00:00Z");
        when(orders.accounts()).thenReturn(List.of(new AccountOption("demo-account", "Demo", "USD")));
        when(tearsheets.tearsheet("demo-account")).thenReturn(new TearsheetClient.Sheet("demo-account", "USD", t0,
                t0.plusSeconds(180), "ONE_MINUTE", new BigDecimal("1000000"), new BigDecimal("1001900"), 0.0019, null, 0.12,
                1.5, 2.1, 0.004, t0, t0.plusSeconds(60), 0.02, 3,
                List.of(new BacktestRun.EquityPoint(t0, 1_000_000), new BacktestRun.EquityPoint(t0.plusSeconds(60), 1_000_500),
                        new BacktestRun.EquityPoint(t0.plusSeconds(120), 1_001_900)),
                List.of(new TearsheetClient.Attribution("AAPL", new BigDecimal("1900.00"), new BigDecimal("2.00"), 1.0))));

        UI.getCurrent().navigate("tearsheet");

        @SuppressWarnings("unchecked")
        Grid<TearsheetView.Figure> figures = _get(Grid.class, spec -> spec.withId("tearsheet-figures"));
        assertThat(GridKt._size(figures)).isEqualTo(12);
        assertThat(GridKt._getFormatted(figures, 0, "value")).isEqualTo("2026-12-07 10:00 to 2026-12-07 10:03 UTC");
        assertThat(GridKt._getFormatted(figures, 4, "value")).isEqualTo("0.19 %");
        assertThat(GridKt._getFormatted(figures, 5, "value")).as("too short to annualise").isEqualTo("n/a");
        assertThat(GridKt._getFormatted(figures, 7, "value")).isEqualTo("1.50");
        @SuppressWarnings("unchecked")
        Grid<TearsheetClient.Attribution> attribution = _get(Grid.class, spec -> spec.withId("tearsheet-attribution"));
        assertThat(GridKt._getFormatted(attribution, 0, "share")).isEqualTo("100.00 %");
        assertThat(_get(com.vaadin.flow.component.Svg.class, spec -> spec.withId("tearsheet-curve")).getElement()
                .getProperty("innerHTML", "")).contains("polyline");
        assertThat(_get(Anchor.class, spec -> spec.withId("tearsheet-pdf")).getText()).isEqualTo("Download PDF");
        assertThat(_get(Anchor.class, spec -> spec.withId("tearsheet-csv")).getText()).isEqualTo("Download CSV");
    }
}
