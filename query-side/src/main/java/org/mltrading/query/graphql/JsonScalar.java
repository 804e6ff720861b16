package org.mltrading.query.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.netflix.graphql.dgs.DgsScalar;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingSerializeException;
import java.util.Locale;

/**
 * Output-only JSON values (stored event payloads). A {@link String} holding JSON text or a Jackson
 * tree is written as the JSON it contains; decimals stay exact (never parsed into binary floating point).
 */
@DgsScalar(name = "JSON")
public class JsonScalar implements Coercing<Object, Object> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Override
    public Object serialize(Object value, GraphQLContext context, Locale locale) {
        try {
            if (value instanceof String text) {
                return JSON.readValue(text, Object.class);
            }
            if (value instanceof JsonNode node) {
                return JSON.treeToValue(node, Object.class);
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new CoercingSerializeException("not JSON text");
        }
    }

    @Override
    public Object parseValue(Object input, GraphQLContext context, Locale locale) {
        return input;
    }

    @Override
    public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        throw new CoercingParseLiteralException("JSON is an output type; it cannot be given as a literal");
    }
}
