#!/usr/bin/env python3
"""ONNX import+export speed and memory: `kiln convert big.onnx -o out.onnx` on a ~50 MB model.

Goal (issue 2): import and export together cost at most 3x the time to read the file once, and
peak memory stays under 2x the file size. Prints the figures and, for reference, the same round
trip with the onnx Python package (onnx.load + onnx.save).

Usage: Benchmarks/onnx-io.py [--kiln PATH] [--mb 50] [--nodes 300] [--runs 7]
Builds nothing: pass a release `kiln` (swift build -c release) for meaningful numbers.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def make_model(path, mb, nodes):
    """A chain of MatMul+Add+Relu blocks whose weights add up to about `mb` megabytes."""
    blocks = max(1, nodes // 3)
    per_block = mb * 1024 * 1024 // blocks // 4
    width = max(8, int(per_block ** 0.5))
    rng = np.random.default_rng(0)
    inits, graph_nodes = [], []
    prev = "x"
    for i in range(blocks):
        w = rng.standard_normal((width, width), dtype=np.float32)
        b = rng.standard_normal(width, dtype=np.float32)
        inits += [numpy_helper.from_array(w, f"w{i}"), numpy_helper.from_array(b, f"b{i}")]
        graph_nodes += [
            helper.make_node("MatMul", [prev, f"w{i}"], [f"m{i}"], name=f"matmul{i}"),
            helper.make_node("Add", [f"m{i}", f"b{i}"], [f"a{i}"], name=f"add{i}"),
            helper.make_node("Relu", [f"a{i}"], [f"r{i}"], name=f"relu{i}"),
        ]
        prev = f"r{i}"
    g = helper.make_graph(
        graph_nodes, "big", [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", width])],
        [helper.make_tensor_value_info(prev, TensorProto.FLOAT, ["N", width])], inits)
    onnx.save(helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)]), path)
    return len(graph_nodes)


GNU_TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None


def timed(cmd):
    """Wall time and peak RSS (bytes) of a child process.

    The RSS comes from GNU time (apt-get install time) when present: `wait4`'s ru_maxrss would
    also count the pages of this (large) Python process that the child had before exec.
    """
    full = [GNU_TIME, "-f", "KILN_RSS_KB=%M"] + cmd if GNU_TIME else cmd
    start = time.perf_counter()
    proc = subprocess.run(full, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}: {proc.stderr.decode()}")
    rss = 0
    for line in proc.stderr.decode().splitlines():
        if line.startswith("KILN_RSS_KB="):
            rss = int(line.split("=")[1]) * 1024
    return elapsed, rss


def read_once(path):
    size = os.path.getsize(path)
    buf = bytearray(size)
    start = time.perf_counter()
    with open(path, "rb", buffering=0) as f:
        view = memoryview(buf)
        got = 0
        while got < size:
            n = f.readinto(view[got:])
            if not n:
                break
            got += n
    return time.perf_counter() - start


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiln", default=os.path.join(os.path.dirname(__file__), "..", ".build", "release", "kiln"))
    ap.add_argument("--mb", type=int, default=50)
    ap.add_argument("--nodes", type=int, default=300)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    if not os.path.exists(args.kiln):
        raise SystemExit(f"{args.kiln} not found: run `swift build -c release` first")
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "big.onnx")
        out = os.path.join(tmp, "out.onnx")
        n = make_model(src, args.mb, args.nodes)
        size = os.path.getsize(src)
        read_once(src)  # warm the page cache: every measurement below reads from memory
        reads = [read_once(src) for _ in range(args.runs)]
        startup = [timed([args.kiln, "--version"])[0] for _ in range(args.runs)]
        copies = [timed(["cp", src, out + ".cp"])[0] for _ in range(args.runs)]
        imports = [timed([args.kiln, "inspect", src, "--format", "json"]) for _ in range(args.runs)]
        kiln = [timed([args.kiln, "convert", src, "-o", out]) for _ in range(args.runs)]
        py = [timed([sys.executable, "-c",
                     f"import onnx; onnx.save(onnx.load({src!r}), {out + '.py'!r})"]) for _ in range(3)]
        phases = []
        for _ in range(args.runs):
            r = subprocess.run([args.kiln, "convert", src, "-o", out, "--timing"], capture_output=True, text=True)
            line = [l for l in r.stderr.splitlines() if l.startswith("timing:")][-1]
            parts = line.replace(",", "").split()
            phases.append((float(parts[2]), float(parts[5]), float(parts[8])))
        t_read = statistics.median(reads)
        t_kiln = statistics.median(k[0] for k in kiln)
        rss = max(k[1] for k in kiln)
        t_py = statistics.median(p[0] for p in py)
        print(f"model: {size / 1e6:.1f} MB, {n} nodes")
        print(f"read the file once:          {t_read * 1e3:8.1f} ms")
        print(f"kiln --version (startup):    {statistics.median(startup) * 1e3:8.1f} ms")
        t_cp = statistics.median(copies)
        t_imp = statistics.median(i[0] for i in imports)
        print(f"cp (read + write the file):  {t_cp * 1e3:8.1f} ms  = {t_cp / t_read:.2f}x read  (the floor for any converter)")
        print(f"kiln inspect (import only):  {t_imp * 1e3:8.1f} ms  = {t_imp / t_read:.2f}x read, peak RSS {max(i[1] for i in imports) / 1e6:.1f} MB")
        print(f"kiln convert (import+export):{t_kiln * 1e3:8.1f} ms  = {t_kiln / t_read:.2f}x read  (goal <= 3x), {t_kiln / t_cp:.2f}x cp")
        in_imp = statistics.median(p[0] for p in phases) / 1e3
        in_exp = statistics.median(p[1] for p in phases) / 1e3
        print(f"  in-process: import {in_imp * 1e3:.1f} ms ({in_imp / t_read:.2f}x read), export {in_exp * 1e3:.1f} ms, "
              f"import+export {(in_imp + in_exp) * 1e3:.1f} ms = {(in_imp + in_exp) / t_read:.2f}x read")
        print(f"kiln peak RSS:               {rss / 1e6:8.1f} MB  = {rss / size:.2f}x file (goal < 2x)")
        print(f"onnx.load+onnx.save (python):{t_py * 1e3:8.1f} ms  = {t_py / t_read:.2f}x read; kiln is {t_py / t_kiln:.2f}x faster")


if __name__ == "__main__":
    main()
