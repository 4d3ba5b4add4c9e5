#!/usr/bin/env python3
"""Interop check for Kiln's ONNX import/export (used by the Swift interop tests).

Usage: onnx_interop.py MANIFEST
MANIFEST has one line per model: ORIGINAL<TAB>ROUNDTRIPPED<TAB>DATA_DIR (DATA_DIR may be empty).

For each pair it checks that
  1. onnx.checker.check_model(full_check=True) accepts the round-tripped model whenever it
     accepts the original;
  2. the two models are the same protobuf after normalizing tensor encodings (typed fields vs
     raw_data, which Kiln always writes as raw_data) -- i.e. nothing was lost;
  3. onnxruntime (one thread) gives bit-identical outputs for both on the inputs in DATA_DIR
     (input_J.pb), whenever onnxruntime can run the original.
Prints one line per failure and a closing "N passed, N failed" line; exits 1 on any failure.
"""
import os
import sys

import numpy as np
import onnx
from onnx import numpy_helper

try:
    import onnxruntime as ort
except ImportError:  # the Swift side reports the skip
    ort = None


def normalize_tensor(t):
    if t.data_location == onnx.TensorProto.EXTERNAL:
        return
    if t.data_type in (onnx.TensorProto.STRING, onnx.TensorProto.UNDEFINED):
        return
    arr = numpy_helper.to_array(t)
    fresh = numpy_helper.from_array(arr, t.name)
    for field in ("float_data", "int32_data", "int64_data", "double_data", "uint64_data"):
        t.ClearField(field)
    t.raw_data = fresh.raw_data
    t.data_type = fresh.data_type if t.data_type == 0 else t.data_type


def normalize_graph(g):
    for t in g.initializer:
        normalize_tensor(t)
    for s in g.sparse_initializer:
        normalize_tensor(s.values)
        normalize_tensor(s.indices)
    for n in g.node:
        normalize_node(n)


def normalize_node(n):
    for a in n.attribute:
        if a.HasField("t"):
            normalize_tensor(a.t)
        for t in a.tensors:
            normalize_tensor(t)
        if a.HasField("sparse_tensor"):
            normalize_tensor(a.sparse_tensor.values)
            normalize_tensor(a.sparse_tensor.indices)
        if a.HasField("g"):
            normalize_graph(a.g)
        for g in a.graphs:
            normalize_graph(g)


def clear_defaults(msg):
    """Clears singular fields set to their default value: ONNX gives presence no meaning for
    them (an empty `domain` is the default domain), and Kiln writes only non-default values."""
    for field, value in msg.ListFields():
        if field.is_repeated:
            if field.type == field.TYPE_MESSAGE:
                for item in value:
                    clear_defaults(item)
        elif field.type == field.TYPE_MESSAGE:
            clear_defaults(value)
        elif field.containing_oneof is None and value == field.default_value:
            msg.ClearField(field.name)


def normalize(model):
    clear_defaults(model)
    normalize_graph(model.graph)
    for f in model.functions:
        for n in f.node:
            normalize_node(n)
    return model.SerializeToString(deterministic=True)


def load_inputs(model, data_dir):
    inits = {i.name for i in model.graph.initializer}
    inputs = [i for i in model.graph.input if i.name not in inits]
    feeds = {}
    for j, info in enumerate(inputs):
        path = os.path.join(data_dir, f"input_{j}.pb")
        if not os.path.exists(path):
            return None
        with open(path, "rb") as f:
            data = f.read()
        # Each data file is the message of the input's declared type (shared/conformance README).
        kind = info.type.WhichOneof("value")
        if kind == "sequence_type":
            m = onnx.SequenceProto()
            m.ParseFromString(data)
            feeds[info.name] = numpy_helper.to_list(m)
        elif kind == "optional_type":
            m = onnx.OptionalProto()
            m.ParseFromString(data)
            feeds[info.name] = numpy_helper.to_optional(m)
        elif kind == "map_type":
            m = onnx.MapProto()
            m.ParseFromString(data)
            feeds[info.name] = numpy_helper.to_dict(m)
        else:
            t = onnx.TensorProto()
            t.ParseFromString(data)
            feeds[info.name] = numpy_helper.to_array(t)
    return feeds


def run(path, feeds):
    so = ort.SessionOptions()
    so.intra_op_num_threads = 1
    so.inter_op_num_threads = 1
    so.log_severity_level = 4
    sess = ort.InferenceSession(path, so, providers=["CPUExecutionProvider"])
    return sess.run(None, feeds)


def same(a, b):
    if isinstance(a, list) or isinstance(b, list):  # sequence outputs
        return isinstance(a, list) and isinstance(b, list) and len(a) == len(b) and all(
            same(x, y) for x, y in zip(a, b))
    if a is None or b is None:  # optional outputs
        return a is None and b is None
    a, b = np.asarray(a), np.asarray(b)
    if a.dtype != b.dtype or a.shape != b.shape:
        return False
    if a.dtype.kind == "O":
        return a.tolist() == b.tolist()
    return a.tobytes() == b.tobytes()  # bit-identical, NaN payloads included


def check_pair(orig, rt, data_dir, stats):
    errors = []
    checker_ok = True
    try:
        onnx.checker.check_model(orig, full_check=True)
    except Exception:
        checker_ok = False
    if checker_ok:
        stats["checked"] += 1
        try:
            onnx.checker.check_model(rt, full_check=True)
        except Exception as e:
            errors.append(f"checker rejects the round-tripped model: {str(e).splitlines()[0]}")
    a = onnx.load(orig, load_external_data=False)
    b = onnx.load(rt, load_external_data=False)
    if normalize(a) != normalize(b):
        errors.append("round-tripped model differs from the original after normalization")
    if ort is not None and data_dir:
        feeds = load_inputs(onnx.load(orig, load_external_data=False), data_dir)
        if feeds is not None:
            try:
                want = run(orig, feeds)
            except Exception:
                want = None
            if want is not None:
                stats["ran"] += 1
                try:
                    got = run(rt, feeds)
                except Exception as e:
                    got = None
                    errors.append(f"onnxruntime fails on the round trip only: {str(e).splitlines()[0][:200]}")
                if got is not None and (len(got) != len(want) or not all(same(x, y) for x, y in zip(got, want))):
                    errors.append("onnxruntime outputs differ between original and round trip")
    return errors


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    stats = {"checked": 0, "ran": 0}
    passed = failed = 0
    with open(sys.argv[1]) as f:
        lines = [l.rstrip("\n").split("\t") for l in f if l.strip()]
    for parts in lines:
        orig, rt = parts[0], parts[1]
        data_dir = parts[2] if len(parts) > 2 else ""
        errs = check_pair(orig, rt, data_dir, stats)
        if errs:
            failed += 1
            for e in errs:
                print(f"FAIL {orig}: {e}")
        else:
            passed += 1
    print(f"checker-accepted originals: {stats['checked']}; compared on onnxruntime: {stats['ran']}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
