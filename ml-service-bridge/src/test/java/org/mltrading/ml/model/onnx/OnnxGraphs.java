package org.mltrading.ml.model.onnx;

import ai.onnx.proto.OnnxMl;

/** Small hand-made ONNX graphs (Tribuo's copy of the ONNX protobuf classes) for the refusal tests. */
final class OnnxGraphs {

    private OnnxGraphs() {
    }

    /** {@code op(inputs…) → y}; dimension -1 is a dynamic batch. */
    static byte[] graph(String op, OnnxMl.TensorProto.DataType type, long[] inputShape, int inputs, long[] outputShape) {
        OnnxMl.NodeProto.Builder node = OnnxMl.NodeProto.newBuilder().setOpType(op).addOutput("y");
        OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder().setName("test");
        for (int i = 0; i < inputs; i++) {
            node.addInput("x" + i);
            graph.addInput(value("x" + i, type, inputShape));
        }
        graph.addNode(node).addOutput(value("y", type, outputShape));
        return OnnxMl.ModelProto.newBuilder().setIrVersion(8).setProducerName("mltrading-test")
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .setGraph(graph).build().toByteArray();
    }

    private static OnnxMl.ValueInfoProto value(String name, OnnxMl.TensorProto.DataType type, long[] shape) {
        OnnxMl.TensorShapeProto.Builder dims = OnnxMl.TensorShapeProto.newBuilder();
        for (long dim : shape) {
            dims.addDim(dim < 0 ? OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("batch")
                    : OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(dim));
        }
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(dims))).build();
    }
}
