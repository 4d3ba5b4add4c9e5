#!/usr/bin/env python3
"""Load time of a 50 MB model: Kiln Lite vs Kiln's ONNX reader vs onnxruntime (.onnx and .ort).

Usage (from the repository root, after `swift build -c release --product kiln`):

    .venv/bin/python Benchmarks/lite-load.py [--kiln .build/release/kiln] [--mb 50] [--repeat 15]

Makes a synthetic MLP whose float32 weights total `--mb` MB (distinct values, so nothing is a
splat or a duplicate), converts it with `kiln convert` to `.klite` and with onnxruntime's
converter to `.ort`, then loads each `--repeat` times in a fresh process:
- Kiln: `kiln bench FILE --runs 1 --warmup 0 --format json` reports `loadMilliseconds`: mapping,
  validating and decoding the file into the IR (including the graph verifier), in-process.
- onnxruntime: time to construct `InferenceSession` (which also plans; its load is not separable),
  for `.onnx` and `.ort`, one thread.
The page cache is warm for every reader (each file is read once before timing). Prints min and
median per reader.
"""
import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

ROOT = Path(__file__).resolve().parent.parent


def make_model(path, mb):
    width = 1024
    layer_bytes = width * width * 4
    layers = max(1, round(mb * 1e6 / layer_bytes))
    nodes, inits = [], []
    x = "x"
    for i in range(layers):
        w = (np.arange(width * width, dtype=np.float32).reshape(width, width) % 977 + i) * 1e-4
        inits.append(numpy_helper.from_array(w.astype(np.float32), f"w{i}"))
        inits.append(numpy_helper.from_array(np.full(width, 0.01 * (i + 1), np.float32) + np.arange(width, dtype=np.float32) * 1e-6, f"b{i}"))
        nodes.append(helper.make_node("MatMul", [x, f"w{i}"], [f"m{i}"]))
        nodes.append(helper.make_node("Add", [f"m{i}", f"b{i}"], [f"a{i}"]))
        nodes.append(helper.make_node("Relu", [f"a{i}"], [f"h{i}"]))
        x = f"h{i}"
    g = helper.make_graph(
        nodes, "mlp", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, width])],
        [helper.make_tensor_value_info(x, TensorProto.FLOAT, [1, width])], inits)
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)])
    m.ir_version = 8
    onnx.save(m, str(path))
    return sum(t.raw_data.__len__() for t in inits)


def kiln_load_ms(kiln, path):
    r = subprocess.run([kiln, "bench", str(path), "--runs", "1", "--warmup", "0", "--format", "json"],
                       capture_output=True, text=True, check=True)
    return json.loads(r.stdout)["loadMilliseconds"]


def ort_session_ms(path):
    code = (
        "import time, onnxruntime as ort\n"
        "o = ort.SessionOptions(); o.intra_op_num_threads = 1\n"
        f"t = time.perf_counter(); ort.InferenceSession({str(path)!r}, o, providers=['CPUExecutionProvider'])\n"
        "print((time.perf_counter() - t) * 1e3)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(r.stdout.strip())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kiln", default=str(ROOT / ".build/release/kiln"))
    ap.add_argument("--mb", type=float, default=50)
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        onnx_path = tmp / "mlp.onnx"
        weights = make_model(onnx_path, args.mb)
        klite = tmp / "mlp.klite"
        subprocess.run([args.kiln, "convert", str(onnx_path), "-o", str(klite)], check=True)
        subprocess.run([sys.executable, "-m", "onnxruntime.tools.convert_onnx_models_to_ort",
                        str(onnx_path), "--optimization_style", "Fixed"], capture_output=True, check=True)
        ort_path = tmp / "mlp.ort"
        print(f"model: {weights / 1e6:.1f} MB of weights; .onnx {onnx_path.stat().st_size / 1e6:.1f} MB, "
              f".klite {klite.stat().st_size / 1e6:.1f} MB, .ort {ort_path.stat().st_size / 1e6:.1f} MB")
        for p in [onnx_path, klite, ort_path]:
            p.read_bytes()  # warm the page cache for everyone
        rows = [
            ("kiln .klite (load)", lambda: kiln_load_ms(args.kiln, klite)),
            ("kiln .onnx (load)", lambda: kiln_load_ms(args.kiln, onnx_path)),
            ("onnxruntime .onnx (session)", lambda: ort_session_ms(onnx_path)),
            ("onnxruntime .ort (session)", lambda: ort_session_ms(ort_path)),
        ]
        print(f"{'reader':<30} {'min ms':>9} {'median ms':>10}")
        for name, fn in rows:
            t = [fn() for _ in range(args.repeat)]
            print(f"{name:<30} {min(t):>9.3f} {statistics.median(t):>10.3f}")


if __name__ == "__main__":
    main()
