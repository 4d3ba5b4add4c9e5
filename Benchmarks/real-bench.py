#!/usr/bin/env python3
"""Kiln vs onnxruntime on real models: latency, peak memory and agreement, side by side.

Models: the fourteen in ../shared/real-models (fetched with its fetch.sh into
.build/real-models when missing) with their recorded feeds, and the nine conformance CNNs
(../shared/conformance/onnx-models) with their input_0.pb. For every model, in one invocation:

- onnxruntime (CPU provider, intra_op_num_threads = --threads, default graph optimizations)
  runs in a child process: warm-up, then --runs timed runs (more if they take less than
  --min-seconds); median latency and the child's peak RSS;
- `kiln bench MODEL --input FEEDS --threads N --format json` runs the same inputs (as many runs
  as --min-seconds of onnxruntime's median needs, at least --runs); median latency and the
  child's peak RSS;
- with --repeat K the pair is measured K times, alternating, and each side's best median is
  kept (robust against other load on a shared machine for sub-millisecond models);
- `kiln run` computes the outputs once and they are compared with onnxruntime's recorded
  outputs (real models: feeds/NAME.out.npz; CNNs: output_0.pb) by the corpus's agreement rule
  (float cosine >= 0.99999 on the flattened output, integers exact).

Prints one row per model (medians, Kiln/onnxruntime ratio, peak RSS of both, agreement) and the
geometric mean of the ratios.

    .venv/bin/python Benchmarks/real-bench.py [--threads 1] [--runs 20] [--min-seconds 1]
        [--repeat 1] [--models t2t,vgg] [--no-build] [--json out.json]
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("KILN_SHARED", os.path.join(os.path.dirname(ROOT), "shared"))
REAL = os.path.join(SHARED, "real-models")
CNNS = os.path.join(SHARED, "conformance", "onnx-models")
MODELS = os.path.join(ROOT, ".build", "real-models", "models")


def ensure_models():
    if os.path.isdir(MODELS) and len(os.listdir(MODELS)) >= 14:
        return
    env = dict(os.environ, PIP=f"{sys.executable} -m pip")
    subprocess.run(["bash", os.path.join(REAL, "fetch.sh"), os.path.join(ROOT, ".build", "real-models")],
                   check=True, env=env)


def catalog(filters):
    out = []
    for f in sorted(os.listdir(os.path.join(REAL, "feeds"))):
        if f.endswith(".out.npz"):
            continue
        name = f[:-4]
        out.append(dict(name=name, model=os.path.join(MODELS, name + ".onnx"),
                        feeds=os.path.join(REAL, "feeds", f),
                        expected=os.path.join(REAL, "feeds", name + ".out.npz"), kind="real"))
    if os.path.isdir(CNNS):
        for name in sorted(os.listdir(CNNS)):
            d = os.path.join(CNNS, name)
            out.append(dict(name=name, model=os.path.join(d, "model.onnx"),
                            feeds=os.path.join(d, "test_data_set_0", "input_0.pb"),
                            expected=os.path.join(d, "test_data_set_0", "output_0.pb"), kind="cnn"))
    if filters:
        out = [m for m in out if any(w in m["name"] for w in filters)]
    return out


def load_feeds(m, sess=None):
    import numpy as np
    if m["feeds"].endswith(".npz"):
        z = np.load(m["feeds"])
        return {k: z[k] for k in z.files}
    import onnx
    from onnx import numpy_helper
    t = onnx.TensorProto()
    with open(m["feeds"], "rb") as f:
        t.ParseFromString(f.read())
    name = sess.get_inputs()[0].name if sess else t.name
    return {name: numpy_helper.to_array(t)}


def load_expected(m, names):
    import numpy as np
    if m["expected"].endswith(".npz"):
        z = np.load(m["expected"])
        return {k: z[k] for k in z.files}
    import onnx
    from onnx import numpy_helper
    t = onnx.TensorProto()
    with open(m["expected"], "rb") as f:
        t.ParseFromString(f.read())
    return {names[0]: numpy_helper.to_array(t)}


def ort_worker(spec):
    """Child process: time one model in onnxruntime and print JSON."""
    import time
    import statistics
    import onnxruntime as ort
    m = json.loads(spec)
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = m["threads"]
    opts.inter_op_num_threads = 1
    opts.log_severity_level = 3
    sess = ort.InferenceSession(m["model"], opts, providers=["CPUExecutionProvider"])
    feeds = load_feeds(m, sess)
    for _ in range(m["warmup"]):
        sess.run(None, feeds)
    times = []
    start = time.perf_counter()
    while len(times) < m["runs"] or time.perf_counter() - start < m["min_seconds"]:
        t = time.perf_counter()
        sess.run(None, feeds)
        times.append((time.perf_counter() - t) * 1e3)
    print(json.dumps({"median": statistics.median(times),
                      "outputs": [o.name for o in sess.get_outputs()]}))


def timed_child(cmd):
    """Runs cmd through fork/exec and wait4 so the peak RSS of exactly that child is known."""
    r, w = os.pipe()
    re_, we = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.dup2(w, 1)
        os.dup2(we, 2)
        os.close(r)
        os.close(re_)
        try:
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    os.close(w)
    os.close(we)
    chunks, errs = [], []
    import select
    fds = {r: chunks, re_: errs}
    while fds:
        ready, _, _ = select.select(list(fds), [], [])
        for fd in ready:
            b = os.read(fd, 65536)
            if not b:
                os.close(fd)
                del fds[fd]
            else:
                fds[fd].append(b)
    _, status, ru = os.wait4(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    return code, b"".join(chunks).decode(), b"".join(errs).decode(), ru.ru_maxrss / 1024.0


def agreement(expected, got):
    import numpy as np
    worst = 1.0
    for k, x in expected.items():
        if k not in got:
            return f"missing {k}"
        g = got[k]
        if g.shape != x.shape:
            return f"{k}: shape {g.shape} != {x.shape}"
        if np.issubdtype(x.dtype, np.floating):
            a = g.astype(np.float64).ravel()
            b = x.astype(np.float64).ravel()
            na, nb = np.linalg.norm(a), np.linalg.norm(b)
            cos = 1.0 if na == 0 and nb == 0 else float(a @ b / (na * nb)) if na and nb else 0.0
            worst = min(worst, cos)
        elif not np.array_equal(g, x):
            return f"{k}: {int((g != x).sum())} integers differ"
    return "ok" if worst >= 0.99999 else f"cos {worst:.6f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--min-seconds", type=float, default=1.0,
                    help="time each side for at least this long (more runs for fast models)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="measure each pair K times, alternating; keep each side's best median")
    ap.add_argument("--models", default="")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--json", default="")
    ap.add_argument("--ort-worker", default="", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.ort_worker:
        ort_worker(args.ort_worker)
        return

    ensure_models()
    if not args.no_build:
        subprocess.run(["flock", "/tmp/kiln-build.lock", "swift", "build", "-c", "release",
                        "--product", "kiln"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    kiln = os.path.join(ROOT, ".build", "release", "kiln")
    import numpy as np

    rows = []
    print(f"threads {args.threads}, >= {args.runs} runs and >= {args.min_seconds:g} s after "
          f"{args.warmup} warm-up, median ms" + (f", best of {args.repeat}" if args.repeat > 1 else ""))
    print(f"{'model':22} {'onnxruntime':>11} {'kiln':>9} {'ratio':>6} {'ort MiB':>8} {'kiln MiB':>8}  agreement")
    for m in catalog([w for w in args.models.split(",") if w]):
        spec = dict(m, threads=args.threads, runs=args.runs, warmup=args.warmup,
                    min_seconds=args.min_seconds)
        ort, kiln_ms, ort_rss, kiln_rss, failure = None, None, 0.0, 0.0, ""
        for _ in range(max(1, args.repeat)):
            code, out, err, rss = timed_child(
                [sys.executable, __file__, "--ort-worker", json.dumps(spec)])
            if code != 0:
                failure = "onnxruntime failed: " + str(err.strip().splitlines()[-1:])
                break
            o = json.loads(out)
            if ort is None or o["median"] < ort["median"]:
                ort = o
            ort_rss = max(ort_rss, rss)
            runs = max(args.runs, math.ceil(args.min_seconds * 1e3 / max(o["median"], 1e-3)))
            code, out, err, rss = timed_child(
                [kiln, "bench", m["model"], "--input", m["feeds"], "--runs", str(runs),
                 "--warmup", str(args.warmup), "--threads", str(args.threads), "--format", "json"])
            if code != 0:
                failure = "kiln failed: " + err.strip()[:200]
                break
            k = json.loads(out)["medianMilliseconds"]
            kiln_ms = k if kiln_ms is None else min(kiln_ms, k)
            kiln_rss = max(kiln_rss, rss)
        if ort is None:
            print(f"{m['name']:22} {failure}")
            continue
        if failure:
            print(f"{m['name']:22} {ort['median']:11.3f} {failure}")
            rows.append(dict(name=m["name"], ort=ort["median"], kiln=None))
            continue
        with tempfile.TemporaryDirectory() as tmp:
            outp = os.path.join(tmp, "out.npz")
            r = subprocess.run([kiln, "run", m["model"], "--input", m["feeds"], "-o", outp,
                                "--threads", str(args.threads)], capture_output=True, text=True)
            if r.returncode != 0:
                agree = "run failed: " + r.stderr.strip()[:120]
            else:
                z = np.load(outp)
                agree = agreement(load_expected(m, ort["outputs"]), {k: z[k] for k in z.files})
        ratio = kiln_ms / ort["median"]
        rows.append(dict(name=m["name"], ort=ort["median"], kiln=kiln_ms, ratio=ratio,
                         ort_rss=ort_rss, kiln_rss=kiln_rss, agreement=agree))
        print(f"{m['name']:22} {ort['median']:11.3f} {kiln_ms:9.3f} {ratio:6.2f} {ort_rss:8.1f} {kiln_rss:8.1f}  {agree}",
              flush=True)
    ratios = [r["ratio"] for r in rows if r.get("kiln")]
    if ratios:
        gm = math.exp(sum(math.log(x) for x in ratios) / len(ratios))
        worst = max(rows, key=lambda r: r.get("ratio", 0))
        print(f"geometric mean Kiln/onnxruntime over {len(ratios)} models: {gm:.2f}  "
              f"(worst {worst['name']} {worst['ratio']:.2f}; {sum(1 for x in ratios if x > 1.5)} above 1.5)")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(dict(threads=args.threads, runs=args.runs, min_seconds=args.min_seconds,
                           repeat=args.repeat, rows=rows), f, indent=1)


if __name__ == "__main__":
    main()
