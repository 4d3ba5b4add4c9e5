#!/usr/bin/env python3
"""Generates Kiln Lite's stable op-code table from the committed op schema list.

Usage (from the repository root; plain Python 3, no packages needed):

    python3 scripts/gen-lite-opcodes.py            # writes both outputs
    python3 scripts/gen-lite-opcodes.py --check    # exits 1 if they are out of date

Input:  Sources/KilnOps/Generated/OpSchemaData.swift (the `S` lines: domain, op name).
Output: Sources/KilnLite/Generated/LiteOpCodes.swift and the table between the
        `<!-- opcodes:begin -->` / `<!-- opcodes:end -->` markers of schemas/kiln-lite.md.

Codes are stable forever: the first run numbered every (domain, op) pair from 1 in sorted
order; later runs keep every code already in the committed Swift file and append new pairs
(sorted among themselves) after the highest code. A code is never reused or renumbered, and
ops that disappear from the schema list keep their code. Code 0 means "custom op, by name".
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "Sources/KilnOps/Generated/OpSchemaData.swift"
SWIFT = ROOT / "Sources/KilnLite/Generated/LiteOpCodes.swift"
SPEC = ROOT / "schemas/kiln-lite.md"
ENTRY = re.compile(r'^\s*\(\s*(\d+)\s*,\s*"([^"]*)"\s*,\s*"([^"]*)"\s*\),\s*$')


def current_pairs():
    pairs = set()
    for line in SCHEMAS.read_text().splitlines():
        f = line.split("\t")
        if f[0] == "S" and len(f) > 2:
            pairs.add((f[1], f[2]))
    return pairs


def committed_codes():
    codes = {}
    if SWIFT.exists():
        for line in SWIFT.read_text().splitlines():
            m = ENTRY.match(line)
            if m:
                codes[(m.group(2), m.group(3))] = int(m.group(1))
    return codes


def main():
    codes = committed_codes()
    nxt = max(codes.values(), default=0) + 1
    for pair in sorted(current_pairs() - set(codes)):
        codes[pair] = nxt
        nxt += 1
    table = sorted(codes.items(), key=lambda kv: kv[1])
    lines = [
        "// GENERATED FILE - DO NOT EDIT.",
        "// Made by scripts/gen-lite-opcodes.py from Sources/KilnOps/Generated/OpSchemaData.swift.",
        "// Codes are stable: never renumber; new ops are appended by the script.",
        "",
        "// swift-format-ignore-file",
        "",
        "/// Kiln Lite op codes: (code, domain, op type). Code 0 is reserved for ops stored by name.",
        "enum LiteOpCodes {",
        "    static let table: [(UInt32, String, String)] = [",
    ]
    lines += [f'        ({c}, "{d}", "{n}"),' for (d, n), c in table]
    lines += ["    ]", "}", ""]
    swift = "\n".join(lines)
    md = ["| code | domain | op |", "|---:|---|---|"]
    md += [f"| {c} | {d or '(ai.onnx)'} | {n} |" for (d, n), c in table]
    spec = SPEC.read_text()
    new_spec = re.sub(
        r"(<!-- opcodes:begin -->\n).*?(<!-- opcodes:end -->)",
        lambda m: m.group(1) + "\n".join(md) + "\n" + m.group(2),
        spec, flags=re.S)
    if "--check" in sys.argv:
        ok = SWIFT.exists() and SWIFT.read_text() == swift and new_spec == spec
        print("up to date" if ok else "out of date: run scripts/gen-lite-opcodes.py")
        sys.exit(0 if ok else 1)
    SWIFT.write_text(swift)
    SPEC.write_text(new_spec)
    print(f"{len(table)} op codes")


if __name__ == "__main__":
    main()
