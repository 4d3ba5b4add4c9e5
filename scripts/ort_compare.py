#!/usr/bin/env python3
"""Runs whole models through `kiln run` and onnxruntime on the same inputs and compares outputs.

Usage: ort_compare.py KILN MODEL [MODEL...] [--rtol R] [--atol A]
For MODEL/../test_data_set_0/input_J.pb (the conformance layout) those inputs are used;
otherwise inputs are drawn with a fixed seed to fit each input (symbolic dims = 2). Kiln's
outputs come back through its .npz writer and are read with numpy, so this also checks that
numpy reads Kiln's .npz exactly. With --intermediates every intermediate value that shape
inference can type is also made a graph output and compared, so a model whose final output is
insensitive (the light CNNs' constant weights give constant softmax outputs) is still checked
layer by layer. Prints one line per model and "N passed, N failed".
"""
import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np
import onnx
import onnxruntime as ort
from onnx import numpy_helper

DTYPES = {1: np.float32, 6: np.int32, 7: np.int64, 9: np.bool_, 11: np.float64, 10: np.float16}


def inputs_for(model_path, model, rng):
    inits = {i.name for i in model.graph.initializer}
    graph_inputs = [i for i in model.graph.input if i.name not in inits]
    data = os.path.join(os.path.dirname(model_path), "test_data_set_0")
    feeds = {}
    for j, vi in enumerate(graph_inputs):
        pb = os.path.join(data, f"input_{j}.pb")
        if os.path.exists(pb):
            t = onnx.TensorProto()
            t.ParseFromString(open(pb, "rb").read())
            feeds[vi.name] = numpy_helper.to_array(t)
            continue
        tt = vi.type.tensor_type
        shape = [d.dim_value if d.HasField("dim_value") else 2 for d in tt.shape.dim]
        dtype = DTYPES[tt.elem_type]
        if dtype == np.bool_:
            feeds[vi.name] = rng.random(shape) > 0.5
        elif np.issubdtype(dtype, np.integer):
            feeds[vi.name] = rng.integers(0, 5, shape).astype(dtype)
        else:
            feeds[vi.name] = rng.standard_normal(shape).astype(dtype)
    return feeds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kiln")
    ap.add_argument("models", nargs="+")
    ap.add_argument("--rtol", type=float, default=1e-3)
    ap.add_argument("--atol", type=float, default=1e-4)
    ap.add_argument("--intermediates", action="store_true")
    args = ap.parse_args()
    passed = failed = 0
    rng = np.random.default_rng(7)
    with tempfile.TemporaryDirectory() as tmp:
        for path in args.models:
            name = os.path.basename(os.path.dirname(path)) if path.endswith("model.onnx") else os.path.basename(path)
            model = onnx.load(path)
            feeds = inputs_for(path, model, rng)
            if args.intermediates:
                inferred = onnx.shape_inference.infer_shapes(model)
                have = {o.name for o in model.graph.output}
                produced = {o for n in model.graph.node for o in n.output if o}
                for vi in inferred.graph.value_info:
                    if vi.name in produced and vi.name not in have and vi.type.HasField("tensor_type"):
                        model.graph.output.append(vi)
                        have.add(vi.name)
                path = os.path.join(tmp, name + ".all.onnx")
                onnx.save(model, path)
            so = ort.SessionOptions()
            so.intra_op_num_threads = 1
            want = ort.InferenceSession(path, so, providers=["CPUExecutionProvider"]).run(None, feeds)
            inp = os.path.join(tmp, "in.npz")
            out = os.path.join(tmp, "out.npz")
            np.savez(inp, **feeds)
            r = subprocess.run([args.kiln, "run", path, "--input", inp, "-o", out], capture_output=True, text=True)
            if r.returncode != 0:
                print(f"FAIL {name}: kiln run exited {r.returncode}: {r.stderr.strip()}")
                failed += 1
                continue
            got = np.load(out)
            problems = []
            for o, w in zip(model.graph.output, want):
                g = got[o.name]
                if g.shape != w.shape or g.dtype != w.dtype:
                    problems.append(f"{o.name}: {g.dtype}{list(g.shape)} vs onnxruntime {w.dtype}{list(w.shape)}")
                    continue
                if not np.allclose(g, w, rtol=args.rtol, atol=args.atol, equal_nan=True):
                    err = np.abs(g.astype(np.float64) - w.astype(np.float64)).max()
                    problems.append(f"{o.name}: max abs error {err:.3g}")
            if problems:
                failed += 1
                print(f"FAIL {name}: " + "; ".join(problems))
            else:
                passed += 1
                errs = [float(np.abs(got[o.name].astype(np.float64) - w.astype(np.float64)).max()) if w.size else 0.0
                        for o, w in zip(model.graph.output, want)]
                print(f"ok   {name}: {len(want)} outputs, max abs error {max(errs):.3g}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
