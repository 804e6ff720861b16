package org.mltrading.ml.model;

import org.mltrading.api.model.ModelVersionSpec;
import org.mltrading.ml.model.onnx.OnnxArtefacts;
import org.mltrading.ml.model.onnx.OnnxModel;
import org.springframework.stereotype.Component;

/**
 * Turns a registered version into a servable {@link ForecastModel}: the platform's own kinds from
 * their parameters, ONNX versions from their stored artefact (ONNX Runtime session; the caller closes
 * the model when it stops serving it).
 */
@Component
public class ModelLoader {

    private final OnnxArtefacts artefacts;

    public ModelLoader(OnnxArtefacts artefacts) {
        this.artefacts = artefacts;
    }

    public ForecastModel open(ModelVersionSpec spec) {
        return switch (spec.kind()) {
            case MOMENTUM, MEAN_REVERSION, SENTIMENT -> SignalModel.fromParameters(spec.kind(), spec.parameters());
            case ONNX -> OnnxModel.open(artefacts.load(spec.modelId(), spec.artefactHash()), spec.features(),
                    spec.parameters());
        };
    }
}
