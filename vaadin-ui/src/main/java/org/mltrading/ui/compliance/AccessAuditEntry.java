package org.mltrading.ui.compliance;

import java.time.Instant;
import java.util.List;

/** One access event: a login, a second-factor check, an issued token or a refused request. */
public record AccessAuditEntry(String id, Instant at, String source, String type, String outcome, String principal,
                               String clientId, String remoteAddress, String detail) {

    /** The types the auth server and the platform record, for the filter. */
    public static final List<String> TYPES = List.of("LOGIN_SUCCEEDED", "LOGIN_FAILED", "MFA_FAILED", "USER_LOCKED",
            "TOKEN_ISSUED", "REQUEST_DENIED");
    public static final List<String> OUTCOMES = List.of("SUCCESS", "FAILURE", "DENIED");

    /** "LOGIN_FAILED" → "Login failed". */
    public static String words(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String spaced = code.replace('_', ' ').toLowerCase(java.util.Locale.ROOT).replace("mfa", "second factor");
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    public String typeLabel() {
        return words(type);
    }

    /** Lumo badge theme of the outcome: success green, failure and denied red. */
    public String outcomeTheme() {
        return "SUCCESS".equals(outcome) ? "badge success" : "badge error";
    }

    /** The user, or the client when no user acted. */
    public String who() {
        if (principal != null && !principal.isBlank()) {
            return clientId == null || clientId.isBlank() || clientId.equals(principal) ? principal
                    : principal + " via " + clientId;
        }
        return clientId == null ? "" : clientId;
    }

    public record Page(List<Edge> edges, AuditEventPage.PageInfo pageInfo) {

        public List<AccessAuditEntry> entries() {
            return edges.stream().map(Edge::node).toList();
        }
    }

    public record Edge(String cursor, AccessAuditEntry node) {
    }
}
