package org.mltrading.query.news;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mltrading.query.marketdata.instrument.InstrumentCatalog;
import org.springframework.core.io.ClassPathResource;

class InstrumentMentionsTest {

    private final InstrumentMentions mentions =
            new InstrumentMentions(InstrumentCatalog.fromResource(new ClassPathResource("marketdata/instruments.csv")));

    @Test
    void cashtags_wire_tickers_and_catalogue_names_are_recognised() {
        assertThat(mentions.in("Buying more $aapl and $NVDA today")).containsExactly("AAPL", "NVDA");
        assertThat(mentions.in("Apple Inc <AAPL.O> and Microsoft <MSFT.OQ> rose")).containsExactlyInAnyOrder("AAPL", "MSFT");
        assertThat(mentions.in("Ethereum rallies while Bitcoin holds")).containsExactlyInAnyOrder("ETH-USD", "BTC-USD");
        assertThat(mentions.in("Nvidia unveils a new chip")).containsExactly("NVDA");
    }

    @Test
    void unknown_symbols_lower_case_names_and_parts_of_words_are_not_instruments() {
        assertThat(mentions.in("$ZZZZ soars; an apple a day; Applebee's opens; costs $5")).isEmpty();
        assertThat(mentions.in("Pineapple prices")).isEmpty();
    }
}
