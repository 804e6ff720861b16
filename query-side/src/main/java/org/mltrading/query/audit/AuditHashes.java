package org.mltrading.query.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain's arithmetic (docs/adr/0012-audit-hash-chain.md). An entry commits to its event
 * through the event's digest and to everything before it through the previous entry's hash:
 * {@code hash(n) = SHA-256(hash(n-1) || digest(event n))}, with 32 zero bytes before the first entry,
 * and {@code digest(event) = SHA-256} over the event's identity (id, aggregate type and id, sequence,
 * timestamp, payload type and revision), its stored payload bytes and its stored metadata bytes,
 * each length-prefixed so no two different events can produce the same input.
 */
public final class AuditHashes {

    /** The "previous hash" of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private AuditHashes() {
    }

    public static String digest(StoredEvent event) {
        ByteArrayOutputStream input = new ByteArrayOutputStream(event.payload().length + event.metadata().length + 256);
        field(input, event.eventId());
        field(input, event.aggregateType());
        field(input, event.aggregateId());
        field(input, Long.toString(event.sequence()));
        field(input, event.timestamp().toString());
        field(input, event.payloadType());
        field(input, event.payloadRevision());
        field(input, event.payload());
        field(input, event.metadata());
        return HEX.formatHex(sha256().digest(input.toByteArray()));
    }

    public static String link(String previousHash, String eventDigest) {
        MessageDigest sha = sha256();
        sha.update(HEX.parseHex(previousHash));
        sha.update(HEX.parseHex(eventDigest));
        return HEX.formatHex(sha.digest());
    }

    public static String sha256Hex(byte[] bytes) {
        return HEX.formatHex(sha256().digest(bytes));
    }

    private static void field(ByteArrayOutputStream out, String value) {
        field(out, value == null ? new byte[] {(byte) 0xff} : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
        out.writeBytes(value);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
