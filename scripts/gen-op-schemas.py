#!/usr/bin/env python3
"""Generates Sources/KilnOps/Generated/OpSchemaData.swift from the installed `onnx` package.

Usage (from the repository root):

    /work/venv/bin/python scripts/gen-op-schemas.py            # writes the Swift file
    /work/venv/bin/python scripts/gen-op-schemas.py --check    # exits 1 if it is out of date

Every schema returned by `onnx.defs.get_all_schemas_with_history()` (all versions of every op in
the standard domains: "", ai.onnx.ml, ai.onnx.preview, ai.onnx.preview.training) is written as a
compact line-based text embedded in a Swift raw string literal, which `OpSchema+Parsing.swift`
parses once at first use. Huge Swift array literals would take minutes to type-check; one string
literal compiles instantly.

Text format (UTF-8, one record per line, fields separated by a TAB, records in sorted order):

    D  <domain>  <latest opset>                     one per domain of onnx's version map
    S  <domain>  <op>  <since>  <deprecated 0|1>  <function 0|1>  <context function 0|1>
       <min inputs>  <max inputs>  <min outputs>  <max outputs>    ("*" = unbounded)
    I  <name>  <type string>  <single|optional|variadic>  <homogeneous 0|1>  <min arity>
    O  (same fields as I)
    A  <name>  <Kiln AttributeKind name>  <required 0|1>  [<default>]
    T  <type param>  <allowed type string>  <allowed type string> ...

I, O, A and T lines belong to the closest S line above them, in schema order (inputs and outputs
in declaration order; attributes sorted by name; type constraints in declaration order).
Defaults (only for attributes that have one) are typed and unambiguous:

    i:<int>   f:<float32>   s:<string>   is:<n>:<int>,...   fs:<n>:<float32>,...
    ss:<n>:<string>,...

`<n>` is the element count, so an empty list and a list of one empty string differ. Floats are
the shortest decimal that round-trips to the same float32 (or nan, inf, -inf). In strings every
byte outside [A-Za-z0-9_.-] is written as %XX (uppercase hex), so no field holds a TAB, comma,
newline, quote, backslash or '#'.
"""

import argparse
import math
import os
import sys

import numpy as np
import onnx
from onnx import defs

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "KilnOps", "Generated", "OpSchemaData.swift")

# ONNX AttributeProto.AttributeType number -> Kiln `AttributeKind.name`.
KIND_NAMES = {
    1: "float", 2: "int", 3: "string", 4: "tensor", 5: "graph", 11: "sparseTensor", 13: "type",
    6: "floats", 7: "ints", 8: "strings", 9: "tensors", 10: "graphs", 12: "sparseTensors",
    14: "types",
}
OPTION_NAMES = {0: "single", 1: "optional", 2: "variadic"}
UNBOUNDED = 2147483647  # std::numeric_limits<int>::max(), ONNX's "no upper bound"
SAFE = set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-")


def esc(b: bytes) -> str:
    return "".join(chr(c) if c in SAFE else "%%%02X" % c for c in b)


def fmt_float(x: float) -> str:
    f = np.float32(x)
    if math.isnan(f):
        return "nan"
    if math.isinf(f):
        return "inf" if f > 0 else "-inf"
    s = str(f)  # numpy prints the shortest string that round-trips to the same float32
    if np.float32(float(s)) != f:
        raise SystemExit(f"float {x!r} does not round-trip through {s!r}")
    return s


def fmt_default(dv) -> str:
    t = dv.type
    if t == 2:
        return f"i:{dv.i}"
    if t == 1:
        return f"f:{fmt_float(dv.f)}"
    if t == 3:
        return f"s:{esc(dv.s)}"
    if t == 7:
        return f"is:{len(dv.ints)}:" + ",".join(str(v) for v in dv.ints)
    if t == 6:
        return f"fs:{len(dv.floats)}:" + ",".join(fmt_float(v) for v in dv.floats)
    if t == 8:
        return f"ss:{len(dv.strings)}:" + ",".join(esc(v) for v in dv.strings)
    raise SystemExit(f"unsupported default attribute type {t} for '{dv.name}'")


def check_field(s: str) -> str:
    if any(c in s for c in "\t\n\r\"\\#") or not s.isprintable():
        raise SystemExit(f"field {s!r} cannot be embedded")
    return s


def bound(n: int) -> str:
    return "*" if n == UNBOUNDED else str(n)


def param_line(tag: str, p) -> str:
    return "\t".join([
        tag, check_field(p.name), check_field(p.type_str), OPTION_NAMES[int(p.option)],
        "1" if p.is_homogeneous else "0", str(p.min_arity),
    ])


def generate() -> str:
    schemas = sorted(
        defs.get_all_schemas_with_history(), key=lambda s: (s.domain, s.name, s.since_version))
    lines = []
    versions = defs.C.schema_version_map()
    for domain in sorted(versions):
        lines.append(f"D\t{check_field(domain)}\t{versions[domain][1]}")
    for s in schemas:
        lines.append("\t".join([
            "S", check_field(s.domain), check_field(s.name), str(s.since_version),
            "1" if s.deprecated else "0",
            "1" if s.has_function else "0",
            "1" if s.has_context_dependent_function else "0",
            str(s.min_input), bound(s.max_input), str(s.min_output), bound(s.max_output),
        ]))
        lines += [param_line("I", p) for p in s.inputs]
        lines += [param_line("O", p) for p in s.outputs]
        for name in sorted(s.attributes):
            a = s.attributes[name]
            kind = KIND_NAMES.get(int(a.type))
            if kind is None:
                raise SystemExit(f"{s.name}: unknown attribute type {a.type}")
            fields = ["A", check_field(name), kind, "1" if a.required else "0"]
            if a.default_value.type != 0:
                if KIND_NAMES.get(a.default_value.type) != kind:
                    raise SystemExit(f"{s.name}.{name}: default type differs from attribute type")
                fields.append(fmt_default(a.default_value))
            lines.append("\t".join(fields))
        for tc in s.type_constraints:
            lines.append("\t".join(
                ["T", check_field(tc.type_param_str)]
                + [check_field(t) for t in tc.allowed_type_strs]))
    body = "\n".join(lines)
    if '"""#' in body:
        raise SystemExit("data would terminate the raw string literal")
    return (
        "// GENERATED FILE - DO NOT EDIT.\n"
        f"// Made by scripts/gen-op-schemas.py from onnx {onnx.__version__} "
        f"({len(schemas)} schemas). Regenerate with:\n"
        "//     /work/venv/bin/python scripts/gen-op-schemas.py\n"
        "// The text format is described at the top of that script and parsed by\n"
        "// Sources/KilnOps/OpSchema+Parsing.swift.\n"
        "\n"
        "// swift-format-ignore-file\n"
        "\n"
        "/// Every standard ONNX op schema, all versions, in the format of gen-op-schemas.py.\n"
        "enum OpSchemaData {\n"
        f"    static let onnxVersion = \"{onnx.__version__}\"\n"
        "\n"
        "    static let text = #\"\"\"\n"
        f"{body}\n"
        "\"\"\"#\n"
        "}\n"
    )


def write_or_check(path: str, text: str, check: bool) -> None:
    """Writes `text` to `path`, or with `check` exits 1 when the file differs from it."""
    if check:
        try:
            with open(path, encoding="utf-8") as f:
                current = f.read()
        except FileNotFoundError:
            current = ""
        if current != text:
            print(f"{os.path.relpath(path, ROOT)} is out of date; rerun without --check")
            sys.exit(1)
        print("up to date")
        return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"wrote {os.path.relpath(path, ROOT)} ({len(text)} bytes)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the file is out of date")
    args = parser.parse_args()
    write_or_check(OUT, generate(), args.check)


if __name__ == "__main__":
    main()
