package org.mltrading.ml.model.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;

/**
 * The one ONNX Runtime environment of the JVM (ONNX Runtime allows one; its native library is loaded
 * from the jar on first use, so a platform that never serves an ONNX model never loads it) and the
 * options every session gets. The environment lives as long as the JVM: sessions are closed one by one.
 */
final class OnnxRuntime {

    private OnnxRuntime() {
    }

    private static final class Holder {
        static final OrtEnvironment ENVIRONMENT = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
                "mltrading-ml-bridge");
    }

    static OrtEnvironment environment() {
        return Holder.ENVIRONMENT;
    }

    /**
     * One thread per inference, the caller's: the models are small (a forecast per bar), and the
     * machine's cores belong to the platform, not to a spinning intra-op pool. The caller closes them.
     */
    static OrtSession.SessionOptions sessionOptions() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return options;
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }
}
