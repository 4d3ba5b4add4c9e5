#!/usr/bin/env python3
"""File sizes: .onnx vs onnxruntime's .ort vs Kiln Lite (.klite), per model.

Usage (from the repository root, after `swift build -c release --product kiln`):

    .venv/bin/python Benchmarks/lite-size.py [--kiln .build/release/kiln] [--out DIR]
        [--models DIR_OR_FILE ...]

Models: the nine CNNs in ../shared/conformance/onnx-models and the real models in
.build/real-models/models (../shared/real-models/fetch.sh .build/real-models), plus any given.

For each model, onnxruntime's own converter (`python -m onnxruntime.tools.convert_onnx_models_to_ort
--optimization_style Fixed --save_optimized_onnx_model`) writes the `.ort` file and the optimized
ONNX graph it stored. Kiln then converts both the original and that optimized ONNX to `.klite`, so
the `.ort` / `.klite (ort-opt)` columns compare the *same optimized graph*. `raw` is the sum of the
initializer bytes of that optimized graph; `klite/raw` shows Kiln Lite's overhead over the raw
weights (splats make it drop below 1 when constants are all-equal).
"""
import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def human(n):
    for unit in ["B", "KB", "MB", "GB"]:
        if abs(n) < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024


def raw_weight_bytes(path):
    import onnx
    from onnx import numpy_helper

    m = onnx.load(str(path), load_external_data=True)
    total = 0

    def graph_bytes(g):
        nonlocal total
        for t in g.initializer:
            total += numpy_helper.to_array(t).nbytes
        for n in g.node:
            for a in n.attribute:
                if a.type == onnx.AttributeProto.TENSOR:
                    total += numpy_helper.to_array(a.t).nbytes
                elif a.type == onnx.AttributeProto.GRAPH:
                    graph_bytes(a.g)
                elif a.type == onnx.AttributeProto.GRAPHS:
                    for sg in a.graphs:
                        graph_bytes(sg)

    graph_bytes(m.graph)
    return total


def models(extra):
    found = []
    cnn = ROOT.parent / "shared/conformance/onnx-models"
    if cnn.is_dir():
        found += sorted(cnn.glob("*/model.onnx"))
    for real in [ROOT / ".build/real-models/models", ROOT.parent / "main/.build/real-models/models"]:
        if real.is_dir():
            found += sorted(real.glob("*.onnx"))
            break
    for e in extra:
        p = Path(e)
        found += sorted(p.glob("*.onnx")) if p.is_dir() else [p]
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kiln", default=str(ROOT / ".build/release/kiln"))
    ap.add_argument("--out", default="/tmp/kiln-lite-size")
    ap.add_argument("--models", nargs="*", default=[])
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    header = f"{'model':<24} {'.onnx':>10} {'.ort':>10} {'.klite':>10} {'.klite':>10} {'raw':>10} {'klite/raw':>9} {'klite/ort':>9}"
    print(header)
    print(f"{'':<24} {'':>10} {'(ort-opt)':>10} {'(ort-opt)':>10} {'(as is)':>10} {'(ort-opt)':>10}")
    for src in models(args.models):
        name = src.parent.name if src.name == "model.onnx" else src.stem
        work = out / name
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        onnx_path = work / f"{name}.onnx"
        shutil.copy(src, onnx_path)
        r = subprocess.run(
            [sys.executable, "-m", "onnxruntime.tools.convert_onnx_models_to_ort",
             "--optimization_style", "Fixed", "--save_optimized_onnx_model", str(onnx_path)],
            capture_output=True, text=True)
        ort = work / f"{name}.ort"
        opt = work / f"{name}.optimized.onnx"
        if r.returncode != 0 or not ort.exists():
            print(f"{name:<24} ort conversion failed: {r.stderr.strip().splitlines()[-1:]}")
            continue
        as_is = work / f"{name}.klite"
        opt_klite = work / f"{name}.opt.klite"
        for s, d in [(onnx_path, as_is), (opt, opt_klite)]:
            k = subprocess.run([args.kiln, "convert", str(s), "-o", str(d)], capture_output=True, text=True)
            if k.returncode != 0:
                print(f"{name:<24} kiln convert {s.name} failed: {k.stderr.strip()}")
                break
        else:
            raw = raw_weight_bytes(opt)
            sizes = [os.path.getsize(p) for p in [onnx_path, ort, opt_klite, as_is]]
            ratio = sizes[2] / raw if raw else float("nan")
            print(f"{name:<24} {human(sizes[0]):>10} {human(sizes[1]):>10} {human(sizes[2]):>10} "
                  f"{human(sizes[3]):>10} {human(raw):>10} {ratio:>9.3f} {sizes[2] / sizes[1]:>9.3f}")
            rows.append((name, *sizes, raw))
        # The ORT-optimized copies of the light CNNs are hundreds of MB: keep the disk clean.
        for p in [opt, ort]:
            if p.exists() and p.stat().st_size > 64 << 20:
                p.unlink()
    if rows:
        tot = [sum(r[i] for r in rows) for i in range(1, 6)]
        print(f"{'total':<24} {human(tot[0]):>10} {human(tot[1]):>10} {human(tot[2]):>10} "
              f"{human(tot[3]):>10} {human(tot[4]):>10}")
        worse = [r[0] for r in rows if r[3] > r[2]]
        print(f".klite <= .ort for {len(rows) - len(worse)} of {len(rows)} models"
              + (f"; larger for {', '.join(worse)}" if worse else ""))


if __name__ == "__main__":
    main()
