package org.mltrading.query.marketdata.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mltrading.api.marketdata.AssetClass;
import org.mltrading.api.marketdata.Instrument;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

class InstrumentCatalogTest {

    private static final String HEADER = "symbol,name,assetClass,currency,tickSize,lotSize,startPrice,annualVolatility\n";
    private static final String AAPL = "AAPL,Apple Inc.,EQUITY,USD,0.01,1,230.00,0.25\n";

    private final InstrumentCatalog bundled = InstrumentCatalog.fromResource(new ClassPathResource("marketdata/instruments.csv"));

    @Test
    void the_bundled_catalog_lists_the_seven_instruments_sorted_by_symbol() {
        assertThat(bundled.all()).extracting(Instrument::symbol)
                .containsExactly("AAPL", "BTC-USD", "ETH-USD", "EURUSD", "MSFT", "NVDA", "SPY");
    }

    @ParameterizedTest(name = "{0}: {1}, {2}, {3}, tick {4}, lot {5}")
    @CsvSource({
            "AAPL,    Apple Inc.,             EQUITY, USD, 0.01,    1",
            "MSFT,    Microsoft Corporation,  EQUITY, USD, 0.01,    1",
            "NVDA,    NVIDIA Corporation,     EQUITY, USD, 0.01,    1",
            "SPY,     SPDR S&P 500 ETF Trust, ETF,    USD, 0.01,    1",
            "BTC-USD, Bitcoin,                CRYPTO, USD, 0.01,    0.00000001",
            "ETH-USD, Ether,                  CRYPTO, USD, 0.01,    0.00000001",
            "EURUSD,  Euro / US Dollar,       FX,     USD, 0.00001, 1000",
    })
    void each_bundled_instrument_has_its_reference_data(String symbol, String name, AssetClass assetClass,
                                                        String currency, BigDecimal tick, BigDecimal lot) {
        assertThat(bundled.find(symbol)).contains(new Instrument(symbol, name, assetClass, currency, tick, lot));
    }

    @ParameterizedTest(name = "{0} starts near {1} with volatility {2}")
    @CsvSource({
            "AAPL, 230.00, 0.25", "MSFT, 420.00, 0.24", "NVDA, 180.00, 0.50", "SPY, 600.00, 0.15",
            "BTC-USD, 95000.00, 0.55", "ETH-USD, 3400.00, 0.70", "EURUSD, 1.08000, 0.07",
    })
    void each_bundled_instrument_has_simulation_parameters(String symbol, BigDecimal start, double volatility) {
        assertThat(bundled.parameters(symbol)).contains(new SimulationParameters(start, volatility));
    }

    @Test
    void symbols_are_found_whatever_their_case_and_unknown_ones_are_empty() {
        assertThat(bundled.find(" btc-usd ")).map(Instrument::symbol).contains("BTC-USD");
        assertThat(bundled.find("XYZ")).isEmpty();
        assertThat(bundled.find(null)).isEmpty();
        assertThat(bundled.parameters("XYZ")).isEmpty();
    }

    @Test
    void comments_blank_lines_and_quoted_names_are_understood() {
        InstrumentCatalog catalog = InstrumentCatalog.fromCsv("test", "# reference data\n\n" + HEADER
                + "\n\"BRK.B\",\"Berkshire Hathaway, Inc. \"\"B\"\"\",EQUITY,USD,0.01,1,480,0.18\n" + AAPL);

        assertThat(catalog.find("BRK.B")).map(Instrument::name).contains("Berkshire Hathaway, Inc. \"B\"");
        assertThat(catalog.all()).hasSize(2);
    }

    @ParameterizedTest(name = "line {1} is refused: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "wrong header                | 1 | symbol;name;assetClass;currency;tickSize;lotSize;price;vol    | expected the header",
            "too few columns             | 3 | AAPL;Apple Inc.;EQUITY;USD;0.01;1;230.00                       | expected 8 columns",
            "lower-case symbol           | 3 | aapl;Apple Inc.;EQUITY;USD;0.01;1;230.00;0.25                  | symbol 'aapl'",
            "unknown asset class         | 3 | AAPL;Apple Inc.;STOCK;USD;0.01;1;230.00;0.25                   | assetClass 'STOCK'",
            "bad currency                | 3 | AAPL;Apple Inc.;EQUITY;US Dollar;0.01;1;230.00;0.25            | currency 'US Dollar'",
            "tick size not a number      | 3 | AAPL;Apple Inc.;EQUITY;USD;one cent;1;230.00;0.25              | tickSize 'one cent'",
            "zero lot size               | 3 | AAPL;Apple Inc.;EQUITY;USD;0.01;0;230.00;0.25                  | lotSize must be positive",
            "negative start price        | 3 | AAPL;Apple Inc.;EQUITY;USD;0.01;1;-230.00;0.25                 | startPrice must be positive",
            "volatility as a percentage  | 3 | AAPL;Apple Inc.;EQUITY;USD;0.01;1;230.00;25                    | annual volatility must be a fraction",
            "unterminated quote          | 3 | AAPL;\"Apple Inc.;EQUITY;USD;0.01;1;230.00;0.25                | unterminated double quote",
            "duplicate symbol            | 3 | MSFT;Microsoft Corporation;EQUITY;USD;0.01;1;420.00;0.24       | duplicate symbol",
    })
    void a_malformed_csv_is_refused_naming_the_line(String problem, int line, String row, String reason) {
        String text = row.replace(';', ',') + "\n";
        String csv = line == 1 ? text + AAPL : HEADER + "MSFT,Microsoft Corporation,EQUITY,USD,0.01,1,420.00,0.24\n" + text;

        assertThatThrownBy(() -> InstrumentCatalog.fromCsv("test.csv", csv))
                .isInstanceOf(InstrumentCsvException.class)
                .hasMessageContaining("test.csv at line " + line + ": ")
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((InstrumentCsvException) e).line()).isEqualTo(line));
    }

    @Test
    void line_numbers_count_comments_and_blank_lines() {
        String csv = "# instruments\n\n" + HEADER + AAPL + "\n# more\nMSFT,Microsoft,EQUITY,USD,0.01\n";

        assertThatThrownBy(() -> InstrumentCatalog.fromCsv("test.csv", csv))
                .hasMessageContaining("at line 7: expected 8 columns");
    }

    @Test
    void a_file_without_instruments_is_refused() {
        assertThatThrownBy(() -> InstrumentCatalog.fromCsv("empty.csv", HEADER))
                .isInstanceOf(InstrumentCsvException.class).hasMessageContaining("no instruments");
    }

    @Test
    void the_location_property_points_the_bean_at_another_file(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("instruments.csv"), HEADER + AAPL);

        new ApplicationContextRunner()
                .withPropertyValues(InstrumentCatalog.LOCATION_PROPERTY + "=" + file.toUri())
                .withUserConfiguration(InstrumentCatalog.class)
                .run(context -> assertThat(context.getBean(InstrumentCatalog.class).all())
                        .extracting(Instrument::symbol).containsExactly("AAPL"));
    }

    @Test
    void the_bean_reads_the_bundled_file_by_default() {
        new ApplicationContextRunner()
                .withUserConfiguration(InstrumentCatalog.class)
                .run(context -> assertThat(context.getBean(InstrumentCatalog.class).all()).hasSize(7));
    }

    @Test
    void start_up_fails_on_a_malformed_file_naming_the_line(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("instruments.csv"), HEADER + AAPL + "MSFT,Microsoft,EQUITY\n");

        new ApplicationContextRunner()
                .withPropertyValues(InstrumentCatalog.LOCATION_PROPERTY + "=" + file.toUri())
                .withUserConfiguration(InstrumentCatalog.class)
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(InstrumentCsvException.class)
                        .hasMessageContaining("at line 3: expected 8 columns"));
    }

    @Test
    void start_up_fails_when_the_file_does_not_exist(@TempDir Path dir) {
        new ApplicationContextRunner()
                .withPropertyValues(InstrumentCatalog.LOCATION_PROPERTY + "=" + dir.resolve("missing.csv").toUri())
                .withUserConfiguration(InstrumentCatalog.class)
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("does not exist").hasMessageContaining(InstrumentCatalog.LOCATION_PROPERTY));
    }
}
