package org.mltrading.query.portfolio;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.mltrading.graphql.types.PriceShockInput;
import org.mltrading.graphql.types.StressLine;
import org.mltrading.graphql.types.StressScenarioInput;
import org.mltrading.graphql.types.StressTestResult;
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
    private final StressTest stress;

    private final TearsheetService tearsheets;

    PortfolioDataFetcher(AccountDirectory accounts, RiskAnalytics analytics, StressTest stress, TearsheetService tearsheets) {
        this.accounts = accounts;
        this.analytics = analytics;
        this.stress = stress;
        this.tearsheets = tearsheets;
    }

    @DgsQuery
    @PreAuthorize("isAuthenticated()")
    org.mltrading.graphql.types.Tearsheet tearsheet(@InputArgument String accountId, @InputArgument java.time.OffsetDateTime from,
                                                   @InputArgument java.time.OffsetDateTime to) {
        Scope scope = scope(required(accountId));
        TearsheetService.Report report = report(accountId, from, to);
        Tearsheet.Figures f = report.figures();
        List<Tearsheet.Point> curve = f.curve();
        return org.mltrading.graphql.types.Tearsheet.newBuilder().accountId(accountId).currency(scope.currency())
                .from(report.from().atOffset(ZoneOffset.UTC)).to(report.to().atOffset(ZoneOffset.UTC))
                .interval(org.mltrading.graphql.types.BarInterval.valueOf(report.interval().name()))
                .periodsPerYear(report.periodsPerYear())
                .startEquity(money(curve.get(0).equity())).endEquity(money(curve.get(curve.size() - 1).equity()))
                .totalReturn(f.totalReturn()).annualisedReturn(f.annualisedReturn()).volatility(f.volatility())
                .sharpeRatio(f.sharpeRatio()).sortinoRatio(f.sortinoRatio()).maxDrawdown(f.maxDrawdown())
                .maxDrawdownPeak(f.drawdownPeak() == null ? null : f.drawdownPeak().atOffset(ZoneOffset.UTC))
                .maxDrawdownTrough(f.drawdownTrough() == null ? null : f.drawdownTrough().atOffset(ZoneOffset.UTC))
                .turnover(f.turnover()).fills(f.fills())
                .equityCurve(curve.stream().map(point -> org.mltrading.graphql.types.EquityPoint.newBuilder()
                        .time(point.time().atOffset(ZoneOffset.UTC)).equity(point.equity()).build()).toList())
                .attribution(f.attribution().stream().map(line -> org.mltrading.graphql.types.PnlAttribution.newBuilder()
                        .symbol(line.symbol()).pnl(money(line.pnl())).fees(money(line.fees())).share(line.share())
                        .build()).toList())
                .build();
    }

    @DgsQuery
    @PreAuthorize("isAuthenticated()")
    org.mltrading.graphql.types.ReportDocument tearsheetDocument(@InputArgument String accountId,
                                                                @InputArgument java.time.OffsetDateTime from,
                                                                @InputArgument java.time.OffsetDateTime to,
                                                                @InputArgument org.mltrading.graphql.types.TearsheetFormat format) {
        Scope scope = scope(required(accountId));
        TearsheetService.Report report = report(accountId, from, to);
        String name = "tearsheet_" + accountId + "_" + report.from() + "_" + report.to();
        boolean pdf = format == org.mltrading.graphql.types.TearsheetFormat.PDF;
        byte[] bytes = pdf ? TearsheetDocuments.pdf(report, scope.currency())
                : TearsheetDocuments.csv(report, scope.currency()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String sha256;
        try {
            sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return org.mltrading.graphql.types.ReportDocument.newBuilder().fileName(name + (pdf ? ".pdf" : ".csv"))
                .contentType(pdf ? "application/pdf" : "text/csv").rows(report.figures().curve().size()).sha256(sha256)
                .content(pdf ? java.util.Base64.getEncoder().encodeToString(bytes) : new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                .encoding(pdf ? "base64" : null).build();
    }

    private TearsheetService.Report report(String accountId, java.time.OffsetDateTime from, java.time.OffsetDateTime to) {
        try {
            return tearsheets.tearsheet(accountId, from == null ? null : from.toInstant(), to == null ? null : to.toInstant(),
                    java.time.Instant.now());
        } catch (RiskAnalytics.NotComputable e) {
            throw new ApiException(e.code(), e.getMessage());
        } catch (SQLException e) {
            log.warn("tearsheet not computed: {}", e.getMessage());
            throw new ApiException(ApiErrorCode.UNAVAILABLE, "the bar store is unavailable; try again");
        }
    }

    private static String required(String accountId) {
        if (accountId == null || accountId.isBlank()) {
            throw new ApiException("PORTFOLIO_INVALID_INPUT", "name the account");
        }
        return accountId;
    }

    @DgsQuery
    @PreAuthorize("isAuthenticated()")
    org.mltrading.graphql.types.ValueAtRisk valueAtRisk(@InputArgument String accountId, @InputArgument Integer horizonDays,
                            @InputArgument VarMethod method) {
        int horizon = horizonDays == null ? 1 : horizonDays;
        if (horizon < 1 || horizon > MAX_HORIZON_DAYS) {
            throw new ApiException("PORTFOLIO_INVALID_INPUT", "horizonDays must be between 1 and " + MAX_HORIZON_DAYS);
        }
        Scope scope = scope(accountId);
        ValueAtRisk.Method chosen = method == null ? ValueAtRisk.Method.HISTORICAL : ValueAtRisk.Method.valueOf(method.name());
        RiskAnalytics.Report report;
        try {
            report = analytics.valueAtRisk(scope.accounts(), horizon, chosen);
        } catch (RiskAnalytics.NotComputable e) {
            throw new ApiException(e.code(), e.getMessage());
        } catch (SQLException e) {
            log.warn("value at risk not computed: {}", e.getMessage());
            throw new ApiException(ApiErrorCode.UNAVAILABLE, "the bar store is unavailable; try again");
        }
        ValueAtRisk.Result result = report.result();
        return org.mltrading.graphql.types.ValueAtRisk.newBuilder().accountId(accountId).method(VarMethod.valueOf(result.method().name()))
                .horizonDays(horizon).currency(scope.currency())
                .var95(money(result.var95())).var99(money(result.var99()))
                .cvar95(money(result.cvar95())).cvar99(money(result.cvar99()))
                .observations(result.observations())
                .interval(org.mltrading.graphql.types.BarInterval.valueOf(report.interval().name()))
                .horizonScaling(report.horizonScaling())
                .symbols(report.symbols()).asOf(report.asOf().atOffset(ZoneOffset.UTC))
                .contributions(report.contributions().stream().map(c -> org.mltrading.graphql.types.VarContribution.newBuilder()
                        .symbol(report.symbols().get(c.index())).exposure(money(c.exposure()))
                        .marginalVar95(c.marginal95()).componentVar95(money(c.component95()))
                        .componentVar99(money(c.component99())).build()).toList())
                .build();
    }

    @DgsQuery
    @PreAuthorize("isAuthenticated()")
    StressTestResult stressTest(@InputArgument String accountId, @InputArgument StressScenarioInput scenario) {
        Map<String, Double> shocks = new java.util.HashMap<>();
        if (scenario.getShocks() != null) {
            for (PriceShockInput shock : scenario.getShocks()) {
                String symbol = shock.getSymbol().strip().toUpperCase(java.util.Locale.ROOT);
                if (!(shock.getMove() >= -1) || !Double.isFinite(shock.getMove())) {
                    throw new ApiException("PORTFOLIO_INVALID_INPUT", "the move of " + symbol + " must be a fraction of at least -1");
                }
                shocks.put(symbol, shock.getMove());
            }
        }
        Double market = scenario.getMarketShock();
        if (market != null && (!(market >= -1) || !Double.isFinite(market))) {
            throw new ApiException("PORTFOLIO_INVALID_INPUT", "marketShock must be a fraction of at least -1");
        }
        if (shocks.isEmpty() && market == null && scenario.getReplayDate() == null) {
            throw new ApiException("PORTFOLIO_INVALID_INPUT", "a scenario needs shocks, a marketShock or a replayDate");
        }
        Scope scope = scope(accountId);
        StressTest.Result result;
        try {
            result = stress.run(scope.accounts(), new StressTest.Scenario(scenario.getName(), shocks,
                    scenario.getReplayDate() == null ? null : scenario.getReplayDate().toInstant(), market));
        } catch (SQLException e) {
            log.warn("stress test not computed: {}", e.getMessage());
            throw new ApiException(ApiErrorCode.UNAVAILABLE, "the bar store is unavailable; try again");
        }
        return StressTestResult.newBuilder().accountId(accountId).name(result.name()).currency(scope.currency())
                .pnl(result.pnl())
                .lines(result.lines().stream().map(line -> StressLine.newBuilder().symbol(line.symbol())
                        .quantity(line.quantity()).price(line.price() == null ? BigDecimal.ZERO : line.price())
                        .move(line.move()).source(line.source()).pnl(line.pnl()).build()).toList())
                .build();
    }

    private record Scope(List<AccountView> accounts, String currency) {
    }

    /** The accounts a figure covers: the one named (if the caller may view it), else the firm's. */
    private Scope scope(String accountId) {
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
        return new Scope(scope, currency);
    }

    /** Cents: a risk figure is an estimate, its sub-cent digits are noise. */
    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
