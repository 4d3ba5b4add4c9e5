#!/usr/bin/env python3
"""Builds the small models in fixtures/models/ (run with a Python that has onnx and numpy).

Each model is deterministic (fixed seeds) so re-running gives the same bytes:
  tiny_cnn.onnx      Conv-BatchNorm-Relu-MaxPool-Conv-Relu-GlobalAveragePool-Flatten-Gemm-Softmax,
                     the bundled model for the README's main command
  lstm.onnx          an LSTM layer followed by a MatMul head
  if_branch.onnx     an If whose branches compute different things, chosen by ReduceSum > 0
  attention.onnx     single-head self-attention: MatMul Q/K/V, scaled QK^T, Softmax, MatMul
  resize.onnx        Resize (linear, half_pixel) then Conv
  dynamic_reshape.onnx  Shape -> Gather -> Concat -> Reshape chain on a symbolic batch dim
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "models")


def init(name, arr):
    return numpy_helper.from_array(np.asarray(arr), name)


def save(model, name):
    model.producer_name = "kiln-fixtures"
    onnx.checker.check_model(model, full_check=True)
    onnx.save(model, os.path.join(OUT, name))


def tiny_cnn(rng):
    f = np.float32
    inits = [
        init("conv1_w", (rng.standard_normal((8, 3, 3, 3)) * 0.3).astype(f)),
        init("conv1_b", (rng.standard_normal(8) * 0.1).astype(f)),
        init("bn_scale", (1 + 0.1 * rng.standard_normal(8)).astype(f)),
        init("bn_bias", (0.1 * rng.standard_normal(8)).astype(f)),
        init("bn_mean", (0.1 * rng.standard_normal(8)).astype(f)),
        init("bn_var", (1 + 0.1 * rng.random(8)).astype(f)),
        init("conv2_w", (rng.standard_normal((16, 8, 3, 3)) * 0.2).astype(f)),
        init("conv2_b", (rng.standard_normal(16) * 0.1).astype(f)),
        init("fc_w", (rng.standard_normal((10, 16)) * 0.3).astype(f)),
        init("fc_b", (rng.standard_normal(10) * 0.1).astype(f)),
    ]
    nodes = [
        helper.make_node("Conv", ["input", "conv1_w", "conv1_b"], ["c1"], name="conv1", pads=[1, 1, 1, 1]),
        helper.make_node("BatchNormalization", ["c1", "bn_scale", "bn_bias", "bn_mean", "bn_var"], ["b1"], name="bn1"),
        helper.make_node("Relu", ["b1"], ["r1"], name="relu1"),
        helper.make_node("MaxPool", ["r1"], ["p1"], name="pool1", kernel_shape=[2, 2], strides=[2, 2]),
        helper.make_node("Conv", ["p1", "conv2_w", "conv2_b"], ["c2"], name="conv2", pads=[1, 1, 1, 1]),
        helper.make_node("Relu", ["c2"], ["r2"], name="relu2"),
        helper.make_node("GlobalAveragePool", ["r2"], ["g"], name="gap"),
        helper.make_node("Flatten", ["g"], ["flat"], name="flatten"),
        helper.make_node("Gemm", ["flat", "fc_w", "fc_b"], ["logits"], name="fc", transB=1),
        helper.make_node("Softmax", ["logits"], ["probs"], name="softmax", axis=1),
    ]
    graph = helper.make_graph(
        nodes, "tiny_cnn",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["N", 3, 16, 16])],
        [helper.make_tensor_value_info("probs", TensorProto.FLOAT, ["N", 10])], inits)
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), "tiny_cnn.onnx")


def lstm(rng):
    f = np.float32
    T, B, I, H = 5, 2, 4, 6
    inits = [
        init("W", (rng.standard_normal((1, 4 * H, I)) * 0.3).astype(f)),
        init("R", (rng.standard_normal((1, 4 * H, H)) * 0.3).astype(f)),
        init("B", (rng.standard_normal((1, 8 * H)) * 0.1).astype(f)),
        init("head", (rng.standard_normal((H, 3)) * 0.3).astype(f)),
    ]
    nodes = [
        helper.make_node("LSTM", ["x", "W", "R", "B"], ["Y", "Y_h"], name="lstm", hidden_size=H),
        helper.make_node("Squeeze", ["Y_h", "axes0"], ["h"], name="squeeze"),
        helper.make_node("MatMul", ["h", "head"], ["y"], name="head"),
    ]
    inits.append(init("axes0", np.array([0], dtype=np.int64)))
    graph = helper.make_graph(
        nodes, "lstm", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [T, B, I])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [B, 3])], inits)
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), "lstm.onnx")


def if_branch(rng):
    then_g = helper.make_graph(
        [helper.make_node("Mul", ["x", "two"], ["t"])], "then", [],
        [helper.make_tensor_value_info("t", TensorProto.FLOAT, [2, 3])])
    else_g = helper.make_graph(
        [helper.make_node("Neg", ["x"], ["e"])], "else", [],
        [helper.make_tensor_value_info("e", TensorProto.FLOAT, [2, 3])])
    nodes = [
        helper.make_node("ReduceSum", ["x"], ["s"], keepdims=0),
        helper.make_node("Greater", ["s", "zero"], ["cond"]),
        helper.make_node("If", ["cond"], ["y"], then_branch=then_g, else_branch=else_g),
    ]
    inits = [init("two", np.float32(2.0)), init("zero", np.float32(0.0))]
    graph = helper.make_graph(
        nodes, "if_branch", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 3])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [2, 3])], inits)
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), "if_branch.onnx")


def attention(rng):
    f = np.float32
    S, D = 8, 16
    inits = [init(n, (rng.standard_normal((D, D)) * 0.25).astype(f)) for n in ("wq", "wk", "wv", "wo")]
    inits.append(init("scale", np.float32(1.0 / np.sqrt(D))))
    inits.append(init("perm_unused", np.array([1, 0], dtype=np.int64)))
    nodes = [
        helper.make_node("MatMul", ["x", "wq"], ["q"]),
        helper.make_node("MatMul", ["x", "wk"], ["k"]),
        helper.make_node("MatMul", ["x", "wv"], ["v"]),
        helper.make_node("Transpose", ["k"], ["kt"], perm=[0, 2, 1]),
        helper.make_node("MatMul", ["q", "kt"], ["qk"]),
        helper.make_node("Mul", ["qk", "scale"], ["qks"]),
        helper.make_node("Softmax", ["qks"], ["a"], axis=-1),
        helper.make_node("MatMul", ["a", "v"], ["ctx"]),
        helper.make_node("MatMul", ["ctx", "wo"], ["o"]),
        helper.make_node("Add", ["o", "x"], ["y"]),
        helper.make_node("LayerNormalization", ["y", "ln_g", "ln_b"], ["out"], axis=-1),
    ]
    inits.pop()  # perm_unused is not part of the model
    inits.append(init("ln_g", np.ones(D, dtype=f)))
    inits.append(init("ln_b", np.zeros(D, dtype=f)))
    graph = helper.make_graph(
        nodes, "attention", [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["B", S, D])],
        [helper.make_tensor_value_info("out", TensorProto.FLOAT, ["B", S, D])], inits)
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), "attention.onnx")


def resize(rng):
    f = np.float32
    inits = [
        init("roi", np.array([], dtype=f)),
        init("scales", np.array([1, 1, 2, 2], dtype=f)),
        init("w", (rng.standard_normal((4, 2, 3, 3)) * 0.3).astype(f)),
    ]
    nodes = [
        helper.make_node("Resize", ["x", "roi", "scales"], ["up"], mode="linear",
                         coordinate_transformation_mode="half_pixel"),
        helper.make_node("Conv", ["up", "w"], ["y"], pads=[1, 1, 1, 1]),
    ]
    graph = helper.make_graph(
        nodes, "resize", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 2, 5, 5])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 4, 10, 10])], inits)
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), "resize.onnx")


def dynamic_reshape(rng):
    inits = [
        init("idx0", np.array([0], dtype=np.int64)),
        init("minus1", np.array([-1], dtype=np.int64)),
    ]
    nodes = [
        helper.make_node("Shape", ["x"], ["shape"]),
        helper.make_node("Gather", ["shape", "idx0"], ["batch"], axis=0),
        helper.make_node("Concat", ["batch", "minus1"], ["target"], axis=0),
        helper.make_node("Reshape", ["x", "target"], ["flat"]),
        helper.make_node("Relu", ["flat"], ["y"]),
    ]
    graph = helper.make_graph(
        nodes, "dynamic_reshape",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 3, 4, 5])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 60])], inits)
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), "dynamic_reshape.onnx")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for i, build in enumerate([tiny_cnn, lstm, if_branch, attention, resize, dynamic_reshape]):
        build(np.random.default_rng(1234 + i))
    print("wrote", sorted(os.listdir(OUT)))
