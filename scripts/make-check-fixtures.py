#!/usr/bin/env python3
"""Writes the `kiln check` broken-model corpus: fixtures/check/<case>.onnx + expected.json.

Run with the repository's Python venv (onnx 1.23.2):  /work/venv/bin/python scripts/make-check-fixtures.py

Models are built with onnx.helper and saved WITHOUT running the checker, so each can be
deliberately broken. expected.json maps case -> finding codes `kiln check` must report;
error-level findings of a case must all be listed (warnings/infos may be extra).
Cases named valid_* must produce no error-level findings.
For reference the script also runs onnx.checker.check_model(full_check=True) on every case and
records whether onnx itself rejects it in onnx-checker.json (informational, not asserted).
"""
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "check")
F = TensorProto.FLOAT
cases = {}


def vi(name, dtype=F, shape=(2, 3)):
    return helper.make_tensor_value_info(name, dtype, list(shape) if shape is not None else None)


def model(nodes, inputs, outputs, inits=(), opset=21, ir=10, name="g", extra_opsets=(), **kw):
    g = helper.make_graph(nodes, name, inputs, outputs, initializer=list(inits),
                          value_info=kw.pop("value_info", []),
                          sparse_initializer=kw.pop("sparse", []))
    imports = [] if opset is None else [helper.make_opsetid("", opset)]
    imports += [helper.make_opsetid(d, v) for d, v in extra_opsets]
    m = helper.make_model(g, opset_imports=imports, producer_name="make-check-fixtures",
                          functions=kw.pop("functions", []))
    m.ir_version = ir
    for k, v in kw.pop("metadata", []):
        e = m.metadata_props.add()
        e.key, e.value = k, v
    assert not kw, kw
    return m


def case(name, codes, m):
    cases[name] = (sorted(codes), m)


def raw_tensor(name, dtype, dims, raw):
    """A TensorProto with arbitrary dims and raw bytes (make_tensor would validate them)."""
    t = TensorProto()
    t.name, t.data_type, t.raw_data = name, dtype, raw
    t.dims.extend(dims)
    return t


def w(name, arr):
    return numpy_helper.from_array(np.asarray(arr), name)


relu = lambda i, o, **a: helper.make_node("Relu", [i], [o], **a)

# ---------------------------------------------------------------- valid models
case("valid_relu", [], model([relu("X", "Y")], [vi("X")], [vi("Y")]))
case("valid_conv_gemm", [], model([
    helper.make_node("Conv", ["X", "W", "B"], ["C"], kernel_shape=[3, 3], pads=[1, 1, 1, 1]),
    helper.make_node("Flatten", ["C"], ["Fl"], axis=1) if False else
    helper.make_node("Reshape", ["C", "S"], ["Fl"]),
    helper.make_node("Gemm", ["Fl", "G", "GB"], ["Y"], transB=1, alpha=0.5),
], [vi("X", shape=(1, 1, 4, 4))], [vi("Y", shape=(1, 2))], inits=[
    w("W", np.ones((2, 1, 3, 3), np.float32)), w("B", np.zeros(2, np.float32)),
    w("S", np.array([1, 32], np.int64)), w("G", np.ones((2, 32), np.float32)),
    w("GB", np.zeros(2, np.float32))]))
then_g = helper.make_graph([helper.make_node("Identity", ["X"], ["t"])], "then", [], [vi("t")])
else_g = helper.make_graph([relu("X", "e")], "else", [], [vi("e")])
case("valid_if", [], model([helper.make_node("If", ["C"], ["Y"], then_branch=then_g,
                                             else_branch=else_g)],
                           [vi("C", TensorProto.BOOL, ()), vi("X")], [vi("Y")]))
body = helper.make_graph(
    [helper.make_node("Identity", ["cond_in"], ["cond_out"]),
     helper.make_node("Add", ["acc_in", "X"], ["acc_out"])], "body",
    [vi("iter", TensorProto.INT64, ()), vi("cond_in", TensorProto.BOOL, ()), vi("acc_in")],
    [vi("cond_out", TensorProto.BOOL, ()), vi("acc_out")])
case("valid_loop", [], model([helper.make_node("Loop", ["N", "", "A"], ["Y"], body=body)],
                             [vi("N", TensorProto.INT64, ()), vi("A"), vi("X")], [vi("Y")]))
fn = helper.make_function("local.fns", "DoubleRelu", ["x"], ["y"],
                          [relu("x", "t"), relu("t", "y")], [helper.make_opsetid("", 21)])
case("valid_function", [], model([helper.make_node("DoubleRelu", ["X"], ["Y"], domain="local.fns")],
                                 [vi("X")], [vi("Y")], extra_opsets=[("local.fns", 1)],
                                 functions=[fn]))

# ---------------------------------------------------------------- model header
case("bad_ir_version", ["K0001"], model([relu("X", "Y")], [vi("X")], [vi("Y")], ir=0))
case("ir_version_too_new", ["K0002"], model([relu("X", "Y")], [vi("X")], [vi("Y")], ir=99))
case("missing_opset_import", ["K0003", "K0205"],
     model([relu("X", "Y")], [vi("X")], [vi("Y")], opset=None))
case("unknown_opset_version", ["K0005"], model([relu("X", "Y")], [vi("X")], [vi("Y")], opset=99))
case("ir_too_old_for_opset", ["K0006"], model([relu("X", "Y")], [vi("X")], [vi("Y")], ir=7))
case("duplicate_metadata_key", ["K0007"],
     model([relu("X", "Y")], [vi("X")], [vi("Y")], metadata=[("k", "1"), ("k", "2")]))

# ---------------------------------------------------------------- graph structure
case("empty_graph_name", ["K0101"], model([relu("X", "Y")], [vi("X")], [vi("Y")], name=""))
case("undefined_input", ["K0102"], model([relu("Ghost", "Y")], [vi("X")], [vi("Y")]))
case("duplicate_output", ["K0103"], model([relu("X", "Y"), relu("X", "Y")], [vi("X")], [vi("Y")]))
case("cycle", ["K0104"], model([relu("b", "a"), relu("a", "b"), relu("a", "Y")], [vi("X")],
                               [vi("Y")]))
case("unsorted_nodes", ["K0105"], model([relu("T", "Y"), relu("X", "T")], [vi("X")], [vi("Y")]))
case("undefined_graph_output", ["K0106"], model([relu("X", "Y")], [vi("X")], [vi("Y"), vi("Z")]))
case("missing_input_type", ["K0108"], model([relu("X", "Y")], [vi("X", shape=None)], [vi("Y")]))
case("duplicate_initializer", ["K0109"], model(
    [helper.make_node("Add", ["X", "B"], ["Y"])], [vi("X")], [vi("Y")],
    inits=[w("B", np.ones((2, 3), np.float32)), w("B", np.ones((2, 3), np.float32))]))
case("initializer_not_input_ir3", ["K0110"], model(
    [helper.make_node("Add", ["X", "B"], ["Y"])], [vi("X")], [vi("Y")],
    inits=[w("B", np.ones((2, 3), np.float32))], ir=3, opset=8))
case("input_shadows_initializer", ["K0112"], model(
    [helper.make_node("Add", ["X", "B"], ["Y"])], [vi("X"), vi("B")], [vi("Y")],
    inits=[w("B", np.ones((2, 3), np.float32))]))
case("unused_initializer", ["K0113"], model([relu("X", "Y")], [vi("X")], [vi("Y")],
                                            inits=[w("Unused", np.ones(3, np.float32))]))
case("dangling_output", ["K0114"], model(
    [helper.make_node("Dropout", ["X"], ["Y", "Mask"])], [vi("X")], [vi("Y")]))
case("unused_input", ["K0115"], model([relu("X", "Y")], [vi("X"), vi("Extra")], [vi("Y")]))
case("duplicate_node_name", ["K0116"], model(
    [relu("X", "T", name="n"), relu("T", "Y", name="n")], [vi("X")], [vi("Y")]))
case("value_info_conflict", ["K0117"], model(
    [helper.make_node("Add", ["X", "B"], ["Y"])], [vi("X")], [vi("Y")],
    inits=[w("B", np.ones((2, 3), np.float32))], value_info=[vi("B", TensorProto.INT64)]))
then_bad = helper.make_graph([helper.make_node("Identity", ["Ghost"], ["t"])], "then", [], [vi("t")])
case("if_outer_scope_undefined", ["K0118"], model(
    [helper.make_node("If", ["C"], ["Y"], then_branch=then_bad, else_branch=else_g)],
    [vi("C", TensorProto.BOOL, ()), vi("X")], [vi("Y")]))
shadow_body = helper.make_graph(
    [helper.make_node("Identity", ["cond_in"], ["cond_out"]),
     helper.make_node("Add", ["acc_in", "X"], ["X"])], "body",
    [vi("iter", TensorProto.INT64, ()), vi("cond_in", TensorProto.BOOL, ()), vi("acc_in")],
    [vi("cond_out", TensorProto.BOOL, ()), vi("X")])
case("loop_body_shadows_outer", ["K0103"], model(
    [helper.make_node("Loop", ["N", "", "A"], ["Y"], body=shadow_body)],
    [vi("N", TensorProto.INT64, ()), vi("A"), vi("X")], [vi("Y")]))

# ---------------------------------------------------------------- nodes vs schemas
case("unknown_op", ["K0201"], model([helper.make_node("Relux", ["X"], ["Y"])], [vi("X")], [vi("Y")]))
case("op_not_in_opset", ["K0202"], model([helper.make_node("Gelu", ["X"], ["Y"])], [vi("X")],
                                         [vi("Y")], opset=17, ir=8))
case("deprecated_op", ["K0203"], model(
    [helper.make_node("Upsample", ["X", "S"], ["Y"])], [vi("X", shape=(1, 1, 2, 2))],
    [vi("Y", shape=(1, 1, 4, 4))], inits=[w("S", np.array([1, 1, 2, 2], np.float32))],
    opset=10, ir=5))
case("custom_domain_op", ["K0204"], model(
    [helper.make_node("Mystery", ["X"], ["Y"], domain="com.example")], [vi("X")], [vi("Y")],
    extra_opsets=[("com.example", 1)]))
case("missing_domain_import", ["K0205"], model(
    [helper.make_node("Mystery", ["X"], ["Y"], domain="com.example")], [vi("X")], [vi("Y")]))
case("too_many_inputs", ["K0206"], model([helper.make_node("Relu", ["X", "X"], ["Y"])], [vi("X")],
                                         [vi("Y")]))
case("too_few_inputs", ["K0206"], model([helper.make_node("Add", ["X"], ["Y"])], [vi("X")],
                                        [vi("Y")]))
case("too_many_outputs", ["K0207"], model([helper.make_node("Relu", ["X"], ["Y", "Z"])], [vi("X")],
                                          [vi("Y"), vi("Z")]))
case("empty_required_input", ["K0208"], model(
    [helper.make_node("Gemm", ["", "X"], ["Y"])], [vi("X")], [vi("Y")]))
case("unknown_attribute", ["K0209"], model([relu("X", "Y", foo=1)], [vi("X")], [vi("Y")]))
case("wrong_attribute_type", ["K0210"], model(
    [helper.make_node("Gemm", ["X", "X"], ["Y"], alpha=2, transB=1)], [vi("X")], [vi("Y", shape=(2, 2))]))
case("missing_required_attribute", ["K0211"], model(
    [helper.make_node("Cast", ["X"], ["Y"])], [vi("X")], [vi("Y")]))
dup_attr = helper.make_node("Gemm", ["X", "X"], ["Y"], transB=1)
dup_attr.attribute.extend([helper.make_attribute("transB", 1)])
case("duplicate_attribute", ["K0212"], model([dup_attr], [vi("X")], [vi("Y", shape=(2, 2))]))
case("experimental_op", ["K0214"], model(
    [helper.make_node("ImageScaler", ["X"], ["Y"], scale=2.0)], [vi("X", shape=(1, 1, 2, 2))],
    [vi("Y", shape=(1, 1, 2, 2))], opset=7, ir=3))
case("invalid_input_type", ["K0215"], model(
    [helper.make_node("Add", ["X", "X"], ["Y"])], [vi("X", TensorProto.BOOL)],
    [vi("Y", TensorProto.BOOL)]))
case("inconsistent_input_types", ["K0216"], model(
    [helper.make_node("Add", ["X", "D"], ["Y"])], [vi("X"), vi("D", TensorProto.DOUBLE)], [vi("Y")]))
case("non_utf8_attribute", ["K0217"], model(
    [helper.make_node("Gelu", ["X"], ["Y"], approximate=b"\xff\xfe")], [vi("X")], [vi("Y")]))
case("node_without_values", ["K0218"], model(
    [relu("X", "Y"), helper.make_node("Relu", [], [])], [vi("X")], [vi("Y")]))
fn2 = helper.make_function("local.fns", "One", ["x"], ["y"], [relu("x", "y")],
                           [helper.make_opsetid("", 21)])
case("function_call_arity", ["K0221"], model(
    [helper.make_node("One", ["X", "X"], ["Y"], domain="local.fns")], [vi("X")], [vi("Y")],
    extra_opsets=[("local.fns", 1)], functions=[fn2]))

# ---------------------------------------------------------------- tensors
bad_raw = raw_tensor("B", F, [2, 3], b"\x00" * 10)
case("raw_data_size_mismatch", ["K0301"], model(
    [helper.make_node("Add", ["X", "B"], ["Y"])], [vi("X")], [vi("Y")], inits=[bad_raw]))
neg = raw_tensor("B", F, [-1, 3], b"")
case("negative_dim", ["K0302"], model(
    [helper.make_node("Add", ["X", "B"], ["Y"])], [vi("X")], [vi("Y")], inits=[neg]))
huge = raw_tensor("B", F, [2**40, 2**40], b"\x00" * 4)
case("overflowing_dims", ["K0303"], model(
    [helper.make_node("Add", ["X", "B"], ["Y"])], [vi("X")], [vi("Y")], inits=[huge]))
attr_bad = helper.make_node("Constant", [], ["B"],
                            value=raw_tensor("v", F, [2, 3], b"\x00" * 8))
case("constant_attribute_size_mismatch", ["K0301"], model(
    [attr_bad, helper.make_node("Add", ["X", "B"], ["Y"])], [vi("X")], [vi("Y")]))
sp = helper.make_sparse_tensor(
    helper.make_tensor("S", F, [2], [1.0, 2.0]), helper.make_tensor("S_idx", TensorProto.INT64, [2], [4, 1]),
    [2, 3])
case("sparse_unsorted_indices", ["K0305"], model(
    [helper.make_node("Add", ["X", "S"], ["Y"])], [vi("X")], [vi("Y")], sparse=[sp]))

# ---------------------------------------------------------------- functions
fn_dup = helper.make_function("local.fns", "Dup", ["x"], ["y", "y"], [relu("x", "y")],
                              [helper.make_opsetid("", 21)])
case("function_duplicate_output", ["K0401"], model(
    [helper.make_node("Dup", ["X"], ["Y"], domain="local.fns")], [vi("X")], [vi("Y")],
    extra_opsets=[("local.fns", 1)], functions=[fn_dup]))
fn_old = helper.make_function("local.fns", "OldRelu", ["x"], ["y"],
                              [helper.make_node("Relu", ["x"], ["y"])], [helper.make_opsetid("", 6)])
case("function_opset_mismatch", ["K0402"], model(
    [helper.make_node("OldRelu", ["X"], ["Y"], domain="local.fns")], [vi("X")], [vi("Y")],
    extra_opsets=[("local.fns", 1)], functions=[fn_old]))
fn_undef = helper.make_function("local.fns", "Broken", ["x"], ["y"], [relu("nope", "y")],
                                [helper.make_opsetid("", 21)])
case("function_undefined_input", ["K0102"], model(
    [helper.make_node("Broken", ["X"], ["Y"], domain="local.fns")], [vi("X")], [vi("Y")],
    extra_opsets=[("local.fns", 1)], functions=[fn_undef]))


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.endswith(".onnx"):
            os.remove(os.path.join(OUT, f))
    expected, onnx_verdicts = {}, {}
    for name, (codes, m) in sorted(cases.items()):
        with open(os.path.join(OUT, name + ".onnx"), "wb") as fh:
            fh.write(m.SerializeToString())
        expected[name] = codes
        try:
            onnx.checker.check_model(m, full_check=True)
            onnx_verdicts[name] = "accepts"
        except Exception as e:  # noqa: BLE001 - any rejection is informative
            onnx_verdicts[name] = "rejects: " + str(e).strip().splitlines()[0][:160]
    with open(os.path.join(OUT, "expected.json"), "w") as fh:
        json.dump(expected, fh, indent=2, sort_keys=True)
        fh.write("\n")
    with open(os.path.join(OUT, "onnx-checker.json"), "w") as fh:
        json.dump(onnx_verdicts, fh, indent=2, sort_keys=True)
        fh.write("\n")
    print(f"wrote {len(cases)} cases to {os.path.normpath(OUT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
