#!/usr/bin/env python3
"""Builds fixtures/malformed/: broken, hostile or unsupported model files.

Every file must make `kiln convert`, `kiln inspect` and `kiln check` fail cleanly: one error
line naming the file, exit code 2 (unusable input) -- or 1 from `kiln check` when the file
reads fine but the graph has findings -- and no output file left behind. `expected.json` maps
each file to the exit codes of convert and check and to a fragment the error must contain.
Symlinks and hard links for external data are made by the test itself at run time (git does
not keep hard links). Run with a Python that has onnx and numpy.
"""
import json
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "fixtures", "malformed")
BASE = os.path.join(HERE, "..", "fixtures", "models", "tiny_cnn.onnx")

expected = {}


def write(name, data, convert=2, check=2, mention=""):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
    expected[name] = {"convert": convert, "check": check, "mention": mention}


def small_model(nodes, inputs, outputs, inits=(), opset=17):
    g = helper.make_graph(nodes, "g", inputs, outputs, list(inits))
    return helper.make_model(g, opset_imports=[helper.make_opsetid("", opset)])


def varint(v):
    out = bytearray()
    while v >= 0x80:
        out.append((v & 0x7F) | 0x80)
        v >>= 7
    out.append(v)
    return bytes(out)


def main():
    os.makedirs(OUT, exist_ok=True)
    base = open(BASE, "rb").read()
    x = helper.make_tensor_value_info("x", TensorProto.FLOAT, [2])
    y = helper.make_tensor_value_info("y", TensorProto.FLOAT, [2])

    write("empty.onnx", b"", mention="no graph")
    write("truncated.onnx", base[: len(base) // 2], mention="byte")
    write("truncated_header.onnx", base[:3], mention="byte")
    write("not_protobuf.onnx", b"this is a text file, not a model\n")
    # A byte flipped inside the graph field's tag turns it into an invalid wire type.
    flipped = bytearray(base)
    gi = flipped.index(b"\x3a")  # field 7, wire type 2 (the graph)
    flipped[gi] = 0x3F  # field 7, wire type 7 (does not exist)
    write("flipped_wire_type.onnx", bytes(flipped), mention="wire type")
    # The graph field encoded as a varint instead of a message.
    m = onnx.ModelProto()
    m.ir_version = 8
    write("wrong_field_type.onnx", m.SerializeToString() + b"\x38\x01")
    # A length-delimited field that declares more bytes than the file holds.
    write("length_past_end.onnx", b"\x08\x08" + b"\x3a" + varint(1 << 20) + b"\x0a\x00", mention="byte")
    write("varint_too_long.onnx", b"\x08" + b"\xff" * 11)

    # Tensors whose declared shape does not fit their data.
    t = numpy_helper.from_array(np.zeros(4, dtype=np.float32), "w")
    t.dims[:] = [-1]
    write("negative_dim.onnx", small_model([helper.make_node("Add", ["x", "w"], ["y"])], [x], [y], [t]).SerializeToString(), mention="'w'")
    t = numpy_helper.from_array(np.zeros(4, dtype=np.float32), "w")
    t.dims[:] = [1 << 40, 1 << 40]
    write("overflowing_dims.onnx", small_model([helper.make_node("Add", ["x", "w"], ["y"])], [x], [y], [t]).SerializeToString(), mention="'w'")
    t = numpy_helper.from_array(np.zeros(4, dtype=np.float32), "w")
    t.dims[:] = [5]
    write("raw_data_size_mismatch.onnx", small_model([helper.make_node("Add", ["x", "w"], ["y"])], [x], [y], [t]).SerializeToString(), mention="'w'")
    t = helper.make_tensor("w", TensorProto.FLOAT, [2], [1.0, 2.0])
    t.dims[:] = [3]
    write("typed_data_count_mismatch.onnx", small_model([helper.make_node("Add", ["x", "w"], ["y"])], [x], [y], [t]).SerializeToString(), mention="'w'")
    t = numpy_helper.from_array(np.zeros(2, dtype=np.float32), "w")
    t.data_type = 99
    write("unknown_element_type.onnx", small_model([helper.make_node("Add", ["x", "w"], ["y"])], [x], [y], [t]).SerializeToString(), mention="element type")

    # Graph defects: readable, but `check` reports findings and `convert` refuses the graph.
    cyc = small_model([helper.make_node("Add", ["x", "b"], ["a"], name="n_a"), helper.make_node("Relu", ["a"], ["b"], name="n_b")], [x], [helper.make_tensor_value_info("b", TensorProto.FLOAT, [2])])
    write("cycle.onnx", cyc.SerializeToString(), check=1, mention="n_a")
    und = small_model([helper.make_node("Add", ["x", "missing"], ["y"], name="adder")], [x], [y])
    write("undefined_input.onnx", und.SerializeToString(), check=1, mention="missing")
    dup = small_model([helper.make_node("Relu", ["x"], ["y"], name="r1"), helper.make_node("Neg", ["x"], ["y"], name="r2")], [x], [y])
    write("duplicate_output.onnx", dup.SerializeToString(), check=1, mention="'y'")
    nog = small_model([helper.make_node("Relu", ["x"], ["z"])], [x], [y])
    write("undefined_graph_output.onnx", nog.SerializeToString(), check=1, mention="'y'")

    # External data that tries to leave the model's folder.
    for name, loc in [("external_dotdot.onnx", "../secret.bin"), ("external_sub_dotdot.onnx", "sub/../../secret.bin"),
                      ("external_absolute.onnx", "/etc/passwd"), ("external_missing.onnx", "does_not_exist.bin")]:
        t = onnx.TensorProto()
        t.name = "w"
        t.data_type = TensorProto.FLOAT
        t.dims[:] = [2]
        t.data_location = TensorProto.EXTERNAL
        for k, v in (("location", loc), ("offset", "0"), ("length", "8")):
            e = t.external_data.add()
            e.key, e.value = k, v
        model = small_model([helper.make_node("Add", ["x", "w"], ["y"])], [x], [y], [t])
        write(name, model.SerializeToString(), mention="'w'" if "missing" in name else "external data location")
    # External data range past the end of the data file.
    with open(os.path.join(OUT, "short.bin"), "wb") as f:
        f.write(b"\0" * 4)
    t = onnx.TensorProto()
    t.name = "w"
    t.data_type = TensorProto.FLOAT
    t.dims[:] = [2]
    t.data_location = TensorProto.EXTERNAL
    for k, v in (("location", "short.bin"), ("offset", "0"), ("length", "8")):
        e = t.external_data.add()
        e.key, e.value = k, v
    write("external_past_end.onnx", small_model([helper.make_node("Add", ["x", "w"], ["y"])], [x], [y], [t]).SerializeToString(), mention="past the end")

    # Deeply nested subgraphs (a small file that would recurse without a limit).
    # Encoded by hand: Python's protobuf refuses to build messages this deep.
    def fld(num, payload):
        return varint(num << 3 | 2) + varint(len(payload)) + payload
    out_vi = helper.make_tensor_value_info("o", TensorProto.FLOAT, [2]).SerializeToString()
    leaf = helper.make_graph([helper.make_node("Identity", ["x"], ["o"])], "g", [],
                             [helper.make_tensor_value_info("o", TensorProto.FLOAT, [2])]).SerializeToString()
    inner = leaf
    for _ in range(150):
        then_attr = fld(1, b"then_branch") + fld(6, inner) + varint(20 << 3) + varint(5)
        else_attr = fld(1, b"else_branch") + fld(6, leaf) + varint(20 << 3) + varint(5)
        node = fld(1, b"c") + fld(2, b"o") + fld(4, b"If") + fld(5, then_attr) + fld(5, else_attr)
        inner = fld(1, node) + fld(2, b"g") + fld(12, out_vi)
    header = small_model([], [x], [y])
    header.ClearField("graph")
    deep = header.SerializeToString() + fld(7, inner)
    write("deeply_nested.onnx", deep, mention="deep")

    # Kiln JSON documents that are broken.
    write("json_not_json.json", b"{ this is not json", mention="")
    write("json_missing_graph.json", json.dumps({"format": "kiln-json", "version": 1, "irVersion": 9}).encode(), mention="graph")
    write("json_wrong_type.json", json.dumps({"format": "kiln-json", "version": 1, "irVersion": "nine"}).encode(), mention="irVersion")
    write("json_truncated.json", b'{"format": "kiln-json", "version": 1, "graph": {"nodes": [', mention="")

    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, indent=2, sort_keys=True)
        f.write("\n")
    print(len(expected), "malformed fixtures")


if __name__ == "__main__":
    main()


def hostile_runtime_models():
    """fixtures/hostile/: valid, tiny models whose computed shapes would need terabytes.

    `kiln run` must refuse each with one error (exit 2) instead of trying to allocate.
    """
    out = os.path.join(HERE, "..", "fixtures", "hostile")
    os.makedirs(out, exist_ok=True)
    y = helper.make_tensor_value_info("y", TensorProto.FLOAT, None)
    yi = helper.make_tensor_value_info("y", TensorProto.INT64, None)
    big = numpy_helper.from_array(np.array([1 << 20, 1 << 20, 1 << 10], dtype=np.int64), "shape")
    cases = {
        "constant_of_shape.onnx": small_model(
            [helper.make_node("ConstantOfShape", ["shape"], ["y"])], [], [y], [big]),
        "expand.onnx": small_model(
            [helper.make_node("Expand", ["one", "shape"], ["y"])], [], [y],
            [numpy_helper.from_array(np.ones(1, dtype=np.float32), "one"), big]),
        "tile.onnx": small_model(
            [helper.make_node("Tile", ["one", "reps"], ["y"])], [], [y],
            [numpy_helper.from_array(np.ones((1, 1), dtype=np.float32), "one"),
             numpy_helper.from_array(np.array([1 << 31, 1 << 31], dtype=np.int64), "reps")]),
        "range.onnx": small_model(
            [helper.make_node("Range", ["a", "b", "c"], ["y"])], [], [yi],
            [numpy_helper.from_array(np.array(0, dtype=np.int64), "a"),
             numpy_helper.from_array(np.array(1 << 50, dtype=np.int64), "b"),
             numpy_helper.from_array(np.array(1, dtype=np.int64), "c")]),
    }
    for name, model in cases.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(model.SerializeToString())
    print(len(cases), "hostile runtime models")


hostile_runtime_models()
