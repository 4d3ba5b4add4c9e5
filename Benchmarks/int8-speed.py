#!/usr/bin/env python3
"""int8 vs fp32 in Kiln's runtime, and Kiln vs onnxruntime on the int8 models, side by side.

Models: the realistic variants of the conformance CNNs made by scripts/make-realistic-cnns.py
(generated into .build/realistic-cnns when missing; He-initialized weights, calibrated
BatchNorm statistics). For each model, in one invocation:

- fp32: `kiln convert MODEL.onnx -o fp32.klite` (default -O2);
- int8: static QDQ quantization with calibration samples from the same script, by
  `kiln quantize --mode int8-static` when the CLI has it (--quantizer kiln), else by
  onnxruntime's `quant_pre_process` + `quantize_static` (QDQ format, per-channel int8 weights,
  uint8 activations; --quantizer ort, the default); then `kiln convert QDQ.onnx -o int8.klite`, whose -O2
  pipeline turns QDQ Conv/MatMul into QLinearConv/QLinearMatMul (the count is printed);
- `kiln bench` on both .klite files and onnxruntime (CPU, default optimizations, which fuse
  QDQ into its integer kernels) on the fp32 and the QDQ .onnx, same input, --threads for all;
- agreement on the logits (the final Softmax is removed before anything else): cosine of
  Kiln's int8 output with Kiln's fp32 output, of Kiln's int8 output with onnxruntime's int8
  output, and of onnxruntime running Kiln's -O2 integer graph (.onnx) with onnxruntime running
  the QDQ graph (the rewrite's output is standard ONNX).

Prints per model the medians (ms), Kiln int8/fp32 (below 1 means int8 is faster), Kiln
int8/onnxruntime int8, and the geometric means.

    .venv/bin/python Benchmarks/int8-speed.py [--models squeezenet,resnet50] [--threads 1]
        [--runs 10] [--quantizer ort|kiln] [--no-build | --kiln PATH]
"""
import argparse
import glob
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CNNS = os.path.join(ROOT, ".build", "realistic-cnns")
DEFAULT = "squeezenet,resnet50,inception_v1,shufflenet,densenet121"


def ensure_model(name):
    path = os.path.join(CNNS, name + ".onnx")
    if not os.path.exists(path):
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "make-realistic-cnns.py"),
                        "--out", CNNS, "--models", "light_" + name], check=True)
    return path


def logits_model(src, dst):
    """The model up to the input of its last Softmax, so outputs (and agreement) are logits."""
    import onnx
    from onnx import helper
    m = onnx.load(src)
    soft = [n for n in m.graph.node if n.op_type == "Softmax"]
    if soft:
        logits = soft[-1].input[0]
        del m.graph.output[:]
        m.graph.output.append(helper.make_tensor_value_info(logits, onnx.TensorProto.FLOAT, None))
        producer = {o: n for n in m.graph.node for o in n.output}
        needed, stack = set(), [logits]
        while stack:
            n = producer.get(stack.pop())
            if n is not None and id(n) not in needed:
                needed.add(id(n))
                stack.extend(i for i in n.input if i)
        keep = [n for n in m.graph.node if id(n) in needed]
        del m.graph.node[:]
        m.graph.node.extend(keep)
    onnx.save(m, dst)
    return dst


def feeds_of(name):
    z = np.load(os.path.join(CNNS, name + ".feed.npz"))
    return {k: z[k] for k in z.files}


def quantize_ort(src, dst, name):
    from onnxruntime.quantization import (CalibrationDataReader, QuantFormat, QuantType,
                                          quant_pre_process, quantize_static)
    samples = [dict(np.load(f)) for f in
               sorted(glob.glob(os.path.join(CNNS, name + ".calibration", "*.npz")))]

    class Reader(CalibrationDataReader):
        def __init__(self):
            self.it = iter(samples)

        def get_next(self):
            return next(self.it, None)

    # onnxruntime's recommended pre-processing (shape inference, BatchNorm folded into Conv)
    # so the quantized Conv feeds its activation directly, as in a deployed model.
    pre = dst + ".pre.onnx"
    quant_pre_process(src, pre, skip_symbolic_shape=True)
    quantize_static(pre, dst, Reader(), quant_format=QuantFormat.QDQ, per_channel=True,
                    activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8)
    os.remove(pre)


def quantize_kiln(kiln, src, dst, name):
    r = subprocess.run([kiln, "quantize", src, "-o", dst, "--mode", "int8-static",
                        "--calibration", os.path.join(CNNS, name + ".calibration")],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError("kiln quantize failed: " + r.stderr.strip()[:300])


def ort_time(model, feeds, threads, runs, warmup):
    import onnxruntime as ort
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    opts.log_severity_level = 3
    sess = ort.InferenceSession(model, opts, providers=["CPUExecutionProvider"])
    for _ in range(warmup):
        out = sess.run(None, feeds)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        out = sess.run(None, feeds)
        times.append((time.perf_counter() - t) * 1e3)
    return statistics.median(times), out[0]


def kiln_time(kiln, model, feed_file, threads, runs, warmup):
    r = subprocess.run([kiln, "bench", model, "--input", feed_file, "--runs", str(runs),
                        "--warmup", str(warmup), "--threads", str(threads), "--format", "json"],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError("kiln bench failed: " + r.stderr.strip()[:300])
    return json.loads(r.stdout)["medianMilliseconds"]


def kiln_output(kiln, model, feed_file, tmp):
    out = os.path.join(tmp, "out.npz")
    r = subprocess.run([kiln, "run", model, "--input", feed_file, "-o", out],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError("kiln run failed: " + r.stderr.strip()[:300])
    z = np.load(out)
    return z[z.files[0]]


def cosine(a, b):
    a = np.asarray(a, dtype=np.float64).ravel()
    b = np.asarray(b, dtype=np.float64).ravel()
    na, nb = np.linalg.norm(a), np.linalg.norm(b)
    return float(a @ b / (na * nb)) if na and nb else 0.0


def count_ops(path):
    import onnx
    m = onnx.load(path, load_external_data=False)
    counts = {}
    for n in m.graph.node:
        counts[n.op_type] = counts.get(n.op_type, 0) + 1
    return counts


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--models", default=DEFAULT)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--quantizer", choices=["ort", "kiln"], default="ort")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--kiln", default="", help="a kiln binary to use (implies --no-build)")
    args = ap.parse_args()
    if not args.no_build and not args.kiln:
        subprocess.run(["flock", "/tmp/kiln-build.lock", "swift", "build", "-c", "release",
                        "--product", "kiln"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    kiln = args.kiln or os.path.join(ROOT, ".build", "release", "kiln")
    print(f"threads {args.threads}, {args.runs} runs after {args.warmup} warm-up, median ms; "
          f"int8 by {'kiln quantize' if args.quantizer == 'kiln' else 'onnxruntime quantize_static (QDQ)'}")
    print(f"{'model':13} {'kiln fp32':>9} {'kiln int8':>9} {'i8/fp32':>7} {'ort fp32':>8} "
          f"{'ort int8':>8} {'kiln/ort i8':>11} {'QLinearConv':>11} {'cos i8/fp32':>11} "
          f"{'cos kiln/ort i8':>15} {'ort on -O2':>13}")
    speedups, versus = [], []
    for name in [m for m in args.models.split(",") if m]:
        full = ensure_model(name)
        feeds = feeds_of(name)
        feed_file = os.path.join(CNNS, name + ".feed.npz")
        with tempfile.TemporaryDirectory() as tmp:
            src = logits_model(full, os.path.join(tmp, "fp32.onnx"))
            fp32 = os.path.join(tmp, "fp32.klite")
            qdq = os.path.join(tmp, "qdq.onnx")
            opt = os.path.join(tmp, "int8-opt.onnx")
            int8 = os.path.join(tmp, "int8.klite")
            try:
                subprocess.run([kiln, "convert", src, "-o", fp32], check=True,
                               capture_output=True)
                if args.quantizer == "kiln":
                    quantize_kiln(kiln, src, qdq, name)
                else:
                    # onnxruntime's quantization is deterministic: cached beside the model.
                    cached = os.path.join(CNNS, name + ".qdq-ort.onnx")
                    if not os.path.exists(cached):
                        quantize_ort(src, cached + ".tmp", name)
                        os.replace(cached + ".tmp", cached)
                    qdq = cached
                subprocess.run([kiln, "convert", qdq, "-o", int8], check=True, capture_output=True)
                subprocess.run([kiln, "convert", qdq, "-o", opt, "-O2"], check=True,
                               capture_output=True)
                qlinear = count_ops(opt).get("QLinearConv", 0)
                k32 = kiln_time(kiln, fp32, feed_file, args.threads, args.runs, args.warmup)
                k8 = kiln_time(kiln, int8, feed_file, args.threads, args.runs, args.warmup)
                o32, _ = ort_time(src, feeds, args.threads, args.runs, args.warmup)
                o8, ort_out = ort_time(qdq, feeds, args.threads, args.runs, args.warmup)
                # Kiln's integer rewrite is standard ONNX: onnxruntime runs it too.
                try:
                    _, ort_opt_out = ort_time(opt, feeds, 1, 1, 0)
                except Exception:  # noqa: BLE001 (onnxruntime lacks a form Kiln wrote)
                    ort_opt_out = None
                y32 = kiln_output(kiln, fp32, feed_file, tmp)
                y8 = kiln_output(kiln, int8, feed_file, tmp)
            except (RuntimeError, subprocess.CalledProcessError) as e:
                msg = getattr(e, "stderr", None) or str(e)
                if isinstance(msg, bytes):
                    msg = msg.decode(errors="replace")
                print(f"{name:13} failed: {str(msg).strip()[:200]}", flush=True)
                continue
        speedups.append(k8 / k32)
        versus.append(k8 / o8)
        print(f"{name:13} {k32:9.2f} {k8:9.2f} {k8 / k32:7.2f} {o32:8.2f} {o8:8.2f} "
              f"{k8 / o8:11.2f} {qlinear:11d} {cosine(y8, y32):11.4f} {cosine(y8, ort_out):15.5f} "
              f"{(f'{cosine(ort_opt_out, ort_out):.5f}' if ort_opt_out is not None else 'n/a'):>13}",
              flush=True)
    if speedups:
        g = lambda xs: math.exp(sum(math.log(x) for x in xs) / len(xs))
        print(f"geometric mean: Kiln int8/fp32 {g(speedups):.2f}, Kiln int8/onnxruntime int8 "
              f"{g(versus):.2f} over {len(speedups)} models")


if __name__ == "__main__":
    main()
