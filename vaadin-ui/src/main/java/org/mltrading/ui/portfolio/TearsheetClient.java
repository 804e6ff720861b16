package org.mltrading.ui.portfolio;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mltrading.ui.graphql.PlatformGraphQlClient;
import org.mltrading.ui.model.BacktestRun;
import org.mltrading.ui.security.AccessTokens;
import org.springframework.stereotype.Component;

/** An account's tearsheet and its files through the GraphQL API. */
@Component
public class TearsheetClient {

    static final String TEARSHEET = "query Tearsheet($accountId: ID!) { tearsheet(accountId: $accountId) { accountId currency"
            + " from to interval startEquity endEquity totalReturn annualisedReturn volatility sharpeRatio sortinoRatio"
            + " maxDrawdown maxDrawdownPeak maxDrawdownTrough turnover fills equityCurve { time equity }"
            + " attribution { symbol pnl fees share } } }";
    static final String DOCUMENT = "query TearsheetDocument($accountId: ID!, $format: TearsheetFormat!) {"
            + " tearsheetDocument(accountId: $accountId, format: $format) { fileName contentType rows sha256 content encoding } }";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attribution(String symbol, BigDecimal pnl, BigDecimal fees, double share) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Sheet(String accountId, String currency, Instant from, Instant to, String interval, BigDecimal startEquity,
                        BigDecimal endEquity, double totalReturn, Double annualisedReturn, Double volatility,
                        Double sharpeRatio, Double sortinoRatio, double maxDrawdown, Instant maxDrawdownPeak,
                        Instant maxDrawdownTrough, double turnover, int fills, List<BacktestRun.EquityPoint> equityCurve,
                        List<Attribution> attribution) {
    }

    /** A file: text, or base64 when {@code encoding} says so. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Document(String fileName, String contentType, int rows, String sha256, String content, String encoding) {

        public byte[] bytes() {
            return "base64".equals(encoding) ? java.util.Base64.getDecoder().decode(content)
                    : content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final PlatformGraphQlClient graphQl;
    private final AccessTokens tokens;

    public TearsheetClient(PlatformGraphQlClient graphQl, AccessTokens tokens) {
        this.graphQl = graphQl;
        this.tokens = tokens;
    }

    public Sheet tearsheet(String accountId) {
        return graphQl.query(token(), TEARSHEET, Map.of("accountId", accountId), "tearsheet", Sheet.class);
    }

    public Document document(String accountId, String format) {
        return graphQl.query(token(), DOCUMENT, Map.of("accountId", accountId, "format", format), "tearsheetDocument",
                Document.class);
    }

    private String token() {
        return tokens.accessToken(AccessTokens.currentUser());
    }
}
