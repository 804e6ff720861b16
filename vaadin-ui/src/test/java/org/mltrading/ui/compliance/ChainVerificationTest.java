package org.mltrading.ui.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChainVerificationTest {

    @Test
    void a_valid_chain_reports_its_entries_and_checkpoints() {
        var verification = new ChainVerification(true, 1204, null, null, null, 3, 2, "ab12");

        assertThat(verification.summary()).isEqualTo("Valid: 1,204 entries, 3 signed checkpoints, 2 events not chained yet");
    }

    @Test
    void a_broken_chain_names_the_first_broken_entry_and_why() {
        var verification = new ChainVerification(false, 57, 42, "evt-42", "stored event does not hash to the entry",
                1, 0, "ab12");

        assertThat(verification.summary())
                .isEqualTo("BROKEN at chain sequence 42 (event evt-42) after checking 57 entries: "
                        + "stored event does not hash to the entry");
    }
}
