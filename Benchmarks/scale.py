#!/usr/bin/env python3
"""Scale benchmark: kiln convert / check / run on 10k- and 200k-node graphs (chain, fan-out).

    python Benchmarks/scale.py [path/to/kiln]     (default .build/release/kiln)

Prints seconds per command and the 200k/10k ratio (near-linear: about 20; quadratic: about 400).
Graphs are Relu nodes: a chain (each reads the previous) and a wide fan-out (all read x, all
are graph outputs). Needs onnx and numpy.
"""
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import onnx
from onnx import TensorProto, helper

KILN = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", ".build", "release", "kiln")


def graph(kind, n, path):
    nodes = []
    if kind == "chain":
        prev = "x"
        for i in range(n):
            nodes.append(helper.make_node("Relu", [prev], [f"v{i}"], name=f"n{i}"))
            prev = f"v{i}"
        outs = [helper.make_tensor_value_info(prev, TensorProto.FLOAT, [4])]
    else:
        nodes = [helper.make_node("Relu", ["x"], [f"v{i}"], name=f"n{i}") for i in range(n)]
        outs = [helper.make_tensor_value_info(f"v{i}", TensorProto.FLOAT, [4]) for i in range(n)]
    g = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [4])], outs)
    onnx.save(helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)]), path)


def timed(args):
    t0 = time.perf_counter()
    r = subprocess.run(args, capture_output=True)
    if r.returncode not in (0, 1):
        raise SystemExit(f"{args}: exit {r.returncode}: {r.stderr.decode()[:300]}")
    return time.perf_counter() - t0


def main():
    with tempfile.TemporaryDirectory() as d:
        np.save(os.path.join(d, "x.npy"), np.ones(4, dtype=np.float32))
        print(f"{'graph':<8}{'command':<10}{'10k s':>9}{'200k s':>9}{'ratio':>8}")
        for kind in ("chain", "wide"):
            times = {}
            for n in (10_000, 200_000):
                m = os.path.join(d, f"{kind}{n}.onnx")
                graph(kind, n, m)
                times[n] = {
                    "convert": timed([KILN, "convert", m, "-o", os.path.join(d, "out.json")]),
                    "check": timed([KILN, "check", m, "-o", os.path.join(d, "report.txt")]),
                    "run": timed([KILN, "run", m, "--input", "x=" + os.path.join(d, "x.npy")]),
                }
            for cmd in ("convert", "check", "run"):
                a, b = times[10_000][cmd], times[200_000][cmd]
                print(f"{kind:<8}{cmd:<10}{a:>9.3f}{b:>9.3f}{b / a:>8.1f}")


if __name__ == "__main__":
    main()
