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

/**
 * Exact decimals. Written as JSON strings so no client parses money into binary floating point;
 * read from strings or JSON numbers. A JSON number that arrived as a double is converted through its
 * shortest decimal representation (0.1 stays 0.1), never through its binary value.
 */
@DgsScalar(name = "Decimal")
public class DecimalScalar implements Coercing<BigDecimal, String> {

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
                return new BigDecimal(text.trim());
            }
            if (input instanceof BigDecimal decimal) {
                return decimal;
            }
            if (input instanceof Double || input instanceof Float) {
                double value = ((Number) input).doubleValue();
                if (Double.isNaN(value) || Double.isInfinite(value)) {
                    throw new CoercingParseValueException("Decimal must be finite");
                }
                return new BigDecimal(Double.toString(value));
            }
            if (input instanceof Number number) {
                return new BigDecimal(number.toString());
            }
        } catch (NumberFormatException e) {
            throw new CoercingParseValueException("not a decimal number: '" + input + "'");
        }
        throw new CoercingParseValueException("Decimal must be a string or a number");
    }

    @Override
    public BigDecimal parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        try {
            if (input instanceof StringValue text) {
                return new BigDecimal(text.getValue().trim());
            }
        } catch (NumberFormatException e) {
            throw new CoercingParseLiteralException("not a decimal number: '" + ((StringValue) input).getValue() + "'");
        }
        if (input instanceof FloatValue number) {
            return number.getValue();
        }
        if (input instanceof IntValue number) {
            return new BigDecimal(number.getValue());
        }
        throw new CoercingParseLiteralException("Decimal must be a string or a number");
    }
}
