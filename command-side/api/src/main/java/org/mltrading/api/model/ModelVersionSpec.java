package org.mltrading.api.model;

import java.util.List;
import java.util.Map;

/** What it takes to serve or backtest one model version (answer to the model queries). */
public record ModelVersionSpec(ModelId modelId, String name, int version, ModelKind kind, ModelStatus status,
                               List<String> features, Map<String, Double> parameters, String artefactHash) {
}
