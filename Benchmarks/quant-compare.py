#!/usr/bin/env python3
"""Kiln's quantizer vs onnxruntime.quantization on the same models and calibration samples.

Usage: Benchmarks/quant-compare.py [--kiln .build/release/kiln] [--models a,b] [--calib N]
       [--runs R] [--work DIR] [--methods minmax,entropy]

Models: the float models of ../shared/real-models (fetched into .build/real-models: anr_*
GRU encoders/decoders, sudachi_b ALBERT, tinyocr_det, tinyocr_rec), the realistic CNN variants
made by scripts/make-realistic-cnns.py when that script exists (into DIR/cnn, --cnns; else two
small CNNs made here), and fixtures/quant/small_cnn.onnx, fixtures/models/lstm.onnx and
attention.onnx.

Calibration samples are drawn like each model's feed (feeds/NAME.npz): float inputs are the
feed scaled by U(0.7, 1.3) plus Gaussian noise of 0.2 of its standard deviation; integer token
inputs are redrawn uniformly between the feed's min and max where the feed is non-zero
(padding and segment ids kept); bool masks are kept. Evaluation uses the feed itself and three
more samples drawn the same way from another seed, never the calibration samples.

Outputs compared: every float graph output; a graph output made by ArgMax or Softmax is
replaced by its input (the logits), added as an output before either tool quantizes. All
quantized models are evaluated in onnxruntime (one thread, default optimizations) against the
fp32 model's onnxruntime outputs: the smallest cosine over outputs and samples and the largest
max abs error; and (`mean N`) the mean over N more samples (--evals, seeds 5000+) of each
sample's smallest cosine, which ranks two quantizers whose 4-sample minimums differ by less
than the sampling noise (1e-5 on the GRU and ALBERT models). Sizes: the .onnx against the fp32 .onnx, and (klite %) each model converted by
`kiln convert` (-O2: QDQ Conv/MatMul become integer ops) against the fp32 .klite. Latency: median
of R runs of the feed, one thread, in Kiln (`kiln bench` on the .klite) and in onnxruntime (the
.onnx), measured side by side in this run (the box is shared: read ratios, not absolutes).

onnxruntime: quantize_dynamic (defaults: int8 weights per tensor) and quantize_static in QDQ
format (uint8 activations, int8 weights, per-channel, MinMax) on the same samples, and
onnxruntime.transformers.float16.convert_float_to_float16 (keep_io_types) for fp16.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import onnx
import onnxruntime as ort

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
SHARED = os.path.abspath(os.path.join(ROOT, "..", "shared", "real-models"))
REAL = ["anr_encoder", "anr_decoder", "anr_fa_encoder", "anr_fa_decoder", "sudachi_b",
        "tinyocr_det", "tinyocr_rec"]


def session(path, disable=False):
    so = ort.SessionOptions()
    so.intra_op_num_threads = 1
    so.inter_op_num_threads = 1
    so.log_severity_level = 3
    if disable:
        so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    return ort.InferenceSession(path, so, providers=["CPUExecutionProvider"])


def draw(feed, rng):
    out = {}
    for k, v in feed.items():
        if v.dtype == np.bool_:
            out[k] = v.copy()
        elif np.issubdtype(v.dtype, np.floating):
            std = float(v.std()) or 1.0
            out[k] = (v * rng.uniform(0.7, 1.3) + rng.normal(0, 0.2 * std, v.shape)).astype(v.dtype)
        elif np.issubdtype(v.dtype, np.integer):
            lo, hi = int(v.min()), int(v.max())
            if hi - lo <= 1:
                out[k] = v.copy()
            else:
                r = rng.integers(max(lo, 1), hi + 1, v.shape).astype(v.dtype)
                out[k] = np.where(v != 0, r, v)
        else:
            out[k] = v.copy()
    return out


def random_feed(model, rng):
    feed = {}
    inits = {i.name for i in model.graph.initializer}
    for i in model.graph.input:
        if i.name in inits:
            continue
        t = i.type.tensor_type
        shape = [d.dim_value if d.dim_value > 0 else 4 for d in t.shape.dim]
        if t.elem_type == onnx.TensorProto.FLOAT:
            feed[i.name] = rng.uniform(-1, 1, shape).astype(np.float32)
        elif t.elem_type == onnx.TensorProto.INT64:
            feed[i.name] = rng.integers(0, 10, shape).astype(np.int64)
        else:
            raise SystemExit(f"no feed for {i.name}")
    return feed


def with_logits(src, dst):
    """Adds the input of an ArgMax/Softmax graph output as an output; returns compared names."""
    m = onnx.load(src)
    producer = {o: n for n in m.graph.node for o in n.output}
    compared = []
    for o in list(m.graph.output):
        n = producer.get(o.name)
        if n is not None and n.op_type in ("ArgMax", "Softmax"):
            vi = onnx.helper.make_tensor_value_info(n.input[0], onnx.TensorProto.FLOAT, None)
            m.graph.output.append(vi)
            compared.append(n.input[0])
        elif o.type.tensor_type.elem_type == onnx.TensorProto.FLOAT:
            compared.append(o.name)
    onnx.save(m, dst)
    return compared


def compare(ref, got, names):
    cos, err = 1.0, 0.0
    for r, g in zip(ref, got):
        for n in names:
            a = r[n].astype(np.float64).ravel()
            b = g[n].astype(np.float64).ravel()
            if not np.all(np.isfinite(b)):
                return 0.0, float("inf")
            na, nb = np.linalg.norm(a), np.linalg.norm(b)
            c = 1.0 if na == 0 and nb == 0 else float(a @ b / (na * nb + 1e-300))
            cos, err = min(cos, c), max(err, float(np.abs(a - b).max()))
    return cos, err


def ort_latency(path, feed, runs):
    s = session(path)
    s.run(None, feed)
    t = []
    for _ in range(runs):
        t0 = time.perf_counter()
        s.run(None, feed)
        t.append((time.perf_counter() - t0) * 1000)
    return float(np.median(t))


def kiln_latency(kiln, path, feed_npz, runs):
    r = subprocess.run([kiln, "bench", path, "--input", feed_npz, "--runs", str(runs), "--warmup", "1",
                        "--format", "json"], capture_output=True, text=True)
    if r.returncode != 0:
        return None
    return json.loads(r.stdout)["medianMilliseconds"]


def make_cnns(out):
    """Two small realistic CNNs (used when scripts/make-realistic-cnns.py is absent): seeded
    He-initialized weights, BatchNorm statistics set layer by layer from a pass over 16 sample
    images so activations stay in range; logits output (no Softmax)."""
    from onnx import TensorProto, helper, numpy_helper
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(7)
    images = np.stack([np.cumsum(np.cumsum(rng.normal(0, 1, (3, 32, 32)), 1), 2) for _ in range(16)])
    images = ((images - images.mean()) / images.std()).astype(np.float32)

    def build(name, layers):
        inits, nodes, bns = [], [], []
        x, c = "x", 3
        for i, (kind, cout, stride) in enumerate(layers):
            groups = c if kind == "dw" else 1
            k = 1 if kind == "pw" else 3
            w = (rng.standard_normal((cout, c // groups, k, k)) * np.sqrt(2.0 / (c // groups * k * k))).astype(np.float32)
            inits.append(numpy_helper.from_array(w, f"w{i}"))
            nodes.append(helper.make_node("Conv", [x, f"w{i}"], [f"c{i}"], name=f"conv{i}", group=groups,
                                          pads=[k // 2] * 4, strides=[stride, stride]))
            for p, v in [("g", 1 + 0.1 * rng.standard_normal(cout)), ("b", 0.1 * rng.standard_normal(cout)),
                         ("m", np.zeros(cout)), ("v", np.ones(cout))]:
                inits.append(numpy_helper.from_array(v.astype(np.float32), f"bn{i}_{p}"))
            nodes.append(helper.make_node("BatchNormalization", [f"c{i}"] + [f"bn{i}_{p}" for p in "gbmv"],
                                          [f"n{i}"], name=f"bn{i}"))
            bns.append(i)
            act = "HardSwish" if name.startswith("mini_mobilenet") else "Relu"
            nodes.append(helper.make_node(act, [f"n{i}"], [f"a{i}"], name=f"act{i}"))
            if kind == "res":
                nodes.append(helper.make_node("Add", [f"a{i}", x], [f"s{i}"], name=f"add{i}"))
                x = f"s{i}"
            else:
                x = f"a{i}"
            c = cout
        nodes.append(helper.make_node("GlobalAveragePool", [x], ["p"], name="pool"))
        nodes.append(helper.make_node("Flatten", ["p"], ["f"], name="flatten"))
        inits.append(numpy_helper.from_array((rng.standard_normal((10, c)) * np.sqrt(1.0 / c)).astype(np.float32), "wf"))
        inits.append(numpy_helper.from_array(np.zeros(10, np.float32), "bf"))
        nodes.append(helper.make_node("Gemm", ["f", "wf", "bf"], ["logits"], name="fc", transB=1))
        graph = helper.make_graph(nodes, name, [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 32, 32])],
                                  [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, 10])], inits)
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
        for i in bns:  # BatchNorm statistics from the data, layer by layer
            probe = onnx.ModelProto()
            probe.CopyFrom(model)
            probe.graph.output.append(helper.make_tensor_value_info(f"c{i}", TensorProto.FLOAT, None))
            sess = ort.InferenceSession(probe.SerializeToString(), providers=["CPUExecutionProvider"])
            acts = np.concatenate([sess.run([f"c{i}"], {"x": im[None]})[0] for im in images])
            for t in model.graph.initializer:
                if t.name == f"bn{i}_m":
                    t.CopyFrom(numpy_helper.from_array(acts.mean((0, 2, 3)).astype(np.float32), t.name))
                if t.name == f"bn{i}_v":
                    t.CopyFrom(numpy_helper.from_array(acts.var((0, 2, 3)).astype(np.float32), t.name))
        path = os.path.join(out, name + ".onnx")
        onnx.save(model, path)
        return path

    resnet = [("conv", 16, 1), ("res", 16, 1), ("conv", 32, 2), ("res", 32, 1), ("conv", 64, 2), ("res", 64, 1)]
    mobile = [("conv", 16, 2), ("dw", 16, 1), ("pw", 32, 1), ("dw", 32, 2), ("pw", 64, 1), ("dw", 64, 1),
              ("pw", 64, 1), ("dw", 64, 2), ("pw", 128, 1)]
    feed = {"x": images[0][None]}
    return [("mini_resnet", build("mini_resnet", resnet), feed),
            ("mini_mobilenet", build("mini_mobilenet", mobile), feed)]


class CalibReader:
    def __init__(self, samples):
        self.samples = iter(samples)

    def get_next(self):
        return next(self.samples, None)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiln", default=os.path.join(ROOT, ".build/release/kiln"))
    ap.add_argument("--models", default="")
    ap.add_argument("--calib", type=int, default=8)
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--work", default="")
    ap.add_argument("--methods", default="minmax,entropy")
    ap.add_argument("--evals", type=int, default=32,
                    help="more samples for the mean cosine (0: only the 4-sample minimum)")
    ap.add_argument("--cnns", default="light_densenet121,light_inception_v1,light_inception_v2,"
                    "light_resnet50,light_shufflenet,light_squeezenet",
                    help="realistic CNN variants to make (vgg19, alexnet, zfnet512 are 240-550 MB)")
    ap.add_argument("--cnn-dir", default="",
                    help="use the realistic CNNs already made in DIR (e.g. .build/realistic-cnns)")
    args = ap.parse_args()
    from onnxruntime.quantization import (CalibrationMethod, QuantFormat, QuantType,
                                          quantize_dynamic, quantize_static)
    from onnxruntime.transformers.float16 import convert_float_to_float16

    work = args.work or tempfile.mkdtemp(prefix="quant-compare-")
    os.makedirs(work, exist_ok=True)
    models = []
    real_dir = os.path.join(ROOT, ".build/real-models/models")
    for n in REAL:
        p = os.path.join(real_dir, n + ".onnx")
        if os.path.exists(p):
            models.append((n, p, os.path.join(SHARED, "feeds", n + ".npz")))
    cnn_script = os.path.join(ROOT, "scripts/make-realistic-cnns.py")
    if not os.path.exists(cnn_script) and os.path.exists("/work/wt-qkern/scripts/make-realistic-cnns.py"):
        cnn_script = "/work/wt-qkern/scripts/make-realistic-cnns.py"
    if args.cnn_dir or os.path.exists(cnn_script):
        out = args.cnn_dir or os.path.join(work, "cnn")
        if not args.cnn_dir:
            subprocess.run([sys.executable, cnn_script, "--out", out, "--models", args.cnns],
                           check=False, stdout=subprocess.DEVNULL)
        wanted = {c.replace("light_", "") for c in args.cnns.split(",")}
        if os.path.isdir(out):
            for f in sorted(os.listdir(out)):
                if f.endswith(".onnx") and f[:-5] in wanted:
                    feed = os.path.join(out, f[:-5] + ".feed.npz")
                    models.append((f[:-5], os.path.join(out, f), feed if os.path.exists(feed) else None))
    else:
        print("note: scripts/make-realistic-cnns.py not found; using this script's own CNNs", file=sys.stderr)
        for n, p, feed in make_cnns(os.path.join(work, "cnn")):
            np.savez(os.path.join(work, "cnn", n + ".feed.npz"), **feed)
            models.append((n, p, os.path.join(work, "cnn", n + ".feed.npz")))
    models.append(("small_cnn", os.path.join(ROOT, "fixtures/quant/small_cnn.onnx"), None))
    models.append(("lstm", os.path.join(ROOT, "fixtures/models/lstm.onnx"), None))
    models.append(("attention", os.path.join(ROOT, "fixtures/models/attention.onnx"), None))
    if args.models:
        keep = set(args.models.split(","))
        models = [m for m in models if m[0] in keep]

    methods = [m for m in args.methods.split(",") if m]
    header = f"{'model':<22}{'tool':<7}{'mode':<20}{'cosine':>12}{f'mean {args.evals}':>12}" \
             f"{'max abs':>11}{'size KB':>9}" \
             f"{'size %':>7}{'klite %':>8}{'kiln ms':>9}{'ort ms':>9}"
    print(header)
    print("-" * len(header))
    summary = []
    for name, src, feed_path in models:
        d = os.path.join(work, name)
        os.makedirs(d, exist_ok=True)
        base = os.path.join(d, "fp32.onnx")
        compared = with_logits(src, base)
        m = onnx.load(base)
        rng = np.random.default_rng(0)
        feed = dict(np.load(feed_path)) if feed_path and os.path.exists(feed_path) else random_feed(m, rng)
        calib = [draw(feed, np.random.default_rng(100 + i)) for i in range(args.calib)]
        evals = [feed] + [draw(feed, np.random.default_rng(900 + i)) for i in range(3)]
        more = [draw(feed, np.random.default_rng(5000 + i)) for i in range(args.evals)]
        cdir = os.path.join(d, "calib")
        os.makedirs(cdir, exist_ok=True)
        for i, s in enumerate(calib):
            np.savez(os.path.join(cdir, f"sample_{i:03d}.npz"), **s)
        feed_npz = os.path.join(d, "feed.npz")
        np.savez(feed_npz, **feed)
        ref_sess = session(base)
        ref = [dict(zip([o.name for o in ref_sess.get_outputs()], ref_sess.run(None, e))) for e in evals]
        ref_more = [dict(zip([o.name for o in ref_sess.get_outputs()], ref_sess.run(None, e)))
                    for e in more]
        fp32_size = os.path.getsize(base)
        variants = [("fp32", "fp32", base, None)]
        for mode in ["int8-dynamic", "int8-weights", "fp16"] + [f"int8-static/{x}" for x in methods]:
            out = os.path.join(d, "kiln_" + mode.replace("/", "_") + ".onnx")
            cmd = [args.kiln, "quantize", base, "-o", out, "--force"]
            if mode.startswith("int8-static"):
                cmd += ["--mode", "int8-static", "--calibration", cdir, "--calibrate", mode.split("/")[1]]
            elif mode == "fp16":
                cmd += ["--mode", "fp16", "--calibration", cdir]
            else:
                cmd += ["--mode", mode]
            t0 = time.perf_counter()
            r = subprocess.run(cmd, capture_output=True, text=True)
            secs = time.perf_counter() - t0
            variants.append(("kiln", mode, out if r.returncode == 0 else None,
                             r.stderr.strip().splitlines()[-1][:90] if r.returncode else f"{secs:.1f}s"))
        def ort_variant(label, fn, out):
            try:
                fn(out)
                variants.append(("ort", label, out, None))
            except Exception as e:  # noqa: BLE001
                variants.append(("ort", label, None, str(e).splitlines()[0][:90] if str(e) else type(e).__name__))
        ort_variant("int8-dynamic", lambda o: quantize_dynamic(base, o, weight_type=QuantType.QInt8),
                    os.path.join(d, "ort_dynamic.onnx"))
        for meth, cm in [("minmax", CalibrationMethod.MinMax), ("entropy", CalibrationMethod.Entropy)]:
            if meth not in methods:
                continue
            ort_variant(f"int8-static/{meth}", lambda o, cm=cm: quantize_static(
                base, o, CalibReader(calib), quant_format=QuantFormat.QDQ, per_channel=True,
                activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8, calibrate_method=cm),
                os.path.join(d, f"ort_static_{meth}.onnx"))
        ort_variant("fp16", lambda o: onnx.save(convert_float_to_float16(onnx.load(base), keep_io_types=True), o),
                    os.path.join(d, "ort_fp16.onnx"))
        fp32_lite = None
        for tool, mode, path, note in variants:
            if path is None:
                print(f"{name:<22}{tool:<7}{mode:<20}  FAILED: {note}")
                summary.append({"model": name, "tool": tool, "mode": mode, "failed": note})
                continue
            try:
                s = session(path)
                got = [dict(zip([o.name for o in s.get_outputs()], s.run(None, e))) for e in evals]
                cos, err = compare(ref, got, compared)
                mean = float(np.mean([compare([r], [dict(zip([o.name for o in s.get_outputs()],
                                                             s.run(None, e)))], compared)[0]
                                      for r, e in zip(ref_more, more)])) if more else None
            except Exception as e:  # noqa: BLE001
                print(f"{name:<22}{tool:<7}{mode:<20}  onnxruntime cannot run it: {str(e).splitlines()[0][:80]}")
                summary.append({"model": name, "tool": tool, "mode": mode, "failed": "ort run"})
                continue
            size = os.path.getsize(path)
            # Kiln runs the .klite (-O2: QDQ Conv/MatMul become integer ops), sized against the
            # fp32 .klite.
            lite = path[:-5] + ".klite"
            r = subprocess.run([args.kiln, "convert", path, "-o", lite, "--force"],
                               capture_output=True, text=True)
            lite_size = os.path.getsize(lite) if r.returncode == 0 else None
            if tool == "fp32":
                fp32_lite = lite_size
            km = kiln_latency(args.kiln, lite, feed_npz, args.runs) if lite_size else None
            om = ort_latency(path, feed, args.runs)
            lite_pct = f"{100 * lite_size / fp32_lite:.1f}%" if lite_size and fp32_lite else "n/a"
            mean_text = f"{mean:.6f}" if mean is not None else "n/a"
            print(f"{name:<22}{tool:<7}{mode:<20}{cos:>12.6f}{mean_text:>12}{err:>11.4g}"
                  f"{size / 1024:>9.0f}"
                  f"{100 * size / fp32_size:>6.0f}%{lite_pct:>8}{(f'{km:.2f}' if km else 'n/a'):>9}"
                  f"{om:>9.2f}", flush=True)
            summary.append({"model": name, "tool": tool, "mode": mode, "cosine": cos,
                            "meanCosine": mean, "maxAbs": err,
                            "bytes": size, "liteBytes": lite_size, "kilnMs": km, "ortMs": om})
        sys.stdout.flush()
    # Kiln vs onnxruntime per comparable mode.
    print()
    print("Kiln cosine - onnxruntime cosine (same mode; ≥ 0 means Kiln at least as accurate; "
          f"4-sample minimum, then mean over {args.evals} more samples):")
    by = {(r["model"], r["tool"], r["mode"]): r for r in summary}
    worse = worse_mean = 0
    for (model, tool, mode), r in sorted(by.items()):
        if tool != "kiln" or mode == "int8-weights":
            continue
        o = by.get((model, "ort", mode))
        if not o:
            continue
        kc, oc = r.get("cosine"), o.get("cosine")
        if kc is None:
            print(f"  {model:<22}{mode:<20} Kiln FAILED")
            worse += 1
        elif oc is None:
            print(f"  {model:<22}{mode:<20} onnxruntime FAILED, Kiln {kc:.6f}")
        else:
            d = round(kc, 6) - round(oc, 6)
            worse += d < 0
            km, om = r.get("meanCosine"), o.get("meanCosine")
            dm = round(km, 6) - round(om, 6) if km is not None and om is not None else None
            worse_mean += dm is not None and dm < 0
            print(f"  {model:<22}{mode:<20}{d:+.6f}  (Kiln {kc:.6f}, onnxruntime {oc:.6f})"
                  + (f"   mean {dm:+.6f}  (Kiln {km:.6f}, onnxruntime {om:.6f})"
                     if dm is not None else ""))
    print(f"models/modes where Kiln is less accurate than onnxruntime: {worse} (4-sample minimum), "
          f"{worse_mean} (mean over {args.evals} samples)")
    with open(os.path.join(work, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1)
    print(f"work dir: {work}")


if __name__ == "__main__":
    main()
