#!/usr/bin/env python3
"""Checks that Kiln's float32 Sigmoid, Tanh and Erf are bit-identical to onnxruntime's.

Usage: mlas_activation_check.py KILN [--points N]
Builds one single-op model per activation, feeds N evenly spaced values in [-25, 25] plus the
clamp points, NaN and ±inf to onnxruntime (CPU, one thread) and to `KILN run`, and compares the
float32 bit patterns (NaN equals NaN). Prints one line per op and "N passed, N failed".
"""
import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kiln")
    ap.add_argument("--points", type=int, default=400001)
    args = ap.parse_args()
    x = np.concatenate([
        np.linspace(-25, 25, args.points).astype(np.float32),
        np.array([18, -18, 9, -9, 3.925, -3.925, 0.921875, -0.921875, 0, -0.0,
                  np.nan, np.inf, -np.inf], np.float32)])
    passed = failed = 0
    with tempfile.TemporaryDirectory() as d:
        np.save(os.path.join(d, "x.npy"), x)
        for op in ["Sigmoid", "Tanh", "Erf"]:
            g = helper.make_graph(
                [helper.make_node(op, ["x"], ["y"])], "g",
                [helper.make_tensor_value_info("x", TensorProto.FLOAT, [x.size])],
                [helper.make_tensor_value_info("y", TensorProto.FLOAT, [x.size])])
            path = os.path.join(d, op + ".onnx")
            onnx.save(helper.make_model(g, opset_imports=[helper.make_opsetid("", 13)]), path)
            so = ort.SessionOptions()
            so.intra_op_num_threads = 1
            want = ort.InferenceSession(path, so, providers=["CPUExecutionProvider"]).run(None, {"x": x})[0]
            out = os.path.join(d, op + ".npz")
            r = subprocess.run([args.kiln, "run", path, "--input", "x=" + os.path.join(d, "x.npy"), "-o", out],
                               capture_output=True, text=True)
            if r.returncode != 0:
                print(f"{op}: kiln failed: {r.stderr.strip()}")
                failed += 1
                continue
            got = np.load(out)["y"]
            same = (got.view(np.int32) == want.view(np.int32)) | (np.isnan(got) & np.isnan(want))
            bad = np.where(~same)[0]
            detail = "" if not len(bad) else f"; first at x={x[bad[0]]!r}: kiln {got[bad[0]]!r}, onnxruntime {want[bad[0]]!r}"
            print(f"{op}: {int(same.sum())} of {same.size} values bit-identical{detail}")
            if len(bad):
                failed += 1
            else:
                passed += 1
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
