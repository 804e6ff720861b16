package org.mltrading.ml.model.onnx;

/**
 * An artefact that cannot be served as an ONNX model of the platform's features; the message says
 * why, for the person who imported it (it becomes {@code MODEL_INVALID_ARTEFACT}).
 */
public class InvalidArtefactException extends RuntimeException {

    public InvalidArtefactException(String message) {
        super(message);
    }
}
