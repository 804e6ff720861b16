package org.mltrading.ui.news;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.server.VaadinServletRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mltrading.ui.marketdata.InstrumentInfo;
import org.mltrading.ui.marketdata.MarketDataClient;
import org.mltrading.uitestapp.UiTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The news-impact page with the GraphQL clients stubbed out. */
@SpringBootTest(classes = UiTestApplication.class)
class NewsImpactViewTest {

    private static Routes routes;

    @MockitoBean
    NewsClient news;
    @MockitoBean
    MarketDataClient marketData;
    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("org.mltrading.ui");
        routes.getRoutes().add(NewsImpactView.class);
    }

    @BeforeEach
    void openAsRiskOfficer() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
        var risk = new UsernamePasswordAuthenticationToken("risk", null, List.of(new SimpleGrantedAuthority("ROLE_RISK_OFFICER")));
        SecurityContextHolder.getContext().setAuthentication(risk);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(risk);
        request.setUserInRole((principal, role) -> Set.of("RISK_OFFICER").contains(role));
        when(marketData.instruments()).thenReturn(List.of(
                new InstrumentInfo("AAPL", "Apple", "EQUITY", "USD", new BigDecimal("0.01"), BigDecimal.ONE)));
        UI.getCurrent().navigate("news-impact");
    }

    @AfterEach
    void close() {
        MockVaadin.tearDown();
    }

    @SuppressWarnings("unchecked")
    private static <T> Grid<T> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    @Test
    void a_study_shows_each_items_windows_with_raw_and_abnormal_returns_and_the_groups() {
        when(news.impacts(eq("AAPL"), any(), any())).thenReturn(List.of(
                new NewsClient.Impact("event-calendar/aapl-2013-q1-results", "Apple Reports First Quarter Results",
                        Instant.parse("2013-01-23T21:30:00Z"), "ONE_DAY", "[0,+1]", 450.50 / 514.01 - 1, -0.1198, -5.1, 1.9,
                        "MEAN_ADJUSTED", null)));
        when(news.impactSummary(eq("AAPL"), any(), any())).thenReturn(List.of(
                new NewsClient.ImpactGroup("SOURCE", "event-calendar", "[0,+1]", 5, -0.02, -0.021, -0.8, 0.4)));

        _click(_get(Button.class, spec -> spec.withId("impact-study")));

        assertThat(GridKt._size(grid("news-impact-grid"))).isEqualTo(1);
        assertThat(GridKt._getFormatted(grid("news-impact-grid"), 0, "raw")).isEqualTo("-12.36 %");
        assertThat(GridKt._getFormatted(grid("news-impact-grid"), 0, "abnormal")).isEqualTo("-11.98 %");
        assertThat(GridKt._getFormatted(grid("news-impact-grid"), 0, "window")).isEqualTo("[0,+1]");
        assertThat(GridKt._getFormatted(grid("news-impact-grid"), 0, "model")).isEqualTo("mean-adjusted");
        assertThat(GridKt._getFormatted(grid("news-impact-summary"), 0, "group")).isEqualTo("source: event-calendar");
        assertThat(GridKt._getFormatted(grid("news-impact-summary"), 0, "positive")).isEqualTo("40 %");
    }
}
