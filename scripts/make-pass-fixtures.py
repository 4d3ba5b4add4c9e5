#!/usr/bin/env python3
"""Writes the pass fixtures: fixtures/passes/<pass>/<case>/input.json (Kiln JSON, inline
values). The expected printed IR beside each (expected.txt) is recorded by the tests with
RECORD_GOLDENS=1 and reviewed. Deterministic: weights come from a fixed LCG, no numpy.

    python3 scripts/make-pass-fixtures.py
"""
import json
import math
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fixtures", "passes")
_state = [12345]


def rand(n, lo=-1.0, hi=1.0):
    out = []
    for _ in range(n):
        _state[0] = (_state[0] * 1103515245 + 12345) % (1 << 31)
        out.append(round(lo + (hi - lo) * _state[0] / (1 << 31), 4))
    return out


def vi(name, shape, et="float32"):
    if shape is None:
        return {"name": name}
    return {"name": name, "type": {"tensor": {"elementType": et, "shape": shape}}}


def t(name, shape, values, et="float32"):
    return {"name": name, "elementType": et, "shape": shape, "values": values}


def w(name, shape, lo=-1.0, hi=1.0):
    return t(name, shape, rand(math.prod(shape), lo, hi))


def attr(k, v):
    if isinstance(v, bool) or isinstance(v, int):
        return {"name": k, "int": int(v)}
    if isinstance(v, float):
        return {"name": k, "float": v}
    if isinstance(v, str):
        return {"name": k, "string": v}
    if isinstance(v, dict):
        return {"name": k, "tensor": v}
    if isinstance(v, list) and all(isinstance(x, int) for x in v):
        return {"name": k, "ints": v}
    return {"name": k, "floats": v}


def n(op, ins, outs, domain="", **attrs):
    d = {"opType": op, "inputs": ins, "outputs": outs}
    if domain:
        d["domain"] = domain
    if attrs:
        d["attributes"] = [attr(k, v) for k, v in attrs.items()]
    return d


def model(pass_name, case, inputs, outputs, inits, nodes, opset=17, functions=None, extra_opsets=()):
    m = {
        "format": "kiln-json", "version": 1, "irVersion": 9,
        "opsetImports": [{"domain": "", "version": opset}] + [
            {"domain": d, "version": v} for d, v in extra_opsets],
        "graph": {"name": case, "inputs": inputs, "outputs": outputs, "initializers": inits,
                  "nodes": nodes},
    }
    if functions:
        m["functions"] = functions
    d = os.path.join(OUT, pass_name, case)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "input.json"), "w") as f:
        json.dump(m, f, indent=1)
        f.write("\n")


def main():
    # fold-constants
    model("fold-constants", "shape-chain",
          [vi("x", [2, 3, 4])], [vi("y", None)],
          [t("idx", [], [0], "int64"), t("minus1", [1], [-1], "int64"),
           t("axes", [1], [0], "int64"), t("big_shape", [2], [64, 64], "int64")],
          [n("Shape", ["x"], ["s"]), n("Gather", ["s", "idx"], ["b"], axis=0),
           n("Unsqueeze", ["b", "axes"], ["b1"]), n("Concat", ["b1", "minus1"], ["shape"], axis=0),
           n("Reshape", ["x", "shape"], ["r"]),
           n("Constant", [], ["k"], value=t("", [1], [2.0])),
           n("Mul", ["r", "k"], ["y0"]),
           n("ConstantOfShape", ["big_shape"], ["big"], value=t("", [1], [0.5])),
           n("ReduceSum", ["big"], ["bs"], keepdims=0),
           n("Add", ["y0", "bs"], ["y"])])
    model("fold-constants", "keeps-quantized-weights",
          [vi("x", [2, 32])], [vi("y", None)],
          [t("wq", [32, 32], [int(v) for v in rand(1024, -127, 127)], "int8"),
           t("scale", [], [0.02])],
          [n("Cast", ["wq"], ["wf"], to=1), n("Mul", ["wf", "scale"], ["wd"]),
           n("MatMul", ["x", "wd"], ["y"])])
    # eliminate-dead-code
    model("eliminate-dead-code", "dead-chain",
          [vi("x", [2, 3])], [vi("y", None)],
          [w("unused", [3]), w("c", [3])],
          [n("Relu", ["x"], ["dead1"]), n("Neg", ["dead1"], ["dead2"]),
           n("Add", ["x", "c"], ["y"])])
    # eliminate-identity
    model("eliminate-identity", "identities",
          [vi("x", [2, 3])], [vi("y", None), vi("z", None)],
          [w("c", [3])],
          [n("Identity", ["x"], ["i1"]), n("Add", ["i1", "c"], ["a"]),
           n("Dropout", ["a"], ["d"]), n("Relu", ["d"], ["r"]),
           n("Identity", ["r"], ["y"]), n("Identity", ["a"], ["z"])])
    # eliminate-noop
    model("eliminate-noop", "noops",
          [vi("x", [2, 3, 4])], [vi("y", None)],
          [t("same", [3], [2, 3, 4], "int64"), t("pads", [6], [0] * 6, "int64"),
           t("st", [1], [0], "int64"), t("en", [1], [100], "int64"), t("ax", [1], [1], "int64")],
          [n("Cast", ["x"], ["c"], to=1), n("Reshape", ["c", "same"], ["r"]),
           n("Transpose", ["r"], ["t"], perm=[0, 1, 2]), n("Pad", ["t", "pads"], ["p"]),
           n("Slice", ["p", "st", "en", "ax"], ["s"]), n("Relu", ["s"], ["y"])])
    # simplify-chains
    model("simplify-chains", "chains",
          [vi("x", [2, 3, 4])], [vi("y", None), vi("z", None)],
          [t("s1", [2], [6, 4], "int64"), t("s2", [2], [4, 6], "int64"),
           t("ax", [1], [0], "int64")],
          [n("Transpose", ["x"], ["t1"], perm=[1, 0, 2]), n("Transpose", ["t1"], ["t2"], perm=[1, 0, 2]),
           n("Reshape", ["t2", "s1"], ["r1"]), n("Reshape", ["r1", "s2"], ["r2"]),
           n("Unsqueeze", ["r2", "ax"], ["u"]), n("Squeeze", ["u", "ax"], ["y"]),
           n("Transpose", ["x"], ["a1"], perm=[2, 0, 1]), n("Transpose", ["a1"], ["z"], perm=[0, 2, 1])])
    # deduplicate-initializers
    same = rand(6)
    model("deduplicate-initializers", "twins",
          [vi("x", [2, 6])], [vi("y", None)],
          [t("w1", [6], same), t("w2", [6], same), w("w3", [6])],
          [n("Add", ["x", "w1"], ["a"]), n("Mul", ["a", "w2"], ["b"]), n("Sub", ["b", "w3"], ["y"])])
    # eliminate-common-subexpressions
    model("eliminate-common-subexpressions", "twins",
          [vi("x", [2, 3])], [vi("y", None), vi("z", None)],
          [w("c", [3])],
          [n("Relu", ["x"], ["r1"]), n("Relu", ["x"], ["r2"]),
           n("Add", ["r1", "c"], ["a1"]), n("Add", ["r2", "c"], ["a2"]),
           n("Mul", ["a1", "a2"], ["y"]), n("LeakyRelu", ["x"], ["l1"], alpha=0.1),
           n("LeakyRelu", ["x"], ["l2"], alpha=0.2), n("Add", ["l1", "l2"], ["z"])])
    # inline-functions
    fn = {"name": "AddRelu", "domain": "local", "opsetImports": [{"domain": "", "version": 17}],
          "inputs": ["a", "b"], "outputs": ["o"],
          "nodes": [n("Add", ["a", "b"], ["s"]), n("Relu", ["s"], ["o"])]}
    model("inline-functions", "two-calls",
          [vi("x", [2, 3])], [vi("y", None)], [w("c", [3])],
          [n("AddRelu", ["x", "c"], ["h"], domain="local"), n("AddRelu", ["h", "c"], ["y"], domain="local")],
          functions=[fn], extra_opsets=[("local", 1)])
    # fuse-standard
    model("fuse-standard", "conv-batchnorm",
          [vi("x", [1, 3, 6, 6])], [vi("y", None)],
          [w("W", [4, 3, 3, 3]), w("B", [4]), w("gamma", [4], 0.5, 1.5), w("beta", [4]),
           w("mean", [4]), w("var", [4], 0.5, 2.0)],
          [n("Conv", ["x", "W", "B"], ["c"], pads=[1, 1, 1, 1]),
           n("BatchNormalization", ["c", "gamma", "beta", "mean", "var"], ["y"], epsilon=1e-5)])
    model("fuse-standard", "conv-mul-add",
          [vi("x", [1, 3, 5, 5])], [vi("y", None)],
          [w("W", [4, 3, 3, 3]), w("m", [4, 1, 1], 0.5, 1.5), w("a", [1, 4, 1, 1])],
          [n("Conv", ["x", "W"], ["c"]), n("Mul", ["c", "m"], ["cm"]), n("Add", ["cm", "a"], ["y"])])
    model("fuse-standard", "gemm-bias",
          [vi("x", [3, 4])], [vi("y", None), vi("z", None)],
          [w("B", [4, 5]), w("c", [5]), w("B2", [5, 4]), w("c2", [1, 5])],
          [n("MatMul", ["x", "B"], ["m"]), n("Add", ["m", "c"], ["y"]),
           n("Gemm", ["x", "B2"], ["g"], transB=1), n("Add", ["c2", "g"], ["z"])])
    model("fuse-standard", "pad-conv",
          [vi("x", [1, 2, 5, 5])], [vi("y", None)],
          [t("pads", [8], [0, 0, 1, 2, 0, 0, 1, 0], "int64"), w("W", [3, 2, 3, 3])],
          [n("Pad", ["x", "pads"], ["p"]), n("Conv", ["p", "W"], ["y"], pads=[0, 1, 0, 1])])
    model("fuse-standard", "layernorm",
          [vi("x", [2, 3, 8])], [vi("y", None)],
          [t("axes", [1], [-1], "int64"), t("two", [], [2.0]), t("eps", [], [1e-5]),
           w("gamma", [8], 0.5, 1.5), w("beta", [8])],
          [n("ReduceMean", ["x", "axes"], ["mu"]), n("Sub", ["x", "mu"], ["d"]),
           n("Pow", ["d", "two"], ["d2"]), n("ReduceMean", ["d2", "axes"], ["v"]),
           n("Add", ["v", "eps"], ["ve"]), n("Sqrt", ["ve"], ["sd"]), n("Div", ["d", "sd"], ["nrm"]),
           n("Mul", ["nrm", "gamma"], ["sc"]), n("Add", ["sc", "beta"], ["y"])], opset=18)
    gelu = lambda: ([t("sqrt2", [], [1.4142135]), t("one", [], [1.0]), t("half", [], [0.5])],
                    [n("Div", ["x", "sqrt2"], ["q"]), n("Erf", ["q"], ["e"]),
                     n("Add", ["e", "one"], ["e1"]), n("Mul", ["x", "e1"], ["m"]),
                     n("Mul", ["m", "half"], ["y"])])
    inits, nodes = gelu()
    model("fuse-standard", "gelu", [vi("x", [2, 8])], [vi("y", None)], inits, nodes, opset=20)
    model("fuse-standard", "hardswish",
          [vi("x", [2, 8])], [vi("y", None)], [],
          [n("HardSigmoid", ["x"], ["h"], alpha=1.0 / 6.0, beta=0.5), n("Mul", ["x", "h"], ["y"])],
          opset=14)
    # fuse-contrib
    model("fuse-contrib", "conv-relu-gemm-clip",
          [vi("x", [1, 3, 5, 5]), vi("v", [2, 4])], [vi("y", None), vi("z", None)],
          [w("W", [4, 3, 3, 3]), w("B", [4]), w("G", [4, 3]), t("lo", [], [0.0]), t("hi", [], [0.5])],
          [n("Conv", ["x", "W", "B"], ["c"]), n("Relu", ["c"], ["y"]),
           n("Gemm", ["v", "G"], ["g"]), n("LeakyRelu", ["g"], ["z"], alpha=0.2)])
    model("fuse-contrib", "matmul-transpose-scale",
          [vi("a", [2, 5, 4]), vi("b", [2, 6, 4])], [vi("y", None)], [t("s", [], [0.125])],
          [n("Transpose", ["b"], ["bt"], perm=[0, 2, 1]), n("MatMul", ["a", "bt"], ["m"]),
           n("Mul", ["m", "s"], ["y"])])
    inits, nodes = gelu()
    model("fuse-contrib", "bias-gelu",
          [vi("v", [2, 8])], [vi("y", None)], inits + [w("bias", [8])],
          [n("Add", ["v", "bias"], ["x"])] + nodes, opset=17, extra_opsets=[("com.microsoft", 1)])
    # Cases added later come last, so that the random weights of earlier cases stay the same.
    # The anr_decoder pattern: a size read off an intermediate value's shape (known only through
    # shape inference) drives Slice bounds.
    model("fold-constants", "inferred-shape-chain",
          [vi("x", [2, 12])], [vi("y", None)],
          [w("W", [12, 12]), t("one", [1], [1], "int64"), t("two", [], [2], "int64"),
           t("three", [], [3], "int64"), t("zero", [1], [0], "int64")],
          [n("MatMul", ["x", "W"], ["h"]), n("Shape", ["h"], ["s"]),
           n("Gather", ["s", "one"], ["d"], axis=0), n("Add", ["d", "two"], ["d2"]),
           n("Div", ["d2", "three"], ["third"]), n("Slice", ["h", "zero", "third", "one"], ["y"])])
    # slices-to-split
    model("slices-to-split", "gates",
          [vi("x", [2, 12])], [vi("y", None), vi("z", None)],
          [t("s0", [1], [0], "int64"), t("s4", [1], [4], "int64"), t("s8", [1], [8], "int64"),
           t("ax", [1], [1], "int64"), t("neg", [1], [-4], "int64"),
           t("big", [1], [2**62], "int64")],
          [n("Relu", ["x"], ["h"]),
           n("Slice", ["h", "s0", "s4", "ax"], ["a"]), n("Slice", ["h", "s4", "s8", "ax"], ["b"]),
           n("Slice", ["h", "neg", "big", "ax"], ["c"]),
           n("Sigmoid", ["a"], ["sa"]), n("Mul", ["sa", "b"], ["y"]), n("Tanh", ["c"], ["z"])])
    model("fuse-standard", "batchnorm-mul-add",
          [vi("x", [1, 4, 3, 3])], [vi("y", None)],
          [w("gamma", [4], 0.5, 1.5), w("beta", [4]), w("mean", [4]), w("var", [4], 0.5, 2.0),
           w("m", [4, 1, 1], 0.5, 1.5), w("a", [4, 1, 1])],
          [n("Relu", ["x"], ["r"]),
           n("BatchNormalization", ["r", "gamma", "beta", "mean", "var"], ["b"], epsilon=1e-5),
           n("Mul", ["b", "m"], ["bm"]), n("Add", ["bm", "a"], ["y"])])
    # A ConstantOfShape weight (as in the light_* CNNs) absorbs a batch norm without being
    # materialized: the weight becomes Mul(splat, per-channel factor).
    model("fuse-standard", "splat-conv-batchnorm",
          [vi("x", [1, 8, 5, 5])], [vi("y", None)],
          [t("wshape", [4], [16, 8, 3, 3], "int64"), w("B", [16]), w("gamma", [16], 0.5, 1.5),
           w("beta", [16]), w("mean", [16]), w("var", [16], 0.5, 2.0)],
          [n("ConstantOfShape", ["wshape"], ["W"], value=t("", [1], [0.01])),
           n("Conv", ["x", "W", "B"], ["c"], pads=[1, 1, 1, 1]),
           n("BatchNormalization", ["c", "gamma", "beta", "mean", "var"], ["y"], epsilon=1e-5)])
    # An int8 weight dequantized by Cast·scale (tinyocr_rec) keeps its bias Add out of the file.
    model("fuse-standard", "dequantized-conv-add",
          [vi("x", [1, 3, 5, 5])], [vi("y", None)],
          [t("wq", [4, 3, 3, 3], [int(v) for v in rand(108, -127, 127)], "int8"),
           w("ws", [4, 1, 1, 1], 0.01, 0.02), w("bias", [1, 4, 1, 1])],
          [n("Cast", ["wq"], ["wf"], to=1), n("Mul", ["wf", "ws"], ["W"]),
           n("Conv", ["x", "W"], ["c"]), n("Add", ["c", "bias"], ["y"])])
    model("fuse-contrib", "conv-add-relu",
          [vi("x", [1, 4, 5, 5])], [vi("y", None)],
          [w("W", [4, 4, 3, 3]), w("B", [4])],
          [n("Conv", ["x", "W", "B"], ["c"], pads=[1, 1, 1, 1]), n("Add", ["c", "x"], ["s"]),
           n("Relu", ["s"], ["y"])])
    model("fuse-contrib", "quantized-matmul",
          [vi("x", [3, 8])], [vi("y", None)],
          [t("bq", [8, 5], [int(v) for v in rand(40, -127, 127)], "int8"), t("bzp", [], [0], "int8"),
           t("bs", [], [0.01]), w("bias", [5])],
          [n("DynamicQuantizeLinear", ["x"], ["q", "s", "zp"]),
           n("MatMulInteger", ["q", "bq", "zp", "bzp"], ["acc"]), n("Cast", ["acc"], ["accf"], to=1),
           n("Mul", ["s", "bs"], ["scale"]), n("Mul", ["accf", "scale"], ["m"]),
           n("Add", ["bias", "m"], ["y"])])

    # (last, so the LCG values of the cases above do not move)
    # QDQ → QLinearConv / QLinearMatMul. Scales are powers of two so the float graph computes
    # exactly what the integer op does (the numerical test then compares exactly).
    ints = lambda k, lo, hi: [int(round(v)) for v in rand(k, lo, hi)]
    ws = [2.0 ** -6, 2.0 ** -7, 2.0 ** -5, 2.0 ** -6]
    xs = 2.0 ** -4
    model("fuse-standard", "qdq-conv",
          [vi("x", [1, 3, 6, 6])], [vi("y", None)],
          [t("xs", [], [xs]), t("xz", [], [128], "uint8"),
           t("Wq", [4, 3, 3, 3], ints(108, -127, 127), "int8"), t("ws", [4], ws),
           t("wz", [4], [0, 0, 0, 0], "int8"),
           t("B", [4], [k * xs * s for k, s in zip([37, -5, 120, 0], ws)]),
           t("ys", [], [2.0 ** -3]), t("yz", [], [100], "uint8")],
          [n("QuantizeLinear", ["x", "xs", "xz"], ["xq"]),
           n("DequantizeLinear", ["xq", "xs", "xz"], ["xd"]),
           n("DequantizeLinear", ["Wq", "ws", "wz"], ["Wd"], axis=0),
           n("Conv", ["xd", "Wd", "B"], ["c"], pads=[1, 1, 1, 1], strides=[2, 1]),
           n("QuantizeLinear", ["c", "ys", "yz"], ["yq"]),
           n("DequantizeLinear", ["yq", "ys", "yz"], ["y"])], opset=13)
    model("fuse-standard", "qdq-matmul",
          [vi("a", [3, 8])], [vi("y", None), vi("z", None)],
          [t("as", [], [2.0 ** -4]), t("az", [], [-3], "int8"),
           t("Bq", [8, 5], ints(40, -127, 127), "int8"),
           t("bs", [5], [2.0 ** -6, 2.0 ** -5, 2.0 ** -7, 2.0 ** -6, 2.0 ** -8]),
           t("bz", [5], [0] * 5, "int8"), t("bs1", [], [2.0 ** -6]),
           t("ys", [], [2.0 ** -2]), t("yz", [], [5], "int8")],
          [n("QuantizeLinear", ["a", "as", "az"], ["aq"]),
           n("DequantizeLinear", ["aq", "as", "az"], ["ad"]),
           n("DequantizeLinear", ["Bq", "bs", "bz"], ["Bd"], axis=1),
           n("MatMul", ["ad", "Bd"], ["m"]),
           n("QuantizeLinear", ["m", "ys", "yz"], ["yq"]),
           n("DequantizeLinear", ["yq", "ys", "yz"], ["y"]),
           n("DequantizeLinear", ["Bq", "bs1"], ["Bd1"]),
           n("MatMul", ["ad", "Bd1"], ["m1"]),
           n("QuantizeLinear", ["m1", "ys"], ["zq"]),
           n("DequantizeLinear", ["zq", "ys"], ["z"])], opset=13)
    # Outputs that stay float: ConvInteger/MatMulInteger + Cast + scale (+ bias).
    model("fuse-standard", "qdq-conv-integer",
          [vi("x", [1, 2, 5, 5]), vi("r", [1, 3, 5, 5])], [vi("y", None)],
          [t("xs", [], [2.0 ** -5]), t("xz", [], [3], "int8"),
           t("Wq", [3, 2, 3, 3], ints(54, -127, 127), "int8"), t("ws", [3], ws[:3]),
           t("B", [3], [0.25, -0.5, 0.125])],
          [n("QuantizeLinear", ["x", "xs", "xz"], ["xq"]),
           n("DequantizeLinear", ["xq", "xs", "xz"], ["xd"]),
           n("DequantizeLinear", ["Wq", "ws"], ["Wd"], axis=0),
           n("Conv", ["xd", "Wd", "B"], ["c"], pads=[1, 1, 1, 1]),
           n("Add", ["c", "r"], ["y"])], opset=13)
    # The clipped input and the constant row pin DynamicQuantizeLinear's range to
    # [-1, 255/128 - 1]: scale 2^-7, zero point 128, so the float graph is exact too.
    model("fuse-standard", "qdq-matmul-dynamic",
          [vi("x", [2, 6])], [vi("y", None)],
          [t("Bq", [6, 4], ints(24, -127, 127), "int8"),
           t("bs", [4], [2.0 ** -6, 2.0 ** -5, 2.0 ** -7, 2.0 ** -6]), t("bz", [4], [0] * 4, "int8"),
           t("lo", [], [-1.0]), t("hi", [], [127.0 / 128.0]),
           t("ends", [1, 6], [-1.0, 127.0 / 128.0, 0.0, 0.0, 0.0, 0.0])],
          [n("Clip", ["x", "lo", "hi"], ["xc"]),
           n("Concat", ["xc", "ends"], ["a"], axis=0),
           n("DynamicQuantizeLinear", ["a"], ["aq", "as", "az"]),
           n("DequantizeLinear", ["aq", "as", "az"], ["ad"]),
           n("DequantizeLinear", ["Bq", "bs", "bz"], ["Bd"], axis=1),
           n("MatMul", ["ad", "Bd"], ["y"])], opset=13)
    # An all-zero GRU initial state sized from the batch dim (anr_encoder) is the default state.
    model("eliminate-zero-states", "gru-zero-state",
          [vi("x", [3, 2, 4])], [vi("y", None)],
          [w("W", [1, 6, 4]), w("R", [1, 6, 2]), t("one", [], [1], "int64"),
           t("ax", [1], [0], "int64"), t("dirs", [1], [1], "int64"), t("hid", [1], [2], "int64")],
          [n("Shape", ["x"], ["s"]), n("Gather", ["s", "one"], ["b"], axis=0),
           n("Unsqueeze", ["b", "ax"], ["b1"]), n("Concat", ["dirs", "b1", "hid"], ["hs"], axis=0),
           n("ConstantOfShape", ["hs"], ["h0"]),
           n("GRU", ["x", "W", "R", "", "", "h0"], ["y"], hidden_size=2)])
    # The GELU tail `· 0.5` before a Conv whose weight is dequantized int8 (tinyocr_rec).
    model("fuse-standard", "scale-dequantized-conv",
          [vi("x", [1, 3, 5, 5])], [vi("y", None)],
          [t("wq", [4, 3, 3, 3], [int(v) for v in rand(108, -127, 127)], "int8"),
           w("ws", [4, 1, 1, 1], 0.01, 0.02), t("half", [], [0.5])],
          [n("Cast", ["wq"], ["wf"], to=1), n("Mul", ["wf", "ws"], ["W"]),
           n("Mul", ["x", "half"], ["xh"]), n("Conv", ["xh", "W"], ["y"])])
    # A Conv read by two batch norms (CSE merged two splat-weight Convs, light_inception_v2):
    # each batch norm gets its own Conv with a per-channel scaled splat weight.
    model("fuse-standard", "shared-conv-batchnorm",
          [vi("x", [1, 4, 5, 5])], [vi("y", None), vi("z", None)],
          [t("wshape", [4], [6, 4, 1, 1], "int64"), w("g1", [6], 0.5, 1.5), w("b1", [6]),
           w("m1", [6]), w("v1", [6], 0.5, 2.0), w("g2", [6], 0.5, 1.5), w("b2", [6]),
           w("m2", [6]), w("v2", [6], 0.5, 2.0)],
          [n("ConstantOfShape", ["wshape"], ["W"], value=t("", [1], [0.02])),
           n("Conv", ["x", "W"], ["c"]),
           n("BatchNormalization", ["c", "g1", "b1", "m1", "v1"], ["y"], epsilon=1e-5),
           n("BatchNormalization", ["c", "g2", "b2", "m2", "v2"], ["z"], epsilon=1e-5)])
    # Conv · splat + splat where the splats are Unsqueeze(ConstantOfShape) expressions.
    model("fuse-standard", "splat-conv-mul-add",
          [vi("x", [1, 3, 5, 5])], [vi("y", None)],
          [t("wshape", [4], [4, 3, 3, 3], "int64"), t("cshape", [1], [4], "int64"),
           t("axes", [2], [1, 2], "int64")],
          [n("ConstantOfShape", ["wshape"], ["W"], value=t("", [1], [0.03])),
           n("ConstantOfShape", ["cshape"], ["c0"], value=t("", [1], [0.7])),
           n("Unsqueeze", ["c0", "axes"], ["c"]),
           n("Conv", ["x", "W"], ["m"]), n("Mul", ["m", "c"], ["s"]), n("Add", ["s", "c"], ["y"])])
    # An RNN output [T,1,N,H] transposed to [T,N,1,H] only moves a size-1 dim.
    model("transpose-to-reshape", "size-one-dims",
          [vi("x", [3, 1, 2, 4])], [vi("y", None)], [],
          [n("Transpose", ["x"], ["y"], perm=[0, 2, 1, 3])])
    # Unsqueeze∘Unsqueeze (sudachi_b's attention mask) and a Reshape chain whose outer target
    # copies a dim (0).
    model("simplify-chains", "unsqueeze-reshape-chains",
          [vi("x", [2, 3]), vi("r", [2, 3, 4])], [vi("y", None), vi("z", None)],
          [t("a0", [1], [1], "int64"), t("a1", [1], [2], "int64"),
           t("s1", [3], [2, 12, 1], "int64"), t("s2", [2], [0, 12], "int64")],
          [n("Unsqueeze", ["x", "a0"], ["u"]), n("Unsqueeze", ["u", "a1"], ["y"]),
           n("Reshape", ["r", "s1"], ["q"]), n("Reshape", ["q", "s2"], ["z"])])
    # Query/key/value projections of one [1,4,6] value feeding head Reshapes (sudachi_b): one
    # shared Reshape to [-1,6], three Gemms, Reshapes back (merged later by simplify-chains).
    model("batched-matmul-to-gemm", "qkv-projections",
          [vi("x", [1, 4, 6])], [vi("q", None), vi("k", None), vi("v", None)],
          [w("Wq", [6, 6]), w("bq", [6]), w("Wk", [6, 6]), w("bk", [6]), w("Wv", [6, 6]),
           w("bv", [6]), t("heads", [4], [1, 4, 2, 3], "int64")],
          [n("MatMul", ["x", "Wq"], ["mq"]), n("Add", ["mq", "bq"], ["aq"]),
           n("Reshape", ["aq", "heads"], ["q"]),
           n("MatMul", ["x", "Wk"], ["mk"]), n("Add", ["bk", "mk"], ["ak"]),
           n("Reshape", ["ak", "heads"], ["k"]),
           n("MatMul", ["x", "Wv"], ["mv"]), n("Add", ["mv", "bv"], ["av"]),
           n("Reshape", ["av", "heads"], ["v"])])
    # One projection whose result is read by an Add: two Reshapes would cost more than they save.
    model("batched-matmul-to-gemm", "keeps-unmerged-projection",
          [vi("x", [1, 4, 6])], [vi("y", None)],
          [w("W", [6, 6]), w("b", [6])],
          [n("MatMul", ["x", "W"], ["m"]), n("Add", ["m", "b"], ["a"]),
           n("Add", ["a", "x"], ["y"])])

if __name__ == "__main__":
    main()
