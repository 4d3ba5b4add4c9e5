import Foundation
import KilnIR
import SwiftProtobuf

/// Writes Kiln IR as an ONNX `ModelProto`.
///
/// Fixed-size tensors are always written as `raw_data` (strings as `string_data`). Large
/// main-graph initializers are streamed to disk from their (possibly memory-mapped) storage
/// instead of being copied into one serialized buffer. Models whose weights would push the
/// protobuf past its 2 GiB limit, or when asked, put weights in an external data file next to
/// the model. Output is deterministic: the same model and options give byte-identical files.
public struct ONNXWriter: Sendable {
    /// Where tensor payloads go.
    public enum ExternalData: Sendable, Equatable {
        /// Inline unless the model would exceed protobuf's 2 GiB limit.
        case automatic
        /// Never use external data (fails for models above 2 GiB).
        case never
        /// Initializers of at least this many bytes go to the external data file.
        case above(Int)
    }

    public struct Options: Sendable {
        public var externalData: ExternalData = .automatic
        /// Alignment of each tensor in the external data file (bytes, power of two).
        public var externalAlignment: Int = 64
        public init() {}
    }

    public var options: Options
    public init(options: Options = Options()) { self.options = options }

    /// Protobuf's hard limit for one message.
    static let protobufLimit = Int(Int32.max)
    /// Payloads at least this big are streamed rather than copied into the proto.
    static let streamThreshold = 4096

    /// Serializes the model into one buffer (never uses external data).
    public func serialize(_ model: Model) throws -> Data {
        var out = Data()
        for piece in try plan(model, externalFileName: nil).modelPieces { out.append(piece) }
        return out
    }

    /// Writes the model to `url` (and `<name>.data` beside it when external data is used), each
    /// atomically. Returns the URLs written.
    @discardableResult
    public func write(_ model: Model, to url: URL) throws -> [URL] {
        let dataName = url.lastPathComponent + ".data"
        let result = try plan(model, externalFileName: dataName)
        var written: [URL] = []
        if !result.externalPieces.isEmpty {
            let dataURL = url.deletingLastPathComponent().appendingPathComponent(dataName)
            try AtomicFile.write(result.externalPieces, to: dataURL)
            written.append(dataURL)
        }
        try AtomicFile.write(result.modelPieces, to: url)
        written.append(url)
        return written
    }

    struct Plan {
        var modelPieces: [Data]
        var externalPieces: [Data]
    }

    func plan(_ model: Model, externalFileName: String?) throws -> Plan {
        let inits = model.graph.initializers
        let totalWeights = inits.reduce(0) { $0 + $1.byteCount }
        var externalThreshold: Int?
        switch options.externalData {
        case .never: externalThreshold = nil
        case .above(let n): externalThreshold = max(0, n)
        case .automatic:
            // Leave headroom for the graph structure.
            externalThreshold = totalWeights > ONNXWriter.protobufLimit - (64 << 20) ? 1024 : nil
        }
        if externalFileName == nil { externalThreshold = nil }

        var exporter = ExportContext()
        var modelProto = try exporter.model(model, includeInitializers: false)
        var graphProto = modelProto.graph
        modelProto.clearGraph()

        // Initializers: serialize each without its big payload, then splice the payload in.
        var graphTail: [Data] = []
        var external: [Data] = []
        var externalOffset = 0
        for t in inits {
            var proto = try exporter.tensor(t, includePayload: false)
            var payload: Data? = nil
            let isBig = t.elementType != .string
            if isBig, let threshold = externalThreshold, t.data.count >= threshold,
                let name = externalFileName
            {
                let align = max(1, options.externalAlignment)
                let pad = (align - externalOffset % align) % align
                if pad > 0 { external.append(Data(count: pad)) }
                externalOffset += pad
                proto.dataLocation = .external
                proto.externalData = [
                    .with { $0.key = "location"; $0.value = name },
                    .with { $0.key = "offset"; $0.value = String(externalOffset) },
                    .with { $0.key = "length"; $0.value = String(t.data.count) },
                ]
                external.append(t.data)
                externalOffset += t.data.count
            } else if isBig && t.data.count >= ONNXWriter.streamThreshold {
                payload = t.data
            } else if isBig {
                proto.rawData = t.data
            }
            let head = try proto.serializedBytes() as Data
            var tensorLength = head.count
            var rawHeader = Data()
            if let payload {
                rawHeader = ProtoWire.header(field: 9, length: payload.count)
                tensorLength += rawHeader.count + payload.count
            }
            graphTail.append(ProtoWire.header(field: 5, length: tensorLength))
            graphTail.append(head)
            if let payload {
                graphTail.append(rawHeader)
                graphTail.append(payload)
            }
        }
        graphProto.initializer = []
        let graphHead = try graphProto.serializedBytes() as Data
        let graphLength = graphHead.count + graphTail.reduce(0) { $0 + $1.count }
        let modelHead = try modelProto.serializedBytes() as Data
        let total = modelHead.count + graphLength + 16
        guard total <= ONNXWriter.protobufLimit else {
            throw KilnError(
                .limitExceeded,
                "the model needs \(total) bytes, above protobuf's 2 GiB limit; write it with external data")
        }
        var pieces: [Data] = [modelHead, ProtoWire.header(field: 7, length: graphLength), graphHead]
        pieces.append(contentsOf: graphTail)
        return Plan(modelPieces: pieces, externalPieces: external)
    }
}

/// Converts IR to protobuf messages.
struct ExportContext {
    func model(_ m: Model, includeInitializers: Bool) throws -> Onnx_ModelProto {
        var p = Onnx_ModelProto()
        p.irVersion = m.irVersion
        p.opsetImport = m.opsetImports.map { o in
            .with {
                $0.domain = o.domain
                $0.version = o.version
            }
        }
        if !m.producerName.isEmpty { p.producerName = m.producerName }
        if !m.producerVersion.isEmpty { p.producerVersion = m.producerVersion }
        if !m.domain.isEmpty { p.domain = m.domain }
        if m.modelVersion != 0 { p.modelVersion = m.modelVersion }
        if !m.docString.isEmpty { p.docString = m.docString }
        p.metadataProps = m.metadata.map(entry)
        p.graph = try graph(m.graph, includeInitializers: includeInitializers)
        p.functions = try m.functions.map(function)
        p.trainingInfo = try m.trainingInfo.map { t in
            var x = Onnx_TrainingInfoProto()
            if let g = t.initialization { x.initialization = try graph(g) }
            if let g = t.algorithm { x.algorithm = try graph(g) }
            x.initializationBinding = t.initializationBinding.map(entry)
            x.updateBinding = t.updateBinding.map(entry)
            return x
        }
        p.configuration = m.deviceConfigurations.map { d in
            var x = Onnx_DeviceConfigurationProto()
            x.name = d.name
            x.numDevices = d.numDevices
            x.device = d.devices
            return x
        }
        return p
    }

    func entry(_ e: MetadataEntry) -> Onnx_StringStringEntryProto {
        .with {
            $0.key = e.key
            $0.value = e.value
        }
    }

    func graph(_ g: Graph, includeInitializers: Bool = true) throws -> Onnx_GraphProto {
        var p = Onnx_GraphProto()
        p.name = g.name
        if !g.docString.isEmpty { p.docString = g.docString }
        p.input = g.inputs.map(valueInfo)
        p.output = g.outputs.map(valueInfo)
        p.valueInfo = g.valueInfo.map(valueInfo)
        if includeInitializers {
            p.initializer = try g.initializers.map { try tensor($0, includePayload: true) }
        }
        p.sparseInitializer = try g.sparseInitializers.map(sparseTensor)
        p.node = try g.nodes.map(node)
        p.quantizationAnnotation = g.quantizationAnnotations.map { a in
            .with {
                $0.tensorName = a.tensorName
                $0.quantParameterTensorNames = a.quantParameterTensorNames.map(entry)
            }
        }
        p.metadataProps = g.metadata.map(entry)
        return p
    }

    func node(_ n: Node) throws -> Onnx_NodeProto {
        var p = Onnx_NodeProto()
        p.input = n.inputs
        p.output = n.outputs
        if !n.name.isEmpty { p.name = n.name }
        p.opType = n.opType
        if !n.domain.isEmpty { p.domain = n.domain }
        if !n.overload.isEmpty { p.overload = n.overload }
        p.attribute = try n.attributes.map(attribute)
        if !n.docString.isEmpty { p.docString = n.docString }
        p.metadataProps = n.metadata.map(entry)
        p.deviceConfigurations = try n.deviceConfigurations.map { bytes in
            do {
                return try Onnx_NodeDeviceConfigurationProto(serializedBytes: bytes)
            } catch {
                throw KilnError(
                    .malformedInput,
                    "node '\(n.name)' has a device configuration that is not a valid NodeDeviceConfigurationProto",
                    at: .init(node: n.name))
            }
        }
        return p
    }

    func valueInfo(_ v: ValueInfo) -> Onnx_ValueInfoProto {
        var p = Onnx_ValueInfoProto()
        p.name = v.name
        if let t = v.type {
            p.type = typeProto(t)
            if !v.typeDenotation.isEmpty { p.type.denotation = v.typeDenotation }
            if !v.dimDenotations.isEmpty {
                func denote(_ shape: inout Onnx_TensorShapeProto) {
                    for i in shape.dim.indices where i < v.dimDenotations.count
                        && !v.dimDenotations[i].isEmpty
                    {
                        shape.dim[i].denotation = v.dimDenotations[i]
                    }
                }
                switch p.type.value {
                case .tensorType(var x)?:
                    denote(&x.shape)
                    p.type.value = .tensorType(x)
                case .sparseTensorType(var x)?:
                    denote(&x.shape)
                    p.type.value = .sparseTensorType(x)
                default: break
                }
            }
        }
        if !v.docString.isEmpty { p.docString = v.docString }
        p.metadataProps = v.metadata.map(entry)
        return p
    }

    func shapeProto(_ dims: [Dim]) -> Onnx_TensorShapeProto {
        var s = Onnx_TensorShapeProto()
        s.dim = dims.map { d in
            var dim = Onnx_TensorShapeProto.Dimension()
            switch d {
            case .known(let v): dim.value = .dimValue(v)
            case .symbol(let name): dim.value = .dimParam(name)
            case .unknown: break
            }
            return dim
        }
        return s
    }

    func typeProto(_ t: ValueType) -> Onnx_TypeProto {
        var p = Onnx_TypeProto()
        switch t {
        case .tensor(let tt):
            var x = Onnx_TypeProto.Tensor()
            x.elemType = tt.elementType.rawValue
            if let s = tt.shape { x.shape = shapeProto(s) }
            p.value = .tensorType(x)
        case .sparseTensor(let tt):
            var x = Onnx_TypeProto.SparseTensor()
            x.elemType = tt.elementType.rawValue
            if let s = tt.shape { x.shape = shapeProto(s) }
            p.value = .sparseTensorType(x)
        case .sequence(let e):
            var x = Onnx_TypeProto.Sequence()
            if let e { x.elemType = typeProto(e) }
            p.value = .sequenceType(x)
        case .optional(let e):
            var x = Onnx_TypeProto.Optional()
            if let e { x.elemType = typeProto(e) }
            p.value = .optionalType(x)
        case .map(let k, let v):
            var x = Onnx_TypeProto.Map()
            x.keyType = k.rawValue
            if let v { x.valueType = typeProto(v) }
            p.value = .mapType(x)
        case .opaque(let d, let n):
            var x = Onnx_TypeProto.Opaque()
            x.domain = d
            x.name = n
            p.value = .opaqueType(x)
        }
        return p
    }

    func attribute(_ a: Attribute) throws -> Onnx_AttributeProto {
        var p = Onnx_AttributeProto()
        p.name = a.name
        if let r = a.referenceName { p.refAttrName = r }
        if !a.docString.isEmpty { p.docString = a.docString }
        switch a.value {
        case .int(let v): p.type = .int; p.i = v
        case .float(let v): p.type = .float; p.f = v
        case .string(let v): p.type = .string; p.s = v
        case .tensor(let t): p.type = .tensor; p.t = try tensor(t, includePayload: true)
        case .graph(let g): p.type = .graph; p.g = try graph(g)
        case .sparseTensor(let s): p.type = .sparseTensor; p.sparseTensor = try sparseTensor(s)
        case .type(let t): p.type = .typeProto; p.tp = typeProto(t)
        case .ints(let v): p.type = .ints; p.ints = v
        case .floats(let v): p.type = .floats; p.floats = v
        case .strings(let v): p.type = .strings; p.strings = v
        case .tensors(let v): p.type = .tensors; p.tensors = try v.map { try tensor($0, includePayload: true) }
        case .graphs(let v): p.type = .graphs; p.graphs = try v.map { try graph($0) }
        case .sparseTensors(let v): p.type = .sparseTensors; p.sparseTensors = try v.map(sparseTensor)
        case .types(let v): p.type = .typeProtos; p.typeProtos = v.map(typeProto)
        }
        return p
    }

    func sparseTensor(_ s: SparseTensor) throws -> Onnx_SparseTensorProto {
        var p = Onnx_SparseTensorProto()
        p.values = try tensor(s.values, includePayload: true)
        p.indices = try tensor(s.indices, includePayload: true)
        p.dims = s.dims
        return p
    }

    func tensor(_ t: Tensor, includePayload: Bool) throws -> Onnx_TensorProto {
        var p = Onnx_TensorProto()
        p.dims = t.shape
        p.dataType = t.elementType.rawValue
        if !t.name.isEmpty { p.name = t.name }
        if !t.docString.isEmpty { p.docString = t.docString }
        p.metadataProps = t.metadata.map(entry)
        if t.elementType == .string {
            p.stringData = t.strings
        } else if includePayload {
            p.rawData = t.data
        }
        return p
    }

    func function(_ f: Function) throws -> Onnx_FunctionProto {
        var p = Onnx_FunctionProto()
        p.name = f.name
        p.domain = f.domain
        if !f.overload.isEmpty { p.overload = f.overload }
        p.input = f.inputs
        p.output = f.outputs
        p.attribute = f.attributeNames
        p.attributeProto = try f.attributeDefaults.map(attribute)
        p.node = try f.nodes.map(node)
        p.opsetImport = f.opsetImports.map { o in
            .with {
                $0.domain = o.domain
                $0.version = o.version
            }
        }
        p.valueInfo = f.valueInfo.map(valueInfo)
        if !f.docString.isEmpty { p.docString = f.docString }
        p.metadataProps = f.metadata.map(entry)
        return p
    }
}
