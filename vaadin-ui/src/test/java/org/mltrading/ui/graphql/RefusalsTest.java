package org.mltrading.ui.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefusalsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "RISK_MAX_ORDER_NOTIONAL | notional 2000000.000 exceeds max order notional 100000 | Order value over the account's limit: notional 2,000,000 exceeds max order notional 100,000",
            "RISK_MAX_GROSS_EXPOSURE | gross exposure 11634297.9500300000002 exceeds 10000000 | Gross exposure would exceed the account's limit: gross exposure 11,634,297.95 exceeds 10,000,000",
            "ORDER_INVALID_PRICE | prices must be multiples of the tick size 0.01 | Price not accepted: prices must be multiples of the tick size 0.01",
            "RISK_TRADING_HALTED | trading is HALTED on this account | Trading is halted on this account: trading is HALTED on this account",
            "SOMETHING_NEW | limit 5 | Refused: limit 5",
    })
    void codes_read_as_words_followed_by_the_numbers(String code, String detail, String shown) {
        assertThat(Refusals.describe(code, detail)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "order desk-12345678 of account-2 | order desk-12345678 of account-2",
            "price 229.123 off tick | price 229.123 off tick",
            "already 2,000,000 > 1,000,000 | already 2,000,000 > 1,000,000",
            "loss -12345.6789 today | loss -12,345.68 today",
    })
    void ids_and_already_grouped_numbers_are_left_alone(String detail, String tidy) {
        assertThat(Refusals.tidyNumbers(detail)).isEqualTo(tidy);
    }
}
