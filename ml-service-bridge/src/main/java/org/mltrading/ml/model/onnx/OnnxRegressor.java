package org.mltrading.ml.model.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mltrading.ml.feature.Features;

/**
 * An ONNX model served with ONNX Runtime as a regression of the next bar's log return on named
 * platform features: input column {@code i} receives the feature named {@code features[i]}, taken from
 * the vector {@link Features#compute} fills at a bar's close — the same point-in-time vector the
 * platform's own models read. What a model must look like is checked when it is opened (one float or
 * double input of shape [batch, k] with batch 1 or dynamic, one float or double output with one
 * value per row, and a successful run on a zero row); anything else is an
 * {@link InvalidArtefactException} with a reason.
 *
 * <p>Thread-safe (ONNX Runtime sessions may run concurrently); {@link #close()} releases the native
 * session and must not race with a running {@link #value}.
 */
public final class OnnxRegressor implements AutoCloseable {

    private final OrtSession session;
    private final String inputName;
    private final Set<String> outputNames;
    private final boolean doubleInput;
    private final boolean doubleOutput;
    private final int[] columns;
    private final long[] rowShape;
    private final AtomicBoolean closed = new AtomicBoolean();

    private OnnxRegressor(OrtSession session, String inputName, String outputName, boolean doubleInput,
                          boolean doubleOutput, int[] columns) {
        this.session = session;
        this.inputName = inputName;
        this.outputNames = Set.of(outputName);
        this.doubleInput = doubleInput;
        this.doubleOutput = doubleOutput;
        this.columns = columns;
        this.rowShape = new long[] {1, columns.length};
    }

    /**
     * Opens and checks an artefact whose input columns are the given features, in order.
     *
     * @throws IllegalArgumentException  for an unknown or repeated feature name
     * @throws InvalidArtefactException for bytes that are not such a model
     */
    public static OnnxRegressor open(byte[] artefact, List<String> features) {
        int[] columns = columns(features);
        if (artefact == null || artefact.length == 0) {
            throw new InvalidArtefactException("the artefact is empty");
        }
        OrtSession session;
        try (OrtSession.SessionOptions options = OnnxRuntime.sessionOptions()) {
            session = OnnxRuntime.environment().createSession(artefact, options);
        } catch (OrtException e) {
            throw new InvalidArtefactException("not an ONNX model that ONNX Runtime can load (" + brief(e) + ")");
        }
        try {
            OnnxRegressor regressor = checked(session, columns);
            double probe = regressor.value(new double[Features.size(features)]);
            if (Double.isNaN(probe)) {
                throw new InvalidArtefactException("the model answers NaN for a row of zeros");
            }
            return regressor;
        } catch (RuntimeException e) {
            closeQuietly(session);
            throw e;
        } catch (OrtException e) {
            closeQuietly(session);
            throw new InvalidArtefactException("the model could not be inspected (" + brief(e) + ")");
        }
    }

    private static OnnxRegressor checked(OrtSession session, int[] columns) throws OrtException {
        int k = columns.length;
        Map<String, NodeInfo> inputs = session.getInputInfo();
        if (inputs.size() != 1) {
            throw new InvalidArtefactException("the model must take one input, the row of " + k
                    + " features; it takes " + inputs.size() + " " + inputs.keySet());
        }
        NodeInfo input = inputs.values().iterator().next();
        TensorInfo in = tensor(input, "input");
        long[] shape = in.getShape();
        boolean batchOk = shape.length == 2 && (shape[0] == -1 || shape[0] == 1);
        if (!batchOk || shape[1] != k) {
            throw new InvalidArtefactException("input " + input.getName() + " has shape " + Arrays.toString(shape)
                    + "; it must be [batch, " + k + "] (batch 1 or dynamic) for the " + k + " declared features");
        }
        Map<String, NodeInfo> outputs = session.getOutputInfo();
        if (outputs.size() != 1) {
            throw new InvalidArtefactException("the model must give one output, the forecast; it gives "
                    + outputs.size() + " " + outputs.keySet());
        }
        NodeInfo output = outputs.values().iterator().next();
        TensorInfo out = tensor(output, "output");
        long[] outShape = out.getShape();
        boolean oneValuePerRow = outShape.length == 1
                || outShape.length == 2 && (outShape[1] == 1 || outShape[1] == -1);
        if (!oneValuePerRow) {
            throw new InvalidArtefactException("output " + output.getName() + " has shape " + Arrays.toString(outShape)
                    + "; it must be [batch] or [batch, 1]");
        }
        return new OnnxRegressor(session, input.getName(), output.getName(), in.type == OnnxJavaType.DOUBLE,
                out.type == OnnxJavaType.DOUBLE, columns);
    }

    private static TensorInfo tensor(NodeInfo node, String role) {
        if (!(node.getInfo() instanceof TensorInfo info)) {
            throw new InvalidArtefactException(role + " " + node.getName() + " is not a tensor (" + node.getInfo() + ")");
        }
        if (info.type != OnnxJavaType.FLOAT && info.type != OnnxJavaType.DOUBLE) {
            throw new InvalidArtefactException(role + " " + node.getName() + " holds " + info.type
                    + "; it must hold float or double");
        }
        return info;
    }

    /** The feature index of each input column. */
    static int[] columns(List<String> features) {
        if (features == null || features.isEmpty()) {
            throw new IllegalArgumentException("an ONNX model reads at least one feature");
        }
        int[] columns = new int[features.size()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < columns.length; i++) {
            String name = features.get(i);
            columns[i] = Features.index(name, features);
            if (columns[i] < 0) {
                throw new IllegalArgumentException("unknown feature " + name + "; the platform computes " + Features.NAMES
                        + " and alt:<series> for an imported alternative-data series");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("feature " + name + " is listed twice");
            }
        }
        return columns;
    }

    /** The model's output for the features of one bar (a vector filled by {@link Features#compute}). */
    public double value(double[] features) {
        try {
            return run(features);
        } catch (OrtException e) {
            throw new InvalidArtefactException("the model failed to run (" + brief(e) + ")");
        }
    }

    private double run(double[] features) throws OrtException {
        OnnxTensor input;
        if (doubleInput) {
            double[] row = new double[columns.length];
            for (int i = 0; i < row.length; i++) {
                row[i] = features[columns[i]];
            }
            input = OnnxTensor.createTensor(OnnxRuntime.environment(), DoubleBuffer.wrap(row), rowShape);
        } else {
            float[] row = new float[columns.length];
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) features[columns[i]];
            }
            input = OnnxTensor.createTensor(OnnxRuntime.environment(), FloatBuffer.wrap(row), rowShape);
        }
        try (input; OrtSession.Result result = session.run(Map.of(inputName, input), outputNames)) {
            OnnxValue value = result.get(0);
            if (!(value instanceof OnnxTensor tensor) || tensor.getInfo().getNumElements() != 1) {
                throw new InvalidArtefactException("the model must give one value for one row; it gave "
                        + value.getInfo());
            }
            return doubleOutput ? tensor.getDoubleBuffer().get(0) : tensor.getFloatBuffer().get(0);
        }
    }

    public int inputColumns() {
        return columns.length;
    }

    /** Releases the native session; closing again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing an ONNX session failed: " + brief(e), e);
        }
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException ignored) {
            // the artefact is refused anyway; the refusal is what the importer needs to hear
        }
    }

    /** ONNX Runtime's own words, first line and bounded: enough to act on, never a stack trace. */
    static String brief(Exception e) {
        String message = String.valueOf(e.getMessage()).strip();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}
