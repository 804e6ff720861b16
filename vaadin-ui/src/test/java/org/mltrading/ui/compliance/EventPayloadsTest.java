package org.mltrading.ui.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EventPayloadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_payload_reads_as_words_with_formatted_numbers_and_times_and_nothing_cut_off() throws Exception {
        String summary = EventPayloads.summary(JSON.readTree("""
                {"orderId":"o-1","accountId":"demo-account","symbol":"AAPL","fillId":"f-1","price":230.053003,
                 "quantity":1500,"fee":1.1500,"filledQuantity":1500,"averagePrice":230.0445481818182,
                 "complete":true,"executedAt":"2026-11-25T14:05:09.123Z","reason":""}"""));

        assertThat(summary).isEqualTo("Account id: demo-account · Symbol: AAPL · Fill id: f-1 · Price: 230.053003 · "
                + "Quantity: 1,500 · Fee: 1.15 · Filled quantity: 1,500 · Average price: 230.0445481818182 · "
                + "Complete: true · Executed at: 2026-11-25 14:05:09 UTC");
    }

    @Test
    void nested_terms_and_lists_are_opened_up_and_a_repeated_field_shown_once() throws Exception {
        var fields = EventPayloads.fields(JSON.readTree("""
                {"symbol":"AAPL","terms":{"symbol":"AAPL","quantity":10},"features":[1.5,2]}"""));

        assertThat(fields).containsExactly(new EventPayloads.Field("Symbol", "AAPL"),
                new EventPayloads.Field("Quantity", "10"), new EventPayloads.Field("Features", "1.5; 2"));
    }
}
