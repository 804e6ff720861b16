package org.mltrading.query.graphql;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLDirectiveContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@link TextRules} for every String and ID argument of every field, and every such field of an input
 * object, at any depth (issue 14, finding 9): one place, so no operation can forget it. A field's
 * arguments are checked on their coerced values (literals and variables alike) before its resolver
 * runs, so a refused text never reaches a command. The schema raises the bound of a long or multi-line
 * text with {@code @text(maxLength:, multiline:)} ({@code common.graphqls}); without it a text is one
 * line of at most {@link TextRules#DEFAULT_MAX_LENGTH} characters.
 */
@Component
class TextInputInstrumentation extends SimplePerformantInstrumentation {

    static final String DIRECTIVE = "text";

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        List<GraphQLArgument> arguments = parameters.getEnvironment().getFieldDefinition().getArguments();
        if (arguments.isEmpty()) {
            return dataFetcher;
        }
        return environment -> {
            Map<String, Object> values = environment.getArguments();
            for (GraphQLArgument argument : arguments) {
                check(argument.getName(), argument, argument.getType(), values.get(argument.getName()));
            }
            return dataFetcher.get(environment);
        };
    }

    private static void check(String name, GraphQLDirectiveContainer definition, GraphQLInputType type, Object value) {
        if (value == null) {
            return;
        }
        GraphQLType unwrapped = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
        if (unwrapped instanceof GraphQLList list && value instanceof List<?> items) {
            GraphQLInputType itemType = (GraphQLInputType) list.getWrappedType();
            for (int i = 0; i < items.size(); i++) {
                check(name + "[" + i + "]", definition, itemType, items.get(i));
            }
        } else if (unwrapped instanceof GraphQLInputObjectType input && value instanceof Map<?, ?> fields) {
            for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                check(name + "." + field.getName(), field, field.getType(), fields.get(field.getName()));
            }
        } else if (unwrapped instanceof GraphQLScalarType scalar && value instanceof String text
                && ("String".equals(scalar.getName()) || "ID".equals(scalar.getName()))) {
            GraphQLAppliedDirective directive = definition.getAppliedDirective(DIRECTIVE);
            int maxLength = directive == null ? TextRules.DEFAULT_MAX_LENGTH : ((Number) argument(directive, "maxLength")).intValue();
            boolean multiline = directive != null && Boolean.TRUE.equals(argument(directive, "multiline"));
            TextRules.check(name, text, maxLength, multiline).ifPresent(violation -> {
                throw new ApiException(violation.code(), violation.message());
            });
        }
    }

    private static Object argument(GraphQLAppliedDirective directive, String name) {
        GraphQLAppliedDirectiveArgument argument = directive.getArgument(name);
        return argument == null ? null : argument.getValue();
    }
}
