#!/usr/bin/env python3
"""Scale benchmark: kiln convert / check / run on 10k- and 200k-node graphs.

    python Benchmarks/scale.py [path/to/kiln ...] [--kinds chain,wide,ifs] [--sizes 10000,200000]
                               [--timeout SECONDS]

(default binary .build/release/kiln). With several binaries (e.g. main's and a branch's), each
command runs with every binary side by side on the same files, so their ratios are comparable on
a busy machine. Prints CPU seconds (user + system) per command and the largest/smallest ratio (near-linear: about
the size ratio, 20; quadratic: about its square, 400); a command over the timeout prints ">T".
Graphs: a chain of Relu nodes (each reads the previous), a wide fan-out (all read x, all are
graph outputs), and a chain of If nodes (each branch a one-node subgraph reading the previous
If's output from the enclosing graph). Needs onnx and numpy.
"""
import argparse
import os
import resource
import subprocess
import sys
import tempfile

import numpy as np
import onnx
from onnx import TensorProto, helper

DEFAULT_KILN = os.path.join(os.path.dirname(__file__), "..", ".build", "release", "kiln")


def graph(kind, n, path):
    nodes = []
    inputs = [helper.make_tensor_value_info("x", TensorProto.FLOAT, [4])]
    if kind == "ifs":
        inputs.append(helper.make_tensor_value_info("c", TensorProto.BOOL, []))
        prev = "x"
        for i in range(n):
            branches = {}
            for side, op in (("then", "Relu"), ("else", "Neg")):
                out = f"{side}{i}"
                branches[side + "_branch"] = helper.make_graph(
                    [helper.make_node(op, [prev], [out])], f"{side}{i}", [],
                    [helper.make_tensor_value_info(out, TensorProto.FLOAT, [4])])
            nodes.append(helper.make_node("If", ["c"], [f"v{i}"], name=f"n{i}", **branches))
            prev = f"v{i}"
        outs = [helper.make_tensor_value_info(prev, TensorProto.FLOAT, [4])]
    elif kind == "chain":
        prev = "x"
        for i in range(n):
            nodes.append(helper.make_node("Relu", [prev], [f"v{i}"], name=f"n{i}"))
            prev = f"v{i}"
        outs = [helper.make_tensor_value_info(prev, TensorProto.FLOAT, [4])]
    else:
        nodes = [helper.make_node("Relu", ["x"], [f"v{i}"], name=f"n{i}") for i in range(n)]
        outs = [helper.make_tensor_value_info(f"v{i}", TensorProto.FLOAT, [4]) for i in range(n)]
    g = helper.make_graph(nodes, "g", inputs, outs)
    onnx.save(helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)]), path)


def timed(args, timeout):
    """CPU seconds (user + system) of the command: unlike wall time, not inflated by other
    processes competing for the shared cores. None when it ran past `timeout` (wall)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        r = subprocess.run(args, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode not in (0, 1):
        raise SystemExit(f"{args}: exit {r.returncode}: {r.stderr.decode()[:300]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("kiln", nargs="*", default=[DEFAULT_KILN])
    ap.add_argument("--kinds", default="chain,wide,ifs")
    ap.add_argument("--sizes", default="10000,200000")
    ap.add_argument("--timeout", type=float, default=600)
    a = ap.parse_args()
    sizes = [int(v) for v in a.sizes.split(",")]
    small, large = sizes[0], sizes[-1]
    fmt = lambda t: f"{'>' + str(int(a.timeout)):>9}" if t is None else f"{t:>9.3f}"
    with tempfile.TemporaryDirectory() as d:
        np.save(os.path.join(d, "x.npy"), np.ones(4, dtype=np.float32))
        np.save(os.path.join(d, "c.npy"), np.array(True))
        binary = len(a.kiln) > 1
        head = "".join(f"{f'{n // 1000}k s':>9}" for n in sizes)
        print(f"{'graph':<8}{'command':<10}" + (f"{'binary':<28}" if binary else "") + head + f"{'ratio':>8}")
        for kind in a.kinds.split(","):
            times = {}
            for n in sizes:
                m = os.path.join(d, f"{kind}{n}.onnx")
                graph(kind, n, m)
                feeds = ["--input", "x=" + os.path.join(d, "x.npy")]
                if kind == "ifs":
                    feeds += ["--input", "c=" + os.path.join(d, "c.npy")]
                for k in a.kiln:
                    t = times.setdefault(k, {}).setdefault(n, {})
                    t["convert"] = timed([k, "convert", m, "-o", os.path.join(d, "out.json")], a.timeout)
                    t["check"] = timed([k, "check", m, "-o", os.path.join(d, "report.txt")], a.timeout)
                    t["run"] = timed([k, "run", m] + feeds, a.timeout)
            for cmd in ("convert", "check", "run"):
                for k in a.kiln:
                    row = [times[k][n][cmd] for n in sizes]
                    x, y = row[0], row[-1]
                    ratio = f"{y / x:>8.1f}" if x and y else f"{'-':>8}"
                    label = f"{k[-27:]:<28}" if binary else ""
                    print(f"{kind:<8}{cmd:<10}{label}" + "".join(fmt(t) for t in row) + ratio, flush=True)


if __name__ == "__main__":
    main()
