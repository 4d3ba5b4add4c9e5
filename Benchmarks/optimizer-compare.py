#!/usr/bin/env python3
"""Kiln's optimizer vs onnx-simplifier, onnxslim, onnxoptimizer and onnxruntime's offline
optimizer: node counts, wall time, and whether each output still computes what the original
does (checked in onnxruntime).

For every model (the nine conformance CNNs and the real-model corpus) each tool runs as a whole
process (so times include interpreter or binary start-up):

    onnxsim          python -m onnxsim IN OUT
    onnxslim         onnxslim IN OUT
    onnxoptimizer    onnxoptimizer.optimize(m, get_fuse_and_elimination_passes())
    ort-basic        onnxruntime session, ORT_ENABLE_BASIC, optimized_model_filepath
    ort-extended     onnxruntime session, ORT_ENABLE_EXTENDED, optimized_model_filepath
    kiln-O2, kiln-O3 kiln optimize IN -o OUT -O2 / -O3 (release build)

Columns: node count after each tool (Constant nodes excluded, subgraph nodes included); with
--compute, the count of nodes that depend on a graph input (what runs per inference once
constants are folded); wall time in ms; '!' marks an output that no longer matches the
original in onnxruntime (float outputs: cosine >= 0.99999 and allclose(rtol=1e-3, atol=1e-4);
integer outputs exact; 'x' marks a tool that failed). Inputs: feeds/NAME.npz for real models,
seeded random data (dynamic dims = 1) for the CNNs.

    /work/main/.venv/bin/python Benchmarks/optimizer-compare.py [--models a,b] [--no-build]
        [--real DIR] [--kiln PATH] [--compute] [--json OUT.json] [--keep DIR] [--histogram]

--keep DIR keeps every tool's output as DIR/MODEL.TOOL.onnx; --histogram prints, per model, the
op types whose counts differ between kiln -O2/-O3 and the tool with the fewest nodes.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PY = sys.executable
TOOLS = ["onnxsim", "onnxslim", "onnxoptimizer", "ort-basic", "ort-extended", "kiln-O2", "kiln-O3"]

ORT_SCRIPT = """
import sys, onnxruntime as ort
o = ort.SessionOptions()
o.graph_optimization_level = getattr(ort.GraphOptimizationLevel, sys.argv[3])
o.optimized_model_filepath = sys.argv[2]
o.intra_op_num_threads = 1
o.log_severity_level = 3
ort.InferenceSession(sys.argv[1], o, providers=["CPUExecutionProvider"])
"""

OPT_SCRIPT = """
import sys, onnx, onnxoptimizer
m = onnx.load(sys.argv[1])
m = onnxoptimizer.optimize(m, onnxoptimizer.get_fuse_and_elimination_passes())
onnx.save(m, sys.argv[2])
"""


def models(real_dir, only):
    conf = os.environ.get("KILN_CONFORMANCE") or os.path.join(os.path.dirname(ROOT), "shared", "conformance")
    out = []
    for p in sorted(glob.glob(os.path.join(conf, "onnx-models", "*", "model.onnx"))):
        out.append((os.path.basename(os.path.dirname(p)), p, None))
    feeds = os.path.join(os.path.dirname(ROOT), "shared", "real-models", "feeds")
    for p in sorted(glob.glob(os.path.join(real_dir, "models", "*.onnx"))):
        name = os.path.splitext(os.path.basename(p))[0]
        out.append((name, p, os.path.join(feeds, name + ".npz")))
    if only:
        keep = set(only.split(","))
        out = [m for m in out if m[0] in keep]
    return out


def command(tool, src, dst, kiln):
    if tool == "onnxsim":
        return [PY, "-m", "onnxsim", src, dst]
    if tool == "onnxslim":
        return [os.path.join(os.path.dirname(PY), "onnxslim"), src, dst]
    if tool == "onnxoptimizer":
        return [PY, "-c", OPT_SCRIPT, src, dst]
    if tool == "ort-basic":
        return [PY, "-c", ORT_SCRIPT, src, dst, "ORT_ENABLE_BASIC"]
    if tool == "ort-extended":
        return [PY, "-c", ORT_SCRIPT, src, dst, "ORT_ENABLE_EXTENDED"]
    if tool.startswith("kiln-"):
        return [kiln, "optimize", src, "-o", dst, tool[len("kiln"):]]
    raise ValueError(tool)


def count_nodes(path, compute):
    import onnx

    m = onnx.load(path, load_external_data=False)

    def walk(g, outer_live):
        n = 0
        live = set(outer_live)
        if compute:
            inits = {i.name for i in g.initializer}
            live |= {i.name for i in g.input if i.name not in inits}
        for node in g.node:
            subs = [a.g for a in node.attribute if a.type == onnx.AttributeProto.GRAPH]
            subs += [s for a in node.attribute if a.type == onnx.AttributeProto.GRAPHS for s in a.graphs]
            inner = sum(walk(s, live) for s in subs)
            depends = any(i in live for i in node.input if i) or bool(subs)
            if depends:
                live |= set(node.output)
            if node.op_type == "Constant" and node.domain in ("", "ai.onnx"):
                continue
            if compute and not depends:
                continue
            n += 1 + inner
        return n

    return walk(m.graph, set())


def make_feeds(path, npz):
    import numpy as np
    import onnxruntime as ort

    if npz and os.path.exists(npz):
        d = np.load(npz)
        return {k: d[k] for k in d.files}
    sess = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    rng = np.random.default_rng(0)
    feeds = {}
    for i in sess.get_inputs():
        shape = [d if isinstance(d, int) else 1 for d in i.shape]
        if "float" in i.type:
            feeds[i.name] = rng.uniform(-1, 1, shape).astype(np.float32)
        else:
            feeds[i.name] = rng.integers(0, 2, shape).astype(np.int64)
    return feeds


def run(path, feeds):
    import onnxruntime as ort

    o = ort.SessionOptions()
    o.intra_op_num_threads = 1
    o.log_severity_level = 3
    sess = ort.InferenceSession(path, o, providers=["CPUExecutionProvider"])
    names = [x.name for x in sess.get_outputs()]
    return dict(zip(names, sess.run(None, feeds)))


def matches(ref, got):
    import numpy as np

    for k, a in ref.items():
        if k not in got:
            return False
        b = got[k]
        a, b = np.asarray(a), np.asarray(b)
        if a.shape != b.shape:
            return False
        if a.dtype.kind == "f":
            fa, fb = a.astype(np.float64).ravel(), b.astype(np.float64).ravel()
            na, nb = np.linalg.norm(fa), np.linalg.norm(fb)
            cos = 1.0 if na == 0 and nb == 0 else float(fa @ fb / max(na * nb, 1e-300))
            if cos < 0.99999 or not np.allclose(b, a, rtol=1e-3, atol=1e-4, equal_nan=True):
                return False
        elif not np.array_equal(a, b):
            return False
    return True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--models")
    ap.add_argument("--real", default=os.path.join(os.path.dirname(ROOT), "main", ".build", "real-models"))
    ap.add_argument("--kiln", default=os.path.join(ROOT, ".build", "release", "kiln"))
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--compute", action="store_true", help="also count nodes that depend on inputs")
    ap.add_argument("--tools", default=",".join(TOOLS))
    ap.add_argument("--json")
    ap.add_argument("--keep", help="keep every tool's output in this directory")
    ap.add_argument("--histogram", action="store_true",
                    help="print op-type counts that differ between kiln and the smallest output")
    args = ap.parse_args()
    tools = args.tools.split(",")
    if not args.no_build:
        subprocess.run(["flock", "/tmp/kiln-build.lock", "swift", "build", "-c", "release", "--product", "kiln"],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    rows = []
    tmp = args.keep or tempfile.mkdtemp(prefix="kiln-optcmp-")
    os.makedirs(tmp, exist_ok=True)
    for name, path, npz in models(args.real, args.models):
        feeds = make_feeds(path, npz)
        ref = run(path, feeds)
        row = {"model": name, "original": count_nodes(path, False), "tools": {}}
        if args.compute:
            row["original_compute"] = count_nodes(path, True)
        for tool in tools:
            dst = os.path.join(tmp, f"{name}.{tool}.onnx")
            t0 = time.perf_counter()
            p = subprocess.run(command(tool, path, dst, args.kiln), stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
            ms = (time.perf_counter() - t0) * 1000
            r = {"ms": round(ms, 1)}
            if p.returncode != 0 or not os.path.exists(dst):
                r["error"] = (p.stderr or "").strip().splitlines()[-1:] or ["failed"]
            else:
                r["nodes"] = count_nodes(dst, False)
                if args.compute:
                    r["compute"] = count_nodes(dst, True)
                try:
                    r["match"] = matches(ref, run(dst, feeds))
                except Exception as e:  # the tool's output does not even load or run
                    r["match"] = False
                    r["error"] = [str(e).splitlines()[0][:120]]
            row["tools"][tool] = r
        rows.append(row)
        print_row(row, tools, args.compute, header=len(rows) == 1)
        if args.histogram:
            print_histogram(name, row, tools, tmp)
    summarize(rows, tools)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1)


def print_row(row, tools, compute, header):
    if header:
        print(f"{'model':22} {'orig':>5} " + " ".join(f"{t:>14}" for t in tools))
        print(f"{'':22} {'':>5} " + " ".join(f"{'nodes   ms':>14}" for _ in tools))
    cells = []
    for t in tools:
        r = row["tools"][t]
        if "nodes" not in r:
            cells.append(f"{'x':>6} {r['ms']:>7.0f}")
            continue
        n = str(r["nodes"]) + ("" if r.get("match") else "!")
        if compute:
            n = f"{r['compute']}/{n}"
        cells.append(f"{n:>6} {r['ms']:>7.0f}")
    orig = str(row["original"]) if not compute else f"{row['original_compute']}/{row['original']}"
    print(f"{row['model']:22} {orig:>5} " + " ".join(f"{c:>14}" for c in cells), flush=True)


def histogram(path):
    import collections
    import onnx

    m = onnx.load(path, load_external_data=False)
    c = collections.Counter()

    def walk(g):
        for n in g.node:
            if not (n.op_type == "Constant" and n.domain in ("", "ai.onnx")):
                c[(n.domain + "::" if n.domain not in ("", "ai.onnx") else "") + n.op_type] += 1
            for a in n.attribute:
                if a.type == onnx.AttributeProto.GRAPH:
                    walk(a.g)
                for s in a.graphs:
                    walk(s)

    walk(m.graph)
    return c


def print_histogram(name, row, tools, tmp):
    done = {t: r for t, r in row["tools"].items() if "nodes" in r and r.get("match")}
    std = [t for t in done if t in ("onnxsim", "onnxslim", "onnxoptimizer", "ort-basic")]
    pairs = []
    if "kiln-O2" in done and std:
        pairs.append(("kiln-O2", min(std, key=lambda t: done[t]["nodes"])))
    if "kiln-O3" in done and "ort-extended" in done:
        pairs.append(("kiln-O3", "ort-extended"))
    for k, best in pairs:
        hb = histogram(os.path.join(tmp, f"{name}.{best}.onnx"))
        hk = histogram(os.path.join(tmp, f"{name}.{k}.onnx"))
        diff = {op: hk[op] - hb[op] for op in set(hk) | set(hb) if hk[op] != hb[op]}
        text = ", ".join(f"{op} {d:+d}" for op, d in sorted(diff.items(), key=lambda x: (-x[1], x[0])))
        print(f"    {k} vs {best}: {text or 'same op counts'}")


def summarize(rows, tools):
    std = [t for t in tools if t in ("onnxsim", "onnxslim", "onnxoptimizer", "ort-basic")]
    def ok(r):
        return "nodes" in r and r.get("match")
    if "kiln-O2" in tools and std:
        worse = []
        for row in rows:
            best = min((row["tools"][t]["nodes"] for t in std if ok(row["tools"][t])), default=None)
            k = row["tools"]["kiln-O2"]
            if not ok(k) or (best is not None and k["nodes"] > best):
                worse.append(f"{row['model']} (kiln {k.get('nodes')}, best {best})")
        print(f"\nkiln -O2 vs best standard-op tool ({', '.join(std)}): "
              + ("no more nodes and matching on every model" if not worse else "behind on " + "; ".join(worse)))
    if "kiln-O3" in tools and "ort-extended" in tools:
        worse = [row["model"] for row in rows
                 if ok(row["tools"]["ort-extended"]) and (not ok(row["tools"]["kiln-O3"])
                     or row["tools"]["kiln-O3"]["nodes"] > row["tools"]["ort-extended"]["nodes"])]
        print("kiln -O3 vs ort-extended: " + ("no more nodes on every model" if not worse else "behind on " + ", ".join(worse)))
    if "onnxsim" in tools and "kiln-O2" in tools:
        a = sum(r["tools"]["onnxsim"]["ms"] for r in rows)
        b = sum(r["tools"]["kiln-O2"]["ms"] for r in rows)
        print(f"total wall time: onnxsim {a:.0f} ms, kiln -O2 {b:.0f} ms ({a / max(b, 1e-9):.1f}x)")


if __name__ == "__main__":
    main()
