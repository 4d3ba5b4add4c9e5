import Foundation
import KilnIR

/// Turns a parsed document into a `Model`, checking every key, type and limit.
struct ModelDecoder {
    let options: KilnJSONReader.Options
    let loadSidecar: (String) throws -> Data
    private var sidecarInfo: (file: String, length: Int, path: String)?
    private var sidecar: Data?
    private var nodeCount = 0

    init(options: KilnJSONReader.Options, loadSidecar: @escaping (String) throws -> Data) {
        self.options = options
        self.loadSidecar = loadSidecar
    }

    // MARK: - Model

    private static let modelKeys: Set<String> = [
        "format", "version", "sidecar", "irVersion", "producerName", "producerVersion", "domain",
        "modelVersion", "docString", "metadata", "opsetImports", "graph", "functions",
        "trainingInfo", "deviceConfigurations",
    ]

    mutating func decode(_ root: JSONValue) throws -> Model {
        // Check the format marker before anything else so a foreign JSON file gets a clear error.
        if case .object(let members) = root {
            let format = members.first { $0.key == "format" }?.value
            guard case .string(KilnJSONWriter.formatName)? = format else {
                throw JSONFields.error(
                    "this is not a Kiln JSON document: expected \"format\": \"kiln-json\"",
                    at: JSONPath.member(JSONPath.root, "format"))
            }
        }
        let f = try JSONFields(
            root, at: JSONPath.root, what: "a Kiln JSON document", allowed: Self.modelKeys)
        let version = try f.requiredInt64("version")
        guard version == KilnJSONWriter.formatVersion else {
            throw JSONFields.error(
                "unsupported Kiln JSON version \(version); this reader understands version "
                    + "\(KilnJSONWriter.formatVersion) (upgrade Kiln to read newer files)",
                at: f.path("version"))
        }
        if let s = f["sidecar"] {
            let sf = try JSONFields(
                s, at: f.path("sidecar"), what: "the sidecar description",
                allowed: ["file", "length"])
            let file = try sf.requiredString("file")
            guard KilnJSONReader.isPlainFileName(file) else {
                throw JSONFields.error(
                    "the sidecar file name \"\(file)\" must be a plain file name in the same "
                        + "directory (no '/', '\\', '..' or absolute path)",
                    at: sf.path("file"))
            }
            let length = try sf.requiredInt64("length")
            guard length >= 0, let len = Int(exactly: length) else {
                throw JSONFields.error("the sidecar length must be >= 0", at: sf.path("length"))
            }
            sidecarInfo = (file, len, sf.path)
        }
        guard let irVersion = f["irVersion"] else {
            throw JSONFields.error(
                "the document is missing the required key \"irVersion\"",
                at: f.path)
        }
        var model = Model(
            irVersion: try Scalar.int64(irVersion, at: f.path("irVersion")),
            opsetImports: try opsets(f, "opsetImports", required: true),
            producerName: try f.string("producerName"),
            producerVersion: try f.string("producerVersion"),
            domain: try f.string("domain"),
            modelVersion: try f.int64("modelVersion"),
            docString: try f.string("docString"),
            metadata: try metadata(f),
            graph: Graph())
        model.graph = try graph(try f.required("graph"), at: f.path("graph"))
        model.functions = try f.array("functions").map { try function($0.value, at: $0.path) }
        model.trainingInfo = try f.array("trainingInfo").map { item in
            let t = try JSONFields(
                item.value, at: item.path, what: "a training info entry",
                allowed: ["initialization", "algorithm", "initializationBinding", "updateBinding"])
            return TrainingInfo(
                initialization: try t["initialization"].map {
                    try graph($0, at: t.path("initialization"))
                },
                algorithm: try t["algorithm"].map { try graph($0, at: t.path("algorithm")) },
                initializationBinding: try metadata(t, key: "initializationBinding"),
                updateBinding: try metadata(t, key: "updateBinding"))
        }
        model.deviceConfigurations = try f.array("deviceConfigurations").map { item in
            let d = try JSONFields(
                item.value, at: item.path, what: "a device configuration",
                allowed: ["name", "numDevices", "devices"])
            let n = try d.int64("numDevices")
            guard let count = Int32(exactly: n) else {
                throw JSONFields.error("numDevices \(n) is out of range", at: d.path("numDevices"))
            }
            return DeviceConfiguration(
                name: try d.string("name"), numDevices: count, devices: try d.strings("devices"))
        }
        return model
    }

    // MARK: - Structure

    private func opsets(_ f: JSONFields, _ key: String, required: Bool) throws -> [OpsetImport] {
        let list = required ? try f.requiredArray(key) : try f.array(key)
        return try list.map { item in
            let o = try JSONFields(
                item.value, at: item.path, what: "an opset import", allowed: ["domain", "version"])
            return OpsetImport(
                domain: try o.string("domain"), version: try o.requiredInt64("version"))
        }
    }

    private func metadata(_ f: JSONFields, key: String = "metadata") throws -> [MetadataEntry] {
        try f.array(key).map { item in
            let o = try JSONFields(
                item.value, at: item.path, what: "a metadata entry", allowed: ["key", "value"])
            return MetadataEntry(
                key: try o.requiredString("key"), value: try o.requiredString("value"))
        }
    }

    private static let graphKeys: Set<String> = [
        "name", "docString", "metadata", "inputs", "outputs", "valueInfo", "initializers",
        "sparseInitializers", "quantizationAnnotations", "nodes",
    ]

    private mutating func graph(_ v: JSONValue, at path: String) throws -> Graph {
        let f = try JSONFields(v, at: path, what: "a graph", allowed: Self.graphKeys)
        var g = Graph(
            name: try f.string("name"), docString: try f.string("docString"),
            inputs: try f.array("inputs").map { try valueInfo($0.value, at: $0.path) },
            outputs: try f.array("outputs").map { try valueInfo($0.value, at: $0.path) })
        g.metadata = try metadata(f)
        g.valueInfo = try f.array("valueInfo").map { try valueInfo($0.value, at: $0.path) }
        g.initializers = try f.array("initializers").map { try tensor($0.value, at: $0.path) }
        g.sparseInitializers = try f.array("sparseInitializers").map {
            try sparse($0.value, at: $0.path)
        }
        g.quantizationAnnotations = try f.array("quantizationAnnotations").map { item in
            let o = try JSONFields(
                item.value, at: item.path, what: "a quantization annotation",
                allowed: ["tensorName", "quantParameterTensorNames"])
            return TensorAnnotation(
                tensorName: try o.requiredString("tensorName"),
                quantParameterTensorNames: try metadata(o, key: "quantParameterTensorNames"))
        }
        g.nodes = try nodes(f)
        return g
    }

    private static let functionKeys: Set<String> = [
        "name", "domain", "overload", "docString", "metadata", "opsetImports", "inputs", "outputs",
        "attributeNames", "attributeDefaults", "valueInfo", "nodes",
    ]

    private mutating func function(_ v: JSONValue, at path: String) throws -> Function {
        let f = try JSONFields(v, at: path, what: "a function", allowed: Self.functionKeys)
        var fn = Function(
            name: try f.requiredString("name"), domain: try f.string("domain"),
            overload: try f.string("overload"), inputs: try f.strings("inputs"),
            outputs: try f.strings("outputs"), attributeNames: try f.strings("attributeNames"),
            nodes: [], opsetImports: try opsets(f, "opsetImports", required: false),
            docString: try f.string("docString"), metadata: try metadata(f))
        fn.attributeDefaults = try f.array("attributeDefaults").map {
            try attribute($0.value, at: $0.path)
        }
        fn.valueInfo = try f.array("valueInfo").map { try valueInfo($0.value, at: $0.path) }
        fn.nodes = try nodes(f)
        return fn
    }

    private static let nodeKeys: Set<String> = [
        "name", "opType", "domain", "overload", "inputs", "outputs", "attributes", "docString",
        "metadata", "deviceConfigurations",
    ]

    private mutating func nodes(_ parent: JSONFields) throws -> [Node] {
        let list = try parent.array("nodes")
        let (total, overflow) = nodeCount.addingReportingOverflow(list.count)
        guard !overflow, total <= options.maxNodes else {
            throw KilnError(
                .limitExceeded,
                "the model has more than \(options.maxNodes) nodes "
                    + "(KilnJSONReader.Options.maxNodes)",
                at: .init(jsonPath: parent.path("nodes")))
        }
        nodeCount = total
        var out: [Node] = []
        out.reserveCapacity(list.count)
        for item in list {
            let f = try JSONFields(
                item.value, at: item.path, what: "a node", allowed: Self.nodeKeys)
            var n = Node(
                name: try f.string("name"), opType: try f.requiredString("opType"),
                domain: try f.string("domain"), overload: try f.string("overload"),
                inputs: try f.strings("inputs"), outputs: try f.strings("outputs"),
                docString: try f.string("docString"), metadata: try metadata(f))
            n.attributes = try f.array("attributes").map { try attribute($0.value, at: $0.path) }
            n.deviceConfigurations = try f.array("deviceConfigurations").map { item in
                let text = try Scalar.string(item.value, at: item.path)
                guard let bytes = Data(base64Encoded: text) else {
                    throw JSONFields.error(
                        "expected base64 (a serialized ONNX NodeDeviceConfigurationProto)",
                        at: item.path)
                }
                return bytes
            }
            out.append(n)
        }
        return out
    }

    private static let attributeKinds: Set<String> = Set(
        AttributeKind.allCases.filter { $0 != .undefined }.map(\.name))
    private static let attributeKeys = attributeKinds.union(["name", "referenceName", "docString"])

    private mutating func attribute(_ v: JSONValue, at path: String) throws -> Attribute {
        let f = try JSONFields(v, at: path, what: "an attribute", allowed: Self.attributeKeys)
        let name = try f.requiredString("name")
        let kinds = AttributeKind.allCases.filter { $0 != .undefined && f.has($0.name) }
        guard kinds.count == 1, let kind = kinds.first, let raw = f[kind.name] else {
            let list = Self.attributeKinds.sorted().joined(separator: ", ")
            throw JSONFields.error(
                kinds.isEmpty
                    ? "attribute '\(name)' has no value: add exactly one of the keys \(list)"
                    : "attribute '\(name)' has \(kinds.count) value keys ("
                        + kinds.map(\.name).joined(separator: ", ") + "); keep exactly one",
                at: path)
        }
        let p = f.path(kind.name)
        let value: AttributeValue
        switch kind {
        case .undefined:
            throw JSONFields.error("attribute kind 'undefined' cannot be stored", at: p)
        case .int: value = .int(try Scalar.int64(raw, at: p))
        case .float: value = .float(try Scalar.float(raw, at: p))
        case .string: value = .string(try Scalar.byteString(raw, at: p))
        case .tensor: value = .tensor(try tensor(raw, at: p))
        case .graph: value = .graph(try graph(raw, at: p))
        case .sparseTensor: value = .sparseTensor(try sparse(raw, at: p))
        case .type: value = .type(try valueType(raw, at: p))
        case .ints:
            value = .ints(try Scalar.array(raw, at: p).map { try Scalar.int64($0.0, at: $0.1) })
        case .floats:
            value = .floats(try Scalar.array(raw, at: p).map { try Scalar.float($0.0, at: $0.1) })
        case .strings:
            value = .strings(
                try Scalar.array(raw, at: p).map { try Scalar.byteString($0.0, at: $0.1) })
        case .tensors:
            value = .tensors(try Scalar.array(raw, at: p).map { try tensor($0.0, at: $0.1) })
        case .graphs:
            value = .graphs(try Scalar.array(raw, at: p).map { try graph($0.0, at: $0.1) })
        case .sparseTensors:
            value = .sparseTensors(try Scalar.array(raw, at: p).map { try sparse($0.0, at: $0.1) })
        case .types:
            value = .types(try Scalar.array(raw, at: p).map { try valueType($0.0, at: $0.1) })
        }
        var referenceName: String?
        if let r = f["referenceName"] {
            referenceName = try Scalar.string(r, at: f.path("referenceName"))
        }
        return Attribute(
            name: name, value: value, docString: try f.string("docString"),
            referenceName: referenceName)
    }

    private func valueInfo(_ v: JSONValue, at path: String) throws -> ValueInfo {
        let f = try JSONFields(
            v, at: path, what: "a value declaration",
            allowed: ["name", "type", "docString", "metadata", "typeDenotation", "dimDenotations"])
        var type: ValueType?
        if let t = f["type"] { type = try valueType(t, at: f.path("type")) }
        var info = ValueInfo(
            name: try f.requiredString("name"), type: type, docString: try f.string("docString"),
            metadata: try metadata(f))
        info.typeDenotation = try f.string("typeDenotation")
        info.dimDenotations = try f.strings("dimDenotations")
        return info
    }

    private static let typeKinds = [
        "tensor", "sparseTensor", "sequence", "optional", "map", "opaque",
    ]

    private func valueType(_ v: JSONValue, at path: String) throws -> ValueType {
        let f = try JSONFields(v, at: path, what: "a type", allowed: Set(Self.typeKinds))
        let present = Self.typeKinds.filter { f.has($0) }
        guard present.count == 1, let kind = present.first, let raw = f[kind] else {
            throw JSONFields.error(
                "a type needs exactly one of the keys " + Self.typeKinds.joined(separator: ", ")
                    + (present.isEmpty ? "" : " (found " + present.joined(separator: ", ") + ")"),
                at: path)
        }
        let p = f.path(kind)
        func nested(_ x: JSONValue, at p: String) throws -> ValueType? {
            if case .null = x { return nil }
            return try valueType(x, at: p)
        }
        switch kind {
        case "tensor": return .tensor(try tensorType(raw, at: p))
        case "sparseTensor": return .sparseTensor(try tensorType(raw, at: p))
        case "sequence": return .sequence(try nested(raw, at: p))
        case "optional": return .optional(try nested(raw, at: p))
        case "map":
            let m = try JSONFields(raw, at: p, what: "a map type", allowed: ["key", "value"])
            return .map(
                key: try elementType(try m.required("key"), at: m.path("key")),
                value: try nested(try m.required("value"), at: m.path("value")))
        default:
            let o = try JSONFields(raw, at: p, what: "an opaque type", allowed: ["domain", "name"])
            return .opaque(domain: try o.string("domain"), name: try o.string("name"))
        }
    }

    private func tensorType(_ v: JSONValue, at path: String) throws -> TensorType {
        let f = try JSONFields(
            v, at: path, what: "a tensor type", allowed: ["elementType", "shape"])
        let et = try elementType(try f.required("elementType"), at: f.path("elementType"))
        guard let s = f["shape"] else { return TensorType(et, shape: nil) }
        let dims: [Dim] = try Scalar.array(s, at: f.path("shape")).map { item in
            switch item.value {
            case .null: return .unknown
            case .string(let name): return .symbol(name)
            case .number: return .known(try Scalar.int64(item.value, at: item.path))
            default:
                throw JSONFields.error(
                    "a dimension is an integer, a symbol name (string) or null (unknown), "
                        + "not \(item.value.kindDescription)",
                    at: item.path)
            }
        }
        return TensorType(et, shape: dims)
    }

    private func elementType(_ v: JSONValue, at path: String) throws -> ElementType {
        let name = try Scalar.string(v, at: path)
        guard let t = ElementType(name: name) else {
            let known = ElementType.allCases.map(\.name).joined(separator: ", ")
            throw JSONFields.error(
                "unknown element type \"\(name)\"; known types: \(known)", at: path)
        }
        return t
    }

    // MARK: - Tensors

    private mutating func sparse(_ v: JSONValue, at path: String) throws -> SparseTensor {
        let f = try JSONFields(
            v, at: path, what: "a sparse tensor", allowed: ["dims", "values", "indices"])
        return SparseTensor(
            values: try tensor(try f.required("values"), at: f.path("values")),
            indices: try tensor(try f.required("indices"), at: f.path("indices")),
            dims: try f.int64s("dims"))
    }

    private static let tensorKeys: Set<String> = [
        "name", "elementType", "shape", "docString", "metadata", "values", "base64", "external",
        "strings",
    ]
    private static let payloadKeys = ["values", "base64", "external", "strings"]

    private mutating func tensor(_ v: JSONValue, at path: String) throws -> Tensor {
        let f = try JSONFields(v, at: path, what: "a tensor", allowed: Self.tensorKeys)
        let name = try f.string("name")
        let et = try elementType(try f.required("elementType"), at: f.path("elementType"))
        let shape = try f.requiredArray("shape").map { try Scalar.int64($0.value, at: $0.path) }
        var t = Tensor(
            name: name, elementType: et, shape: shape, docString: try f.string("docString"),
            metadata: try metadata(f))
        let location = KilnError.Location(value: name.isEmpty ? nil : name, jsonPath: path)
        guard let count = t.elementCount else {
            throw KilnError(
                .malformedInput,
                "tensor shape \(shape) is invalid (a negative dimension, or too many elements)",
                at: location)
        }
        let present = Self.payloadKeys.filter { f.has($0) }
        guard present.count == 1, let kind = present.first, let raw = f[kind] else {
            throw JSONFields.error(
                "a tensor needs exactly one of the keys values, base64, external, strings"
                    + (present.isEmpty ? "" : " (found " + present.joined(separator: ", ") + ")"),
                at: path)
        }
        let p = f.path(kind)
        if et == .string {
            guard kind == "strings" else {
                throw JSONFields.error(
                    "string tensors hold their elements in \"strings\", not \"\(kind)\"", at: p)
            }
            let list = try Scalar.array(raw, at: p)
            guard list.count == count else {
                throw JSONFields.error(
                    "string tensor with shape \(shape) needs \(count) strings, found \(list.count)",
                    at: p)
            }
            var total = 0
            t.strings = try list.map { item in
                let d = try Scalar.byteString(item.value, at: item.path)
                total += d.count
                guard total <= options.maxTensorBytes else { throw tooLarge(total, at: location) }
                return d
            }
        } else {
            guard kind != "strings" else {
                throw JSONFields.error(
                    "\"strings\" is only for element type string, not \(et.name)", at: p)
            }
            guard et != .undefined, let bytes = et.byteCount(elements: count) else {
                throw JSONFields.error(
                    "a tensor cannot have element type \(et.name)", at: f.path("elementType"))
            }
            guard bytes <= options.maxTensorBytes else { throw tooLarge(bytes, at: location) }
            switch kind {
            case "values": t.data = try values(raw, type: et, count: count, at: p)
            case "base64": t.data = try Scalar.base64(raw, at: p)
            default: t.data = try external(raw, at: p)
            }
        }
        try t.validate(location: location)
        return t
    }

    private func tooLarge(_ bytes: Int, at location: KilnError.Location) -> KilnError {
        KilnError(
            .limitExceeded,
            "the tensor holds \(bytes) bytes, over the limit of \(options.maxTensorBytes) "
                + "(KilnJSONReader.Options.maxTensorBytes)",
            at: location)
    }

    /// Packs a `values` array into little-endian bytes.
    private func values(_ v: JSONValue, type: ElementType, count: Int, at path: String) throws
        -> Data
    {
        guard case .array(let items) = v else {
            throw JSONFields.error("expected an array but found \(v.kindDescription)", at: path)
        }
        guard items.count == count else {
            throw JSONFields.error(
                "\"values\" has \(items.count) elements but the shape needs \(count)", at: path)
        }
        // Element paths are built only when an element is rejected.
        func pack<T>(_ convert: (JSONValue, () -> String) throws -> T) throws -> Data {
            var out: [T] = []
            out.reserveCapacity(count)
            for (i, item) in items.enumerated() {
                out.append(try convert(item, { JSONPath.index(path, i) }))
            }
            return out.withUnsafeBytes { Data($0) }
        }
        func int<T: FixedWidthInteger>(_: T.Type) throws -> Data {
            try pack { item, p in
                T(
                    try Scalar.integer(
                        item, in: Int64(T.min)...Int64(T.max), type: type.name, at: p()))
            }
        }
        switch type {
        case .float32: return try pack { try Scalar.float($0, at: $1()) }
        case .float64: return try pack { try Scalar.double($0, at: $1()) }
        case .int8: return try int(Int8.self)
        case .int16: return try int(Int16.self)
        case .int32: return try int(Int32.self)
        case .int64: return try pack { try Scalar.int64($0, at: $1()) }
        case .uint8: return try int(UInt8.self)
        case .uint16: return try int(UInt16.self)
        case .uint32: return try int(UInt32.self)
        case .uint64: return try pack { try Scalar.uint64($0, at: $1()) }
        case .bool: return try pack { UInt8(try Scalar.bool($0, at: $1()) ? 1 : 0) }
        default:
            throw JSONFields.error(
                "element type \(type.name) has no \"values\" form; use \"base64\" with the raw "
                    + "little-endian bytes",
                at: path)
        }
    }

    /// Slices a tensor's bytes out of the sidecar after checking the range against its size.
    private mutating func external(_ v: JSONValue, at path: String) throws -> Data {
        let f = try JSONFields(
            v, at: path, what: "an external data reference", allowed: ["offset", "length"])
        let offset = try f.requiredInt64("offset")
        let length = try f.requiredInt64("length")
        guard let info = sidecarInfo else {
            throw JSONFields.error(
                "the tensor's data is in the sidecar but the document has no top-level "
                    + "\"sidecar\": {\"file\": ..., \"length\": ...}",
                at: path)
        }
        guard offset >= 0, length >= 0, let o = Int(exactly: offset), let n = Int(exactly: length)
        else {
            throw JSONFields.error("offset and length must be >= 0", at: path)
        }
        let data = try sidecarData(info)
        let (end, overflow) = o.addingReportingOverflow(n)
        guard !overflow, end <= data.count else {
            throw JSONFields.error(
                "\(length) bytes at offset \(offset) are past the end of the sidecar "
                    + "'\(info.file)' (\(data.count) bytes)",
                at: path)
        }
        let start = data.startIndex + o
        return data[start..<(start + n)]
    }

    private mutating func sidecarData(_ info: (file: String, length: Int, path: String)) throws
        -> Data
    {
        if let sidecar { return sidecar }
        let data: Data
        do {
            data = try loadSidecar(info.file)
        } catch let e as KilnError {
            throw e
        } catch {
            throw KilnError(
                .io, "cannot read the sidecar '\(info.file)': \(error.localizedDescription)",
                at: .init(jsonPath: info.path), underlying: error)
        }
        guard data.count == info.length else {
            throw JSONFields.error(
                "the sidecar '\(info.file)' is \(data.count) bytes but the document says "
                    + "\(info.length); the two files do not belong together",
                at: info.path)
        }
        sidecar = data
        return data
    }
}
