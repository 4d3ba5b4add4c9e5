#!/usr/bin/env python3
"""Generates Sources/KilnOps/Generated/ContribOpSchemaData.swift from the installed onnxruntime.

Usage (from the repository root, with onnx and onnxruntime installed):

    .venv/bin/python scripts/gen-contrib-schemas.py            # writes the Swift file
    .venv/bin/python scripts/gen-contrib-schemas.py --check    # exits 1 if it is out of date

onnxruntime registers its contrib ops (domain `com.microsoft`: FusedConv, QLinearConv,
DynamicQuantizeLSTM, SkipLayerNormalization, ...) in its own schema registry, which
`onnxruntime.capi.onnxruntime_pybind11_state.get_all_operator_schema()` exposes. Every
`com.microsoft` schema is written in the text format of gen-op-schemas.py (see its docstring),
so `kiln check` verifies nodes of those ops (inputs, outputs, attributes, types) instead of
reporting them as unverifiable. The standard catalog (`OpSchemas.all`) stays exactly onnx's;
`OpSchemas.lookup` falls back to this one for `com.microsoft`.
"""

import argparse
import importlib.util
import os
import sys

import onnx
import onnxruntime
from onnxruntime.capi import onnxruntime_pybind11_state as ort_c

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "KilnOps", "Generated", "ContribOpSchemaData.swift")
DOMAIN = "com.microsoft"

_spec = importlib.util.spec_from_file_location(
    "gen_op_schemas", os.path.join(ROOT, "scripts", "gen-op-schemas.py"))
std = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(std)


def param_line(tag: str, p) -> str:
    # onnxruntime's FormalParameter has no min_arity; ONNX's default (1) applies.
    return "\t".join([
        tag, std.check_field(p.name), std.check_field(p.typeStr), std.OPTION_NAMES[int(p.option)],
        "1" if p.isHomogeneous else "0", "1",
    ])


def generate() -> str:
    schemas = sorted(
        (s for s in ort_c.get_all_operator_schema() if s.domain == DOMAIN),
        key=lambda s: (s.name, s.since_version))
    lines = [f"D\t{DOMAIN}\t{max(s.since_version for s in schemas)}"]
    for s in schemas:
        lines.append("\t".join([
            "S", DOMAIN, std.check_field(s.name), str(s.since_version),
            "1" if s.deprecated else "0", "0", "0",
            str(s.min_input), std.bound(s.max_input), str(s.min_output), std.bound(s.max_output),
        ]))
        lines += [param_line("I", p) for p in s.inputs]
        lines += [param_line("O", p) for p in s.outputs]
        for name in sorted(s.attributes):
            a = s.attributes[name]
            kind = std.KIND_NAMES.get(int(a.type))
            if kind is None:
                raise SystemExit(f"{s.name}: unknown attribute type {a.type}")
            fields = ["A", std.check_field(name), kind, "1" if a.required else "0"]
            default = onnx.AttributeProto.FromString(a._default_value)
            if default.type != 0:
                if std.KIND_NAMES.get(default.type) != kind:
                    raise SystemExit(f"{s.name}.{name}: default type differs from attribute type")
                fields.append(std.fmt_default(default))
            lines.append("\t".join(fields))
        for tc in s.type_constraints:
            lines.append("\t".join(
                ["T", std.check_field(tc.type_param_str)]
                + [std.check_field(t) for t in tc.allowed_type_strs]))
    body = "\n".join(lines)
    if '"""#' in body:
        raise SystemExit("data would terminate the raw string literal")
    return (
        "// GENERATED FILE - DO NOT EDIT.\n"
        f"// Made by scripts/gen-contrib-schemas.py from onnxruntime {onnxruntime.__version__} "
        f"({len(schemas)} schemas). Regenerate with:\n"
        "//     .venv/bin/python scripts/gen-contrib-schemas.py\n"
        "// The text format is described at the top of scripts/gen-op-schemas.py and parsed by\n"
        "// Sources/KilnOps/OpSchema+Parsing.swift.\n"
        "\n"
        "// swift-format-ignore-file\n"
        "\n"
        "/// onnxruntime's `com.microsoft` contrib op schemas, in the format of gen-op-schemas.py.\n"
        "enum ContribOpSchemaData {\n"
        f"    static let onnxruntimeVersion = \"{onnxruntime.__version__}\"\n"
        "\n"
        "    static let text = #\"\"\"\n"
        f"{body}\n"
        "\"\"\"#\n"
        "}\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the file is out of date")
    args = parser.parse_args()
    std.write_or_check(OUT, generate(), args.check)


if __name__ == "__main__":
    main()
