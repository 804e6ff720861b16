package org.mltrading.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstrumentFormatTest {

    private static final InstrumentFormat AAPL = new InstrumentFormat(new BigDecimal("0.01"), BigDecimal.ONE, "USD");
    private static final InstrumentFormat BTC = new InstrumentFormat(new BigDecimal("0.5"), new BigDecimal("0.0001"), "USD");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "230.053003, 230.05",
            "230, 230.00",
            "230.02, 230.02",
            "12345.678, '12,345.68'",
    })
    void prices_are_written_to_the_tick(String value, String shown) {
        assertThat(AAPL.price(new BigDecimal(value))).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "230.0445481818182, 230.0445",
            "230.05, 230.05",
            "230, 230.00",
    })
    void average_prices_get_two_decimals_more_than_the_tick(String value, String shown) {
        assertThat(AAPL.averagePrice(new BigDecimal(value))).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "7.000000, 7",
            "1194, '1,194'",
    })
    void quantities_are_written_to_the_lot(String value, String shown) {
        assertThat(AAPL.quantity(new BigDecimal(value))).isEqualTo(shown);
        assertThat(BTC.quantity(new BigDecimal("0.5"))).isEqualTo("0.5000");
        assertThat(BTC.price(new BigDecimal("64000.5"))).isEqualTo("64,000.5");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "997699.3549435, USD, '997,699.35 USD'",
            "11634297.9500300000002, USD, '11,634,297.95 USD'",
            "997699.5, JPY, '997,700 JPY'",
            "12.5, , 12.50",
    })
    void money_is_written_to_its_currencys_minor_unit(String value, String currency, String shown) {
        assertThat(InstrumentFormat.money(new BigDecimal(value), currency)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "230.053003, 230.053003",
            "230.0445481818182, 230.044548",
            "230.00, 230",
    })
    void without_reference_data_prices_keep_six_decimals_at_most(String value, String shown) {
        assertThat(InstrumentFormat.UNKNOWN.price(new BigDecimal(value))).isEqualTo(shown);
    }
}
