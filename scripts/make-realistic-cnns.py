#!/usr/bin/env python3
"""Realistic variants of the nine conformance CNNs (../shared/conformance/onnx-models).

Those models compute every weight with a ConstantOfShape of one constant, so their outputs are
flat and useless for accuracy or int8 work. This script writes the same graphs with:

- seeded He-initialized weights (normal, std sqrt(2 / fan_in)) for Conv and Gemm, zero biases;
- BatchNormalization scale 1 +- small noise, bias small noise, and mean/variance set from passes
  over sample inputs (in dependency order, one run per level), so activations stay normalized; per-channel Mul/Add after a BatchNormalization (densenet, inception_v2) get
  1 +- noise and small noise;
- in models without BatchNormalization, each Conv/Gemm scaled layer by layer so its output
  has unit variance on the sample inputs;
- opset upgraded to 13 (QDQ per-channel quantization needs it).

Sample inputs are seeded smooth random images (low-pass filtered noise, per-channel shifts), not
real photos. For each model it writes OUT/NAME.onnx, OUT/NAME.feed.npz (one input to benchmark
with), OUT/NAME.calibration/sample_K.npz (calibration samples keyed by input name) and prints
the spread of the logits before Softmax (std across classes, std across samples, distinct argmax)
so a flat model is caught: the script exits 1 if any model's logits are flat.

    python scripts/make-realistic-cnns.py [--out .build/realistic-cnns] [--models a,b]
        [--samples 8] [--seed 0]

Large files (vgg19 is 550 MB) are written to the output folder only; commit nothing from it.
"""

import argparse
import os
import sys

import numpy as np
import onnx
from onnx import helper, numpy_helper, version_converter
import onnxruntime as ort

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SRC = os.path.join(HERE, "..", "..", "shared", "conformance", "onnx-models")
ALL = [
    "light_bvlc_alexnet", "light_densenet121", "light_inception_v1", "light_inception_v2",
    "light_resnet50", "light_shufflenet", "light_squeezenet", "light_vgg19", "light_zfnet512",
]


def sample_images(rng, count, shape):
    """Smooth random images: box-filtered noise plus per-channel offsets, about unit range."""
    n, c, h, w = shape
    out = np.empty((count, c, h, w), dtype=np.float32)
    for i in range(count):
        x = rng.standard_normal((c, h // 8 + 2, w // 8 + 2)).astype(np.float32)
        x = np.repeat(np.repeat(x, 8, axis=1), 8, axis=2)[:, :h, :w]
        k = 5
        pad = np.pad(x, ((0, 0), (k, k), (k, k)), mode="edge")
        cs = pad.cumsum(1).cumsum(2)
        box = (cs[:, 2 * k:, 2 * k:] - cs[:, :-2 * k, 2 * k:] - cs[:, 2 * k:, :-2 * k]
               + cs[:, :-2 * k, :-2 * k]) / (2 * k) ** 2
        box = box[:, :h, :w]
        box += 0.3 * rng.standard_normal((c, h, w)).astype(np.float32)
        box += rng.uniform(-0.5, 0.5, (c, 1, 1)).astype(np.float32)
        out[i] = box / (box.std() + 1e-6)
    return out


def materialize_constants(model):
    """Replaces ConstantOfShape nodes with a constant shape by initializers of that shape."""
    g = model.graph
    inits = {t.name: t for t in g.initializer}
    keep = []
    made = {}
    for n in g.node:
        if n.op_type == "ConstantOfShape" and n.input[0] in inits:
            shape = numpy_helper.to_array(inits[n.input[0]]).astype(np.int64).tolist()
            value = np.float32(0)
            dtype = np.float32
            for a in n.attribute:
                if a.name == "value":
                    v = numpy_helper.to_array(a.t)
                    dtype = v.dtype
                    value = v.reshape(-1)[0]
            made[n.output[0]] = np.full(shape, value, dtype=dtype)
        else:
            keep.append(n)
    del g.node[:]
    g.node.extend(keep)
    # Old IR versions list initializers as graph inputs too; here they are constants.
    for vi in list(g.input):
        if vi.name in inits:
            g.input.remove(vi)
    used = {i for n in g.node for i in n.input}
    for name in list(inits):
        if name not in used:
            g.initializer.remove(inits[name])
            for vi in list(g.input):
                if vi.name == name:
                    g.input.remove(vi)
    for name, arr in made.items():
        g.initializer.append(numpy_helper.from_array(arr, name))
    return model


def weight_source(model, name):
    """The initializer behind `name`, following Reshape/Flatten/Transpose/Unsqueeze/Squeeze."""
    producers = {o: n for n in model.graph.node for o in n.output}
    inits = {t.name for t in model.graph.initializer}
    for _ in range(8):
        if name in inits:
            return name
        n = producers.get(name)
        if n is None or n.op_type not in ("Reshape", "Flatten", "Transpose", "Unsqueeze", "Squeeze"):
            return name
        name = n.input[0]
    return name


def initialize(model, rng):
    """He weights, zero biases, BatchNorm and per-channel affine placeholders by role."""
    g = model.graph
    inits = {t.name: t for t in g.initializer}
    producers = {o: n for n in g.node for o in n.output}
    values = {name: numpy_helper.to_array(t).copy() for name, t in inits.items()}
    role = {}
    for n in g.node:
        if n.op_type == "Conv":
            role.setdefault(n.input[1], "conv_w")
            if len(n.input) > 2 and n.input[2]:
                role.setdefault(n.input[2], "bias")
        elif n.op_type == "Gemm":
            trans_b = next((a.i for a in n.attribute if a.name == "transB"), 0)
            role.setdefault(weight_source(model, n.input[1]), "gemm_w_t" if trans_b else "gemm_w")
            if len(n.input) > 2 and n.input[2]:
                role.setdefault(n.input[2], "bias")
        elif n.op_type == "BatchNormalization":
            for i, r in zip(range(1, 5), ["bn_scale", "bn_bias", "bn_mean", "bn_var"]):
                role.setdefault(n.input[i], r)
        elif n.op_type in ("Mul", "Add"):
            for x in n.input:
                src = x
                if x in producers and producers[x].op_type == "Unsqueeze":
                    src = producers[x].input[0]
                if src in values:
                    role.setdefault(src, "affine_mul" if n.op_type == "Mul" else "affine_add")
    for name, r in role.items():
        if name not in values:
            continue
        shape = values[name].shape
        if r == "conv_w":
            fan_in = int(np.prod(shape[1:]))
            v = rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)
        elif r in ("gemm_w", "gemm_w_t"):
            fan_in = int(np.prod(shape[1:])) if r == "gemm_w_t" else shape[0]
            v = rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)
        elif r == "bias":
            v = np.zeros(shape)
        elif r == "bn_scale" or r == "affine_mul":
            v = 1.0 + 0.1 * rng.standard_normal(shape)
        elif r == "bn_bias" or r == "affine_add":
            v = 0.1 * rng.standard_normal(shape)
        elif r == "bn_mean":
            v = np.zeros(shape)
        elif r == "bn_var":
            v = np.ones(shape)
        values[name] = v.astype(np.float32)
    for name, t in inits.items():
        t.CopyFrom(numpy_helper.from_array(values[name], name))
    return model


class Runner:
    """Runs a model with extra outputs on the sample batch (one image per run)."""

    def __init__(self, samples, input_name):
        self.samples = samples
        self.input_name = input_name

    def run(self, model, names):
        m = onnx.ModelProto()
        m.CopyFrom(model)
        existing = {o.name for o in m.graph.output}
        for n in names:
            if n not in existing:
                m.graph.output.append(helper.make_tensor_value_info(n, onnx.TensorProto.FLOAT, None))
        opts = ort.SessionOptions()
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
        opts.intra_op_num_threads = 1
        opts.log_severity_level = 3
        sess = ort.InferenceSession(m.SerializeToString(), opts, providers=["CPUExecutionProvider"])
        outs = {n: [] for n in names}
        for x in self.samples:
            res = sess.run(names, {self.input_name: x[None]})
            for n, r in zip(names, res):
                outs[n].append(r)
        return {n: np.concatenate(v, axis=0) for n, v in outs.items()}


def set_initializer(model, name, arr):
    for t in model.graph.initializer:
        if t.name == name:
            t.CopyFrom(numpy_helper.from_array(arr.astype(np.float32), name))
            return
    raise KeyError(name)


def initializer(model, name):
    for t in model.graph.initializer:
        if t.name == name:
            return numpy_helper.to_array(t)
    raise KeyError(name)


def levels(model, targets):
    """Groups `targets` (nodes) so that every target's upstream targets are in earlier groups."""
    producer = {o: n for n in model.graph.node for o in n.output}
    target_ids = {id(n) for n in targets}
    memo = {}

    def level_of_value(name, seen):
        n = producer.get(name)
        if n is None:
            return 0
        key = id(n)
        if key in memo:
            return memo[key]
        if key in seen:
            return 0
        seen.add(key)
        below = max([level_of_value(i, seen) for i in n.input if i] or [0])
        memo[key] = below + (1 if key in target_ids else 0)
        return memo[key]

    import sys as _sys
    _sys.setrecursionlimit(100000)
    groups = {}
    for n in targets:
        below = max([level_of_value(i, set()) for i in n.input if i] or [0])
        groups.setdefault(below, []).append(n)
    return [groups[k] for k in sorted(groups)]


def calibrate_batchnorm(model, runner):
    """Sets each BatchNormalization's mean and variance to the statistics of its input on the
    samples, in dependency order (one run per level), so every BN normalizes exactly."""
    bns = [n for n in model.graph.node if n.op_type == "BatchNormalization"]
    groups = levels(model, bns)
    for p, group in enumerate(groups):
        stats = runner.run(model, sorted({n.input[0] for n in group}))
        for n in group:
            x = stats[n.input[0]]
            axes = (0,) + tuple(range(2, x.ndim))
            set_initializer(model, n.input[3], x.mean(axis=axes))
            set_initializer(model, n.input[4], x.var(axis=axes) + 1e-3)
    print(f"    batchnorm statistics set in {len(groups)} passes ({len(bns)} layers)", flush=True)


def calibrate_scales(model, runner):
    """Scales each Conv/Gemm's weights (and bias) so its output has unit variance on the
    samples, in dependency order (one run per level)."""
    layers = [n for n in model.graph.node if n.op_type in ("Conv", "Gemm")]
    groups = levels(model, layers)
    for group in groups:
        stats = runner.run(model, sorted({n.output[0] for n in group}))
        for n in group:
            std = float(stats[n.output[0]].std()) + 1e-12
            weight = weight_source(model, n.input[1])
            set_initializer(model, weight, initializer(model, weight) / std)
            if len(n.input) > 2 and n.input[2]:
                set_initializer(model, n.input[2], initializer(model, n.input[2]) / std)
    print(f"    layer scales set in {len(groups)} passes ({len(layers)} layers)", flush=True)


def logits_name(model):
    for n in model.graph.node:
        if n.op_type == "Softmax":
            return n.input[0]
    return model.graph.output[0].name


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", default=DEFAULT_SRC)
    ap.add_argument("--out", default=os.path.join(HERE, "..", ".build", "realistic-cnns"))
    ap.add_argument("--models", default=",".join(ALL))
    ap.add_argument("--samples", type=int, default=8)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--calibration-samples", type=int, default=2,
                    help="samples used to set BatchNorm statistics and layer scales")
    args = ap.parse_args()
    if not os.path.isdir(args.src):
        print(f"skipped: {args.src} not found", file=sys.stderr)
        return 2
    os.makedirs(args.out, exist_ok=True)
    flat = []
    for name in [m for m in args.models.split(",") if m]:
        path = os.path.join(args.src, name, "model.onnx")
        print(f"{name}:", flush=True)
        rng = np.random.default_rng([args.seed, ALL.index(name) if name in ALL else 99])
        model = materialize_constants(onnx.load(path))
        model = initialize(model, rng)
        model.ir_version = max(model.ir_version, 7)  # initializers need not be graph inputs
        model = version_converter.convert_version(model, 13)
        inits = {t.name for t in model.graph.initializer}
        inp = [i for i in model.graph.input if i.name not in inits][0]
        shape = [d.dim_value or 1 for d in inp.type.tensor_type.shape.dim]
        samples = sample_images(rng, args.samples, shape)
        runner = Runner(samples[:args.calibration_samples], inp.name)
        if any(n.op_type == "BatchNormalization" for n in model.graph.node):
            calibrate_batchnorm(model, runner)
        else:
            calibrate_scales(model, runner)
        runner = Runner(samples, inp.name)
        logits = runner.run(model, [logits_name(model)])[logits_name(model)]
        logits = logits.reshape(len(samples), -1)
        spread = float(logits.std(axis=1).mean())
        between = float(logits.std(axis=0).mean())
        classes = len(set(np.argmax(logits, axis=1).tolist()))
        print(f"    logits: std across classes {spread:.3f}, across samples {between:.3f}, "
              f"{classes} distinct argmax over {len(samples)} samples", flush=True)
        if not np.isfinite(logits).all() or spread < 0.05 or between < 0.01 * spread:
            flat.append(name)
        short = name.replace("light_", "")
        onnx.checker.check_model(model)
        onnx.save(model, os.path.join(args.out, short + ".onnx"))
        np.savez(os.path.join(args.out, short + ".feed.npz"), **{inp.name: samples[:1]})
        cal = os.path.join(args.out, short + ".calibration")
        os.makedirs(cal, exist_ok=True)
        for i, s in enumerate(samples):
            np.savez(os.path.join(cal, f"sample_{i}.npz"), **{inp.name: s[None]})
    if flat:
        print("flat logits: " + ", ".join(flat), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
