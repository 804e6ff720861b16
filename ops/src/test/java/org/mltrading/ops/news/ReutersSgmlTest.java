package org.mltrading.ops.news;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Reuters-21578 layout (written here in its format; the corpus itself is not shipped). */
class ReutersSgmlTest {

    static final String SGML = """
            <!DOCTYPE lewis SYSTEM "lewis.dtd">
            <REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5544" NEWID="1">
            <DATE>26-FEB-1987 15:01:01.79</DATE>
            <TOPICS><D>cocoa</D></TOPICS>
            <TEXT>&#2;
            <TITLE>BAHIA COCOA REVIEW</TITLE>
            <DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued throughout the week in
            the Bahia cocoa zone, alleviating the drought &lt;since> early January.
             Reuter
            &#3;</BODY></TEXT>
            </REUTERS>
            <REUTERS TOPICS="NO" NEWID="2">
            <DATE>26-FEB-1987 15:02:20.00</DATE>
            <TEXT TYPE="BRIEF">&#2;
            ******<TITLE>STANDARD OIL &lt;SRD> TO FORM FINANCIAL UNIT
            </TITLE>
            &#3;</TEXT>
            </REUTERS>
            <REUTERS TOPICS="NO" NEWID="3">
            <DATE>26-FEB-1987 15:03:27.51</DATE>
            <TEXT TYPE="UNPROC">&#2;
            no title here
            &#3;</TEXT>
            </REUTERS>
            <REUTERS TOPICS="NO" NEWID="4">
            <DATE>yesterday</DATE>
            <TEXT><TITLE>A TITLE</TITLE></TEXT>
            </REUTERS>
            """;

    @Test
    void articles_become_news_objects_and_unreadable_ones_are_named_by_their_first_line() {
        ReutersSgml.Parsed parsed = ReutersSgml.parse(SGML);

        assertThat(parsed.articles()).hasSize(2);
        ReutersSgml.Article first = parsed.articles().get(0);
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.json()).containsEntry("source", "reuters-21578").containsEntry("id", "1")
                .containsEntry("publishedAt", "1987-02-26T15:01:01Z").containsEntry("headline", "BAHIA COCOA REVIEW");
        assertThat((String) first.json().get("body"))
                .startsWith("Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought <since>");
        assertThat(parsed.articles().get(1).json()).containsEntry("headline", "STANDARD OIL <SRD> TO FORM FINANCIAL UNIT")
                .doesNotContainKey("body");
        assertThat(parsed.skipped()).containsExactly(
                new ReutersSgml.Skipped(19, "article 3 has no TITLE"),
                new ReutersSgml.Skipped(25, "article 4: DATE 'yesterday' is not like 26-FEB-1987 15:01:01.79"));
    }
}
