#!/usr/bin/env python3
"""Latency of the nine conformance CNNs in Kiln vs onnxruntime (single thread).

Builds `kiln` in release mode (through the shared build lock), then for each model in
../shared/conformance/onnx-models runs `kiln bench MODEL --runs N --threads 1 --format json
--input input_0.pb` (its JSON report has medianMilliseconds), and onnxruntime on the same input
(arange(n)/n reshaped, as in the conformance data) with intra_op_num_threads=1. Prints a table of
medians and the Kiln/onnxruntime ratio.

    /work/venv/bin/python Benchmarks/cnn-bench.py [--runs 10] [--models resnet50,vgg19]
        [--kiln-cmd "path/to/kiln bench"] [--no-build]
"""
import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def conformance_dir():
    env = os.environ.get("KILN_CONFORMANCE")
    return env or os.path.join(os.path.dirname(ROOT), "shared", "conformance")


def ort_median(model_path, runs):
    import numpy as np
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    opts.inter_op_num_threads = 1
    opts.log_severity_level = 3
    sess = ort.InferenceSession(model_path, opts, providers=["CPUExecutionProvider"])
    feeds = {}
    for inp in sess.get_inputs():
        shape = [d if isinstance(d, int) else 1 for d in inp.shape]
        n = int(np.prod(shape))
        feeds[inp.name] = (np.arange(n, dtype=np.float64) / n).astype(np.float32).reshape(shape)
    sess.run(None, feeds)  # warm-up
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        sess.run(None, feeds)
        times.append((time.perf_counter() - t) * 1e3)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--models", default="", help="comma-separated substrings of model names")
    ap.add_argument("--kiln-cmd", default=os.environ.get("KILN_BENCH_CMD", ""),
                    help="command that takes MODEL --runs N --threads 1 and prints JSON "
                         "(default: the release kiln binary's `bench` subcommand)")
    ap.add_argument("--no-build", action="store_true")
    args = ap.parse_args()

    if not args.kiln_cmd:
        if not args.no_build:
            subprocess.run(["flock", "/tmp/kiln-build.lock", "swift", "build", "-c", "release",
                            "--product", "kiln"], cwd=ROOT, check=True)
        args.kiln_cmd = os.path.join(ROOT, ".build", "release", "kiln") + " bench"
    base = shlex.split(args.kiln_cmd)

    folder = os.path.join(conformance_dir(), "onnx-models")
    names = sorted(os.listdir(folder))
    if args.models:
        wanted = args.models.split(",")
        names = [n for n in names if any(w in n for w in wanted)]

    rows = []
    for name in names:
        path = os.path.join(folder, name, "model.onnx")
        ort_ms = ort_median(path, args.runs)
        data = os.path.join(folder, name, "test_data_set_0", "input_0.pb")
        feed = ["--input", data] if os.path.exists(data) else []
        proc = subprocess.run(base + [path, "--runs", str(args.runs), "--threads", "1",
                                      "--format", "json"] + feed,
                              capture_output=True, text=True)
        kiln_ms = float("nan")
        note = ""
        if proc.returncode == 0:
            report = json.loads(proc.stdout)
            kiln_ms = report.get("medianMilliseconds", report.get("median_ms"))
        else:
            note = (proc.stderr.strip().splitlines() or ["failed"])[-1][:60]
        rows.append((name, kiln_ms, ort_ms, note))
        print(f"  {name}: kiln {kiln_ms:.1f} ms, onnxruntime {ort_ms:.1f} ms {note}",
              file=sys.stderr)

    print(f"{'model':<22} {'kiln ms':>10} {'ort ms':>10} {'ratio':>7}")
    for name, k, o, note in rows:
        ratio = k / o if o > 0 else float("nan")
        print(f"{name:<22} {k:>10.1f} {o:>10.1f} {ratio:>7.2f}  {note}")


if __name__ == "__main__":
    main()
