package org.mltrading.api.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keys of the who/why metadata attached at the GraphQL edge to every command and copied by Axon's
 * correlation data providers onto every event the command causes. Stored events cannot be amended,
 * so these are present from the first event on.
 */
public final class AuditMetadata {

    /** User name or OAuth2 client id that caused the message. */
    public static final String ACTOR = "actor";
    /** {@code USER} or {@code CLIENT}. */
    public static final String ACTOR_TYPE = "actorType";
    /** Comma-separated roles of the actor at the time. */
    public static final String ROLES = "roles";
    /** Whether the actor authenticated with a second factor for this session. */
    public static final String MFA = "mfa";
    /** Id shared by every message of one business request. */
    public static final String CORRELATION_ID = "correlationId";
    /** Id of the message (or request) that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";

    /** Keys copied from a command onto the events it causes. */
    public static final List<String> PROPAGATED = List.of(ACTOR, ACTOR_TYPE, ROLES, MFA);

    /**
     * The who/why of a message to carry on to the commands it causes outside a unit of work (a
     * background job): the {@link #PROPAGATED} keys and the correlation id, where present.
     */
    public static Map<String, Object> whoAndWhy(Map<String, ?> metaData) {
        Map<String, Object> carried = new HashMap<>();
        for (String key : PROPAGATED) {
            if (metaData.containsKey(key)) {
                carried.put(key, metaData.get(key));
            }
        }
        if (metaData.containsKey(CORRELATION_ID)) {
            carried.put(CORRELATION_ID, metaData.get(CORRELATION_ID));
        }
        return carried;
    }

    private AuditMetadata() {
    }
}
