package org.mltrading.command.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mltrading.api.common.Side;

class PositionTest {

    @ParameterizedTest(name = "{0} @ {1} then {2} {3} @ {4} fee {5} -> {6} @ {7}, realised {8}")
    @CsvSource(delimiter = '|', value = {
            // opening and growing: the average is weighted by quantity, only the fee is realised
            "0    | 0    | BUY  | 100 | 10   | 1 | 100  | 10    | -1",
            "0    | 0    | SELL | 100 | 10   | 0 | -100 | 10    | 0",
            "100  | 10   | BUY  | 300 | 12   | 0 | 400  | 11.5  | 0",
            "-100 | 10   | SELL | 100 | 11   | 0 | -200 | 10.5  | 0",
            "3    | 10   | BUY  | 3   | 10.01 | 0 | 6   | 10.005 | 0",
            "1    | 1    | BUY  | 2   | 1    | 0 | 3    | 1     | 0",
            "1    | 0    | BUY  | 2   | 1    | 0 | 3    | 0.6666666666666667 | 0",
            // reducing: (price - average) x closed x direction - fee, the average stays
            "400  | 11.5 | SELL | 100 | 13   | 2 | 300  | 11.5  | 148",
            "100  | 10   | SELL | 40  | 9    | 0 | 60   | 10    | -40",
            "-100 | 10   | BUY  | 40  | 9    | 0 | -60  | 10    | 40",
            "-100 | 10   | BUY  | 40  | 12   | 1 | -60  | 10    | -81",
            // closing: flat, average 0
            "100  | 10   | SELL | 100 | 10.5 | 0 | 0    | 0     | 50",
            "-50  | 12   | BUY  | 50  | 10   | 0 | 0    | 0     | 100",
            // through zero: close the old side, open the rest at the fill price
            "100  | 10   | SELL | 150 | 12   | 0 | -50  | 12    | 200",
            "-100 | 10   | BUY  | 250 | 8    | 3 | 150  | 8     | 197"
    })
    void a_fill_moves_the_position_its_average_and_the_realised_pnl(String quantity, String average, Side side,
                                                                     String fillQuantity, String price, String fee,
                                                                     String quantityAfter, String averageAfter,
                                                                     String realised) {
        Position.Change change = new Position(new BigDecimal(quantity), new BigDecimal(average))
                .apply(side, new BigDecimal(price), new BigDecimal(fillQuantity), new BigDecimal(fee));

        assertThat(change.after()).isEqualTo(new Position(new BigDecimal(quantityAfter), new BigDecimal(averageAfter)));
        assertThat(change.realisedPnl()).isEqualTo(new BigDecimal(realised));
    }

    @ParameterizedTest
    @CsvSource({"100, 10, 1000", "-100, 10, 1000", "0, 0, 0"})
    void a_position_counts_its_absolute_value_at_entry_towards_gross_exposure(String quantity, String average,
                                                                              String exposure) {
        assertThat(new Position(new BigDecimal(quantity), new BigDecimal(average)).exposure())
                .isEqualByComparingTo(exposure);
    }
}
