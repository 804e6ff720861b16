package org.mltrading.query.audit;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Checks the audit chain against the event store: every entry's hash is recomputed from the event
 * as it is stored now, each entry must link to its predecessor, sequences must have no holes, and
 * every checkpoint must carry a valid signature over the hash its entry still has. The chain's head
 * is fixed first, so events appended while verifying count as pending, not as missing.
 */
@Service
public class AuditChainVerifier {

    private static final HexFormat HEX = HexFormat.of();

    private final MongoTemplate mongo;
    private final EventHistory history;
    private final CheckpointSigner signer;

    AuditChainVerifier(MongoTemplate mongo, EventHistory history, CheckpointSigner signer) {
        this.mongo = mongo;
        this.history = history;
        this.signer = signer;
    }

    /** What verification found. {@code firstBrokenSequence} and friends are null when valid. */
    public record Result(boolean valid, long entries, Long firstBrokenSequence, String firstBrokenEventId,
                         String reason, int checkpoints, long pendingEvents, String headHash) {
    }

    public synchronized Result verify() {
        // checkpoints before the head: a checkpoint is written after its entry, so one beyond the head
        // read next can only mean removed entries
        Map<Long, AuditCheckpoint> checkpoints = new HashMap<>();
        mongo.findAll(AuditCheckpoint.class).forEach(checkpoint -> checkpoints.put(checkpoint.chainSequence(), checkpoint));
        AuditChainEntry headAtStart = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1),
                AuditChainEntry.class);
        long head = headAtStart == null ? 0 : headAtStart.id();

        // digests of the events as stored now (32 bytes each, keyed by event id)
        Map<String, byte[]> stored = new HashMap<>();
        history.forEach(event -> stored.put(event.eventId(), HEX.parseHex(AuditHashes.digest(event))));

        for (AuditCheckpoint checkpoint : checkpoints.values()) {
            if (!signer.verifies(checkpoint)) {
                return broken(head, checkpoint.chainSequence(), null, "checkpoint at " + checkpoint.chainSequence()
                        + " has no valid signature of key " + signer.keyId(), checkpoints.size(), stored.size(), null);
            }
        }

        String previous = AuditHashes.GENESIS;
        long expected = 1;
        Query walk = Query.query(Criteria.where("_id").lte(head)).with(Sort.by(Sort.Direction.ASC, "_id"));
        try (Stream<AuditChainEntry> entries = mongo.stream(walk, AuditChainEntry.class)) {
            Iterator<AuditChainEntry> iterator = entries.iterator();
            while (iterator.hasNext()) {
                AuditChainEntry entry = iterator.next();
                String problem = null;
                byte[] digest = stored.remove(entry.eventId());
                if (entry.id() != expected) {
                    problem = "chain entries " + expected + " to " + (entry.id() - 1) + " are missing";
                } else if (!previous.equals(entry.previousHash())) {
                    problem = "entry does not link to its predecessor's hash";
                } else if (digest == null) {
                    problem = "the chained event " + entry.eventId() + " is no longer in the event store";
                } else if (!HEX.formatHex(digest).equals(entry.digest())
                        || !AuditHashes.link(previous, HEX.formatHex(digest)).equals(entry.hash())) {
                    problem = "the stored event " + entry.eventId() + " (" + entry.type() + " of " + entry.aggregateId()
                            + ") no longer hashes to the chained value: it was altered after it was chained";
                } else {
                    AuditCheckpoint checkpoint = checkpoints.get(entry.id());
                    if (checkpoint != null && !checkpoint.hash().equals(entry.hash())) {
                        problem = "entry's hash differs from the signed checkpoint at " + entry.id();
                    }
                }
                if (problem != null) {
                    return broken(head, Math.min(entry.id(), expected), entry.eventId(), problem, checkpoints.size(),
                            stored.size(), headAtStart.hash());
                }
                previous = entry.hash();
                expected++;
            }
        }
        if (expected - 1 != head) {
            return broken(head, expected, null, "chain ends at " + (expected - 1) + " but its head was " + head,
                    checkpoints.size(), stored.size(), null);
        }
        for (long sequence : checkpoints.keySet()) {
            if (sequence > head) {
                return broken(head, head + 1, null, "a signed checkpoint at " + sequence
                        + " lies beyond the chain's end " + head + ": entries were removed", checkpoints.size(),
                        stored.size(), previous);
            }
        }
        return new Result(true, head, null, null, null, checkpoints.size(), stored.size(),
                headAtStart == null ? null : headAtStart.hash());
    }

    private static Result broken(long entries, long sequence, String eventId, String reason, int checkpoints,
                                 long pending, String headHash) {
        return new Result(false, entries, sequence, eventId, reason, checkpoints, pending, headHash);
    }
}
