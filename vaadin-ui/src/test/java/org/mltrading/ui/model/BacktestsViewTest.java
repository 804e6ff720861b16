package org.mltrading.ui.model;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mltrading.ui.model.Models.backtest;
import static org.mltrading.ui.model.Models.model;
import static org.mltrading.ui.model.Models.version;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinServletRequest;
import java.time.Instant;
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
import reactor.core.publisher.Flux;

/** Browserless (Karibu-Testing) tests of the backtest page: form, live progress, metrics and equity curve. */
@SpringBootTest(classes = UiTestApplication.class)
class BacktestsViewTest {

    private static Routes routes;

    @MockitoBean
    ModelClient modelClient;
    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("org.mltrading.ui");
        routes.getRoutes().add(BacktestsView.class);
    }

    @BeforeEach
    void openAsIntegrator() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
        var integrator = new UsernamePasswordAuthenticationToken("integrator", null,
                List.of(new SimpleGrantedAuthority("ROLE_INTEGRATOR")));
        SecurityContextHolder.getContext().setAuthentication(integrator);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(integrator);
        request.setUserInRole((principal, role) -> "INTEGRATOR".equals(role));
        when(modelClient.models()).thenReturn(List.of(model("momentum", "MOMENTUM", version(1, "PRODUCTION", true))));
    }

    @AfterEach
    void close() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    @SuppressWarnings("unchecked")
    private static Grid<MetricsTable.Line> metrics() {
        return _get(Grid.class, spec -> spec.withId("backtest-metrics"));
    }

    @Test
    void a_run_is_followed_to_its_metrics_and_equity_curve() {
        var equity = List.of(new BacktestRun.EquityPoint(Instant.parse("2013-01-02T21:00:00Z"), 1.0),
                new BacktestRun.EquityPoint(Instant.parse("2013-01-03T21:00:00Z"), 1.02));
        when(modelClient.runBacktest(any())).thenReturn(backtest("PENDING", 0, null, List.of()));
        when(modelClient.progress("bt-1")).thenReturn(Flux.just(backtest("RUNNING", 0.5, null, List.of()),
                backtest("COMPLETED", 1, Models.metrics(0.12), equity)));
        UI.getCurrent().navigate("backtests");

        _click(_get(Button.class, spec -> spec.withId("backtest-run")));
        MockVaadin.clientRoundtrip();

        verify(modelClient).runBacktest(new BacktestRequest("momentum", "AAPL", "ONE_DAY",
                Instant.parse("2013-01-01T00:00:00Z"), Instant.parse("2014-01-01T00:00:00Z")));
        assertThat(_get(Span.class, spec -> spec.withId("backtest-status")).getText())
                .isEqualTo("momentum@2 on AAPL ONE_DAY: COMPLETED");
        assertThat(GridKt._size(metrics())).isEqualTo(9);
        assertThat(GridKt._getFormatted(metrics(), 0, "value")).isEqualTo("12.0 %");
        Svg curve = _get(Svg.class, spec -> spec.withId("backtest-equity"));
        assertThat(curve.isVisible()).isTrue();
        assertThat(curve.getElement().getProperty("innerHTML")).contains("points=\"0.0,240.0 800.0,0.0\"");
        assertThat(_get(Button.class, spec -> spec.withId("backtest-run")).isEnabled()).isTrue();
    }

    @Test
    void a_failed_run_shows_its_reason_and_no_metrics() {
        when(modelClient.runBacktest(any())).thenReturn(backtest("FAILED", 0, null, List.of()));
        UI.getCurrent().navigate("backtests");

        _click(_get(Button.class, spec -> spec.withId("backtest-run")));

        assertThat(_get(Span.class, spec -> spec.withId("backtest-status")).getText())
                .endsWith("FAILED — no bars stored for AAPL");
        assertThat(_find(Grid.class, spec -> spec.withId("backtest-metrics"))).as("visible metrics").isEmpty();
        verify(modelClient, never()).progress(any());
    }

    @Test
    void a_missing_symbol_is_marked_on_the_field_and_nothing_is_sent() {
        UI.getCurrent().navigate("backtests");
        _get(TextField.class, spec -> spec.withId("backtest-symbol")).setValue("");

        _click(_get(Button.class, spec -> spec.withId("backtest-run")));

        assertThat(_get(TextField.class, spec -> spec.withId("backtest-symbol")).isInvalid()).isTrue();
        verify(modelClient, never()).runBacktest(any());
    }

    @Test
    void past_runs_are_listed_and_one_opens_with_its_metrics_and_curve() {
        var equity = List.of(new BacktestRun.EquityPoint(Instant.parse("2013-01-02T21:00:00Z"), 1.0),
                new BacktestRun.EquityPoint(Instant.parse("2013-01-03T21:00:00Z"), 1.02));
        when(modelClient.backtests()).thenReturn(List.of(backtest("COMPLETED", 1, Models.metrics(0.12), List.of())));
        when(modelClient.backtest("bt-1")).thenReturn(backtest("COMPLETED", 1, Models.metrics(0.12), equity));
        UI.getCurrent().navigate("backtests");

        @SuppressWarnings("unchecked")
        Grid<BacktestRun> history = _get(Grid.class, spec -> spec.withId("backtest-history"));
        assertThat(GridKt._size(history)).isEqualTo(1);
        assertThat(GridKt._getFormatted(history, 0, "model")).isEqualTo("momentum@2");
        assertThat(GridKt._getFormatted(history, 0, "range")).isEqualTo("2013-01-01 – 2014-01-01");
        assertThat(GridKt._getFormatted(history, 0, "return")).isEqualTo("12.0 %");

        GridKt._clickItem(history, 0);

        assertThat(_get(Span.class, spec -> spec.withId("backtest-status")).getText())
                .isEqualTo("momentum@2 on AAPL ONE_DAY: COMPLETED");
        assertThat(_get(Svg.class, spec -> spec.withId("backtest-equity")).isVisible()).isTrue();
    }
}
