package org.mltrading.query.graphql;

import com.netflix.graphql.dgs.DgsScalar;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** ISO-8601 instants, always written in UTC with millisecond precision or better. */
@DgsScalar(name = "DateTime")
public class DateTimeScalar implements Coercing<OffsetDateTime, String> {

    @Override
    public String serialize(Object value, GraphQLContext context, Locale locale) {
        if (value instanceof OffsetDateTime time) {
            return DateTimeFormatter.ISO_INSTANT.format(time.toInstant());
        }
        if (value instanceof Instant instant) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        throw new CoercingSerializeException("not a DateTime: " + value.getClass().getSimpleName());
    }

    @Override
    public OffsetDateTime parseValue(Object input, GraphQLContext context, Locale locale) {
        if (input instanceof String text) {
            return parse(text, CoercingParseValueException::new);
        }
        throw new CoercingParseValueException("DateTime must be an ISO-8601 string, e.g. 2026-11-25T10:15:30Z");
    }

    @Override
    public OffsetDateTime parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        if (input instanceof StringValue text) {
            return parse(text.getValue(), CoercingParseLiteralException::new);
        }
        throw new CoercingParseLiteralException("DateTime must be an ISO-8601 string, e.g. 2026-11-25T10:15:30Z");
    }

    private static <E extends RuntimeException> OffsetDateTime parse(String text, java.util.function.Function<String, E> error) {
        try {
            return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw error.apply("not an ISO-8601 date-time with offset: '" + text + "'");
        }
    }
}
