import Foundation
import KilnIR

/// Writes a `Model` as Kiln JSON (see `schemas/kiln-json.md`), plus an optional binary sidecar
/// holding large tensor payloads.
///
/// Output is deterministic: the same model and options always give byte-identical JSON and
/// sidecar. Every field of the IR is written (fields equal to their documented default are
/// omitted), so `KilnJSONReader().read(write(m)) == m`.
///
/// ```swift
/// let (json, sidecar) = try KilnJSONWriter().write(model, sidecarName: "model.bin")
/// ```
public struct KilnJSONWriter: Sendable {
    /// Where tensor payloads go and how inline ones are spelled.
    public struct Options: Sendable {
        /// Tensors whose payload is larger than this many bytes go to the sidecar;
        /// `nil` keeps every payload inline in the JSON (no sidecar). Default 1 KiB.
        /// String tensors are always inline.
        public var sidecarThreshold: Int?
        /// Inline tensors of at most this many bytes whose element type has an exact decimal
        /// form (float32/64, integers, bool) are written as a `values` array of numbers;
        /// other inline tensors are written as `base64`. Default 1 KiB; 0 means base64 for
        /// everything but empty tensors.
        public var maxValueArrayBytes: Int

        public init(sidecarThreshold: Int? = 1024, maxValueArrayBytes: Int = 1024) {
            self.sidecarThreshold = sidecarThreshold
            self.maxValueArrayBytes = maxValueArrayBytes
        }

        /// Everything inline; numeric arrays for small tensors, base64 for the rest.
        public static var inline: Options { Options(sidecarThreshold: nil) }

        /// Everything inline as base64 (no number arrays, no sidecar).
        public static var inlineBase64: Options {
            Options(sidecarThreshold: nil, maxValueArrayBytes: 0)
        }
    }

    /// Alignment, in bytes, of every tensor's offset in the sidecar.
    public static let sidecarAlignment = 64

    /// The format name written to (and required in) the `format` field.
    public static let formatName = "kiln-json"
    /// The format version this writer produces.
    public static let formatVersion: Int64 = 1

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Encodes `model`. Returns the JSON document (UTF-8, ending in a newline) and the sidecar
    /// bytes, or `nil` when no tensor went to the sidecar. `sidecarName` is the sidecar's file
    /// name as recorded in the document (a plain name, no directories); write the sidecar next
    /// to the JSON file under that name.
    ///
    /// Throws `malformedInput` for tensors whose bytes do not match their type and shape (or
    /// that hold both bytes and strings), and `usage` for an unusable `sidecarName`.
    public func write(_ model: Model, sidecarName: String) throws -> (json: Data, sidecar: Data?) {
        var encoder = ModelEncoder(options: options)
        let body = try encoder.encode(model)
        var members: [(key: String, value: JSONValue)] = [
            ("format", .string(Self.formatName)),
            ("version", .number(String(Self.formatVersion))),
        ]
        var sidecar: Data?
        if !encoder.sidecar.isEmpty {
            guard KilnJSONReader.isPlainFileName(sidecarName) else {
                throw KilnError(
                    .usage,
                    "sidecar name '\(sidecarName)' must be a plain file name "
                        + "(no '/', '\\', '..' or absolute path)")
            }
            members.append(
                (
                    "sidecar",
                    .object([
                        ("file", .string(sidecarName)),
                        ("length", .number(String(encoder.sidecar.count))),
                    ])
                ))
            sidecar = encoder.sidecar
        }
        members.append(contentsOf: body)
        return (Data(JSONPrinter.render(.object(members))), sidecar)
    }

    /// Writes `model` to `url` and, when needed, its sidecar `<name>.bin` beside it (for
    /// `model.json`, `model.bin`). Each file is written atomically (temporary file + rename),
    /// the sidecar first, so a reader never sees a new document without its sidecar. Returns
    /// the files written. Throws `io` when a file cannot be written.
    @discardableResult
    public func write(_ model: Model, to url: URL) throws -> [URL] {
        let sidecarName = url.deletingPathExtension().lastPathComponent + ".bin"
        let (json, sidecar) = try write(model, sidecarName: sidecarName)
        var written: [URL] = []
        func save(_ data: Data, _ target: URL) throws {
            try AtomicFile.write(data, to: target)
            written.append(target)
        }
        if let sidecar {
            try save(
                sidecar,
                url.deletingLastPathComponent()
                    .appendingPathComponent(sidecarName, isDirectory: false))
        }
        try save(json, url)
        return written
    }
}

/// Builds the JSON tree for a model and collects the sidecar bytes.
struct ModelEncoder {
    let options: KilnJSONWriter.Options
    var sidecar = Data()

    init(options: KilnJSONWriter.Options) {
        self.options = options
    }

    typealias Members = [(key: String, value: JSONValue)]

    mutating func encode(_ m: Model) throws -> Members {
        var o: Members = [("irVersion", int(m.irVersion))]
        optional(&o, "producerName", m.producerName)
        optional(&o, "producerVersion", m.producerVersion)
        optional(&o, "domain", m.domain)
        if m.modelVersion != 0 { o.append(("modelVersion", int(m.modelVersion))) }
        optional(&o, "docString", m.docString)
        metadata(&o, m.metadata)
        o.append(("opsetImports", .array(m.opsetImports.map(opset))))
        o.append(("graph", try graph(m.graph, path: "$.graph")))
        if !m.functions.isEmpty {
            var fs: [JSONValue] = []
            for (i, f) in m.functions.enumerated() {
                fs.append(try function(f, path: "$.functions[\(i)]"))
            }
            o.append(("functions", .array(fs)))
        }
        if !m.trainingInfo.isEmpty {
            var ts: [JSONValue] = []
            for (i, t) in m.trainingInfo.enumerated() {
                var x: Members = []
                if let g = t.initialization {
                    x.append(("initialization", try graph(g, path: "$.trainingInfo[\(i)].initialization")))
                }
                if let g = t.algorithm {
                    x.append(("algorithm", try graph(g, path: "$.trainingInfo[\(i)].algorithm")))
                }
                if !t.initializationBinding.isEmpty {
                    x.append(("initializationBinding", .array(t.initializationBinding.map(entry))))
                }
                if !t.updateBinding.isEmpty {
                    x.append(("updateBinding", .array(t.updateBinding.map(entry))))
                }
                ts.append(.object(x))
            }
            o.append(("trainingInfo", .array(ts)))
        }
        if !m.deviceConfigurations.isEmpty {
            o.append((
                "deviceConfigurations",
                .array(
                    m.deviceConfigurations.map { d in
                        .object([
                            ("name", .string(d.name)), ("numDevices", int(Int64(d.numDevices))),
                            ("devices", strings(d.devices)),
                        ])
                    })
            ))
        }
        return o
    }

    // MARK: - Structure

    private func opset(_ o: OpsetImport) -> JSONValue {
        .object([("domain", .string(o.domain)), ("version", int(o.version))])
    }

    private mutating func graph(_ g: Graph, path: String) throws -> JSONValue {
        var o: Members = []
        optional(&o, "name", g.name)
        optional(&o, "docString", g.docString)
        metadata(&o, g.metadata)
        o.append(("inputs", .array(g.inputs.map(valueInfo))))
        o.append(("outputs", .array(g.outputs.map(valueInfo))))
        if !g.valueInfo.isEmpty { o.append(("valueInfo", .array(g.valueInfo.map(valueInfo)))) }
        if !g.initializers.isEmpty {
            var ts: [JSONValue] = []
            for (i, t) in g.initializers.enumerated() {
                ts.append(try tensor(t, path: path + ".initializers[\(i)]"))
            }
            o.append(("initializers", .array(ts)))
        }
        if !g.sparseInitializers.isEmpty {
            var ts: [JSONValue] = []
            for (i, t) in g.sparseInitializers.enumerated() {
                ts.append(try sparse(t, path: path + ".sparseInitializers[\(i)]"))
            }
            o.append(("sparseInitializers", .array(ts)))
        }
        if !g.quantizationAnnotations.isEmpty {
            let qs: [JSONValue] = g.quantizationAnnotations.map { q in
                .object([
                    ("tensorName", .string(q.tensorName)),
                    ("quantParameterTensorNames", .array(q.quantParameterTensorNames.map(entry))),
                ])
            }
            o.append(("quantizationAnnotations", .array(qs)))
        }
        o.append(("nodes", .array(try nodes(g.nodes, path: path + ".nodes"))))
        return .object(o)
    }

    private mutating func function(_ f: Function, path: String) throws -> JSONValue {
        var o: Members = [("name", .string(f.name)), ("domain", .string(f.domain))]
        optional(&o, "overload", f.overload)
        optional(&o, "docString", f.docString)
        metadata(&o, f.metadata)
        o.append(("opsetImports", .array(f.opsetImports.map(opset))))
        o.append(("inputs", strings(f.inputs)))
        o.append(("outputs", strings(f.outputs)))
        if !f.attributeNames.isEmpty { o.append(("attributeNames", strings(f.attributeNames))) }
        if !f.attributeDefaults.isEmpty {
            var a: [JSONValue] = []
            for (i, x) in f.attributeDefaults.enumerated() {
                a.append(try attribute(x, path: path + ".attributeDefaults[\(i)]"))
            }
            o.append(("attributeDefaults", .array(a)))
        }
        if !f.valueInfo.isEmpty { o.append(("valueInfo", .array(f.valueInfo.map(valueInfo)))) }
        o.append(("nodes", .array(try nodes(f.nodes, path: path + ".nodes"))))
        return .object(o)
    }

    private mutating func nodes(_ ns: [Node], path: String) throws -> [JSONValue] {
        var out: [JSONValue] = []
        out.reserveCapacity(ns.count)
        for (i, n) in ns.enumerated() {
            var o: Members = []
            optional(&o, "name", n.name)
            o.append(("opType", .string(n.opType)))
            optional(&o, "domain", n.domain)
            optional(&o, "overload", n.overload)
            o.append(("inputs", strings(n.inputs)))
            o.append(("outputs", strings(n.outputs)))
            if !n.attributes.isEmpty {
                var a: [JSONValue] = []
                for (j, x) in n.attributes.enumerated() {
                    a.append(try attribute(x, path: path + "[\(i)].attributes[\(j)]"))
                }
                o.append(("attributes", .array(a)))
            }
            optional(&o, "docString", n.docString)
            metadata(&o, n.metadata)
            if !n.deviceConfigurations.isEmpty {
                // Serialized ONNX NodeDeviceConfigurationProto messages, carried verbatim.
                o.append((
                    "deviceConfigurations",
                    .array(n.deviceConfigurations.map { .string($0.base64EncodedString()) })
                ))
            }
            out.append(.object(o))
        }
        return out
    }

    private mutating func attribute(_ a: Attribute, path: String) throws -> JSONValue {
        var o: Members = [("name", .string(a.name))]
        let v: JSONValue
        switch a.value {
        case .int(let x): v = int(x)
        case .float(let x): v = FloatText.json(x)
        case .string(let x): v = byteString(x)
        case .tensor(let t): v = try tensor(t, path: path + ".tensor")
        case .graph(let g): v = try graph(g, path: path + ".graph")
        case .sparseTensor(let s): v = try sparse(s, path: path + ".sparseTensor")
        case .type(let t): v = valueType(t)
        case .ints(let xs): v = .array(xs.map(int))
        case .floats(let xs): v = .array(xs.map(FloatText.json))
        case .strings(let xs): v = .array(xs.map(byteString))
        case .tensors(let ts):
            var a: [JSONValue] = []
            for (i, t) in ts.enumerated() { a.append(try tensor(t, path: path + ".tensors[\(i)]")) }
            v = .array(a)
        case .graphs(let gs):
            var a: [JSONValue] = []
            for (i, g) in gs.enumerated() { a.append(try graph(g, path: path + ".graphs[\(i)]")) }
            v = .array(a)
        case .sparseTensors(let ss):
            var a: [JSONValue] = []
            for (i, s) in ss.enumerated() {
                a.append(try sparse(s, path: path + ".sparseTensors[\(i)]"))
            }
            v = .array(a)
        case .types(let ts): v = .array(ts.map(valueType))
        }
        o.append((a.value.kind.name, v))
        if let r = a.referenceName { o.append(("referenceName", .string(r))) }
        optional(&o, "docString", a.docString)
        return .object(o)
    }

    private func valueInfo(_ v: ValueInfo) -> JSONValue {
        var o: Members = [("name", .string(v.name))]
        if let t = v.type { o.append(("type", valueType(t))) }
        optional(&o, "typeDenotation", v.typeDenotation)
        if !v.dimDenotations.isEmpty { o.append(("dimDenotations", strings(v.dimDenotations))) }
        optional(&o, "docString", v.docString)
        metadata(&o, v.metadata)
        return .object(o)
    }

    private func valueType(_ t: ValueType) -> JSONValue {
        func tensorType(_ t: TensorType) -> JSONValue {
            var o: Members = [("elementType", .string(t.elementType.name))]
            if let shape = t.shape {
                o.append(
                    (
                        "shape",
                        .array(
                            shape.map { d in
                                switch d {
                                case .known(let v): return int(v)
                                case .symbol(let s): return .string(s)
                                case .unknown: return .null
                                }
                            })
                    ))
            }
            return .object(o)
        }
        switch t {
        case .tensor(let x): return .object([("tensor", tensorType(x))])
        case .sparseTensor(let x): return .object([("sparseTensor", tensorType(x))])
        case .sequence(let e): return .object([("sequence", e.map(valueType) ?? .null)])
        case .optional(let e): return .object([("optional", e.map(valueType) ?? .null)])
        case .map(let k, let v):
            return .object([
                (
                    "map",
                    .object([
                        ("key", .string(k.name)), ("value", v.map(valueType) ?? .null),
                    ])
                )
            ])
        case .opaque(let d, let n):
            return .object([("opaque", .object([("domain", .string(d)), ("name", .string(n))]))])
        }
    }

    // MARK: - Tensors

    private mutating func sparse(_ s: SparseTensor, path: String) throws -> JSONValue {
        .object([
            ("dims", .array(s.dims.map(int))),
            ("values", try tensor(s.values, path: path + ".values")),
            ("indices", try tensor(s.indices, path: path + ".indices")),
        ])
    }

    private mutating func tensor(_ t: Tensor, path: String) throws -> JSONValue {
        let location = KilnError.Location(value: t.name, jsonPath: path)
        try t.validate(location: location)
        if t.elementType == .string ? !t.data.isEmpty : !t.strings.isEmpty {
            throw KilnError(
                .malformedInput,
                "tensor '\(t.name)' of type \(t.elementType.name) holds both bytes and strings",
                at: location)
        }
        var o: Members = []
        optional(&o, "name", t.name)
        o.append(("elementType", .string(t.elementType.name)))
        o.append(("shape", .array(t.shape.map(int))))
        optional(&o, "docString", t.docString)
        metadata(&o, t.metadata)
        if t.elementType == .string {
            o.append(("strings", .array(t.strings.map(byteString))))
        } else if let limit = options.sidecarThreshold, t.data.count > limit {
            let align = KilnJSONWriter.sidecarAlignment
            let pad = (align - sidecar.count % align) % align
            sidecar.append(contentsOf: repeatElement(0, count: pad))
            let offset = sidecar.count
            sidecar.append(t.data)
            o.append(
                (
                    "external",
                    .object([
                        ("offset", .number(String(offset))),
                        ("length", .number(String(t.data.count))),
                    ])
                ))
        } else if t.data.count <= options.maxValueArrayBytes, let values = numbers(t) {
            o.append(("values", .array(values)))
        } else {
            o.append(("base64", .string(t.data.base64EncodedString())))
        }
        return .object(o)
    }

    /// The elements as JSON values when the element type has an exact per-element form.
    private func numbers(_ t: Tensor) -> [JSONValue]? {
        let d = t.data
        func each<T>(_: T.Type, _ f: (T) -> JSONValue) -> [JSONValue] {
            let size = MemoryLayout<T>.size
            let n = d.count / size
            return d.withUnsafeBytes { raw in
                (0..<n).map { f(raw.loadUnaligned(fromByteOffset: $0 * size, as: T.self)) }
            }
        }
        switch t.elementType {
        case .float32: return each(UInt32.self) { FloatText.json(Float(bitPattern: $0)) }
        case .float64: return each(UInt64.self) { FloatText.json(Double(bitPattern: $0)) }
        case .int8: return each(Int8.self) { .number(String($0)) }
        case .int16: return each(Int16.self) { .number(String($0)) }
        case .int32: return each(Int32.self) { .number(String($0)) }
        case .int64: return each(Int64.self) { .number(String($0)) }
        case .uint8: return each(UInt8.self) { .number(String($0)) }
        case .uint16: return each(UInt16.self) { .number(String($0)) }
        case .uint32: return each(UInt32.self) { .number(String($0)) }
        case .uint64: return each(UInt64.self) { .number(String($0)) }
        case .bool:
            guard d.allSatisfy({ $0 <= 1 }) else { return nil }
            return d.map { .bool($0 == 1) }
        default: return nil
        }
    }

    // MARK: - Small pieces

    private func int(_ v: Int64) -> JSONValue { .number(String(v)) }

    private func strings(_ xs: [String]) -> JSONValue { .array(xs.map { .string($0) }) }

    /// A byte string: a JSON string when the bytes are valid UTF-8, else `{"base64": ...}`.
    private func byteString(_ d: Data) -> JSONValue {
        if let s = String(validating: d, as: UTF8.self) { return .string(s) }
        return .object([("base64", .string(d.base64EncodedString()))])
    }

    private func entry(_ e: MetadataEntry) -> JSONValue {
        .object([("key", .string(e.key)), ("value", .string(e.value))])
    }

    private func optional(_ o: inout Members, _ key: String, _ value: String) {
        if !value.isEmpty { o.append((key, .string(value))) }
    }

    private func metadata(_ o: inout Members, _ entries: [MetadataEntry]) {
        if !entries.isEmpty { o.append(("metadata", .array(entries.map(entry)))) }
    }
}
