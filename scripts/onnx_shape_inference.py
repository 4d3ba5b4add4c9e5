#!/usr/bin/env python3
"""Dump onnx.shape_inference's inferred graph-output types for Kiln's inference tests.

Usage: onnx_shape_inference.py OUT.json MODEL_DIR...
For each MODEL_DIR/model.onnx the declared types of the graph outputs and every value_info are
removed (graph inputs and initializers stay), then onnx.shape_inference.infer_shapes (with
data propagation) fills them in again. Writes one JSON object:
  {"<dir name>": {"outputs": [{"name": n, "elem": ONNX elem code or 0,
                               "shape": null | [int | "symbol" | null, ...]}],
                  "error": "..." (only when onnx raised)}}
Kiln's test strips the same fields and compares dim by dim where both sides know a value.
"""
import json
import os
import sys

import onnx
from onnx import shape_inference


def dump_type(t):
    if not t.HasField("tensor_type"):
        return {"elem": 0, "shape": None, "kind": t.WhichOneof("value")}
    tt = t.tensor_type
    shape = None
    if tt.HasField("shape"):
        shape = []
        for d in tt.shape.dim:
            if d.HasField("dim_value"):
                shape.append(d.dim_value if d.dim_value >= 0 else None)
            elif d.HasField("dim_param") and d.dim_param:
                shape.append(d.dim_param)
            else:
                shape.append(None)
    return {"elem": tt.elem_type, "shape": shape, "kind": "tensor_type"}


def main():
    out_path = sys.argv[1]
    result = {}
    for d in sys.argv[2:]:
        name = os.path.basename(os.path.normpath(d))
        entry = {"outputs": []}
        try:
            m = onnx.load(os.path.join(d, "model.onnx"))
            names = [o.name for o in m.graph.output]
            del m.graph.value_info[:]
            for o in m.graph.output:
                o.ClearField("type")
            inferred = shape_inference.infer_shapes(m, strict_mode=False, data_prop=True)
            types = {}
            for v in list(inferred.graph.value_info) + list(inferred.graph.output):
                if v.HasField("type"):
                    types[v.name] = v.type
            for n in names:
                e = {"name": n}
                if n in types:
                    e.update(dump_type(types[n]))
                else:
                    e.update({"elem": 0, "shape": None, "kind": None})
                entry["outputs"].append(e)
        except Exception as ex:  # noqa: BLE001 - report and keep going
            entry["error"] = str(ex).splitlines()[0] if str(ex) else type(ex).__name__
        result[name] = entry
    with open(out_path, "w") as f:
        json.dump(result, f, sort_keys=True)


if __name__ == "__main__":
    main()
