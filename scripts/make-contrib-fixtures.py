#!/usr/bin/env python3
"""Builds fixtures/contrib/: one small model per onnxruntime contrib op (domain com.microsoft)
and attribute variant, plus detection/pooling ops the ONNX suite barely covers (MaxRoiPool,
RoiAlign, MaxUnpool), with expected outputs computed by onnxruntime itself (CPU, one thread).

Layout per case (the ONNX conformance layout, so `kiln conformance fixtures/contrib` and
`Conformance.runCase` run them):

    fixtures/contrib/<case>/model.onnx
    fixtures/contrib/<case>/test_data_set_0/input_<J>.pb    J-th graph input (not an initializer)
    fixtures/contrib/<case>/test_data_set_0/output_<J>.pb   J-th graph output, from onnxruntime

Inputs are seeded from the case name, so re-running gives the same bytes (for a fixed
onnxruntime version). Run with a Python that has onnx, onnxruntime (>= 1.17) and numpy:

    /work/venv/bin/python scripts/make-contrib-fixtures.py
"""
import os
import shutil
import zlib

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "contrib")
MS = "com.microsoft"
F = np.float32

CASES = []


def case(fn):
    CASES.append(fn)
    return fn


def tp(arr):
    return {
        np.dtype(np.float32): TensorProto.FLOAT,
        np.dtype(np.uint8): TensorProto.UINT8,
        np.dtype(np.int8): TensorProto.INT8,
        np.dtype(np.int32): TensorProto.INT32,
        np.dtype(np.int64): TensorProto.INT64,
    }[np.asarray(arr).dtype]


def build(name, nodes, inputs, outputs, inits=None, opset=17):
    """inputs: list of (name, array); outputs: list of names; inits: list of (name, array)."""
    inits = inits or []
    g_inputs = [helper.make_tensor_value_info(n, tp(a), a.shape) for n, a in inputs]
    g_outputs = [helper.make_empty_tensor_value_info(n) for n in outputs]
    g_inits = [numpy_helper.from_array(np.asarray(a), n) for n, a in inits]
    graph = helper.make_graph(nodes, name, g_inputs, g_outputs, g_inits)
    model = helper.make_model(
        graph, opset_imports=[helper.make_opsetid("", opset), helper.make_opsetid(MS, 1)])
    model.ir_version = 8
    model.producer_name = "kiln-contrib-fixtures"
    return name, model, inputs, outputs


def rng_for(name):
    return np.random.default_rng(zlib.crc32(name.encode()))


def save(name, model, inputs, outputs):
    so = ort.SessionOptions()
    so.intra_op_num_threads = 1
    so.inter_op_num_threads = 1
    # Run the op as written: no fusions or constant folding that would change what is tested.
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    sess = ort.InferenceSession(
        model.SerializeToString(), so, providers=["CPUExecutionProvider"])
    results = sess.run(outputs, {n: a for n, a in inputs})
    d = os.path.join(OUT, name)
    data = os.path.join(d, "test_data_set_0")
    os.makedirs(data)
    # Record the output types onnxruntime produced so the model is self-describing.
    del model.graph.output[:]
    for n, r in zip(outputs, results):
        model.graph.output.append(helper.make_tensor_value_info(n, tp(r), r.shape))
    onnx.save(model, os.path.join(d, "model.onnx"))
    for j, (n, a) in enumerate(inputs):
        with open(os.path.join(data, f"input_{j}.pb"), "wb") as f:
            f.write(numpy_helper.from_array(a, n).SerializeToString())
    for j, (n, r) in enumerate(zip(outputs, results)):
        with open(os.path.join(data, f"output_{j}.pb"), "wb") as f:
            f.write(numpy_helper.from_array(np.asarray(r), n).SerializeToString())


# MARK: - Fused float ops

def fused_conv(name, activation=None, params=None, with_z=False, **conv):
    r = rng_for(name)
    x = r.standard_normal((1, 4, 6, 6)).astype(F)
    group = conv.get("group", 1)
    w = (r.standard_normal((6, 4 // group, 3, 3)) * 0.3).astype(F)
    b = (r.standard_normal(6) * 0.2).astype(F)
    attrs = dict(conv)
    if activation:
        attrs["activation"] = activation
    if params is not None:
        attrs["activation_params"] = params
    ins = ["x", "w", "b"]
    inputs = [("x", x)]
    if with_z:
        ins.append("z")
        # Z has the output's shape; compute it from a plain Conv run.
        pads = conv.get("pads", [0, 0, 0, 0])
        s = conv.get("strides", [1, 1])
        oh = (6 + pads[0] + pads[2] - 3) // s[0] + 1
        ow = (6 + pads[1] + pads[3] - 3) // s[1] + 1
        inputs.append(("z", r.standard_normal((1, 6, oh, ow)).astype(F)))
    node = helper.make_node("FusedConv", ins, ["y"], domain=MS, **attrs)
    return build(name, [node], inputs, ["y"], inits=[("w", w), ("b", b)])


@case
def fusedconv_cases():
    return [
        fused_conv("test_fusedconv_relu", "Relu", pads=[1, 1, 1, 1]),
        fused_conv("test_fusedconv_leakyrelu", "LeakyRelu", [0.1], strides=[2, 2]),
        fused_conv("test_fusedconv_clip", "Clip", [-0.5, 0.5], pads=[1, 0, 1, 0]),
        fused_conv("test_fusedconv_hardsigmoid", "HardSigmoid", [0.3, 0.4]),
        fused_conv("test_fusedconv_sigmoid", "Sigmoid", dilations=[2, 2], pads=[2, 2, 2, 2]),
        fused_conv("test_fusedconv_tanh_group", "Tanh", group=2, pads=[1, 1, 1, 1]),
        fused_conv("test_fusedconv_sum_relu", "Relu", with_z=True, pads=[1, 1, 1, 1]),
        fused_conv("test_fusedconv_no_activation", None, auto_pad="SAME_UPPER"),
    ]


def fused_gemm(name, activation=None, a_shape=(4, 5), b_shape=(5, 3), c_shape=(3,), **attrs):
    r = rng_for(name)
    a = r.standard_normal(a_shape).astype(F)
    b = r.standard_normal(b_shape).astype(F)
    inputs = [("a", a), ("b", b)]
    ins = ["a", "b"]
    if c_shape is not None:
        inputs.append(("c", r.standard_normal(c_shape).astype(F)))
        ins.append("c")
    if activation:
        attrs["activation"] = activation
    node = helper.make_node("FusedGemm", ins, ["y"], domain=MS, **attrs)
    return build(name, [node], inputs, ["y"])


@case
def fusedgemm_cases():
    return [
        fused_gemm("test_fusedgemm_relu", "Relu"),
        fused_gemm("test_fusedgemm_leakyrelu", "LeakyRelu", activation_alpha=0.2),
        fused_gemm("test_fusedgemm_tanh_trans", "Tanh", a_shape=(5, 4), b_shape=(3, 5),
                   c_shape=(4, 1), transA=1, transB=1, alpha=0.5, beta=2.0),
        fused_gemm("test_fusedgemm_sigmoid_noc", "Sigmoid", c_shape=None),
        fused_gemm("test_fusedgemm_hardsigmoid", "HardSigmoid", activation_alpha=0.3,
                   activation_beta=0.6),
        fused_gemm("test_fusedgemm_elu", "Elu", activation_alpha=0.7),
        # onnxruntime rejects a FusedGemm without an activation ("unknown kernel type").
        fused_gemm("test_fusedgemm_relu_c_matrix", "Relu", c_shape=(4, 3)),
    ]


def fused_matmul(name, a_shape, b_shape, **attrs):
    r = rng_for(name)
    a = r.standard_normal(a_shape).astype(F)
    b = r.standard_normal(b_shape).astype(F)
    node = helper.make_node("FusedMatMul", ["a", "b"], ["y"], domain=MS, **attrs)
    return build(name, [node], [("a", a), ("b", b)], ["y"])


@case
def fusedmatmul_cases():
    return [
        fused_matmul("test_fusedmatmul_2d_transa", (5, 4), (5, 3), transA=1),
        fused_matmul("test_fusedmatmul_3d_transb_alpha", (2, 4, 5), (2, 3, 5), transB=1,
                     alpha=0.25),
        fused_matmul("test_fusedmatmul_broadcast", (2, 1, 4, 5), (3, 5, 6), alpha=2.0),
        fused_matmul("test_fusedmatmul_transbatcha", (4, 2, 5), (2, 5, 3), transBatchA=1),
        fused_matmul("test_fusedmatmul_transbatchb_transb", (2, 4, 5), (3, 2, 5),
                     transBatchB=1, transB=1),
        fused_matmul("test_fusedmatmul_transbatch_both_4d", (4, 2, 3, 5), (5, 2, 3, 6),
                     transBatchA=1, transBatchB=1, transA=0),
        fused_matmul("test_fusedmatmul_transbatcha_transa", (5, 2, 4), (2, 5, 3),
                     transBatchA=1, transA=1),
    ]


# MARK: - Activations and normalization

@case
def activation_cases():
    out = []
    r = rng_for("act")
    x = (r.standard_normal((2, 3, 8)) * 2).astype(F)
    bias = r.standard_normal(8).astype(F)
    skip = r.standard_normal((2, 3, 8)).astype(F)
    out.append(build("test_gelu_ms", [helper.make_node("Gelu", ["x"], ["y"], domain=MS)],
                     [("x", x)], ["y"]))
    out.append(build("test_fastgelu", [helper.make_node("FastGelu", ["x"], ["y"], domain=MS)],
                     [("x", x)], ["y"]))
    out.append(build("test_fastgelu_bias",
                     [helper.make_node("FastGelu", ["x", "bias"], ["y"], domain=MS)],
                     [("x", x), ("bias", bias)], ["y"]))
    out.append(build("test_biasgelu",
                     [helper.make_node("BiasGelu", ["x", "bias"], ["y"], domain=MS)],
                     [("x", x), ("bias", bias)], ["y"]))
    out.append(build("test_quickgelu", [helper.make_node("QuickGelu", ["x"], ["y"], domain=MS)],
                     [("x", x)], ["y"]))
    out.append(build("test_quickgelu_alpha",
                     [helper.make_node("QuickGelu", ["x"], ["y"], domain=MS, alpha=1.0)],
                     [("x", x)], ["y"]))
    # BiasAdd has no CPU kernel in onnxruntime (CUDA only); Kiln's is tested in Swift.
    return out


@case
def skiplayernorm_cases():
    r = rng_for("sln")
    x = r.standard_normal((2, 3, 8)).astype(F)
    skip = r.standard_normal((2, 3, 8)).astype(F)
    gamma = (1 + 0.2 * r.standard_normal(8)).astype(F)
    beta = (0.1 * r.standard_normal(8)).astype(F)
    bias = (0.1 * r.standard_normal(8)).astype(F)
    out = []
    out.append(build(
        "test_skiplayernormalization_full",
        [helper.make_node("SkipLayerNormalization", ["x", "skip", "gamma", "beta", "bias"],
                          ["y", "mean", "inv_std", "sum"], domain=MS, epsilon=1e-5)],
        [("x", x), ("skip", skip), ("gamma", gamma), ("beta", beta), ("bias", bias)],
        ["y", "mean", "inv_std", "sum"]))
    out.append(build(
        "test_skiplayernormalization_minimal",
        [helper.make_node("SkipLayerNormalization", ["x", "skip", "gamma"], ["y"], domain=MS)],
        [("x", x), ("skip", skip), ("gamma", gamma)], ["y"]))
    out.append(build(
        "test_skiplayernormalization_skip2d_sum",
        [helper.make_node("SkipLayerNormalization", ["x", "skip", "gamma", "beta"],
                          ["y", "", "", "sum"], domain=MS, epsilon=1e-3)],
        [("x", x), ("skip", skip[0]), ("gamma", gamma), ("beta", beta)], ["y", "sum"]))
    out.append(build(
        "test_skipsimplifiedlayernormalization",
        [helper.make_node("SkipSimplifiedLayerNormalization", ["x", "skip", "gamma", "bias"],
                          ["y", "", "inv_std", "sum"], domain=MS, epsilon=1e-5)],
        [("x", x), ("skip", skip), ("gamma", gamma), ("bias", bias)], ["y", "inv_std", "sum"]))
    out.append(build(
        "test_simplifiedlayernormalization",
        [helper.make_node("SimplifiedLayerNormalization", ["x", "gamma"], ["y", "inv_std"],
                          axis=-1, epsilon=1e-5)],
        [("x", x), ("gamma", gamma)], ["y", "inv_std"]))
    g2 = (1 + 0.2 * r.standard_normal((3, 8))).astype(F)
    out.append(build(
        "test_simplifiedlayernormalization_axis1",
        [helper.make_node("SimplifiedLayerNormalization", ["x", "gamma"], ["y"], axis=1)],
        [("x", x), ("gamma", g2)], ["y"]))
    return out


# MARK: - Quantized ops

def qparams(r, dtype):
    scale = np.float32(r.uniform(0.01, 0.05))
    zp = (np.uint8(r.integers(100, 156)) if dtype == np.uint8 else np.int8(r.integers(-20, 20)))
    return np.array(scale, F), np.array(zp, dtype)


def qdata(r, shape, dtype):
    lo, hi = (0, 256) if dtype == np.uint8 else (-128, 128)
    return r.integers(lo, hi, size=shape).astype(dtype)


def qlinear_binary(name, op, dtype, a_shape, b_shape):
    r = rng_for(name)
    a = qdata(r, a_shape, dtype)
    b = qdata(r, b_shape, dtype)
    (as_, az), (bs, bz), (cs, cz) = qparams(r, dtype), qparams(r, dtype), qparams(r, dtype)
    node = helper.make_node(op, ["a", "as", "az", "b", "bs", "bz", "cs", "cz"], ["c"], domain=MS)
    return build(name, [node], [("a", a), ("b", b)], ["c"],
                 inits=[("as", as_), ("az", az), ("bs", bs), ("bz", bz), ("cs", cs), ("cz", cz)])


@case
def qlinear_binary_cases():
    return [
        qlinear_binary("test_qlinearadd_uint8", "QLinearAdd", np.uint8, (2, 3, 4), (2, 3, 4)),
        qlinear_binary("test_qlinearadd_int8_broadcast", "QLinearAdd", np.int8, (2, 3, 4), (4,)),
        qlinear_binary("test_qlinearmul_uint8", "QLinearMul", np.uint8, (3, 5), (3, 5)),
        qlinear_binary("test_qlinearmul_int8_broadcast", "QLinearMul", np.int8, (2, 1, 4),
                       (3, 1)),
    ]


def qlinear_unary(name, op, dtype, **attrs):
    r = rng_for(name)
    x = qdata(r, (2, 3, 5), dtype)
    (xs, xz), (ys, yz) = qparams(r, dtype), qparams(r, dtype)
    if op == "QLinearSigmoid":
        ys = np.array(1 / 255.0 if dtype == np.uint8 else 1 / 256.0, F)
        yz = np.array(0 if dtype == np.uint8 else -128, dtype)
    node = helper.make_node(op, ["x", "xs", "xz", "ys", "yz"], ["y"], domain=MS, **attrs)
    return build(name, [node], [("x", x)], ["y"],
                 inits=[("xs", xs * 4), ("xz", xz), ("ys", ys), ("yz", yz)])


@case
def qlinear_unary_cases():
    return [
        qlinear_unary("test_qlinearsigmoid_uint8", "QLinearSigmoid", np.uint8),
        qlinear_unary("test_qlinearsigmoid_int8", "QLinearSigmoid", np.int8),
        qlinear_unary("test_qlinearleakyrelu_uint8", "QLinearLeakyRelu", np.uint8, alpha=0.1),
        qlinear_unary("test_qlinearleakyrelu_int8", "QLinearLeakyRelu", np.int8),
    ]


@case
def qlinear_pool_cases():
    out = []
    for name, dtype, shape, cl in [
        ("test_qlinearglobalaveragepool_uint8", np.uint8, (2, 3, 4, 5), 0),
        ("test_qlinearglobalaveragepool_int8_nhwc", np.int8, (1, 4, 5, 3), 1),
        ("test_qlinearglobalaveragepool_uint8_1d", np.uint8, (1, 2, 7), 0),
    ]:
        r = rng_for(name)
        x = qdata(r, shape, dtype)
        (xs, xz), (ys, yz) = qparams(r, dtype), qparams(r, dtype)
        node = helper.make_node("QLinearGlobalAveragePool", ["x", "xs", "xz", "ys", "yz"], ["y"],
                                domain=MS, channels_last=cl)
        out.append(build(name, [node], [("x", x)], ["y"],
                         inits=[("xs", xs), ("xz", xz), ("ys", ys), ("yz", yz)]))
    return out


@case
def qlinear_concat_cases():
    out = []
    for name, dtype, axis in [("test_qlinearconcat_uint8", np.uint8, 1),
                              ("test_qlinearconcat_int8_neg_axis", np.int8, -1)]:
        r = rng_for(name)
        ys, yz = qparams(r, dtype)
        shapes = [(2, 3, 4), (2, 2, 4), (2, 1, 4)] if axis == 1 else [(2, 3, 2), (2, 3, 3),
                                                                       (2, 3, 1)]
        inputs, inits, ins = [], [("ys", ys), ("yz", yz)], ["ys", "yz"]
        for i, s in enumerate(shapes):
            x = qdata(r, s, dtype)
            # The second input shares the output's parameters (copied as is by onnxruntime).
            xs, xz = (ys, yz) if i == 1 else qparams(r, dtype)
            inputs.append((f"x{i}", x))
            inits += [(f"s{i}", xs), (f"z{i}", xz)]
            ins += [f"x{i}", f"s{i}", f"z{i}"]
        node = helper.make_node("QLinearConcat", ins, ["y"], domain=MS, axis=axis)
        out.append(build(name, [node], inputs, ["y"], inits=inits))
    return out


@case
def matmul_integer_to_float_cases():
    out = []
    specs = [
        ("test_matmulintegertofloat_uint8", np.uint8, np.uint8, (3, 5), (5, 4), False, True),
        ("test_matmulintegertofloat_int8_per_column", np.uint8, np.int8, (2, 3, 5), (5, 4), True,
         True),
        ("test_matmulintegertofloat_nozp", np.int8, np.int8, (4, 6), (6, 3), False, False),
    ]
    for name, ta, tb, ashape, bshape, per_col, zps in specs:
        r = rng_for(name)
        a = qdata(r, ashape, ta)
        b = qdata(r, bshape, tb)
        n = bshape[-1]
        a_scale = np.array(r.uniform(0.01, 0.05), F)
        b_scale = (r.uniform(0.01, 0.05, n) if per_col else np.array(r.uniform(0.01, 0.05))
                   ).astype(F)
        inits = [("b", b), ("as", a_scale), ("bs", b_scale)]
        ins = ["a", "b", "as", "bs"]
        if zps:
            inits.append(("az", qparams(r, ta)[1]))
            bz = (qdata(r, (n,), tb) if per_col and tb == np.uint8 else
                  np.zeros(n, tb) if per_col else qparams(r, tb)[1])
            inits.append(("bz", bz))
            ins += ["az", "bz"]
        else:
            ins += ["", ""]
        inits.append(("bias", r.standard_normal(n).astype(F)))
        ins.append("bias")
        node = helper.make_node("MatMulIntegerToFloat", ins, ["y"], domain=MS)
        out.append(build(name, [node], [("a", a)], ["y"], inits=inits))
    return out


@case
def dynamic_quantize_matmul_cases():
    out = []
    specs = [
        ("test_dynamicquantizematmul_int8", np.int8, (3, 6), (6, 4), False, False),
        ("test_dynamicquantizematmul_uint8_zp_bias", np.uint8, (2, 3, 6), (6, 5), False, True),
        ("test_dynamicquantizematmul_int8_per_column_bias", np.int8, (4, 6), (6, 3), True, True),
    ]
    for name, tb, ashape, bshape, per_col, with_bias in specs:
        r = rng_for(name)
        a = r.standard_normal(ashape).astype(F)
        b = qdata(r, bshape, tb)
        n = bshape[-1]
        b_scale = (r.uniform(0.01, 0.05, n) if per_col else np.array(r.uniform(0.01, 0.05))
                   ).astype(F)
        bz = np.zeros(n, tb) if per_col else qparams(r, tb)[1]
        inits = [("b", b), ("bs", b_scale), ("bz", bz)]
        ins = ["a", "b", "bs", "bz"]
        if with_bias:
            inits.append(("bias", r.standard_normal(n).astype(F)))
            ins.append("bias")
        node = helper.make_node("DynamicQuantizeMatMul", ins, ["y"], domain=MS)
        out.append(build(name, [node], [("a", a)], ["y"], inits=inits))
    return out


def dq_lstm(name, direction="forward", with_b=False, with_init=False, per_channel=False,
            signed=True, with_p=False, **attrs):
    r = rng_for(name)
    seq, batch, inp, hid = 3, 2, 4, 3
    dirs = 2 if direction == "bidirectional" else 1
    x = r.standard_normal((seq, batch, inp)).astype(F)
    wt = np.int8 if signed else np.uint8
    w = qdata(r, (dirs, inp, 4 * hid), wt)
    rr = qdata(r, (dirs, hid, 4 * hid), wt)
    sshape = (dirs, 4 * hid) if per_channel else (dirs,)
    w_scale = r.uniform(0.005, 0.02, sshape).astype(F)
    r_scale = r.uniform(0.005, 0.02, sshape).astype(F)
    if signed:
        w_zp = np.zeros(sshape, wt)
        r_zp = np.zeros(sshape, wt)
    else:
        w_zp = np.full(sshape, 128, wt)
        r_zp = np.full(sshape, 127, wt)
    inputs = [("x", x)]
    ins = ["x", "w", "r"]
    inits = [("w", w), ("r", rr)]
    if with_b:
        inits.append(("b", (0.3 * r.standard_normal((dirs, 8 * hid))).astype(F)))
        ins.append("b")
    else:
        ins.append("")
    ins.append("")  # sequence_lens
    if with_init:
        inputs.append(("h0", (0.5 * r.standard_normal((dirs, batch, hid))).astype(F)))
        inputs.append(("c0", (0.5 * r.standard_normal((dirs, batch, hid))).astype(F)))
        ins += ["h0", "c0"]
    else:
        ins += ["", ""]
    if with_p:
        inits.append(("p", (0.3 * r.standard_normal((dirs, 3 * hid))).astype(F)))
        ins.append("p")
    else:
        ins.append("")
    inits += [("ws", w_scale), ("wz", w_zp), ("rs", r_scale), ("rz", r_zp)]
    ins += ["ws", "wz", "rs", "rz"]
    node = helper.make_node("DynamicQuantizeLSTM", ins, ["y", "yh", "yc"], domain=MS,
                            hidden_size=hid, direction=direction, **attrs)
    return build(name, [node], inputs, ["y", "yh", "yc"], inits=inits)


@case
def dynamic_quantize_lstm_cases():
    return [
        dq_lstm("test_dynamicquantizelstm_forward"),
        dq_lstm("test_dynamicquantizelstm_bias_init", with_b=True, with_init=True),
        dq_lstm("test_dynamicquantizelstm_bidirectional_per_channel", "bidirectional",
                with_b=True, per_channel=True),
        dq_lstm("test_dynamicquantizelstm_reverse_uint8", "reverse", with_b=True, signed=False),
        dq_lstm("test_dynamicquantizelstm_peephole_clip", with_b=True, with_init=True,
                with_p=True, clip=1.5),
    ]


# MARK: - Attention

@case
def attention_cases():
    out = []
    b, s, d, heads = 2, 4, 8, 2
    specs = [
        ("test_attention_ms_basic", {}, None, False),
        ("test_attention_ms_mask2d", {}, "2d", False),
        ("test_attention_ms_unidirectional_lengths", {"unidirectional": 1}, "1d", False),
        ("test_attention_ms_qkv_sizes_scale", {"qkv_hidden_sizes": [4, 4, 6], "scale": 0.3},
         None, False),
        ("test_attention_ms_attention_bias", {}, None, True),
    ]
    for name, attrs, mask, with_bias in specs:
        r = rng_for(name)
        x = r.standard_normal((b, s, d)).astype(F)
        n = sum(attrs.get("qkv_hidden_sizes", [8, 8, 8]))
        w = (0.4 * r.standard_normal((d, n))).astype(F)
        bias = (0.1 * r.standard_normal(n)).astype(F)
        inputs, ins = [("x", x)], ["x", "w", "bias"]
        if mask == "2d":
            inputs.append(("mask", np.array([[1, 1, 1, 0], [1, 0, 1, 1]], np.int32)))
            ins.append("mask")
        elif mask == "1d":
            inputs.append(("mask", np.array([3, 4], np.int32)))
            ins.append("mask")
        else:
            ins.append("")
        if with_bias:
            inputs.append(("ab", r.standard_normal((1, heads, s, s)).astype(F)))
            ins += ["", "ab"]
        node = helper.make_node("Attention", ins, ["y"], domain=MS, num_heads=heads, **attrs)
        out.append(build(name, [node], inputs, ["y"], inits=[("w", w), ("bias", bias)]))
    return out


@case
def multihead_attention_cases():
    out = []
    b, s, L, h, hv, heads = 2, 3, 5, 8, 4, 2
    specs = [
        ("test_multiheadattention_basic", False, None, False),
        ("test_multiheadattention_bias_padding_mask", True, "2d", False),
        ("test_multiheadattention_lengths_attention_bias", False, "1d", True),
    ]
    for name, with_bias, mask, with_ab in specs:
        r = rng_for(name)
        inputs = [("q", r.standard_normal((b, s, h)).astype(F)),
                  ("k", r.standard_normal((b, L, h)).astype(F)),
                  ("v", r.standard_normal((b, L, hv)).astype(F))]
        ins = ["q", "k", "v"]
        if with_bias:
            inputs.append(("bias", (0.2 * r.standard_normal(2 * h + hv)).astype(F)))
            ins.append("bias")
        else:
            ins.append("")
        if mask == "2d":
            inputs.append(("mask", np.array([[1, 1, 0, 1, 0], [1, 1, 1, 1, 1]], np.int32)))
            ins.append("mask")
        elif mask == "1d":
            inputs.append(("mask", np.array([2, 5], np.int32)))
            ins.append("mask")
        else:
            ins.append("")
        if with_ab:
            inputs.append(("ab", r.standard_normal((b, 1, s, L)).astype(F)))
            ins.append("ab")
        node = helper.make_node("MultiHeadAttention", ins, ["y"], domain=MS, num_heads=heads)
        out.append(build(name, [node], inputs, ["y"]))
    return out


# MARK: - Detection and pooling (standard ONNX ops with thin suite coverage)

@case
def maxroipool_cases():
    out = []
    for name, pooled, scale in [("test_maxroipool_basic", [2, 2], 1.0),
                                ("test_maxroipool_scaled", [3, 2], 0.5)]:
        r = rng_for(name)
        x = r.standard_normal((2, 3, 8, 10)).astype(F)
        rois = np.array([[0, 0, 0, 7, 7], [1, 2, 1, 9, 6], [0, 3.4, 2.6, 5.5, 7.2],
                         [1, -1, 0, 20, 3]], F)
        if scale != 1.0:
            rois[:, 1:] *= 2
        node = helper.make_node("MaxRoiPool", ["x", "rois"], ["y"], pooled_shape=pooled,
                                spatial_scale=scale)
        out.append(build(name, [node], [("x", x), ("rois", rois)], ["y"]))
    return out


@case
def roialign_cases():
    out = []
    specs = [
        ("test_roialign_avg_half_pixel", "avg", "half_pixel", 2, 1.0),
        ("test_roialign_avg_output_half_pixel", "avg", "output_half_pixel", 2, 1.0),
        ("test_roialign_avg_adaptive_scaled", "avg", "half_pixel", 0, 0.5),
        # Max mode is left out: onnxruntime's differs from the ONNX spec (it warns so); the
        # ONNX suite's test_roialign_mode_max covers it.
    ]
    for name, mode, ctm, sr, scale in specs:
        r = rng_for(name)
        x = r.standard_normal((2, 2, 6, 7)).astype(F)
        rois = np.array([[0.5, 0.7, 4.2, 5.1], [1.0, 1.0, 6.5, 5.5], [-1.0, 2.0, 3.0, 8.0],
                         [2.2, 0.1, 2.6, 1.0]], F)
        if scale != 1.0:
            rois *= 2
        bi = np.array([0, 1, 0, 1], np.int64)
        node = helper.make_node("RoiAlign", ["x", "rois", "bi"], ["y"], mode=mode,
                                coordinate_transformation_mode=ctm, output_height=3,
                                output_width=2, sampling_ratio=sr, spatial_scale=scale)
        out.append(build(name, [node], [("x", x), ("rois", rois), ("bi", bi)], ["y"]))
    return out


@case
def maxunpool_cases():
    out = []
    r = rng_for("maxunpool")
    x = r.standard_normal((1, 2, 4, 6)).astype(F)
    pool = helper.make_node("MaxPool", ["x"], ["p", "idx"], kernel_shape=[2, 2], strides=[2, 2])
    unpool = helper.make_node("MaxUnpool", ["p", "idx"], ["y"], kernel_shape=[2, 2],
                              strides=[2, 2])
    out.append(build("test_maxunpool_after_maxpool", [pool, unpool], [("x", x)], ["y"]))
    # With output_shape equal to the inferred shape: onnxruntime scatters the flat indices into
    # output_shape while the ONNX reference (and test_maxunpool_export_with_output_shape)
    # scatters into the inferred shape and pads, so only this case is common ground.
    pool3 = helper.make_node("MaxPool", ["x"], ["p", "idx"], kernel_shape=[2, 3],
                             strides=[2, 3])
    unpool3 = helper.make_node("MaxUnpool", ["p", "idx", "shape"], ["y"], kernel_shape=[2, 3],
                               strides=[2, 3])
    out.append(build("test_maxunpool_output_shape", [pool3, unpool3], [("x", x)], ["y"],
                     inits=[("shape", np.array([1, 2, 4, 6], np.int64))]))
    return out


def main():
    if os.path.exists(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    count = 0
    for fn in CASES:
        for name, model, inputs, outputs in fn():
            try:
                save(name, model, inputs, outputs)
            except Exception as e:  # report, keep going: the case is left out
                print(f"skipped {name}: {str(e).splitlines()[-1][:200]}")
                shutil.rmtree(os.path.join(OUT, name), ignore_errors=True)
                continue
            count += 1
    print(f"wrote {count} cases to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
