#!/usr/bin/env python3
"""Builds fixtures/hardening/: tiny models that used to trap, hang or be accepted wrongly (issue 9).

Each case is one model and the command that must handle it; `expected.json` maps the file to
the command line (`args`, with `{file}` for the model), the exit code, and a fragment its one
error line (or, for `check`, its report) must contain. Cases that need the file system (named
pipes, directories, hard links) are made by the tests at run time. Run with a Python that has
onnx and numpy; re-running gives the same bytes.
"""
import json
import os
import zipfile
import io

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "fixtures", "hardening")
INT64_MAX = (1 << 63) - 1
INT64_MIN = -(1 << 63)

expected = {}


def model(nodes, inputs, outputs, inits=(), opset=17, value_info=()):
    g = helper.make_graph(nodes, "g", inputs, outputs, list(inits), value_info=list(value_info))
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", opset)])
    m.producer_name = "make-hardening-fixtures"
    return m


def save(name, m, args, exit, mention):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(m.SerializeToString() if hasattr(m, "SerializeToString") else m)
    expected[name] = {"args": args, "exit": exit, "mention": mention}


def external_w(location, offset):
    """Float tensor `w` of shape [2] whose 8 bytes are external data at `offset` in `location`."""
    t = onnx.TensorProto()
    t.name = "w"
    t.data_type = TensorProto.FLOAT
    t.dims[:] = [2]
    t.data_location = TensorProto.EXTERNAL
    for k, v in (("location", location), ("offset", str(offset)), ("length", "8")):
        e = t.external_data.add()
        e.key, e.value = k, v
    return t


def arr(name, a):
    return numpy_helper.from_array(np.array(a), name)


RUN = ["run", "{file}"]
CHECK = ["check", "{file}"]


def main():
    os.makedirs(OUT, exist_ok=True)
    fy = helper.make_tensor_value_info("y", TensorProto.FLOAT, None)
    x4 = arr("x", np.ones((1, 1, 4, 4), dtype=np.float32))
    w2 = arr("w", np.ones((1, 1, 2, 2), dtype=np.float32))

    # --- arithmetic overflow from attribute values (used to trap with SIGILL)
    save("conv_huge_dilations.onnx",
         model([helper.make_node("Conv", ["x", "w"], ["y"], name="conv", dilations=[INT64_MAX, INT64_MAX])],
               [], [fy], [x4, w2]), RUN, 2, "conv")
    save("conv_huge_pads.onnx",
         model([helper.make_node("Conv", ["x", "w"], ["y"], name="conv", pads=[10**9] * 4)],
               [], [fy], [x4, w2]), RUN, 2, "conv")
    save("conv_transpose_huge_dilations.onnx",
         model([helper.make_node("ConvTranspose", ["x", "w"], ["y"], name="deconv", dilations=[INT64_MAX, INT64_MAX])],
               [], [fy], [x4, w2]), RUN, 2, "deconv")
    save("maxpool_huge_strides.onnx",
         model([helper.make_node("MaxPool", ["x"], ["y"], name="pool", kernel_shape=[2, 2], strides=[INT64_MAX, 1])],
               [], [fy], [x4]), RUN, 2, "pool")
    for label, step in (("max", INT64_MAX), ("min", INT64_MIN)):
        # A step beyond the axis selects one element: these run and must not trap.
        save(f"slice_step_{label}.onnx",
             model([helper.make_node("Slice", ["x", "s", "e", "a", "st"], ["y"], name="slice")], [], [fy],
                   [x4, arr("s", np.array([0 if step > 0 else -1], dtype=np.int64)),
                    arr("e", np.array([INT64_MAX if step > 0 else INT64_MIN], dtype=np.int64)),
                    arr("a", np.array([3], dtype=np.int64)), arr("st", np.array([step], dtype=np.int64))]),
             RUN, 0, "y: float32[1,1,4,1]")
    save("einsum_double_ellipsis.onnx",
         model([helper.make_node("Einsum", ["x"], ["y"], name="einsum", equation="...->......")],
               [], [fy], [x4]), RUN, 2, "einsum")
    save("einsum_repeated_output.onnx",
         model([helper.make_node("Einsum", ["x"], ["y"], name="einsum", equation="abcd->aa")],
               [], [fy], [x4]), RUN, 2, "einsum")

    # --- runaway control flow (used to run for ever, memory growing)
    cond = helper.make_tensor_value_info("cond_in", TensorProto.BOOL, [])
    it = helper.make_tensor_value_info("iter", TensorProto.INT64, [])
    body = helper.make_graph(
        [helper.make_node("Identity", ["cond_in"], ["cond_out"]),
         helper.make_node("Identity", ["x"], ["scan_out"])],
        "body", [it, cond],
        [helper.make_tensor_value_info("cond_out", TensorProto.BOOL, []),
         helper.make_tensor_value_info("scan_out", TensorProto.FLOAT, None)])
    loop = model([helper.make_node("Loop", ["trips", "go"], ["y"], name="runaway", body=body)], [], [fy],
                 [x4, arr("trips", np.array(10**12, dtype=np.int64)), arr("go", np.array(True))])
    save("loop_trip_count.onnx", loop, RUN + ["--max-loop-iterations", "1000"], 2, "runaway")
    save("loop_time_limit.onnx", loop, RUN + ["--time-limit", "1"], 2, "runaway")
    # Scan inside the Loop body: every iteration runs a Scan over x's 4 rows.
    sx = helper.make_tensor_value_info("row", TensorProto.FLOAT, None)
    scan_body = helper.make_graph(
        [helper.make_node("Identity", ["row"], ["row_out"])], "scan_body", [sx],
        [helper.make_tensor_value_info("row_out", TensorProto.FLOAT, None)])
    body2 = helper.make_graph(
        [helper.make_node("Identity", ["cond_in"], ["cond_out"]),
         helper.make_node("Scan", ["x"], ["scanned"], name="inner_scan", num_scan_inputs=1, body=scan_body)],
        "body", [it, cond],
        [helper.make_tensor_value_info("cond_out", TensorProto.BOOL, []),
         helper.make_tensor_value_info("scanned", TensorProto.FLOAT, None)])
    save("scan_in_loop.onnx",
         model([helper.make_node("Loop", ["trips", "go"], ["y"], name="outer_loop", body=body2)], [], [fy],
               [x4, arr("trips", np.array(10**12, dtype=np.int64)), arr("go", np.array(True))]),
         RUN + ["--max-loop-iterations", "200"], 2, "outer_loop")

    # --- check must refuse what run rejects (K06xx), run refuses them too
    x3 = helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 3, 4])
    y = helper.make_tensor_value_info("y", TensorProto.FLOAT, None)
    feed = ["--input", "x={dir}/x234.npy"]
    cases = {
        "transpose_perm.onnx": (helper.make_node("Transpose", ["x"], ["y"], name="tr", perm=[0, 1, 5]), [], "K0601"),
        "softmax_axis.onnx": (helper.make_node("Softmax", ["x"], ["y"], name="sm", axis=3), [], "K0602"),
        "layernorm_axis.onnx": (helper.make_node("LayerNormalization", ["x", "scale"], ["y"], name="ln", axis=-4),
                                [arr("scale", np.ones(4, dtype=np.float32))], "K0602"),
        "reshape_count.onnx": (helper.make_node("Reshape", ["x", "shape"], ["y"], name="rs"),
                               [arr("shape", np.array([5, 5], dtype=np.int64))], "K0604"),
    }
    for name, (node, inits, code) in cases.items():
        m = model([node], [x3], [y], inits)
        save(name, m, CHECK, 1, code)
        expected[name]["run"] = {"args": RUN + feed, "exit": 2, "mention": node.name}
    a = helper.make_tensor_value_info("a", TensorProto.FLOAT, [2, 3])
    gm = model([helper.make_node("Gemm", ["a", "b"], ["y"], name="gemm")], [a], [y],
               [arr("b", np.ones((4, 2), dtype=np.float32))])
    save("gemm_inner.onnx", gm, CHECK, 1, "K0603")
    expected["gemm_inner.onnx"]["run"] = {"args": RUN + ["--input", "a={dir}/a23.npy"], "exit": 2, "mention": "gemm"}
    np.save(os.path.join(OUT, "x234.npy"), np.ones((2, 3, 4), dtype=np.float32), allow_pickle=False)
    np.save(os.path.join(OUT, "a23.npy"), np.ones((2, 3), dtype=np.float32), allow_pickle=False)

    # --- messages
    bad = "evil\nerror: forged line\x1b[31m"
    xv = helper.make_tensor_value_info("x", TensorProto.FLOAT, [2])
    save("control_chars.onnx",
         model([helper.make_node("Add", ["x", bad], ["y"], name="adder")], [xv], [y]),
         ["convert", "{file}", "-o", "{dir}/out.onnx"], 2, "evil\\nerror: forged line\\u{1b}[31m")
    t = external_w("weights.bin", INT64_MAX - 9)
    save("external_wrapping_offset.onnx",
         model([helper.make_node("Add", ["x", "w"], ["y"])], [xv], [y], [t]),
         ["convert", "{file}", "-o", "{dir}/out.onnx"], 2, f"offset {INT64_MAX - 9} with length 8")
    with open(os.path.join(OUT, "weights.bin"), "wb") as f:
        f.write(b"\0" * 4096)
    doc = {"format": "kiln-json", "version": 1, "irVersion": 9, "opsetImports": [{"version": 17}],
           "sidecar": {"file": "weights.bin", "length": 4096},
           "graph": {"inputs": [{"name": "x", "type": {"tensor": {"elementType": "float32", "shape": [2]}}}],
                     "outputs": [{"name": "y"}],
                     "initializers": [{"name": "w", "elementType": "float32", "shape": [2],
                                       "external": {"offset": INT64_MAX - 9, "length": 8}}],
                     "nodes": [{"opType": "Add", "inputs": ["x", "w"], "outputs": ["y"]}]}}
    save("json_wrapping_offset.json", json.dumps(doc, indent=1).encode() + b"\n",
         ["convert", "{file}", "-o", "{dir}/out.onnx"], 2, f"8 bytes at offset {INT64_MAX - 9}")
    # Valid external data whose file name is what a Kiln JSON output of the same stem would use
    # as its sidecar: `convert external_data.onnx -o external_data.json` must refuse, even with
    # --force (CLITests make that call on a private copy).
    t = external_w("external_data.bin", 0)
    with open(os.path.join(OUT, "external_data.onnx"), "wb") as f:
        y2 = helper.make_tensor_value_info("y", TensorProto.FLOAT, [2])
        f.write(model([helper.make_node("Add", ["x", "w"], ["y"], name="add")], [xv], [y2], [t])
                .SerializeToString())
    with open(os.path.join(OUT, "external_data.bin"), "wb") as f:
        f.write(np.array([1.5, -2.0], dtype="<f4").tobytes())
    # An .npz with the same member twice (numpy never writes one; a hostile tool can).
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for v in (1.0, 2.0):
            npy = io.BytesIO()
            np.save(npy, np.full(2, v, dtype=np.float32), allow_pickle=False)
            info = zipfile.ZipInfo("x.npy", date_time=(1980, 1, 1, 0, 0, 0))
            with __import__("warnings").catch_warnings():
                __import__("warnings").simplefilter("ignore")
                z.writestr(info, npy.getvalue())
    with open(os.path.join(OUT, "duplicate_member.npz"), "wb") as f:
        f.write(buf.getvalue())
    relu = model([helper.make_node("Relu", ["x"], ["y"], name="relu")], [xv], [y])
    save("relu.onnx", relu, RUN + ["--input", "{dir}/duplicate_member.npz"], 2, "more than once")

    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, indent=2, sort_keys=True)
        f.write("\n")
    print(len(expected), "hardening fixtures")


if __name__ == "__main__":
    main()
