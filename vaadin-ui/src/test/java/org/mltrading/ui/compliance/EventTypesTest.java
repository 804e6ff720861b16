package org.mltrading.ui.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventTypesTest {

    @ParameterizedTest(name = "\"{0}\" searches {1}")
    @CsvSource(delimiter = '|', value = {
            "OrderFilled|OrderFilledEvent",
            "OrderFilledEvent|OrderFilledEvent",
            "order filled|OrderFilledEvent",
            "Order filled, OrderPlaced|OrderFilledEvent,OrderPlacedEvent",
            "OrderPlacedEvent  OrderCancelledEvent|OrderPlacedEvent,OrderCancelledEvent",
            "trading-halted; Order amended|TradingHaltedEvent,OrderAmendedEvent"})
    void event_types_are_typed_by_their_business_names(String typed, String stored) {
        assertThat(EventTypes.storedNames(typed)).isEqualTo(List.of(stored.split(",")));
    }

    @ParameterizedTest
    @CsvSource({"OrderFilledEvent, Order filled", "TradingHaltedEvent, Trading halted", "Event, Event"})
    void stored_types_read_as_words(String stored, String label) {
        assertThat(EventTypes.label(stored)).isEqualTo(label);
    }
}
