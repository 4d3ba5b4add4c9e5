#!/usr/bin/env python3
"""Checks an optimized model against its original: onnx.checker (full_check) on the optimized
file, then both run in onnxruntime on the same seeded random inputs (symbolic dims = 2) and
every output must match (float: allclose rtol=1e-4, atol=1e-5; others exact). Exit 0 when
both hold, 1 otherwise; prints one line per problem. Used by KilnPassesTests' interop test.

    python scripts/check-optimized.py ORIGINAL.onnx OPTIMIZED.onnx
"""
import sys

import numpy as np
import onnx
import onnxruntime as ort


def feeds_for(sess):
    rng = np.random.default_rng(0)
    feeds = {}
    for i in sess.get_inputs():
        shape = [d if isinstance(d, int) and d > 0 else 2 for d in i.shape]
        if "float" in i.type:
            feeds[i.name] = rng.uniform(-1, 1, shape).astype(np.float32)
        elif "bool" in i.type:
            feeds[i.name] = rng.integers(0, 2, shape).astype(bool)
        else:
            feeds[i.name] = rng.integers(0, 2, shape).astype(np.int64)
    return feeds


def run(path, feeds):
    o = ort.SessionOptions()
    o.log_severity_level = 3
    o.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    s = ort.InferenceSession(path, o, providers=["CPUExecutionProvider"])
    return s, dict(zip([x.name for x in s.get_outputs()], s.run(None, feeds)))


def main():
    original, optimized = sys.argv[1], sys.argv[2]
    ok = True
    try:
        onnx.checker.check_model(onnx.load(optimized), full_check=True)
    except Exception as e:
        print(f"checker: {str(e).splitlines()[0]}")
        ok = False
    sess = ort.InferenceSession(original, providers=["CPUExecutionProvider"])
    feeds = feeds_for(sess)
    _, want = run(original, feeds)
    _, got = run(optimized, feeds)
    for name, a in want.items():
        if name not in got:
            print(f"{name}: missing in the optimized model")
            ok = False
            continue
        b = got[name]
        if a.shape != b.shape:
            print(f"{name}: shape {b.shape} != {a.shape}")
            ok = False
        elif a.dtype.kind == "f":
            if not np.allclose(b, a, rtol=1e-4, atol=1e-5, equal_nan=True):
                print(f"{name}: max abs error {np.max(np.abs(b.astype(np.float64) - a))}")
                ok = False
        elif not np.array_equal(a, b):
            print(f"{name}: values differ")
            ok = False
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
