package org.mltrading.ui.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitUsageTest {

    private static RiskAccount account(String id, String gross, String loss, String position) {
        var limits = new RiskAccount.Limits(new BigDecimal("100000"), new BigDecimal("1000"), new BigDecimal("500000"),
                new BigDecimal("20000"), List.of(), 50);
        var used = new RiskAccount.Utilization(BigDecimal.ZERO, new BigDecimal(gross), BigDecimal.ZERO, BigDecimal.ZERO,
                new BigDecimal(loss), new BigDecimal(position));
        return new RiskAccount(id, id, "trader", "USD", BigDecimal.ZERO, "ACTIVE", null, limits, used);
    }

    @Test
    void each_limit_is_ok_close_to_breach_or_breached() {
        var usages = LimitUsage.of(account("a", "0.10", "0.80", "1.00"));

        assertThat(usages).extracting(LimitUsage.Usage::limit)
                .containsExactly("Gross exposure", "Daily loss", "Position per instrument");
        assertThat(usages).extracting(LimitUsage.Usage::level)
                .containsExactly(LimitUsage.Level.OK, LimitUsage.Level.WARNING, LimitUsage.Level.BREACH);
    }

    @Test
    void breaches_list_every_limit_at_or_above_its_maximum_across_accounts() {
        var breaches = LimitUsage.breaches(List.of(account("a", "1.20", "0", "0"), account("b", "0.5", "0", "0")));

        assertThat(breaches).singleElement().satisfies(usage -> {
            assertThat(usage.accountId()).isEqualTo("a");
            assertThat(usage.limit()).isEqualTo("Gross exposure");
        });
    }

    @Test
    void an_account_without_limits_has_no_usage() {
        var none = new RiskAccount("x", "x", "t", "USD", BigDecimal.ONE, "HALTED", "test", null, null);

        assertThat(LimitUsage.of(none)).isEmpty();
        assertThat(none.halted()).isTrue();
    }
}
