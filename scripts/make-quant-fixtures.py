#!/usr/bin/env python3
"""Makes the small models the quantizer tests use (fixtures/quant/*.onnx). Seeded, deterministic.

  small_cnn.onnx        realistic CNN: He-initialized Conv+BatchNorm+Relu, strided Conv, a residual
                        block, GlobalAveragePool, Gemm logits (no Softmax), opset 17, x: 1x3x16x16
  const_weights.onnx    MatMul/Gemm whose weights come from Constant and ConstantOfShape*Constant
                        nodes (not initializers; onnxruntime's quantize_dynamic skips these)
  mlp_opset11.onnx      Conv + Gemm + MatMul at opset 11 (DequantizeLinear has no axis there)
  fp16_overflow.onnx    an activation reaching 2e5 (beyond float16) between normal-range ops
  prequantized.onnx     DynamicQuantizeLinear + MatMulInteger (already quantized) next to a float
                        MatMul: must pass through unharmed
  zero_activation.onnx  a Conv whose input is all zeros (degenerate range) and one fed NaN by Log
  cnn_opset11.onnx      Conv+Relu, depthwise Conv+Relu, 1x1 Conv+HardSigmoid, GlobalAveragePool,
                        MatMul logits at opset 11 (per-channel weights become Cast·Mul there);
                        the integer-path tests convert its quantized forms to integer ops
Run: python3 scripts/make-quant-fixtures.py  (needs onnx and numpy)
"""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT = os.path.join(os.path.dirname(__file__), "..", "fixtures", "quant")


def init(name, arr):
    return numpy_helper.from_array(np.asarray(arr), name)


def save(model, name):
    onnx.checker.check_model(model, full_check=True)
    onnx.save(model, os.path.join(OUT, name))


def he(rng, shape, fan_in):
    return (rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)).astype(np.float32)


def small_cnn(rng):
    inits = [
        init("w1", he(rng, (8, 3, 3, 3), 27)), init("b1", np.zeros(8, np.float32)),
        init("bn_s", (1 + 0.1 * rng.standard_normal(8)).astype(np.float32)),
        init("bn_b", (0.1 * rng.standard_normal(8)).astype(np.float32)),
        init("bn_m", (0.05 * rng.standard_normal(8)).astype(np.float32)),
        init("bn_v", (0.8 + 0.4 * rng.random(8)).astype(np.float32)),
        init("w2", he(rng, (16, 8, 3, 3), 72)), init("b2", (0.05 * rng.standard_normal(16)).astype(np.float32)),
        init("w3", he(rng, (16, 16, 3, 3), 144)), init("b3", np.zeros(16, np.float32)),
        init("w4", he(rng, (16, 16, 3, 3), 144)), init("b4", np.zeros(16, np.float32)),
        init("wf", he(rng, (10, 16), 16)), init("bf", (0.1 * rng.standard_normal(10)).astype(np.float32)),
    ]
    nodes = [
        helper.make_node("Conv", ["x", "w1", "b1"], ["c1"], name="conv1", pads=[1, 1, 1, 1]),
        helper.make_node("BatchNormalization", ["c1", "bn_s", "bn_b", "bn_m", "bn_v"], ["n1"], name="bn1"),
        helper.make_node("Relu", ["n1"], ["r1"], name="relu1"),
        helper.make_node("Conv", ["r1", "w2", "b2"], ["c2"], name="conv2", pads=[1, 1, 1, 1], strides=[2, 2]),
        helper.make_node("Relu", ["c2"], ["r2"], name="relu2"),
        helper.make_node("Conv", ["r2", "w3", "b3"], ["c3"], name="conv3", pads=[1, 1, 1, 1]),
        helper.make_node("Relu", ["c3"], ["r3"], name="relu3"),
        helper.make_node("Conv", ["r3", "w4", "b4"], ["c4"], name="conv4", pads=[1, 1, 1, 1]),
        helper.make_node("Add", ["c4", "r2"], ["s"], name="residual"),
        helper.make_node("Relu", ["s"], ["r4"], name="relu4"),
        helper.make_node("GlobalAveragePool", ["r4"], ["p"], name="pool"),
        helper.make_node("Flatten", ["p"], ["f"], name="flatten"),
        helper.make_node("Gemm", ["f", "wf", "bf"], ["logits"], name="fc", transB=1),
    ]
    graph = helper.make_graph(
        nodes, "small_cnn",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 16, 16])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, 10])], inits)
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), "small_cnn.onnx")


def const_weights(rng):
    w1 = he(rng, (16, 32), 16)
    scale = (0.5 + rng.random((32, 8))).astype(np.float32)
    nodes = [
        helper.make_node("Constant", [], ["w1"], name="w1_const", value=numpy_helper.from_array(w1)),
        helper.make_node("MatMul", ["x", "w1"], ["h"], name="mm1"),
        helper.make_node("Relu", ["h"], ["r"], name="relu"),
        helper.make_node("Constant", [], ["shape"], name="shape_const",
                         value=numpy_helper.from_array(np.array([32, 8], np.int64))),
        helper.make_node("ConstantOfShape", ["shape"], ["ones"], name="ones",
                         value=numpy_helper.from_array(np.array([0.25], np.float32))),
        helper.make_node("Constant", [], ["scale"], name="scale_const", value=numpy_helper.from_array(scale)),
        helper.make_node("Mul", ["ones", "scale"], ["w2"], name="w2_mul"),
        helper.make_node("Gemm", ["r", "w2"], ["y"], name="gemm"),
    ]
    graph = helper.make_graph(
        nodes, "const_weights",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [4, 16])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [4, 8])])
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]), "const_weights.onnx")


def mlp_opset11(rng):
    inits = [
        init("wc", he(rng, (6, 2, 3, 3), 18)), init("bc", np.zeros(6, np.float32)),
        init("wg", he(rng, (24, 6 * 4 * 4), 96)), init("bg", np.zeros(24, np.float32)),
        init("wm", he(rng, (24, 5), 24)),
    ]
    nodes = [
        helper.make_node("Conv", ["x", "wc", "bc"], ["c"], name="conv", pads=[1, 1, 1, 1]),
        helper.make_node("Relu", ["c"], ["r"], name="relu"),
        helper.make_node("Flatten", ["r"], ["f"], name="flatten"),
        helper.make_node("Gemm", ["f", "wg", "bg"], ["g"], name="gemm", transB=1),
        helper.make_node("Relu", ["g"], ["g2"], name="relu2"),
        helper.make_node("MatMul", ["g2", "wm"], ["y"], name="matmul"),
    ]
    graph = helper.make_graph(
        nodes, "mlp_opset11",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 2, 4, 4])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 5])], inits)
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 11)]), "mlp_opset11.onnx")


def fp16_overflow(rng):
    inits = [
        init("w", he(rng, (8, 8), 8)),
        init("big", np.array(2e5, np.float32)),
        init("small", np.array(0.005, np.float32)),
    ]
    nodes = [
        helper.make_node("MatMul", ["x", "w"], ["h"], name="mm"),
        helper.make_node("Mul", ["h", "big"], ["huge"], name="scale_up"),
        helper.make_node("Abs", ["huge"], ["a"], name="abs"),
        helper.make_node("Sqrt", ["a"], ["root"], name="sqrt"),
        helper.make_node("Mul", ["root", "small"], ["back"], name="scale_down"),
        helper.make_node("Tanh", ["back"], ["y"], name="tanh"),
    ]
    graph = helper.make_graph(
        nodes, "fp16_overflow",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 8])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [2, 8])], inits)
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), "fp16_overflow.onnx")


def prequantized(rng):
    wq = rng.integers(0, 256, (8, 6)).astype(np.uint8)
    inits = [
        init("wq", wq), init("wzp", np.array(128, np.uint8)),
        init("wscale", np.array(0.02, np.float32)),
        init("wf", he(rng, (6, 4), 6)),
    ]
    nodes = [
        helper.make_node("DynamicQuantizeLinear", ["x"], ["xq", "xs", "xz"], name="dql"),
        helper.make_node("MatMulInteger", ["xq", "wq", "xz", "wzp"], ["acc"], name="mmi"),
        helper.make_node("Cast", ["acc"], ["accf"], name="cast", to=TensorProto.FLOAT),
        helper.make_node("Mul", ["xs", "wscale"], ["s"], name="scale"),
        helper.make_node("Mul", ["accf", "s"], ["h"], name="rescale"),
        helper.make_node("MatMul", ["h", "wf"], ["y"], name="mm_float"),
    ]
    graph = helper.make_graph(
        nodes, "prequantized",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [3, 8])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [3, 4])], inits)
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), "prequantized.onnx")


def zero_activation(rng):
    inits = [
        init("w", he(rng, (4, 2, 3, 3), 18)),
        init("w2", he(rng, (4, 2, 3, 3), 18)),
    ]
    nodes = [
        # Relu(-|x|) is all zeros (a Mul by 0 would be folded into the Conv weights by -O2).
        helper.make_node("Abs", ["x"], ["ax"], name="abs"),
        helper.make_node("Neg", ["ax"], ["nx"], name="neg"),
        helper.make_node("Relu", ["nx"], ["z"], name="zeroed"),
        helper.make_node("Conv", ["z", "w"], ["y"], name="conv_zero", pads=[1, 1, 1, 1]),
        helper.make_node("Log", ["x"], ["l"], name="log"),  # NaN for negative inputs
        helper.make_node("Conv", ["l", "w2"], ["y2"], name="conv_nan", pads=[1, 1, 1, 1]),
    ]
    graph = helper.make_graph(
        nodes, "zero_activation",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 2, 4, 4])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 4, 4, 4]),
         helper.make_tensor_value_info("y2", TensorProto.FLOAT, [1, 4, 4, 4])], inits)
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), "zero_activation.onnx")


def cnn_opset11(rng):
    inits = [
        init("w1", he(rng, (8, 3, 3, 3), 27)), init("b1", (0.1 * rng.standard_normal(8)).astype(np.float32)),
        init("wd", he(rng, (8, 1, 3, 3), 9)), init("bd", (0.1 * rng.standard_normal(8)).astype(np.float32)),
        init("wp", he(rng, (16, 8, 1, 1), 8)), init("bp", (0.1 * rng.standard_normal(16)).astype(np.float32)),
        init("wm", he(rng, (16, 10), 16)),
        init("shape", np.array([1, 16], np.int64)),
    ]
    nodes = [
        helper.make_node("Conv", ["x", "w1", "b1"], ["c1"], name="conv1", pads=[1, 1, 1, 1]),
        helper.make_node("Relu", ["c1"], ["r1"], name="relu1"),
        helper.make_node("Conv", ["r1", "wd", "bd"], ["c2"], name="depthwise", pads=[1, 1, 1, 1],
                         strides=[2, 2], group=8),
        helper.make_node("Relu", ["c2"], ["r2"], name="relu2"),
        helper.make_node("Conv", ["r2", "wp", "bp"], ["c3"], name="pointwise"),
        helper.make_node("HardSigmoid", ["c3"], ["h3"], name="hsig"),
        helper.make_node("GlobalAveragePool", ["h3"], ["p"], name="pool"),
        helper.make_node("Reshape", ["p", "shape"], ["f"], name="flatten"),
        helper.make_node("MatMul", ["f", "wm"], ["logits"], name="fc"),
    ]
    graph = helper.make_graph(
        nodes, "cnn_opset11",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 12, 12])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, 10])], inits)
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 11)]), "cnn_opset11.onnx")


def main():
    os.makedirs(OUT, exist_ok=True)
    for i, build in enumerate([small_cnn, const_weights, mlp_opset11, fp16_overflow, prequantized,
                               zero_activation, cnn_opset11]):
        build(np.random.default_rng(100 + i))


if __name__ == "__main__":
    main()
