package org.mltrading.query.graphql;

import com.netflix.graphql.dgs.DgsScalar;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;

/**
 * Exact decimals. Written as JSON strings so no client parses money into binary floating point;
 * read from strings or JSON numbers. A JSON number that arrived as a double is converted through its
 * shortest decimal representation (0.1 stays 0.1), never through its binary value.
 *
 * <p>Every input is bounded here, before any arithmetic. {@code new BigDecimal("1e400000")} is cheap
 * (unscaled 1, scale -400000), but {@code toPlainString}, {@code setScale} or a multiplication by a
 * price then build a 400,000-digit number and tie a request thread up for minutes; and parsing a
 * million digits is itself quadratic. So text longer than {@link #MAX_TEXT_LENGTH} characters is
 * refused before it is parsed, and a parsed value is judged by its precision and scale alone (free
 * whatever the exponent): at most {@link #MAX_INTEGER_DIGITS} digits before the point, at most
 * {@link #MAX_FRACTION_DIGITS} after it (trailing zeros aside), at most {@link #MAX_SIGNIFICANT_DIGITS}
 * in all. That is far more than any price, quantity or limit of any instrument needs. A refusal is the
 * GraphQL error {@value #OUT_OF_RANGE} (docs/api/errors.md). A value written with a positive exponent
 * ({@code 1E+3}) is handed on with scale 0 ({@code 1000}), so no resolver ever sees a negative scale.
 */
@DgsScalar(name = "Decimal")
public class DecimalScalar implements Coercing<BigDecimal, String> {

    /** The error code of an oversized or out-of-range Decimal input, in {@code extensions.code}. */
    public static final String OUT_OF_RANGE = "VALIDATION_DECIMAL_OUT_OF_RANGE";
    /** Characters of a Decimal's text (sign, digits, point, exponent), checked before parsing. */
    static final int MAX_TEXT_LENGTH = 64;
    /** Digits before the point: up to 10^18 - 1, beyond any notional, position or limit. */
    static final int MAX_INTEGER_DIGITS = 18;
    /** Digits after the point, trailing zeros aside: 18 covers the finest crypto unit (wei). */
    static final int MAX_FRACTION_DIGITS = 18;
    /** Significant digits, trailing zeros aside. */
    static final int MAX_SIGNIFICANT_DIGITS = 30;

    @Override
    public String serialize(Object value, GraphQLContext context, Locale locale) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Long || value instanceof Integer || value instanceof BigInteger) {
            return value.toString();
        }
        throw new CoercingSerializeException("not a Decimal: " + value.getClass().getSimpleName());
    }

    @Override
    public BigDecimal parseValue(Object input, GraphQLContext context, Locale locale) {
        try {
            if (input instanceof String text) {
                return bounded(parse(text.trim()));
            }
            if (input instanceof BigDecimal decimal) {
                return bounded(decimal);
            }
            if (input instanceof Double || input instanceof Float) {
                double value = ((Number) input).doubleValue();
                if (Double.isNaN(value) || Double.isInfinite(value)) {
                    // a JSON number beyond a double's range (1e400000) arrives as Infinity
                    throw new OutOfRange("a Decimal must be finite and have at most " + MAX_INTEGER_DIGITS
                            + " digits before the point");
                }
                return bounded(new BigDecimal(Double.toString(value)));
            }
            if (input instanceof Number number) {
                return bounded(parse(number.toString()));
            }
        } catch (OutOfRange e) {
            throw CoercingParseValueException.newCoercingParseValueException()
                    .message(e.getMessage()).extensions(Map.of("code", OUT_OF_RANGE)).build();
        } catch (NumberFormatException e) {
            throw new CoercingParseValueException("not a decimal number: '" + input + "'");
        }
        throw new CoercingParseValueException("Decimal must be a string or a number");
    }

    @Override
    public BigDecimal parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        try {
            if (input instanceof StringValue text) {
                return bounded(parse(text.getValue().trim()));
            }
            if (input instanceof FloatValue number) {
                return bounded(number.getValue());
            }
            if (input instanceof IntValue number) {
                return bounded(new BigDecimal(number.getValue()));
            }
        } catch (OutOfRange e) {
            // graphql-java's validation reports a literal refusal as a ValidationError with this message in
            // it; ErrorCodeInterceptor recognises the message and gives it the same code as a variable's
            throw CoercingParseLiteralException.newCoercingParseLiteralException()
                    .message(e.getMessage()).extensions(Map.of("code", OUT_OF_RANGE)).build();
        } catch (NumberFormatException e) {
            throw new CoercingParseLiteralException("not a decimal number: '" + ((StringValue) input).getValue() + "'");
        }
        throw new CoercingParseLiteralException("Decimal must be a string or a number");
    }

    private static BigDecimal parse(String text) {
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new OutOfRange(OUT_OF_RANGE_MESSAGE + ": at most " + MAX_TEXT_LENGTH + " characters, this one has "
                    + text.length());
        }
        return new BigDecimal(text);
    }

    /** The start of every refusal's message (ErrorCodeInterceptor matches on it). */
    static final String OUT_OF_RANGE_MESSAGE = "Decimal out of range";

    /** Refuses values outside the bounds looking at precision and scale only; returns a non-negative scale. */
    static BigDecimal bounded(BigDecimal value) {
        if (value.signum() == 0) {
            return value.scale() >= 0 && value.scale() <= MAX_FRACTION_DIGITS ? value : BigDecimal.ZERO;
        }
        // precision - scale = digits before the point (zero or less below 0.1)
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            throw new OutOfRange(OUT_OF_RANGE_MESSAGE + ": at most " + MAX_INTEGER_DIGITS + " digits before the point");
        }
        if (value.precision() > MAX_TEXT_LENGTH) { // a long JSON number or document literal
            throw new OutOfRange(OUT_OF_RANGE_MESSAGE + ": at most " + MAX_SIGNIFICANT_DIGITS + " significant digits");
        }
        // precision is bounded now, so stripping trailing zeros and setScale(0) below are cheap
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > MAX_FRACTION_DIGITS) {
            throw new OutOfRange(OUT_OF_RANGE_MESSAGE + ": at most " + MAX_FRACTION_DIGITS + " digits after the point");
        }
        if (stripped.precision() > MAX_SIGNIFICANT_DIGITS) {
            throw new OutOfRange(OUT_OF_RANGE_MESSAGE + ": at most " + MAX_SIGNIFICANT_DIGITS + " significant digits");
        }
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /** Carries a refusal to the phase-specific graphql-java exception. */
    private static final class OutOfRange extends RuntimeException {
        OutOfRange(String message) {
            super(message, null, false, false);
        }
    }
}
