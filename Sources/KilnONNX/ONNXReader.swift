import Foundation
import KilnIR
import SwiftProtobuf

/// Reads ONNX `ModelProto` files into Kiln's IR.
///
/// Every field that carries meaning is read: typed data fields and `raw_data`, external data
/// (resolved safely inside the model's folder and memory-mapped), sparse initializers, all
/// attribute kinds, subgraphs, model-local functions and metadata. Large `raw_data` payloads of
/// the main graph's initializers are not copied: they stay views into the memory-mapped file.
/// All sizes read from the file are validated against `Options` before use.
public struct ONNXReader: Sendable {
    /// Limits and policies for reading untrusted files.
    public struct Options: Sendable {
        /// Largest model file accepted (default 64 GiB; protobuf itself caps at 2 GiB).
        public var maxFileBytes: Int = 1 << 36
        /// Largest single tensor payload accepted (default 16 GiB).
        public var maxTensorBytes: Int = 1 << 34
        /// Most nodes in one graph, subgraphs counted separately (default 10 million).
        public var maxNodes: Int = 10_000_000
        /// Deepest protobuf message nesting (subgraph in attribute in node in graph ...).
        public var messageDepthLimit: Int = 100
        /// Whether tensors may load external data files (always confined to `externalDataRoot`).
        public var allowExternalData: Bool = true
        /// Folder external data must live in; defaults to the model file's folder.
        public var externalDataRoot: URL? = nil
        /// Whole-model limits (total tensor bytes, total nodes, rank, string length) checked
        /// after decoding; see `ModelLimits` for the defaults.
        public var modelLimits = ModelLimits()

        public init() {}
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Reads the model at `url`. Errors carry the file path.
    public func read(contentsOf url: URL) throws -> Model {
        do {
            let data = try MappedFile.map(url, maxBytes: options.maxFileBytes)
            let root = options.externalDataRoot ?? url.deletingLastPathComponent()
            return try read(data, externalDataRoot: root)
        } catch var e as KilnError {
            e.location.file = url.relativePath
            throw e
        }
    }

    /// The files the model at `url` reads as external data (resolved inside its folder, each
    /// once, in first-use order): what a command must not write over. Decodes the model (its
    /// weights stay mapped, not copied).
    public func externalDataFiles(contentsOf url: URL) throws -> [URL] {
        let log = ExternalDataLog()
        do {
            let data = try MappedFile.map(url, maxBytes: options.maxFileBytes)
            let root = options.externalDataRoot ?? url.deletingLastPathComponent()
            _ = try read(data, externalDataRoot: root, log: log)
        } catch var e as KilnError {
            e.location.file = url.relativePath
            throw e
        }
        return log.files
    }

    /// Reads a serialized model. `externalDataRoot` is where external data files are looked up;
    /// `nil` refuses external data.
    public func read(_ data: Data, externalDataRoot: URL? = nil) throws -> Model {
        try read(data, externalDataRoot: externalDataRoot, log: nil)
    }

    private func read(_ data: Data, externalDataRoot: URL?, log: ExternalDataLog?) throws -> Model {
        // Split the main graph's large raw_data payloads off first (zero-copy views), checking the
        // wire structure with byte offsets as we go.
        let split = try ProtoWire.splitInitializerPayloads(data)
        var decodeOptions = BinaryDecodingOptions()
        decodeOptions.messageDepthLimit = options.messageDepthLimit
        let proto: Onnx_ModelProto
        do {
            proto = try Onnx_ModelProto(serializedBytes: split.stripped, options: decodeOptions)
        } catch {
            throw KilnError(
                .malformedInput,
                "not a valid ONNX model (protobuf decoding failed: \(Self.describe(error)))",
                underlying: error)
        }
        var context = ImportContext(
            options: options, externalDataRoot: options.allowExternalData ? externalDataRoot : nil,
            payloads: split.payloads)
        context.externalDataLog = log
        let model = try context.model(proto)
        try options.modelLimits.enforce(model)
        return model
    }

    static func describe(_ error: Error) -> String {
        if let e = error as? BinaryDecodingError {
            switch e {
            case .truncated: return "the message is truncated"
            case .malformedProtobuf: return "malformed protobuf data"
            case .messageDepthLimit: return "messages nested too deeply"
            case .invalidUTF8: return "a string field is not valid UTF-8"
            default: return "\(e)"
            }
        }
        return "\(error)"
    }
}

/// The external data files one read mapped (see `ONNXReader.externalDataFiles`). Lives for one
/// read on one thread.
final class ExternalDataLog {
    private(set) var files: [URL] = []
    private var seen: Set<String> = []

    func record(_ url: URL) {
        if seen.insert(url.path).inserted { files.append(url) }
    }
}

/// Converts decoded protobuf messages to IR, carrying limits and the zero-copy payload table.
struct ImportContext {
    let options: ONNXReader.Options
    let externalDataRoot: URL?
    /// raw_data views for the main graph's initializers, by initializer index.
    let payloads: [Int: Data]
    var depth = 0
    /// Records every external data file mapped, when set.
    var externalDataLog: ExternalDataLog?

    // MARK: - Model

    mutating func model(_ p: Onnx_ModelProto) throws -> Model {
        guard p.hasGraph else {
            throw KilnError(.malformedInput, "the model has no graph (ModelProto.graph is missing)")
        }
        let graph = try self.graph(p.graph, path: "main", payloads: payloads)
        var functions: [Function] = []
        for f in p.functions { functions.append(try function(f)) }
        var trainingInfo: [TrainingInfo] = []
        for (i, t) in p.trainingInfo.enumerated() {
            trainingInfo.append(
                TrainingInfo(
                    initialization: t.hasInitialization
                        ? try self.graph(t.initialization, path: "training_info[\(i)].initialization") : nil,
                    algorithm: t.hasAlgorithm
                        ? try self.graph(t.algorithm, path: "training_info[\(i)].algorithm") : nil,
                    initializationBinding: t.initializationBinding.map(metadata),
                    updateBinding: t.updateBinding.map(metadata)))
        }
        var model = Model(
            irVersion: p.irVersion,
            opsetImports: p.opsetImport.map { OpsetImport(domain: $0.domain, version: $0.version) },
            producerName: p.producerName, producerVersion: p.producerVersion, domain: p.domain,
            modelVersion: p.modelVersion, docString: p.docString,
            metadata: p.metadataProps.map(metadata), graph: graph, functions: functions)
        model.trainingInfo = trainingInfo
        model.deviceConfigurations = p.configuration.map {
            DeviceConfiguration(name: $0.name, numDevices: $0.numDevices, devices: $0.device)
        }
        return model
    }

    func metadata(_ e: Onnx_StringStringEntryProto) -> MetadataEntry {
        MetadataEntry(key: e.key, value: e.value)
    }

    // MARK: - Graph

    mutating func graph(_ p: Onnx_GraphProto, path: String, payloads: [Int: Data] = [:]) throws
        -> Graph
    {
        guard p.node.count <= options.maxNodes else {
            throw KilnError(
                .limitExceeded,
                "graph '\(path)' has \(p.node.count) nodes, above the limit of \(options.maxNodes)")
        }
        depth += 1
        defer { depth -= 1 }
        guard depth <= options.messageDepthLimit else {
            throw KilnError(.limitExceeded, "subgraphs are nested more than \(options.messageDepthLimit) deep")
        }
        var g = Graph(name: p.name, docString: p.docString)
        g.inputs = try p.input.map { try valueInfo($0) }
        g.outputs = try p.output.map { try valueInfo($0) }
        g.valueInfo = try p.valueInfo.map { try valueInfo($0) }
        g.initializers.reserveCapacity(p.initializer.count)
        for (i, t) in p.initializer.enumerated() {
            g.initializers.append(try tensor(t, payload: payloads[i]))
        }
        g.sparseInitializers = try p.sparseInitializer.map { try sparseTensor($0) }
        g.nodes.reserveCapacity(p.node.count)
        for (i, n) in p.node.enumerated() {
            g.nodes.append(try node(n, index: i, graphPath: path))
        }
        g.quantizationAnnotations = p.quantizationAnnotation.map {
            TensorAnnotation(
                tensorName: $0.tensorName,
                quantParameterTensorNames: $0.quantParameterTensorNames.map(metadata))
        }
        g.metadata = p.metadataProps.map(metadata)
        return g
    }

    mutating func node(_ p: Onnx_NodeProto, index: Int, graphPath: String) throws -> Node {
        var n = Node(
            name: p.name, opType: p.opType, domain: p.domain, overload: p.overload,
            inputs: p.input, outputs: p.output, docString: p.docString,
            metadata: p.metadataProps.map(metadata))
        let label = n.label(index: index)
        n.deviceConfigurations = try p.deviceConfigurations.map { try $0.serializedBytes() }
        do {
            n.attributes = try p.attribute.map { try attribute($0, graphPath: graphPath + "/" + label) }
        } catch var e as KilnError {
            if e.location.node == nil { e.location.node = label }
            throw e
        }
        return n
    }

    func valueInfo(_ p: Onnx_ValueInfoProto) throws -> ValueInfo {
        var v = ValueInfo(
            name: p.name, type: p.hasType ? try valueType(p.type, value: p.name) : nil,
            docString: p.docString, metadata: p.metadataProps.map(metadata))
        v.typeDenotation = p.type.denotation
        var dims: [Onnx_TensorShapeProto.Dimension] = []
        if case .tensorType(let t)? = p.type.value { dims = t.shape.dim }
        if case .sparseTensorType(let t)? = p.type.value { dims = t.shape.dim }
        if dims.contains(where: { !$0.denotation.isEmpty }) { v.dimDenotations = dims.map(\.denotation) }
        return v
    }

    func elementType(_ code: Int32, value: String) throws -> ElementType {
        guard let t = ElementType(rawValue: code) else {
            throw KilnError(
                .unsupportedFeature, "element type \(code) is not supported by Kiln",
                at: .init(value: value))
        }
        return t
    }

    func shape(_ p: Onnx_TensorShapeProto) -> [Dim] {
        p.dim.map { d in
            switch d.value {
            case .dimValue(let v): return .known(v)
            case .dimParam(let s): return s.isEmpty ? .unknown : .symbol(s)
            case nil: return .unknown
            }
        }
    }

    func valueType(_ p: Onnx_TypeProto, value: String) throws -> ValueType? {
        switch p.value {
        case .tensorType(let t):
            return .tensor(
                TensorType(
                    try elementType(t.elemType, value: value), shape: t.hasShape ? shape(t.shape) : nil))
        case .sparseTensorType(let t):
            return .sparseTensor(
                TensorType(
                    try elementType(t.elemType, value: value), shape: t.hasShape ? shape(t.shape) : nil))
        case .sequenceType(let s):
            return .sequence(s.hasElemType ? try valueType(s.elemType, value: value) : nil)
        case .optionalType(let o):
            return .optional(o.hasElemType ? try valueType(o.elemType, value: value) : nil)
        case .mapType(let m):
            return .map(
                key: try elementType(m.keyType, value: value),
                value: m.hasValueType ? try valueType(m.valueType, value: value) : nil)
        case .opaqueType(let o):
            return .opaque(domain: o.domain, name: o.name)
        case nil:
            return nil
        }
    }

    // MARK: - Attributes

    mutating func attribute(_ p: Onnx_AttributeProto, graphPath: String) throws -> Attribute {
        let value: AttributeValue
        let sub = graphPath + "." + p.name
        var kind = p.type
        if kind == .undefined {
            // IR v1 files may omit the type; infer it from the single field present.
            kind = Self.inferKind(p)
        }
        switch kind {
        case .float: value = .float(p.f)
        case .int: value = .int(p.i)
        case .string: value = .string(p.s)
        case .tensor: value = .tensor(try tensor(p.t))
        case .graph: value = .graph(try graph(p.g, path: sub))
        case .sparseTensor: value = .sparseTensor(try sparseTensor(p.sparseTensor))
        case .typeProto:
            guard let t = try valueType(p.tp, value: p.name) else {
                throw KilnError(.malformedInput, "attribute '\(p.name)' has an empty type proto")
            }
            value = .type(t)
        case .floats: value = .floats(p.floats)
        case .ints: value = .ints(p.ints)
        case .strings: value = .strings(p.strings)
        case .tensors: value = .tensors(try p.tensors.map { try tensor($0) })
        case .graphs:
            var gs: [Graph] = []
            for (i, g) in p.graphs.enumerated() { gs.append(try graph(g, path: "\(sub)[\(i)]")) }
            value = .graphs(gs)
        case .sparseTensors: value = .sparseTensors(try p.sparseTensors.map { try sparseTensor($0) })
        case .typeProtos:
            var ts: [ValueType] = []
            for t in p.typeProtos {
                guard let v = try valueType(t, value: p.name) else {
                    throw KilnError(.malformedInput, "attribute '\(p.name)' has an empty type proto")
                }
                ts.append(v)
            }
            value = .types(ts)
        case .undefined:
            if p.hasRefAttrName {
                // A pure reference inside a function body: the kind is the caller's.
                value = .ints([])
            } else {
                throw KilnError(
                    .malformedInput,
                    "attribute '\(p.name)' has no value or an unknown type (\(p.type.rawValue))")
            }
        }
        return Attribute(
            name: p.name, value: value, docString: p.docString,
            referenceName: p.hasRefAttrName ? p.refAttrName : nil)
    }

    static func inferKind(_ p: Onnx_AttributeProto) -> Onnx_AttributeProto.AttributeType {
        if p.hasF { return .float }
        if p.hasI { return .int }
        if p.hasS { return .string }
        if p.hasT { return .tensor }
        if p.hasG { return .graph }
        if p.hasSparseTensor { return .sparseTensor }
        if p.hasTp { return .typeProto }
        if !p.floats.isEmpty { return .floats }
        if !p.ints.isEmpty { return .ints }
        if !p.strings.isEmpty { return .strings }
        if !p.tensors.isEmpty { return .tensors }
        if !p.graphs.isEmpty { return .graphs }
        if !p.sparseTensors.isEmpty { return .sparseTensors }
        if !p.typeProtos.isEmpty { return .typeProtos }
        return .undefined
    }

    // MARK: - Functions

    mutating func function(_ p: Onnx_FunctionProto) throws -> Function {
        var nodes: [Node] = []
        for (i, n) in p.node.enumerated() {
            nodes.append(try node(n, index: i, graphPath: "function:\(p.name)"))
        }
        return Function(
            name: p.name, domain: p.domain, overload: p.overload, inputs: p.input, outputs: p.output,
            attributeNames: p.attribute,
            attributeDefaults: try p.attributeProto.map { try attribute($0, graphPath: p.name) },
            nodes: nodes,
            opsetImports: p.opsetImport.map { OpsetImport(domain: $0.domain, version: $0.version) },
            valueInfo: try p.valueInfo.map { try valueInfo($0) }, docString: p.docString,
            metadata: p.metadataProps.map(metadata))
    }

    // MARK: - Tensors

    func sparseTensor(_ p: Onnx_SparseTensorProto) throws -> SparseTensor {
        SparseTensor(values: try tensor(p.values), indices: try tensor(p.indices), dims: p.dims)
    }

    /// Converts a TensorProto; `payload` is its raw_data when the wire scanner split it off.
    func tensor(_ p: Onnx_TensorProto, payload: Data? = nil) throws -> Tensor {
        let loc = KilnError.Location(value: p.name)
        let type = try elementType(p.dataType, value: p.name)
        guard type != .undefined else {
            throw KilnError(.malformedInput, "tensor '\(p.name)' has no data_type", at: loc)
        }
        guard let count = Tensor.elementCount(p.dims) else {
            throw KilnError(
                .malformedInput,
                "tensor '\(p.name)' has negative or overflowing dims \(p.dims)", at: loc)
        }
        var t = Tensor(
            name: p.name, elementType: type, shape: p.dims, docString: p.docString,
            metadata: p.metadataProps.map(metadata))
        if p.hasSegment {
            throw KilnError(
                .unsupportedFeature, "tensor '\(p.name)' is segmented; Kiln does not read segments",
                at: loc)
        }
        if p.dataLocation == .external {
            t.data = try externalData(p, type: type, count: count)
            try t.validate(location: loc)
            return t
        }
        if type == .string {
            t.strings = p.stringData
            try t.validate(location: loc)
            return t
        }
        guard let bytes = type.byteCount(elements: count), bytes <= options.maxTensorBytes else {
            throw KilnError(
                .limitExceeded,
                "tensor '\(p.name)' of \(count) elements exceeds the tensor size limit", at: loc)
        }
        if let payload {
            t.data = payload
        } else if p.hasRawData {
            t.data = p.rawData
        } else {
            t.data = try typedData(p, type: type, count: count)
        }
        try t.validate(location: loc)
        return t
    }

    /// Packs the typed repeated fields into little-endian raw bytes.
    func typedData(_ p: Onnx_TensorProto, type: ElementType, count: Int) throws -> Data {
        let loc = KilnError.Location(value: p.name)
        func mismatch(_ have: Int, _ field: String) -> KilnError {
            KilnError(
                .malformedInput,
                "tensor '\(p.name)' has \(have) values in \(field) but \(type.name)\(p.dims) needs \(count)",
                at: loc)
        }
        func pack<T>(_ values: [T]) -> Data { values.withUnsafeBytes { Data($0) } }
        switch type {
        case .float32:
            guard p.floatData.count == count else { throw mismatch(p.floatData.count, "float_data") }
            return pack(p.floatData)
        case .complex64:
            guard p.floatData.count == 2 * count else { throw mismatch(p.floatData.count / 2, "float_data") }
            return pack(p.floatData)
        case .float64:
            guard p.doubleData.count == count else { throw mismatch(p.doubleData.count, "double_data") }
            return pack(p.doubleData)
        case .complex128:
            guard p.doubleData.count == 2 * count else { throw mismatch(p.doubleData.count / 2, "double_data") }
            return pack(p.doubleData)
        case .int64:
            guard p.int64Data.count == count else { throw mismatch(p.int64Data.count, "int64_data") }
            return pack(p.int64Data)
        case .uint64:
            guard p.uint64Data.count == count else { throw mismatch(p.uint64Data.count, "uint64_data") }
            return pack(p.uint64Data)
        case .uint32:
            guard p.uint64Data.count == count else { throw mismatch(p.uint64Data.count, "uint64_data") }
            return pack(p.uint64Data.map { UInt32(truncatingIfNeeded: $0) })
        case .int32:
            guard p.int32Data.count == count else { throw mismatch(p.int32Data.count, "int32_data") }
            return pack(p.int32Data)
        case .int16, .uint16, .float16, .bfloat16:
            guard p.int32Data.count == count else { throw mismatch(p.int32Data.count, "int32_data") }
            return pack(p.int32Data.map { UInt16(truncatingIfNeeded: $0) })
        case .int8, .uint8, .bool, .float8e4m3fn, .float8e4m3fnuz, .float8e5m2, .float8e5m2fnuz,
            .float8e8m0:
            guard p.int32Data.count == count else { throw mismatch(p.int32Data.count, "int32_data") }
            return pack(p.int32Data.map { UInt8(truncatingIfNeeded: $0) })
        case .int4, .uint4, .float4e2m1, .int2, .uint2:
            // Sub-byte types: each int32_data entry holds one packed byte.
            let bytes = type.byteCount(elements: count) ?? 0
            guard p.int32Data.count == bytes else {
                throw KilnError(
                    .malformedInput,
                    "tensor '\(p.name)' has \(p.int32Data.count) packed bytes in int32_data but \(type.name)\(p.dims) needs \(bytes)",
                    at: loc)
            }
            return pack(p.int32Data.map { UInt8(truncatingIfNeeded: $0) })
        case .string, .undefined:
            return Data()
        }
    }

    /// Reads `location`/`offset`/`length` from external data, confined to the model's folder.
    func externalData(_ p: Onnx_TensorProto, type: ElementType, count: Int) throws -> Data {
        let loc = KilnError.Location(value: p.name)
        guard let root = externalDataRoot else {
            throw KilnError(
                .unsupportedFeature,
                "tensor '\(p.name)' uses external data, which is not allowed when reading from memory",
                at: loc)
        }
        guard type != .string else {
            throw KilnError(.malformedInput, "string tensor '\(p.name)' cannot use external data", at: loc)
        }
        var location: String?
        var offset = 0
        var length: Int?
        for e in p.externalData {
            switch e.key {
            case "location": location = e.value
            case "offset":
                guard let v = Int(e.value), v >= 0 else {
                    throw KilnError(.malformedInput, "tensor '\(p.name)' has a bad external data offset '\(e.value)'", at: loc)
                }
                offset = v
            case "length":
                guard let v = Int(e.value), v >= 0 else {
                    throw KilnError(.malformedInput, "tensor '\(p.name)' has a bad external data length '\(e.value)'", at: loc)
                }
                length = v
            default: break  // checksum and unknown keys are informational
            }
        }
        guard let location else {
            throw KilnError(.malformedInput, "tensor '\(p.name)' has external data without a location", at: loc)
        }
        let url: URL
        do {
            url = try MappedFile.resolveContained(location, in: root)
        } catch var e as KilnError {
            e.location.value = p.name
            throw e
        }
        externalDataLog?.record(url)
        let file: Data
        do {
            file = try MappedFile.map(
                url, maxBytes: options.maxFileBytes, allowSymlink: false, allowHardLinks: false)
        } catch let e as KilnError {
            throw KilnError(
                .malformedInput, "tensor '\(p.name)': cannot read external data '\(location)': \(e.message)",
                at: loc)
        }
        guard let need = type.byteCount(elements: count), need <= options.maxTensorBytes else {
            throw KilnError(.limitExceeded, "tensor '\(p.name)' exceeds the tensor size limit", at: loc)
        }
        let len = length ?? need
        let (end, overflow) = offset.addingReportingOverflow(len)
        guard !overflow, end <= file.count else {
            // Printed as offset + length: their sum may not fit in an Int.
            throw KilnError(
                .malformedInput,
                "tensor '\(p.name)': external data at offset \(offset) with length \(len) is past the end of '\(location)' (\(file.count) bytes)",
                at: loc)
        }
        return file[file.startIndex + offset..<file.startIndex + end]
    }
}
