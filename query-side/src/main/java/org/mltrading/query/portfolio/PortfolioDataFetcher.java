package org.mltrading.query.portfolio;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;
import org.mltrading.graphql.types.VarMethod;
import org.mltrading.query.account.AccountDirectory;
import org.mltrading.query.account.AccountView;
import org.mltrading.query.graphql.ApiErrorCode;
import org.mltrading.query.graphql.ApiException;
import org.mltrading.query.security.ApiPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Portfolio risk figures. An account's: for whoever may view it (its traders, entitled integrators,
 * desk-wide readers); the firm's: risk officers, compliance and admins. Codes: PORTFOLIO_*.
 */
@DgsComponent
class PortfolioDataFetcher {

    private static final Logger log = LoggerFactory.getLogger(PortfolioDataFetcher.class);
    static final int MAX_HORIZON_DAYS = 250;

    private final AccountDirectory accounts;
    private final RiskAnalytics analytics;

    PortfolioDataFetcher(AccountDirectory accounts, RiskAnalytics analytics) {
        this.accounts = accounts;
        this.analytics = analytics;
    }

    @DgsQuery
    @PreAuthorize("isAuthenticated()")
    org.mltrading.graphql.types.ValueAtRisk valueAtRisk(@InputArgument String accountId, @InputArgument Integer horizonDays,
                            @InputArgument VarMethod method) {
        int horizon = horizonDays == null ? 1 : horizonDays;
        if (horizon < 1 || horizon > MAX_HORIZON_DAYS) {
            throw new ApiException("PORTFOLIO_INVALID_INPUT", "horizonDays must be between 1 and " + MAX_HORIZON_DAYS);
        }
        ApiPrincipal principal = ApiPrincipal.current();
        List<AccountView> scope;
        String currency;
        if (accountId == null) {
            if (!principal.hasAnyRole("RISK_OFFICER", "COMPLIANCE", "ADMIN")) {
                throw new ApiException(ApiErrorCode.PERMISSION_DENIED, "the firm's value at risk is for risk officers,"
                        + " compliance and admins; name an account you may view");
            }
            scope = accounts.visibleTo(principal);
            List<String> currencies = scope.stream().map(AccountView::currency).distinct().toList();
            if (currencies.size() > 1) {
                throw new ApiException("PORTFOLIO_CURRENCY_MIX", "the firm's accounts hold " + currencies
                        + "; firm figures need one currency (ask per account)");
            }
            currency = currencies.isEmpty() ? "USD" : currencies.get(0);
        } else {
            AccountView account = accounts.find(accountId).filter(view -> accounts.canView(principal, view))
                    .orElseThrow(() -> new ApiException(ApiErrorCode.NOT_FOUND, "no account " + accountId + " you may view"));
            scope = List.of(account);
            currency = account.currency();
        }
        ValueAtRisk.Method chosen = method == null ? ValueAtRisk.Method.HISTORICAL : ValueAtRisk.Method.valueOf(method.name());
        RiskAnalytics.Report report;
        try {
            report = analytics.valueAtRisk(scope, horizon, chosen);
        } catch (RiskAnalytics.NotComputable e) {
            throw new ApiException(e.code(), e.getMessage());
        } catch (SQLException e) {
            log.warn("value at risk not computed: {}", e.getMessage());
            throw new ApiException(ApiErrorCode.UNAVAILABLE, "the bar store is unavailable; try again");
        }
        ValueAtRisk.Result result = report.result();
        return org.mltrading.graphql.types.ValueAtRisk.newBuilder().accountId(accountId).method(VarMethod.valueOf(result.method().name()))
                .horizonDays(horizon).currency(currency)
                .var95(money(result.var95())).var99(money(result.var99()))
                .cvar95(money(result.cvar95())).cvar99(money(result.cvar99()))
                .observations(result.observations())
                .interval(org.mltrading.graphql.types.BarInterval.valueOf(report.interval().name()))
                .horizonScaling(report.horizonScaling())
                .symbols(report.symbols()).asOf(report.asOf().atOffset(ZoneOffset.UTC)).build();
    }

    /** Cents: a risk figure is an estimate, its sub-cent digits are noise. */
    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
