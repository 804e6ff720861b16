package org.mltrading.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 14, finding 1: Decimal inputs are bounded before any arithmetic, and quickly. */
class DecimalScalarTest {

    private final DecimalScalar scalar = new DecimalScalar();
    private final GraphQLContext context = GraphQLContext.getDefault();

    @ParameterizedTest
    @ValueSource(strings = {"1e400000", "1e100000", "1e308", "-1e308", "1e19", "1000000000000000000",
            "1e-400000", "0.0000000000000000001", "1.0000000000000000000000000000001",
            "12345678901234567.1234567890123456", "1e2147483647", "1e-2147483647"})
    void an_absurd_decimal_variable_is_refused_with_the_out_of_range_code(String text) {
        assertThatThrownBy(() -> scalar.parseValue(text, context, Locale.ROOT))
                .isInstanceOfSatisfying(CoercingParseValueException.class, e -> {
                    assertThat(e.getExtensions()).containsEntry("code", "VALIDATION_DECIMAL_OUT_OF_RANGE");
                    assertThat(e.getMessage()).startsWith(DecimalScalar.OUT_OF_RANGE_MESSAGE);
                });
    }

    @Test
    void a_million_digits_are_refused_by_length_without_being_parsed() {
        String huge = "1" + "0".repeat(1_000_000);
        long start = System.nanoTime();
        assertThatThrownBy(() -> scalar.parseValue(huge, context, Locale.ROOT))
                .isInstanceOf(CoercingParseValueException.class).hasMessageContaining("at most 64 characters");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));
    }

    @Test
    void json_numbers_are_bounded_too() {
        assertThatThrownBy(() -> scalar.parseValue(1e308, context, Locale.ROOT))
                .isInstanceOf(CoercingParseValueException.class).hasMessageContaining("before the point");
        assertThatThrownBy(() -> scalar.parseValue(Double.POSITIVE_INFINITY, context, Locale.ROOT))
                .isInstanceOf(CoercingParseValueException.class);
        assertThatThrownBy(() -> scalar.parseValue(BigInteger.TEN.pow(40), context, Locale.ROOT))
                .isInstanceOf(CoercingParseValueException.class);
        assertThat(scalar.parseValue(0.1, context, Locale.ROOT)).isEqualTo(new BigDecimal("0.1"));
        assertThat(scalar.parseValue(42L, context, Locale.ROOT)).isEqualTo(new BigDecimal("42"));
    }

    @Test
    void document_literals_are_bounded_too() {
        assertThatThrownBy(() -> scalar.parseLiteral(new FloatValue(new BigDecimal("1e400000")),
                CoercedVariables.emptyVariables(), context, Locale.ROOT))
                .isInstanceOfSatisfying(CoercingParseLiteralException.class,
                        e -> assertThat(e.getExtensions()).containsEntry("code", "VALIDATION_DECIMAL_OUT_OF_RANGE"));
        assertThatThrownBy(() -> scalar.parseLiteral(new StringValue("1e308"),
                CoercedVariables.emptyVariables(), context, Locale.ROOT))
                .isInstanceOf(CoercingParseLiteralException.class);
        assertThatThrownBy(() -> scalar.parseLiteral(new IntValue(BigInteger.TEN.pow(19)),
                CoercedVariables.emptyVariables(), context, Locale.ROOT))
                .isInstanceOf(CoercingParseLiteralException.class);
        assertThat(scalar.parseLiteral(new StringValue("101.25"), CoercedVariables.emptyVariables(), context, Locale.ROOT))
                .isEqualTo(new BigDecimal("101.25"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "1", "-1", "101.25", "0.000000000000000001", "999999999999999999",
            "999999999999999999.999999999999", "0.10000000000000000000000000000000", "  42.5  ", "1E+3", "2.5e-3",
            "0e400000", "0e-400000"})
    void ordinary_decimals_pass_unchanged_in_value(String text) {
        BigDecimal parsed = scalar.parseValue(text, context, Locale.ROOT);

        assertThat(parsed).isEqualByComparingTo(new BigDecimal(text.trim()));
        assertThat(parsed.scale()).as("never a negative scale").isNotNegative();
        assertThat(parsed.scale()).as("never an unbounded scale").isLessThanOrEqualTo(64);
    }

    @Test
    void a_positive_exponent_comes_out_in_plain_form() {
        assertThat(scalar.parseValue("1E+3", context, Locale.ROOT).toString()).isEqualTo("1000");
    }

    @Test
    void the_code_is_given_to_a_literal_refused_during_validation() {
        assertThat(ErrorCodeInterceptor.codeFor("ValidationError",
                "Validation error (WrongType@[previewOrder]) : argument 'input.quantity' with value 'FloatValue{value=1E+400000}'"
                        + " is not a valid 'Decimal' - " + DecimalScalar.OUT_OF_RANGE_MESSAGE + ": at most 18 digits before the point"))
                .isEqualTo("VALIDATION_DECIMAL_OUT_OF_RANGE");
        assertThat(ErrorCodeInterceptor.codeFor("ValidationError", "Validation error (FieldUndefined)"))
                .isEqualTo("VALIDATION_INVALID_QUERY");
    }

    @Test
    void a_document_with_a_run_of_more_than_a_thousand_digits_is_recognised_in_linear_time() {
        String huge = "mutation { previewOrder(input: {quantity: 1" + "0".repeat(1_000_000) + "}) { notional } }";
        long start = System.nanoTime();
        assertThat(NumberLiteralLimitInterceptor.longestDigitRun(huge)).isEqualTo(1_000_001);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
        assertThat(NumberLiteralLimitInterceptor.longestDigitRun("{ quote(symbol: \"AAPL\") { bid } } # 12345")).isEqualTo(5);
        assertThat(NumberLiteralLimitInterceptor.longestDigitRun(null)).isZero();
    }
}
