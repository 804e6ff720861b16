package org.mltrading.query.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mltrading.api.marketdata.BarInterval;
import org.mltrading.api.model.BacktestMetrics;
import org.mltrading.api.model.ModelKind;
import org.mltrading.api.model.ModelStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Read model of a model and its versions in MongoDB ({@code models}). {@code lastSequence} is the
 * aggregate sequence of the last applied event, so replays apply each event once.
 */
@Document("models")
public class ModelView {

    @Id
    String id;
    String name;
    ModelKind kind;
    List<VersionView> versions = new ArrayList<>();
    long lastSequence = -1;

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public ModelKind kind() {
        return kind;
    }

    public List<VersionView> versions() {
        return versions;
    }

    public long lastSequence() {
        return lastSequence;
    }

    VersionView version(int number) {
        return versions.stream().filter(v -> v.version == number).findFirst().orElse(null);
    }

    public Integer productionVersion() {
        return versions.stream().filter(v -> v.status == ModelStatus.PRODUCTION).map(v -> v.version).findFirst()
                .orElse(null);
    }

    /** PRODUCTION when a version is in production, else the status of the newest version. */
    public ModelStatus status() {
        if (productionVersion() != null) {
            return ModelStatus.PRODUCTION;
        }
        return versions.isEmpty() ? ModelStatus.REGISTERED : versions.get(versions.size() - 1).status;
    }

    /** One version as projected. */
    public static class VersionView {
        int version;
        ModelStatus status;
        List<String> features;
        Map<String, Double> parameters;
        String trainingSymbol;
        BarInterval trainingInterval;
        Instant trainingFrom;
        Instant trainingTo;
        String artefactHash;
        Instant registeredAt;
        ValidationView validation;
        Instant promotedAt;
        Instant retiredAt;
        String retiredReason;
        /** The importer's description of an ONNX version. */
        String description;
    }

    /** The latest recorded validation of a version. */
    public record ValidationView(String backtestId, BacktestMetrics metrics, boolean passed, List<String> failures,
                                Instant validatedAt) {
    }
}
