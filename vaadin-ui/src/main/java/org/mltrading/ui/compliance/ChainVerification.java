package org.mltrading.ui.compliance;

/** The answer of verifyAuditChain: whether the tamper-evident hash chain holds, and where it breaks. */
public record ChainVerification(boolean valid, int entries, Integer firstBrokenSequence, String firstBrokenEventId,
                                String reason, int checkpoints, int pendingEvents, String headHash) {

    /** One line for the compliance officer, e.g. "Valid: 1,204 entries, 3 signed checkpoints". */
    public String summary() {
        if (valid) {
            return String.format("Valid: %,d entries, %,d signed checkpoints, %,d events not chained yet",
                    entries, checkpoints, pendingEvents);
        }
        return String.format("BROKEN at chain sequence %s (event %s) after checking %,d entries: %s",
                firstBrokenSequence, firstBrokenEventId, entries, reason == null ? "no reason given" : reason);
    }
}
