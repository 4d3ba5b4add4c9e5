import Foundation
import KilnIR

/// The parsed schema catalog: every schema plus an index by (domain, op type).
///
/// Built once from `OpSchemaData.text` (format documented in `scripts/gen-op-schemas.py`). The
/// data is generated and committed with the code, so a malformed line is a broken internal
/// invariant and traps with the line number; `OpSchemaTests` parses it on every test run.
struct OpSchemaCatalog: Sendable {
    /// An (domain, op type) pair with `"ai.onnx"` folded into `""`.
    struct Key: Hashable, Sendable {
        var domain: String
        var opType: String
        init(_ domain: String, _ opType: String) {
            self.domain = domain == "ai.onnx" ? "" : domain
            self.opType = opType
        }
    }

    /// Every schema, sorted by domain, op type and since_version.
    let schemas: [OpSchema]
    /// Indices into `schemas` per op, in ascending since_version.
    let index: [Key: [Int]]
    /// Highest opset version per domain.
    let latestOpset: [String: Int64]

    /// The catalog built from the generated data (parsed on first use, thread-safe).
    static let shared = OpSchemaCatalog(parsing: OpSchemaData.text)
    /// onnxruntime's `com.microsoft` schemas (parsed on first use, thread-safe).
    static let contrib = OpSchemaCatalog(parsing: ContribOpSchemaData.text)

    /// The catalog that holds `key`'s domain.
    static func catalog(for key: Key) -> OpSchemaCatalog {
        key.domain == "com.microsoft" ? contrib : shared
    }

    init(parsing text: String) {
        var text = text
        var parser = Parser()
        text.withUTF8 { parser.run($0) }
        parser.finishSchema()
        let schemas = parser.schemas
        var index: [Key: [Int]] = [:]
        for (i, s) in schemas.enumerated() {
            index[Key(s.domain, s.name), default: []].append(i)
        }
        for (key, list) in index {
            let versions = list.map { schemas[$0].sinceVersion }
            precondition(
                versions == versions.sorted() && Set(versions).count == versions.count,
                "OpSchemaData: versions of \(key.domain):\(key.opType) are not ascending")
        }
        self.schemas = schemas
        self.index = index
        latestOpset = parser.latestOpset
    }
}

// MARK: - Line parser

private struct Parser {
    var schemas: [OpSchema] = []
    var latestOpset: [String: Int64] = [:]
    var current: OpSchema?
    var lineNumber = 0
    /// Type constraint lists shared between schemas (most ops repeat a few dozen lists).
    var typeListCache: [String: [String]] = [:]

    mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        var fields: [String] = []
        fields.reserveCapacity(64)
        var start = 0
        var fieldStart = 0
        var i = 0
        let n = bytes.count
        while i <= n {
            let c: UInt8 = i < n ? bytes[i] : UInt8(ascii: "\n")
            if c == UInt8(ascii: "\t") || c == UInt8(ascii: "\n") {
                fields.append(
                    String(
                        decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<i]),
                        as: UTF8.self))
                fieldStart = i + 1
                if c == UInt8(ascii: "\n") {
                    lineNumber += 1
                    if i > start {
                        line(fields, raw: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                    }
                    fields.removeAll(keepingCapacity: true)
                    start = i + 1
                }
            }
            i += 1
        }
    }

    func fail(_ message: String) -> Never {
        preconditionFailure("OpSchemaData line \(lineNumber): \(message)")
    }

    mutating func finishSchema() {
        if let s = current { schemas.append(s) }
        current = nil
    }

    mutating func line(_ f: [String], raw: UnsafeBufferPointer<UInt8>) {
        switch f[0] {
        case "D":
            guard f.count == 3, let v = Int64(f[2]) else { fail("bad D line") }
            latestOpset[f[1]] = v
        case "S":
            finishSchema()
            guard f.count == 11, let since = Int64(f[3]) else { fail("bad S line") }
            current = OpSchema(
                domain: f[1], name: f[2], sinceVersion: since, deprecated: flag(f[4]),
                inputs: [], outputs: [], minInputs: count(f[7]), maxInputs: count(f[8]),
                minOutputs: count(f[9]), maxOutputs: count(f[10]), hasFunctionBody: flag(f[5]),
                hasContextDependentFunction: flag(f[6]))
        case "I", "O":
            guard f.count == 6, let option = OpSchema.ParameterOption(rawValue: f[3]) else {
                fail("bad parameter line")
            }
            let p = OpSchema.Parameter(
                name: f[1], typeString: f[2], option: option, isHomogeneous: flag(f[4]),
                minArity: count(f[5]))
            if f[0] == "I" {
                withCurrent { $0.inputs.append(p) }
            } else {
                withCurrent { $0.outputs.append(p) }
            }
        case "A":
            guard f.count == 4 || f.count == 5, let kind = AttributeKind(name: f[2]) else {
                fail("bad attribute line")
            }
            let value = f.count == 5 ? defaultValue(f[4], kind: kind) : nil
            let spec = OpSchema.AttributeSpec(
                name: f[1], kind: kind, required: flag(f[3]), defaultValue: value)
            withCurrent { $0.attributes.append(spec) }
        case "T":
            guard f.count >= 2 else { fail("bad type constraint line") }
            // The cache key is everything after the type parameter name.
            let skip = 3 + f[1].utf8.count
            let key = String(
                decoding: UnsafeBufferPointer(rebasing: raw[min(skip, raw.count)...]),
                as: UTF8.self)
            let types: [String]
            if let cached = typeListCache[key] {
                types = cached
            } else {
                types = Array(f[2...])
                typeListCache[key] = types
            }
            let tc = OpSchema.TypeConstraint(name: f[1], allowedTypes: types)
            withCurrent { $0.typeConstraints.append(tc) }
        default:
            fail("unknown record '\(f[0])'")
        }
    }

    mutating func withCurrent(_ body: (inout OpSchema) -> Void) {
        guard var schema = current else { fail("record before the first S line") }
        current = nil  // keep `schema` uniquely referenced while it grows
        body(&schema)
        current = schema
    }

    func flag(_ s: String) -> Bool {
        switch s {
        case "0": return false
        case "1": return true
        default: fail("bad flag '\(s)'")
        }
    }

    func count(_ s: String) -> Int {
        if s == "*" { return Int.max }
        guard let v = Int(s), v >= 0 else { fail("bad count '\(s)'") }
        return v
    }

    // MARK: Default values

    func defaultValue(_ s: String, kind: AttributeKind) -> AttributeValue {
        guard let colon = s.firstIndex(of: ":") else { fail("bad default '\(s)'") }
        let tag = s[..<colon]
        let body = s[s.index(after: colon)...]
        let value: AttributeValue
        switch tag {
        case "i": value = .int(int(body))
        case "f": value = .float(float(body))
        case "s": value = .string(unescape(body))
        case "is": value = .ints(list(body).map(int))
        case "fs": value = .floats(list(body).map(float))
        case "ss": value = .strings(list(body).map(unescape))
        default: fail("bad default tag '\(tag)'")
        }
        guard value.kind == kind else { fail("default '\(s)' is not of kind \(kind.name)") }
        return value
    }

    /// Splits `<n>:<a>,<b>,...` and checks the count.
    func list(_ s: Substring) -> [Substring] {
        guard let colon = s.firstIndex(of: ":"), let n = Int(s[..<colon]) else {
            fail("bad list '\(s)'")
        }
        let items = s[s.index(after: colon)...]
        if n == 0 {
            guard items.isEmpty else { fail("bad empty list '\(s)'") }
            return []
        }
        let parts = items.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == n else { fail("list '\(s)' does not hold \(n) items") }
        return parts
    }

    func int(_ s: Substring) -> Int64 {
        guard let v = Int64(s) else { fail("bad int '\(s)'") }
        return v
    }

    func float(_ s: Substring) -> Float {
        guard let v = Float(s) else { fail("bad float '\(s)'") }
        return v
    }

    /// Decodes `%XX` escapes into bytes.
    func unescape(_ s: Substring) -> Data {
        var out = Data()
        var it = s.utf8.makeIterator()
        while let c = it.next() {
            guard c == UInt8(ascii: "%") else {
                out.append(c)
                continue
            }
            guard let h = it.next().flatMap(hexValue), let l = it.next().flatMap(hexValue) else {
                fail("bad escape in '\(s)'")
            }
            out.append(h << 4 | l)
        }
        return out
    }

    func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
