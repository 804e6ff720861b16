package org.mltrading.query.projection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * A SHA-256 over a projection's read model: its documents in id order, each written as JSON with its
 * keys sorted at every level, so two read models with the same content give the same checksum no
 * matter in which order maps were filled (a rebuilt account and a live one hold the same positions
 * and reservations, inserted in a different history).
 */
@Service
public class ProjectionChecksums {

    private final MongoTemplate mongo;

    ProjectionChecksums(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public record Checksum(String name, int documents, String sha256) {
    }

    public Checksum of(String name) {
        String collection = ProjectionReplay.REBUILDABLE.get(name);
        if (collection == null) {
            throw new IllegalArgumentException("unknown projection " + name + "; known: "
                    + ProjectionReplay.REBUILDABLE.keySet().stream().sorted().toList());
        }
        MessageDigest sha = sha256();
        int[] count = {0};
        mongo.stream(new Query().with(Sort.by("_id")), Document.class, collection).forEach(document -> {
            sha.update(canonical(document).toJson().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            count[0]++;
        });
        return new Checksum(name, count[0], HexFormat.of().formatHex(sha.digest()));
    }

    @SuppressWarnings("unchecked")
    private static Object canonicalValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return canonical((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(canonicalValue(item)));
            return copy;
        }
        return value;
    }

    private static Document canonical(Map<String, Object> document) {
        Map<String, Object> sorted = new TreeMap<>();
        document.forEach((key, value) -> sorted.put(key, canonicalValue(value)));
        return new Document(sorted);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
