package org.mltrading.ml.model.onnx;

import org.mltrading.api.model.ModelId;
import org.mltrading.api.model.OnnxArtefact;

/** Where the bytes of a registered ONNX version come from when it is first served. */
@FunctionalInterface
public interface OnnxArtefacts {

    /**
     * The artefact registered under {@code artefactHash} in the model's history.
     *
     * @throws IllegalStateException when there is none, or its bytes do not have that hash
     */
    OnnxArtefact load(ModelId modelId, String artefactHash);
}
