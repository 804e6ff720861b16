package org.mltrading.ui.risk;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
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
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinServletRequest;
import java.math.BigDecimal;
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

/** Browserless (Karibu-Testing) tests of the risk officer's page with the GraphQL client stubbed out. */
@SpringBootTest(classes = UiTestApplication.class)
class RiskViewTest {

    private static Routes routes;

    @MockitoBean
    RiskClient riskClient;
    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("org.mltrading.ui");
        routes.getRoutes().add(RiskView.class);
    }

    @BeforeEach
    void openAsRiskOfficer() {
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

    private static RiskAccount account(String id, String state, String grossFraction) {
        return new RiskAccount(id, id, "trader", "USD", new BigDecimal("1000000"), state, null,
                new RiskAccount.Limits(new BigDecimal("100000"), new BigDecimal("1000"), new BigDecimal("500000"),
                        new BigDecimal("20000"), List.of(), 50),
                new RiskAccount.Utilization(BigDecimal.ZERO, new BigDecimal(grossFraction), BigDecimal.ZERO,
                        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
    }

    @SuppressWarnings("unchecked")
    private static <T> Grid<T> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    @Test
    void the_page_lists_accounts_and_their_breaches() {
        when(riskClient.accounts()).thenReturn(List.of(account("a1", "ACTIVE", "1.10"), account("a2", "ACTIVE", "0.2")));

        UI.getCurrent().navigate("risk");

        assertThat(GridKt._size(grid("risk-accounts"))).isEqualTo(2);
        assertThat(GridKt._size(grid("risk-breaches"))).isEqualTo(1);
        assertThat(GridKt._getFormatted(grid("risk-breaches"), 0, "used")).isEqualTo("110.0 %");
    }

    @Test
    void the_kill_switch_asks_for_a_reason_and_halts_the_account() {
        when(riskClient.accounts()).thenReturn(List.of(account("a1", "ACTIVE", "0.1")));
        UI.getCurrent().navigate("risk");
        Grid<RiskAccount> accounts = grid("risk-accounts");
        Button halt = (Button) GridKt._getCellComponent(accounts, 0, "killSwitch");

        _click(halt);
        _click(_get(Button.class, spec -> spec.withId("halt-confirm")));
        verify(riskClient, never()).halt(anyString(), anyString());
        assertThat(_get(TextField.class, spec -> spec.withId("halt-reason")).isInvalid()).isTrue();

        when(riskClient.accounts()).thenReturn(List.of(account("a1", "HALTED", "0.1")));
        _get(TextField.class, spec -> spec.withId("halt-reason")).setValue("suspicious activity");
        _click(_get(Button.class, spec -> spec.withId("halt-confirm")));

        verify(riskClient).halt("a1", "suspicious activity");
        assertThat(((Button) GridKt._getCellComponent(grid("risk-accounts"), 0, "killSwitch")).getText())
                .isEqualTo("Resume trading");
    }

    @Test
    void resuming_needs_a_reason_and_a_confirmation() {
        when(riskClient.accounts()).thenReturn(List.of(account("a1", "HALTED", "0.1")));
        UI.getCurrent().navigate("risk");
        Button resume = (Button) GridKt._getCellComponent(grid("risk-accounts"), 0, "killSwitch");
        assertThat(resume.getText()).isEqualTo("Resume trading");

        _click(resume);
        verify(riskClient, never()).resume(anyString(), anyString());
        _click(_get(Button.class, spec -> spec.withId("resume-confirm")));
        verify(riskClient, never()).resume(anyString(), anyString());
        assertThat(_get(TextField.class, spec -> spec.withId("resume-reason")).isInvalid()).isTrue();

        when(riskClient.accounts()).thenReturn(List.of(account("a1", "ACTIVE", "0.1")));
        _get(TextField.class, spec -> spec.withId("resume-reason")).setValue("limits reviewed with the desk");
        _click(_get(Button.class, spec -> spec.withId("resume-confirm")));

        verify(riskClient).resume("a1", "limits reviewed with the desk");
        assertThat(((Button) GridKt._getCellComponent(grid("risk-accounts"), 0, "killSwitch")).getText())
                .isEqualTo("Halt trading");
    }

    @Test
    void the_kill_switch_keeps_its_full_width_pinned_to_the_right_and_no_column_shares_the_rest_blindly() {
        when(riskClient.accounts()).thenReturn(List.of(account("a1", "ACTIVE", "0.1")));
        UI.getCurrent().navigate("risk");
        Grid<RiskAccount> accounts = grid("risk-accounts");

        Grid.Column<RiskAccount> killSwitch = accounts.getColumnByKey("killSwitch");
        assertThat(killSwitch.isFrozenToEnd()).isTrue();
        assertThat(killSwitch.getFlexGrow()).isZero();
        assertThat(killSwitch.getWidth()).isEqualTo(RiskView.KILL_SWITCH_WIDTH);
        // every usage column is as wide as its header's words and the bar with its percentage
        for (String key : List.of("grossUsed", "lossUsed", "positionUsed")) {
            assertThat(accounts.getColumnByKey(key).getWidth()).isEqualTo(RiskView.USAGE_WIDTH);
            assertThat(accounts.getColumnByKey(key).getFlexGrow()).isZero();
        }
    }

    @Test
    void money_is_written_to_the_accounts_currency() {
        when(riskClient.accounts()).thenReturn(List.of(account("a1", "ACTIVE", "0.1")));

        UI.getCurrent().navigate("risk");

        assertThat(GridKt._getFormatted(grid("risk-accounts"), 0, "equity")).isEqualTo("1,000,000.00 USD");
        assertThat(GridKt._getFormatted(grid("risk-accounts"), 0, "maxGross")).isEqualTo("500,000.00 USD");
    }

    @Test
    void the_firm_switch_halts_every_account_with_a_reason_and_resumes() {
        when(riskClient.accounts()).thenReturn(List.of(account("a1", "ACTIVE", "0.1")));
        when(riskClient.firmState()).thenReturn(new RiskClient.FirmState("ACTIVE", false, null, null));
        UI.getCurrent().navigate("risk");
        Button firmSwitch = _get(Button.class, spec -> spec.withId("firm-switch"));
        assertThat(firmSwitch.getText()).isEqualTo("Halt the firm");

        _click(firmSwitch);
        _click(_get(Button.class, spec -> spec.withId("halt-firm-confirm")));
        verify(riskClient, never()).haltFirm(anyString());
        when(riskClient.firmState()).thenReturn(new RiskClient.FirmState("HALTED", true, "market turmoil", null));
        _get(TextField.class, spec -> spec.withId("halt-firm-reason")).setValue("market turmoil");
        _click(_get(Button.class, spec -> spec.withId("halt-firm-confirm")));
        verify(riskClient).haltFirm("market turmoil");
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("firm-state")).getText()).isEqualTo("HALTED");
        assertThat(firmSwitch.getText()).isEqualTo("Resume the firm");

        _click(firmSwitch);
        _get(TextField.class, spec -> spec.withId("resume-firm-reason")).setValue("calm again");
        when(riskClient.firmState()).thenReturn(new RiskClient.FirmState("ACTIVE", false, "resumed by risk: calm again", null));
        _click(_get(Button.class, spec -> spec.withId("resume-firm-confirm")));
        verify(riskClient).resumeFirm("calm again");
        assertThat(firmSwitch.getText()).isEqualTo("Halt the firm");
    }

    @Test
    void a_limit_rise_is_proposed_with_its_reason_and_a_second_officer_approves_it() {
        RiskAccount a1 = account("a1", "ACTIVE", "0.1");
        when(riskClient.accounts()).thenReturn(List.of(a1));
        when(riskClient.setLimits(anyString(), org.mockito.ArgumentMatchers.any())).thenThrow(new org.mltrading.ui.graphql.GraphQlApiException(
                org.mltrading.ui.graphql.GraphQlApiException.Kind.REJECTED, "RISK_APPROVAL_REQUIRED", "raising maxOrderNotional needs a second risk officer", null));
        RiskAccount.Proposal proposal = new RiskAccount.Proposal("p-1", "risk", "bigger book", java.time.Instant.now(),
                new RiskAccount.Limits(new BigDecimal("200000"), new BigDecimal("1000"), new BigDecimal("500000"),
                        new BigDecimal("20000"), List.of(), 50));
        RiskAccount proposed = new RiskAccount("a1", "a1", "trader", "USD", new BigDecimal("1000000"), "ACTIVE", null,
                a1.limits(), a1.utilization(), List.of(proposal));
        when(riskClient.proposeLimits(anyString(), org.mockito.ArgumentMatchers.any(), anyString())).thenReturn(proposed);
        UI.getCurrent().navigate("risk");

        _click((Button) GridKt._getCellComponent(grid("risk-accounts"), 0, "limits"));
        _get(com.vaadin.flow.component.textfield.BigDecimalField.class, spec -> spec.withId("limit-maxOrderNotional"))
                .setValue(new BigDecimal("200000"));
        _click(_get(Button.class, spec -> spec.withId("limits-save")));
        verify(riskClient, never()).proposeLimits(anyString(), org.mockito.ArgumentMatchers.any(), anyString());
        assertThat(_get(TextField.class, spec -> spec.withId("limits-reason")).isInvalid()).as("a rise needs a reason").isTrue();
        _get(TextField.class, spec -> spec.withId("limits-reason")).setValue("bigger book");
        _click(_get(Button.class, spec -> spec.withId("limits-save")));
        verify(riskClient).proposeLimits(org.mockito.ArgumentMatchers.eq("a1"), org.mockito.ArgumentMatchers.argThat(
                limits -> limits.maxOrderNotional().compareTo(new BigDecimal("200000")) == 0), org.mockito.ArgumentMatchers.eq("bigger book"));

        Grid<RiskView.PendingLimits> proposals = grid("risk-proposals");
        assertThat(GridKt._size(proposals)).isEqualTo(1);
        assertThat(GridKt._getFormatted(proposals, 0, "change")).contains("Max order notional 100,000.00 USD → 200,000.00 USD");
        when(riskClient.approveLimits("a1", "p-1")).thenReturn(account("a1", "ACTIVE", "0.1"));
        Button approve = (Button) GridKt._getCellComponent(proposals, 0, "decision").getChildren().findFirst().orElseThrow();
        assertThat(approve.getId()).hasValue("approve-a1-p-1");
        _click(approve);
        verify(riskClient).approveLimits("a1", "p-1");
        assertThat(GridKt._size(grid("risk-proposals"))).isZero();
    }
}
