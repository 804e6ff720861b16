package org.mltrading.ui.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stored event's payload as the officer reads it: every field by its name in words, numbers
 * grouped without float noise, times in UTC on a 24-hour clock; nested objects (an order's terms) are
 * opened up, empty fields left out. The raw JSON stays available in the row's details.
 */
public final class EventPayloads {

    /** One field of the payload for reading. */
    public record Field(String label, String value) {
    }

    /** The aggregate's own id, already in the row. */
    private static final String ROW_ID = "Order id";

    private EventPayloads() {
    }

    /** Every non-empty field, nested objects flattened into their fields, in stored order. */
    public static List<Field> fields(JsonNode payload) {
        List<Field> fields = new ArrayList<>();
        if (payload != null && payload.isObject()) {
            collect(payload, "", fields);
        }
        return fields;
    }

    /** "Client order id: desk-42 · Symbol: AAPL · Side: BUY · Quantity: 10 · …"; the order id (the row's aggregate) left out. */
    public static String summary(JsonNode payload) {
        if (payload == null || payload.isNull()) {
            return "";
        }
        if (!payload.isObject()) {
            return payload.asText();
        }
        List<String> parts = new ArrayList<>();
        for (Field field : fields(payload)) {
            if (!field.label().equals(ROW_ID)) {
                parts.add(field.label() + ": " + field.value());
            }
        }
        return String.join(" · ", parts);
    }

    private static void collect(JsonNode node, String prefix, List<Field> fields) {
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode value = entry.getValue();
            if (value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty())) {
                continue;
            }
            String label = AsOfComparison.words(entry.getKey());
            // terms, provenance: their fields read on their own ("Symbol", not "Terms symbol")
            if (value.isObject()) {
                collect(value, prefix, fields);
                continue;
            }
            Object raw = value.isArray() ? arrayText(value) : value.isNumber() ? value.decimalValue().toPlainString()
                    : value.asText();
            Field field = new Field(prefix + label, raw instanceof String text && value.isArray() ? text
                    : entry.getKey().endsWith("Id") ? raw.toString() : AsOfComparison.text(raw));
            // an event that names the symbol and also carries the terms says it once
            if (!fields.contains(field)) {
                fields.add(field);
            }
        }
    }

    private static String arrayText(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(item.isObject() ? summary(item) : AsOfComparison.text(item.asText())));
        return items.isEmpty() ? "none" : String.join("; ", items);
    }
}
