#!/usr/bin/env python3
"""Peak memory while converting a model whose weights exceed half the machine's memory.

Usage (from the repository root, after `swift build -c release --product kiln`; needs about
3 × --gb of free disk, removed afterwards unless --keep):

    .venv/bin/python Benchmarks/lite-stream.py [--gb 13] [--dir /tmp/kiln-lite-stream] [--kiln ...]

Writes a synthetic ONNX model (a MatMul chain) whose float32 weights live in an external data file
of `--gb` GiB (1 GiB per tensor, distinct non-constant values, so neither splats nor
deduplication apply), then times `kiln convert model.onnx -o model.klite` and
`kiln convert model.klite -o back.onnx` and prints each one's peak resident memory (the child's
`ru_maxrss`). Kiln streams weights from their memory mapping into the output and hands written
pages back to the kernel, so the peak stays far below the weights' size. Finally it checks that a
sample of bytes of every tensor in back.onnx's external data equals the source.
"""
import argparse
import os
import shutil
import subprocess
import time
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper

ROOT = Path(__file__).resolve().parent.parent
WIDTH = 16384  # 16384 × 16384 float32 = 1 GiB per tensor


def make(dirpath, gib):
    data = dirpath / "model.data"
    per = WIDTH * WIDTH * 4
    inits, nodes = [], []
    x = "x"
    chunk_rows = 1024
    with open(data, "wb") as f:
        for i in range(gib):
            for r0 in range(0, WIDTH, chunk_rows):
                rows = (np.arange(r0, r0 + chunk_rows, dtype=np.float32)[:, None] * 1e-3
                        + np.arange(WIDTH, dtype=np.float32)[None, :] * 1e-7 + i)
                f.write(rows.astype(np.float32).tobytes())
            t = TensorProto(name=f"w{i}", data_type=TensorProto.FLOAT, dims=[WIDTH, WIDTH])
            t.data_location = TensorProto.EXTERNAL
            for k, v in [("location", "model.data"), ("offset", str(i * per)), ("length", str(per))]:
                e = t.external_data.add()
                e.key, e.value = k, v
            inits.append(t)
            nodes.append(helper.make_node("MatMul", [x, f"w{i}"], [f"h{i}"]))
            x = f"h{i}"
    g = helper.make_graph(nodes, "big", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, WIDTH])],
                          [helper.make_tensor_value_info(x, TensorProto.FLOAT, [1, WIDTH])], inits)
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)])
    m.ir_version = 8
    with open(dirpath / "model.onnx", "wb") as f:
        f.write(m.SerializeToString())
    return gib * per


def run(cmd):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd)
    _, status, usage = os.wait4(p.pid, 0)
    if status != 0:
        raise SystemExit(f"failed ({status}): {' '.join(cmd)}")
    return time.perf_counter() - t0, usage.ru_maxrss * 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kiln", default=str(ROOT / ".build/release/kiln"))
    ap.add_argument("--gb", type=int, default=13)
    ap.add_argument("--dir", default="/tmp/kiln-lite-stream")
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    d = Path(args.dir)
    shutil.rmtree(d, ignore_errors=True)
    d.mkdir(parents=True)
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    try:
        t0 = time.perf_counter()
        weights = make(d, args.gb)
        print(f"synthetic model: {weights / 2**30:.1f} GiB of weights in external data "
              f"({weights / mem:.0%} of this machine's {mem / 2**30:.1f} GiB), written in {time.perf_counter() - t0:.0f} s")
        for label, cmd, out in [
            (".onnx -> .klite", [args.kiln, "convert", str(d / "model.onnx"), "-o", str(d / "model.klite")], d / "model.klite"),
            (".klite -> .onnx", [args.kiln, "convert", str(d / "model.klite"), "-o", str(d / "back.onnx")], d / "back.onnx"),
        ]:
            secs, rss = run(cmd)
            size = out.stat().st_size + sum(p.stat().st_size for p in d.glob(out.name + ".data"))
            print(f"{label}: {secs:6.1f} s, output {size / 2**30:.2f} GiB, peak RSS {rss / 2**20:.0f} MiB "
                  f"({rss / weights:.2%} of the weights)")
        # Spot-check the bytes that came back.
        back_data = sorted(d.glob("back.onnx*.data")) or sorted(d.glob("*.data"))
        src = np.memmap(d / "model.data", dtype=np.uint8, mode="r")
        m = onnx.load(str(d / "back.onnx"), load_external_data=False)
        ok = 0
        for t in m.graph.initializer:
            info = {e.key: e.value for e in t.external_data}
            dst = np.memmap(d / info["location"], dtype=np.uint8, mode="r")
            i = int(t.name[1:])
            per = WIDTH * WIDTH * 4
            for off in [0, per // 2, per - 4096]:
                a = src[i * per + off:i * per + off + 4096]
                b = dst[int(info.get("offset", 0)) + off:int(info.get("offset", 0)) + off + 4096]
                ok += int(np.array_equal(a, b))
        print(f"round trip spot check: {ok} of {3 * len(m.graph.initializer)} samples equal")
        del back_data
    finally:
        if not args.keep:
            shutil.rmtree(d, ignore_errors=True)


if __name__ == "__main__":
    main()
