import Foundation
import KilnIR
import KilnRuntime
import Testing

@testable import KilnLite

/// A `.klite` file taken apart into its sections and put back together with fresh checksums,
/// so tests can build hostile files whose every CRC is right (the reader must then catch the
/// structural problem itself, not the checksum).
struct LiteFileParts {
    struct Section {
        var kind: UInt32
        var flags: UInt32
        var bytes: [UInt8]
        /// The entry's last `u32`: the inflated length of a DEFLATE section, else 0.
        var reserved: UInt32 = 0
        var name: String { LiteFormat.SectionKind(rawValue: kind).description }
    }
    var major: UInt16 = 1
    var minor: UInt16 = 0
    var flags: UInt32 = 0
    var sections: [Section] = []

    init(_ data: Data) throws {
        let b = [UInt8](data)
        func u16(_ o: Int) -> UInt16 { UInt16(b[o]) | UInt16(b[o + 1]) << 8 }
        func u32(_ o: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(b[o + $1]) << (8 * UInt32($1)) } }
        func u64(_ o: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(b[o + $1]) << (8 * UInt64($1)) } }
        major = u16(8)
        minor = u16(10)
        flags = u32(12)
        let dir = Int(u64(24))
        for i in 0..<Int(u32(32)) {
            let e = dir + 32 * i
            let off = Int(u64(e + 8))
            let len = Int(u64(e + 16))
            var section = Section(kind: u32(e), flags: u32(e + 4), bytes: Array(b[off..<off + len]))
            // Compressed tables (format 1.1) are inflated, so tests edit plain records.
            if section.flags & LiteFormat.sectionDeflated != 0 {
                var plain = [UInt8](repeating: 0, count: Int(u32(e + 28)))
                let ok = section.bytes.withUnsafeBytes { src in
                    plain.withUnsafeMutableBytes { LiteDeflate.inflate(src, into: $0) }
                }
                guard ok else { throw KilnError(.malformedInput, "test: bad DEFLATE section") }
                section.bytes = plain
                section.flags &= ~LiteFormat.sectionDeflated
            }
            sections.append(section)
        }
        flags &= ~LiteFormat.flagDeflatedSections
    }

    subscript(_ kind: LiteFormat.SectionKind) -> [UInt8] {
        get { sections.first { $0.kind == kind.rawValue }?.bytes ?? [] }
        set {
            if let i = sections.firstIndex(where: { $0.kind == kind.rawValue }) { sections[i].bytes = newValue }
        }
    }

    /// Lays the sections out in order (WGHT 64-aligned, others 8-aligned), with valid checksums.
    /// `offsetEdits` may then change directory entries (index → (offset, length)) before the
    /// directory checksum is computed.
    func build(offsetEdits: [Int: (UInt64, UInt64)] = [:]) -> Data {
        var out = [UInt8](repeating: 0, count: 96)
        var dir = ByteWriter()
        for (i, s) in sections.enumerated() {
            let align = s.kind == LiteFormat.SectionKind.weights.rawValue ? 64 : 8
            while out.count % align != 0 { out.append(0) }
            var off = UInt64(out.count)
            var len = UInt64(s.bytes.count)
            out += s.bytes
            if let e = offsetEdits[i] { (off, len) = e }
            dir.u32(s.kind)
            dir.u32(s.flags)
            dir.u64(off)
            dir.u64(len)
            dir.u32(s.bytes.withUnsafeBytes { CRC32C.checksum($0) })
            dir.u32(s.reserved)
        }
        while out.count % 8 != 0 { out.append(0) }
        let dirOffset = out.count
        out += dir.bytes
        var h = ByteWriter()
        h.bytes += LiteFormat.magic
        h.u16(major)
        h.u16(minor)
        h.u32(flags)
        h.u64(UInt64(out.count))
        h.u64(UInt64(dirOffset))
        h.u32(UInt32(sections.count))
        h.u32(96)
        h.bytes += [UInt8](repeating: 0, count: 32)  // payload SHA: only checked with verifyWeights
        h.u32(dir.bytes.withUnsafeBytes { CRC32C.checksum($0) })
        h.zeros(16)
        h.u32(h.bytes.withUnsafeBytes { CRC32C.checksum($0) })
        out.replaceSubrange(0..<96, with: h.bytes)
        return Data(out)
    }
}

/// Little-endian field access in a section's bytes.
extension Array where Element == UInt8 {
    func u32(at o: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(self[o + $1]) << (8 * UInt32($1)) } }
    mutating func setU32(_ v: UInt32, at o: Int) {
        for i in 0..<4 { self[o + i] = UInt8((v >> (8 * UInt32(i))) & 0xFF) }
    }
    mutating func setU64(_ v: UInt64, at o: Int) {
        for i in 0..<8 { self[o + i] = UInt8((v >> (8 * UInt64(i))) & 0xFF) }
    }
}

enum LiteTestModels {
    /// A model using every IR feature Kiln Lite carries: all attribute kinds, subgraphs, sparse
    /// tensors, string tensors, symbolic dims, every value-type kind, functions, metadata,
    /// a splat, duplicate tensors, a quantized weight and special float bits.
    static func everything() -> Model {
        let w = Tensor(name: "w", shape: [2, 3], values: [Float(1), -0.0, .nan, .infinity, 5, 6])
        let splat = Tensor(name: "ones", shape: [4, 16], values: [Float](repeating: 1, count: 64))
        let dup = Tensor(name: "w_copy", shape: [2, 3], values: [Float(1), -0.0, .nan, .infinity, 5, 6])
        let q = Tensor(name: "qw", shape: [4], values: [Int8(-3), 7, 0, 127])
        let scale = Tensor(name: "qs", shape: [], values: [Float(0.5)])
        let zp = Tensor(name: "qz", shape: [], values: [Int8(1)])
        let strings = Tensor(
            name: "labels", elementType: .string, shape: [3],
            strings: [Data("a".utf8), Data([0xFF, 0x00]), Data()])
        let int4 = Tensor(name: "i4", elementType: .int4, shape: [3], data: Data([0x21, 0x03]))
        let empty = Tensor(name: "empty", elementType: .float32, shape: [0, 5])
        let sp = SparseTensor(
            values: Tensor(name: "spv", shape: [2], values: [Float(1), 2]),
            indices: Tensor(name: "spi", shape: [2], values: [Int64(0), 3]), dims: [2, 2])
        let branch = Graph(
            name: "then", outputs: [ValueInfo(name: "b", tensor: TensorType(.float32, [2, 3]))],
            nodes: [Node(opType: "Identity", inputs: ["w"], outputs: ["b"])])
        let elseBranch = Graph(
            name: "else", outputs: [ValueInfo(name: "c", tensor: TensorType(.float32, [2, 3]))],
            nodes: [
                Node(
                    opType: "Constant", inputs: [], outputs: ["c"],
                    attributes: [Attribute(name: "value", value: .tensor(dup))])
            ])
        let allKinds: [Attribute] = [
            Attribute(name: "i", value: .int(Int64.min), docString: "doc of i"),
            Attribute(name: "f", value: .float(Float(bitPattern: 0xFFC0_0001))),
            Attribute(name: "s", value: .string(Data([0xC3, 0x28]))),
            Attribute(name: "t", value: .tensor(w)),
            Attribute(name: "sp", value: .sparseTensor(sp)),
            Attribute(name: "ty", value: .type(.map(key: .int64, value: .sequence(.tensor(TensorType(.float32, shape: nil)))))),
            Attribute(name: "is", value: .ints([1, -2, .max])),
            Attribute(name: "fs", value: .floats([0.25, -0.0])),
            Attribute(name: "ss", value: .strings([Data("x".utf8), Data()])),
            Attribute(name: "ts", value: .tensors([q, strings])),
            Attribute(name: "sps", value: .sparseTensors([sp])),
            Attribute(name: "tys", value: .types([.optional(nil), .opaque(domain: "d", name: "n"), .sparseTensor(TensorType(.int8, shape: [.unknown]))])),
        ]
        var x = ValueInfo(name: "x", tensor: TensorType(.float32, shape: [.symbol("N"), .known(3)]))
        x.typeDenotation = "TENSOR"
        x.dimDenotations = ["DATA_BATCH", "DATA_CHANNEL"]
        x.metadata = [MetadataEntry(key: "k", value: "v")]
        let graph = Graph(
            name: "main", docString: "the main graph",
            inputs: [x, ValueInfo(name: "cond", tensor: TensorType(.bool, []))],
            outputs: [
                ValueInfo(name: "y", tensor: TensorType(.float32, shape: [.symbol("N"), .known(3)])),
                ValueInfo(name: "z", type: nil),
            ],
            initializers: [w, splat, dup, q, scale, zp, strings, int4, empty],
            sparseInitializers: [sp],
            nodes: [
                Node(name: "add", opType: "Add", inputs: ["x", "w"], outputs: ["y"], docString: "adds"),
                Node(
                    name: "if", opType: "If", inputs: ["cond"], outputs: ["z"],
                    attributes: [
                        Attribute(name: "then_branch", value: .graph(branch)),
                        Attribute(name: "else_branch", value: .graph(elseBranch)),
                    ]),
                Node(opType: "DequantizeLinear", inputs: ["qw", "qs", "qz"], outputs: ["dq"]),
                Node(name: "custom", opType: "MyOp", domain: "com.example", inputs: ["x", ""], outputs: ["u"], attributes: allKinds, metadata: [MetadataEntry(key: "a", value: "b")]),
                Node(opType: "Loop", inputs: ["", "cond"], outputs: [], attributes: [Attribute(name: "bodies", value: .graphs([Graph(name: "g1"), Graph(name: "g2")]))]),
                Node(opType: "Relu", domain: "ai.onnx", inputs: ["y"], outputs: ["r"]),
            ],
            valueInfo: [ValueInfo(name: "u", type: .sequence(nil)), ValueInfo(name: "dq", tensor: TensorType(.float32, shape: nil))],
            quantizationAnnotations: [
                TensorAnnotation(tensorName: "qw", quantParameterTensorNames: [MetadataEntry(key: "SCALE_TENSOR", value: "qs")])
            ],
            metadata: [MetadataEntry(key: "gk", value: "gv")])
        let fn = Function(
            name: "F", domain: "local", overload: "o", inputs: ["a"], outputs: ["b"],
            attributeNames: ["alpha"],
            attributeDefaults: [Attribute(name: "beta", value: .float(2))],
            nodes: [
                Node(
                    opType: "LeakyRelu", inputs: ["a"], outputs: ["b"],
                    attributes: [Attribute(name: "alpha", value: .float(0), referenceName: "alpha")])
            ],
            opsetImports: [OpsetImport(domain: "", version: 21)],
            valueInfo: [ValueInfo(name: "b", tensor: TensorType(.float32, shape: [.unknown]))],
            docString: "fn doc", metadata: [MetadataEntry(key: "fk", value: "fv")])
        return Model(
            irVersion: 10,
            opsetImports: [OpsetImport(domain: "", version: 21), OpsetImport(domain: "local", version: 1)],
            producerName: "test", producerVersion: "1", domain: "d", modelVersion: 7,
            docString: "model doc", metadata: [MetadataEntry(key: "mk", value: "mv")],
            graph: graph, functions: [fn])
    }

    /// The IR with the fields Kiln Lite deliberately drops cleared (spec §6).
    static func liteView(_ m: Model) -> Model {
        var m = m
        m.trainingInfo = []
        m.deviceConfigurations = []
        func clean(_ g: inout Graph) {
            for i in g.nodes.indices {
                g.nodes[i].deviceConfigurations = []
                for j in g.nodes[i].attributes.indices {
                    switch g.nodes[i].attributes[j].value {
                    case .graph(var s):
                        clean(&s)
                        g.nodes[i].attributes[j].value = .graph(s)
                    case .graphs(var gs):
                        for k in gs.indices { clean(&gs[k]) }
                        g.nodes[i].attributes[j].value = .graphs(gs)
                    default: break
                    }
                }
            }
        }
        clean(&m.graph)
        for f in m.functions.indices {
            for n in m.functions[f].nodes.indices { m.functions[f].nodes[n].deviceConfigurations = [] }
        }
        return m
    }

    /// Seeded random inputs for every float32/int64/bool runtime input; `nil` when a model needs
    /// another kind of input.
    static func randomFeeds(_ graph: Graph, seed: UInt64) -> [String: Value]? {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var feeds: [String: Value] = [:]
        for info in graph.runtimeInputs {
            guard case .tensor(let tt)? = info.type, let dims = tt.shape else { return nil }
            let shape = dims.map { $0.value ?? 2 }
            guard let n = Tensor.elementCount(shape) else { return nil }
            switch tt.elementType {
            case .float32:
                feeds[info.name] = .tensor(Tensor(name: info.name, shape: shape, values: (0..<n).map { _ in Float(next() % 2000) / 1000 - 1 }))
            case .int64:
                feeds[info.name] = .tensor(Tensor(name: info.name, shape: shape, values: (0..<n).map { _ in Int64(next() % 3) }))
            case .bool:
                feeds[info.name] = .tensor(Tensor(name: info.name, shape: shape, values: (0..<n).map { _ in next() & 1 == 1 }))
            default: return nil
            }
        }
        return feeds
    }
}

/// Reads `data` and returns the `KilnError` it must throw; records an issue when the file is
/// accepted or fails with anything else. Shared by the hostile-file suites.
@discardableResult
func expectRejected(
    _ data: Data, options: LiteReader.Options = .init(), _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
) -> KilnError? {
    do {
        _ = try LiteReader(options: options).read(data)
        Issue.record("\(what): a hostile file was accepted", sourceLocation: sourceLocation)
    } catch let e as KilnError {
        return e
    } catch {
        Issue.record("\(what): threw \(error), not a KilnError", sourceLocation: sourceLocation)
    }
    return nil
}
