#!/usr/bin/env python3
"""Runs one model in onnxruntime (CPU, one thread) on the inputs of an .npz; used by the quantizer's
interop tests.

Usage: ort_run.py MODEL INPUTS.npz OUT.npz [--no-optimizations]
Writes every output to OUT.npz by name. Default graph optimizations are what users get (QDQ
pairs fused into QLinearConv/QLinearMatMul integer kernels); --no-optimizations runs the QDQ
graph node by node. Exits 1 with one line on stderr if onnxruntime refuses or fails the model.
"""
import sys

import numpy as np
import onnxruntime as ort


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    model, inputs, out = args
    so = ort.SessionOptions()
    so.intra_op_num_threads = 1
    so.inter_op_num_threads = 1
    so.log_severity_level = 3
    if "--no-optimizations" in sys.argv:
        so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    try:
        sess = ort.InferenceSession(model, so, providers=["CPUExecutionProvider"])
        feeds = dict(np.load(inputs))
        names = [o.name for o in sess.get_outputs()]
        results = sess.run(names, feeds)
    except Exception as e:  # noqa: BLE001 - the message is the point
        print(f"onnxruntime: {str(e).splitlines()[0][:300]}", file=sys.stderr)
        return 1
    np.savez(out, **dict(zip(names, results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
