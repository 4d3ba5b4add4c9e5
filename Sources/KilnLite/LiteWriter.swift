import Crypto
import Foundation
import KilnIR

/// Writes a `Model` as a Kiln Lite file (`schemas/kiln-lite.md`).
///
/// ```
/// Model ──encode──▶ small tables in memory (strings, records, pools)
///   │                 + a weight plan: unique byte strings, 64-byte aligned offsets
///   └── weights ──stream──▶ [header][WGHT ......][tables][directory] ──▶ temp file ──rename──▶ OUT
///         (read from their memory-mapped source in chunks, hashed and checksummed on the way)
/// ```
/// Memory stays O(metadata): weights are never copied into the writer, and pages already
/// written are handed back to the kernel, so converting a model larger than memory works.
/// Same model + options ⇒ same bytes.
public struct LiteWriter: Sendable {
    /// What to write besides the model.
    public struct Options: Sendable {
        /// Drop doc strings (graph, node, tensor, value, attribute, function, model).
        public var stripDocStrings: Bool = false
        /// Store identical tensors' bytes once.
        public var deduplicate: Bool = true
        /// Store a tensor whose elements are all equal as one element.
        public var splats: Bool = true
        /// Extra `META` entries (Kiln writes `producer` and `kiln_version` first).
        public var metadata: [MetadataEntry] = []
        /// The Kiln version recorded in `META`.
        public var kilnVersion: String = "0.1.0"
        /// Store the structural tables (not the weights) DEFLATE-compressed where that is
        /// smaller (format 1.1); false writes a 1.0 file whose tables can be mapped as they are.
        public var compressTables: Bool = true

        public init(
            stripDocStrings: Bool = false, deduplicate: Bool = true, splats: Bool = true,
            metadata: [MetadataEntry] = [], kilnVersion: String = "0.1.0",
            compressTables: Bool = true
        ) {
            self.stripDocStrings = stripDocStrings
            self.deduplicate = deduplicate
            self.splats = splats
            self.metadata = metadata
            self.kilnVersion = kilnVersion
            self.compressTables = compressTables
        }
    }

    public var options: Options
    public init(options: Options = .init()) { self.options = options }

    /// Writes `model` to `url` atomically (temp file + rename), streaming the weights.
    public func write(_ model: Model, to url: URL) throws {
        let encoder = try LiteEncoder(options: options, model: model)
        let stream = try AtomicFile.Stream(to: url)
        try encoder.emit(to: FileSink(stream: stream))
        try stream.commit()
    }

    /// The file's bytes in memory (for tests and small models).
    public func serialize(_ model: Model) throws -> Data {
        let encoder = try LiteEncoder(options: options, model: model)
        let sink = MemorySink()
        try encoder.emit(to: sink)
        return Data(sink.bytes)
    }

    /// Lower-case hex SHA-256 of a file, read through a memory mapping (for `source_sha256`).
    public static func sha256Hex(of url: URL) throws -> String {
        let data = try MappedFile.map(url)
        var h = SHA256()
        data.withUnsafeBytes { raw in
            var off = 0
            while off < raw.count {
                let chunk = UnsafeRawBufferPointer(rebasing: raw[off..<min(raw.count, off + (64 << 20))])
                h.update(bufferPointer: chunk)
                AtomicFile.releasePages(chunk)
                off += chunk.count
            }
        }
        return h.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

// MARK: - Sinks

protocol LiteSink: AnyObject {
    var position: Int { get }
    func write(_ bytes: UnsafeRawBufferPointer) throws
    func patch(_ bytes: [UInt8], at offset: Int) throws
}

final class FileSink: LiteSink {
    let stream: AtomicFile.Stream
    init(stream: AtomicFile.Stream) { self.stream = stream }
    var position: Int { stream.position }
    func write(_ bytes: UnsafeRawBufferPointer) throws { try stream.write(bytes) }
    func patch(_ bytes: [UInt8], at offset: Int) throws { try stream.patch(bytes, at: offset) }
}

final class MemorySink: LiteSink {
    var bytes: [UInt8] = []
    var position: Int { bytes.count }
    func write(_ b: UnsafeRawBufferPointer) throws { bytes.append(contentsOf: b) }
    func patch(_ b: [UInt8], at offset: Int) throws {
        bytes.replaceSubrange(offset..<offset + b.count, with: b)
    }
}

// MARK: - Tables

/// A record table under construction: fixed-size little-endian records.
struct RecordTable {
    let kind: LiteFormat.SectionKind
    let recordSize: Int
    var bytes: [UInt8] = []
    var count: UInt32 { UInt32(bytes.count / recordSize) }

    init(_ kind: LiteFormat.SectionKind) {
        self.kind = kind
        recordSize = LiteFormat.recordSizes[kind] ?? 0
    }

    /// Appends `n` zeroed records and returns the index of the first.
    mutating func reserve(_ n: Int) -> UInt32 {
        let start = count
        bytes.append(contentsOf: repeatElement(0, count: n * recordSize))
        return start
    }

    mutating func set(_ index: UInt32, _ w: ByteWriter) {
        precondition(w.bytes.count == recordSize, "\(kind) record is \(w.bytes.count) bytes")
        let o = Int(index) * recordSize
        bytes.replaceSubrange(o..<o + recordSize, with: w.bytes)
    }

    mutating func append(_ w: ByteWriter) -> UInt32 {
        let i = reserve(1)
        set(i, w)
        return i
    }

    mutating func patchU32(_ index: UInt32, field: Int, _ v: UInt32) {
        let o = Int(index) * recordSize + field
        for i in 0..<4 { bytes[o + i] = UInt8((v >> (8 * UInt32(i))) & 0xFF) }
    }

    /// The section bytes: table header + records.
    var section: [UInt8] {
        var w = ByteWriter()
        w.u32(count)
        w.u32(UInt32(recordSize))
        return w.bytes + bytes
    }
}

// MARK: - Encoder

/// Turns a model into Kiln Lite tables plus a weight plan, then emits the file.
final class LiteEncoder {
    let options: LiteWriter.Options
    var strings: [Data] = [Data()]
    var stringIndex: [Data: UInt32] = [Data(): 0]
    var i64s: [Int64] = []
    var u32s: [UInt32] = []
    var types = RecordTable(.types)
    var typeIndex: [ValueType: UInt32] = [:]
    var tensors = RecordTable(.tensors)
    var sparse = RecordTable(.sparseTensors)
    var quant = RecordTable(.quantization)
    var vals = RecordTable(.valueInfos)
    var attrs = RecordTable(.attributes)
    var nodes = RecordTable(.nodes)
    var graphs = RecordTable(.graphs)
    var functions = RecordTable(.functions)
    var modelTable = RecordTable(.model)
    var meta = RecordTable(.metadata)

    /// Unique weight byte strings in file order, with their offsets in `WGHT`.
    var blobs: [(data: Data, offset: UInt64)] = []
    var weightsLength: UInt64 = 0
    var blobByDigest: [Data: UInt64] = [:]

    init(options: LiteWriter.Options, model: Model) throws {
        self.options = options
        try encodeModel(model)
    }

    // MARK: Strings and pools

    func str(_ s: String) -> UInt32 { bytes(Data(s.utf8)) }
    func doc(_ s: String) -> UInt32 { options.stripDocStrings ? 0 : str(s) }

    func bytes(_ d: Data) -> UInt32 {
        if let i = stringIndex[d] { return i }
        let i = UInt32(strings.count)
        strings.append(d)
        stringIndex[d] = i
        return i
    }

    func pool(_ values: [UInt32]) -> (UInt32, UInt32) {
        let start = UInt32(u32s.count)
        u32s.append(contentsOf: values)
        return (values.isEmpty ? 0 : start, UInt32(values.count))
    }

    func pool(_ values: [Int64]) -> (UInt32, UInt32) {
        let start = UInt32(i64s.count)
        i64s.append(contentsOf: values)
        return (values.isEmpty ? 0 : start, UInt32(values.count))
    }

    func pairs(_ md: [MetadataEntry]) -> (UInt32, UInt32) {
        var flat: [UInt32] = []
        flat.reserveCapacity(md.count * 2)
        for e in md {
            flat.append(str(e.key))
            flat.append(str(e.value))
        }
        let r = pool(flat)
        return (r.0, UInt32(md.count))
    }

    func opsets(_ o: [OpsetImport]) -> (UInt32, UInt32) {
        var flat: [Int64] = []
        for e in o {
            flat.append(Int64(str(e.domain)))
            flat.append(e.version)
        }
        let r = pool(flat)
        return (r.0, UInt32(o.count))
    }

    // MARK: Types and values

    func type(_ t: ValueType) -> UInt32 {
        if let i = typeIndex[t] { return i }
        var w = ByteWriter()
        func shaped(_ kind: LiteFormat.TypeKind, _ tt: TensorType) {
            w.u8(kind.rawValue)
            w.u8(UInt8(truncatingIfNeeded: tt.elementType.rawValue))
            if let shape = tt.shape {
                var flat: [Int64] = []
                for d in shape {
                    switch d {
                    case .known(let v): flat += [LiteFormat.DimTag.known.rawValue, v]
                    case .symbol(let s): flat += [LiteFormat.DimTag.symbol.rawValue, Int64(str(s))]
                    case .unknown: flat += [LiteFormat.DimTag.unknown.rawValue, 0]
                    }
                }
                let r = pool(flat)
                w.u8(1)
                w.u8(0)
                w.u32(r.0)
                w.u32(UInt32(shape.count))
            } else {
                w.u8(0)
                w.u8(0)
                w.u32(0)
                w.u32(0)
            }
            w.u32(0)
        }
        func inner(_ kind: LiteFormat.TypeKind, _ elem: UInt8, _ t: ValueType?) {
            let i = t.map { type($0) }  // children first: inner index < this index
            w.u8(kind.rawValue)
            w.u8(elem)
            w.u8(i == nil ? 0 : 2)
            w.u8(0)
            w.u32(i ?? 0)
            w.u32(0)
            w.u32(0)
        }
        switch t {
        case .tensor(let tt): shaped(.tensor, tt)
        case .sparseTensor(let tt): shaped(.sparseTensor, tt)
        case .sequence(let e): inner(.sequence, 0, e)
        case .optional(let e): inner(.optional, 0, e)
        case .map(let k, let v): inner(.map, UInt8(truncatingIfNeeded: k.rawValue), v)
        case .opaque(let d, let n):
            let (ds, ns) = (str(d), str(n))
            w.u8(LiteFormat.TypeKind.opaque.rawValue)
            w.u8(0)
            w.u8(0)
            w.u8(0)
            w.u32(ds)
            w.u32(ns)
            w.u32(0)
        }
        let i = types.append(w)
        typeIndex[t] = i
        return i
    }

    func valueInfoRecord(_ v: ValueInfo) -> ByteWriter {
        var w = ByteWriter()
        w.u32(str(v.name))
        w.u32(v.type.map { type($0) } ?? LiteFormat.none)
        w.u32(doc(v.docString))
        w.u32(str(v.typeDenotation))
        w.range(pool(v.dimDenotations.map { str($0) }))
        w.range(pairs(v.metadata))
        return w
    }

    func valueInfos(_ list: [ValueInfo]) -> (UInt32, UInt32) {
        let recs = list.map { valueInfoRecord($0) }
        let start = vals.count
        for r in recs { _ = vals.append(r) }
        return (list.isEmpty ? 0 : start, UInt32(list.count))
    }

    // MARK: Tensors and weights

    /// Places `data` in the weights region (deduplicated) and returns its offset.
    func place(_ data: Data) -> UInt64 {
        if data.isEmpty { return 0 }
        var key: Data?
        if options.deduplicate {
            let digest = data.withUnsafeBytes { raw -> Data in
                var h = SHA256()
                var off = 0
                while off < raw.count {
                    let chunk = UnsafeRawBufferPointer(rebasing: raw[off..<min(raw.count, off + (64 << 20))])
                    h.update(bufferPointer: chunk)
                    AtomicFile.releasePages(chunk)
                    off += chunk.count
                }
                return Data(h.finalize())
            }
            // The length is part of the key, so equal digests of different sizes never merge.
            var k = digest
            withUnsafeBytes(of: UInt64(data.count).littleEndian) { k.append(contentsOf: $0) }
            if let o = blobByDigest[k] { return o }
            key = k
        }
        let align = UInt64(LiteFormat.weightAlignment)
        let offset = (weightsLength + align - 1) / align * align
        blobs.append((data, offset))
        weightsLength = offset + UInt64(data.count)
        if let key { blobByDigest[key] = offset }
        return offset
    }

    /// True when every element of `data` equals the first (period `size`).
    static func isSplat(_ data: Data, elementSize size: Int) -> Bool {
        guard size > 0, data.count >= 2 * size, data.count % size == 0 else { return false }
        return data.withUnsafeBytes { raw in
            guard let b = raw.baseAddress else { return false }
            return memcmp(b + size, b, raw.count - size) == 0
        }
    }

    func tensor(_ t: Tensor) throws -> UInt32 {
        try t.validate(location: .init(value: t.name))
        var storage = LiteFormat.Storage.dense
        var offset: UInt64 = 0
        var length: UInt64 = 0
        if t.elementType == .string {
            storage = .strings
            let r = pool(t.strings.map { bytes($0) })
            offset = UInt64(r.0)
            length = UInt64(r.1)
        } else {
            let bits = t.elementType.bitWidth ?? 0
            if options.splats, bits >= 8, bits % 8 == 0,
                LiteEncoder.isSplat(t.data, elementSize: bits / 8)
            {
                storage = .splat
                let one = t.data.prefix(bits / 8)
                offset = place(Data(one))
                length = UInt64(bits / 8)
            } else {
                offset = place(t.data)
                length = UInt64(t.data.count)
            }
        }
        let dims = pool(t.shape)
        var w = ByteWriter()
        w.u32(str(t.name))
        w.u32(doc(t.docString))
        w.u8(UInt8(truncatingIfNeeded: t.elementType.rawValue))
        w.u8(storage.rawValue)
        w.u16(0)
        w.u32(LiteFormat.none)
        w.range(dims)
        w.u64(offset)
        w.u64(length)
        w.range(pairs(t.metadata))
        return tensors.append(w)
    }

    func sparseTensor(_ s: SparseTensor) throws -> UInt32 {
        let v = try tensor(s.values)
        let i = try tensor(s.indices)
        var w = ByteWriter()
        w.u32(v)
        w.u32(i)
        w.range(pool(s.dims))
        return sparse.append(w)
    }

    // MARK: Attributes, nodes, graphs

    func attribute(_ a: Attribute) throws -> ByteWriter {
        var value: UInt64 = 0
        var list: (UInt32, UInt32) = (0, 0)
        switch a.value {
        case .int(let v): value = UInt64(bitPattern: v)
        case .float(let v): value = UInt64(v.bitPattern)
        case .string(let d): value = UInt64(bytes(d))
        case .tensor(let t): value = UInt64(try tensor(t))
        case .graph(let g): value = UInt64(try graph(g))
        case .sparseTensor(let s): value = UInt64(try sparseTensor(s))
        case .type(let t): value = UInt64(type(t))
        case .ints(let v): list = pool(v)
        case .floats(let v): list = pool(v.map(\.bitPattern))
        case .strings(let v): list = pool(v.map { bytes($0) })
        case .tensors(let v): list = pool(try v.map { try tensor($0) })
        case .graphs(let v): list = pool(try v.map { try graph($0) })
        case .sparseTensors(let v): list = pool(try v.map { try sparseTensor($0) })
        case .types(let v): list = pool(v.map { type($0) })
        }
        var w = ByteWriter()
        w.u32(str(a.name))
        w.u32(a.referenceName.map { str($0) } ?? 0)
        w.u32(doc(a.docString))
        w.u8(UInt8(truncatingIfNeeded: a.value.kind.rawValue))
        w.u8(a.referenceName == nil ? 0 : 1)
        w.u16(0)
        w.u64(value)
        w.range(list)
        return w
    }

    func attributes(_ list: [Attribute]) throws -> (UInt32, UInt32) {
        let start = attrs.reserve(list.count)
        for (i, a) in list.enumerated() { attrs.set(start + UInt32(i), try attribute(a)) }
        return (list.isEmpty ? 0 : start, UInt32(list.count))
    }

    func nodeRecord(_ n: Node) throws -> ByteWriter {
        let code = LiteFormat.opCodeByName[n.domain + "\u{0}" + n.opType]
        var w = ByteWriter()
        w.u32(code ?? 0)
        w.u32(str(n.name))
        w.u32(code == nil ? str(n.opType) : 0)
        w.u32(code == nil ? str(n.domain) : 0)
        w.u32(str(n.overload))
        w.u32(doc(n.docString))
        w.range(pool(n.inputs.map { str($0) }))
        w.range(pool(n.outputs.map { str($0) }))
        w.range(try attributes(n.attributes))
        w.range(pairs(n.metadata))
        return w
    }

    func nodeList(_ list: [Node]) throws -> (UInt32, UInt32) {
        let start = nodes.reserve(list.count)
        for (i, n) in list.enumerated() { nodes.set(start + UInt32(i), try nodeRecord(n)) }
        return (list.isEmpty ? 0 : start, UInt32(list.count))
    }

    func graph(_ g: Graph) throws -> UInt32 {
        let index = graphs.reserve(1)
        let inputs = valueInfos(g.inputs)
        let outputs = valueInfos(g.outputs)
        let valueInfo = valueInfos(g.valueInfo)
        let initIndices = try g.initializers.map { try tensor($0) }
        let initializers = pool(initIndices)
        let sparseInits = pool(try g.sparseInitializers.map { try sparseTensor($0) })
        let nodeRange = try nodeList(g.nodes)
        var ann: [UInt32] = []
        for a in g.quantizationAnnotations {
            ann.append(str(a.tensorName))
            ann.append(UInt32(a.quantParameterTensorNames.count))
            for e in a.quantParameterTensorNames {
                ann.append(str(e.key))
                ann.append(str(e.value))
            }
        }
        let annRange = pool(ann)
        attachQuantization(g, initializerIndices: initIndices)
        var w = ByteWriter()
        w.u32(str(g.name))
        w.u32(doc(g.docString))
        w.range(inputs)
        w.range(outputs)
        w.range(valueInfo)
        w.range(initializers)
        w.range(sparseInits)
        w.range(nodeRange)
        w.range((annRange.0, UInt32(g.quantizationAnnotations.count)))
        w.range(pairs(g.metadata))
        w.zeros(8)
        graphs.set(index, w)
        return index
    }

    /// `QUNT` records for initializers dequantized by `DequantizeLinear` with constant parameters.
    func attachQuantization(_ g: Graph, initializerIndices: [UInt32]) {
        var byName: [String: (UInt32, Tensor)] = [:]
        for (t, i) in zip(g.initializers, initializerIndices) where byName[t.name] == nil {
            byName[t.name] = (i, t)
        }
        var done = Set<UInt32>()
        for n in g.nodes where n.opType == "DequantizeLinear" && n.inputs.count >= 2 {
            guard let (x, _) = byName[n.inputs[0]], !done.contains(x),
                let (scale, scaleTensor) = byName[n.inputs[1]]
            else { continue }
            let zp = n.inputs.count > 2 && !n.inputs[2] .isEmpty ? byName[n.inputs[2]]?.0 : nil
            if n.inputs.count > 2, !n.inputs[2].isEmpty, zp == nil { continue }
            var w = ByteWriter()
            w.u32(scale)
            w.u32(zp ?? LiteFormat.none)
            w.u32(UInt32(bitPattern: Int32(truncatingIfNeeded: n.attribute("axis")?.int ?? 1)))
            w.u32((scaleTensor.elementCount ?? 1) > 1 ? 1 : 0)
            let q = quant.append(w)
            tensors.patchU32(x, field: 12, q)
            done.insert(x)
        }
    }

    func function(_ f: Function) throws {
        let index = functions.reserve(1)
        var w = ByteWriter()
        w.u32(str(f.name))
        w.u32(str(f.domain))
        w.u32(str(f.overload))
        w.u32(doc(f.docString))
        w.range(pool(f.inputs.map { str($0) }))
        w.range(pool(f.outputs.map { str($0) }))
        w.range(pool(f.attributeNames.map { str($0) }))
        w.range(try attributes(f.attributeDefaults))
        w.range(try nodeList(f.nodes))
        w.range(opsets(f.opsetImports))
        w.range(valueInfos(f.valueInfo))
        w.range(pairs(f.metadata))
        functions.set(index, w)
    }

    func encodeModel(_ m: Model) throws {
        let g = try graph(m.graph)
        precondition(g == 0, "the main graph is graph 0")
        for f in m.functions { try function(f) }
        var w = ByteWriter()
        w.i64(m.irVersion)
        w.i64(m.modelVersion)
        w.u32(str(m.producerName))
        w.u32(str(m.producerVersion))
        w.u32(str(m.domain))
        w.u32(doc(m.docString))
        w.range(opsets(m.opsetImports))
        w.range(pairs(m.metadata))
        w.u32(0)
        w.u32(0)
        _ = modelTable.append(w)
        let entries =
            [MetadataEntry(key: "producer", value: "kiln"),
             MetadataEntry(key: "kiln_version", value: options.kilnVersion)] + options.metadata
        for e in entries {
            var r = ByteWriter()
            r.u32(str(e.key))
            r.u32(str(e.value))
            _ = meta.append(r)
        }
        guard strings.count < Int(UInt32.max), u32s.count < Int(UInt32.max),
            i64s.count < Int(UInt32.max)
        else {
            throw KilnError(.limitExceeded, "the model has more than 2^32 strings or pool entries")
        }
    }

    // MARK: Emitting

    var stringSection: [UInt8] {
        var w = ByteWriter()
        w.u32(UInt32(strings.count))
        w.u32(0)
        var end: UInt32 = 0
        for s in strings {
            end &+= UInt32(s.count)
            w.u32(end)
        }
        var out = w.bytes
        for s in strings { out.append(contentsOf: s) }
        return out
    }

    func emit(to sink: LiteSink) throws {
        var sha = SHA256()
        func put(_ raw: UnsafeRawBufferPointer) throws {
            try sink.write(raw)
            sha.update(bufferPointer: raw)
        }
        func put(_ bytes: [UInt8]) throws { try bytes.withUnsafeBytes { try put($0) } }
        func pad(to alignment: Int) throws -> Void {
            let n = (alignment - sink.position % alignment) % alignment
            if n > 0 { try put([UInt8](repeating: 0, count: n)) }
        }

        // Header placeholder, patched at the end.
        // The pointer is only valid inside the closure (AddressSanitizer found the earlier
        // `withUnsafeBytes { $0 }`, which wrote from freed memory).
        try [UInt8](repeating: 0, count: LiteFormat.headerSize).withUnsafeBytes {
            try sink.write($0)
        }
        try pad(to: LiteFormat.weightAlignment)

        // (kind, flags, offset, stored length, CRC-32C of the stored bytes, inflated length)
        var directory: [(LiteFormat.SectionKind, UInt32, UInt64, UInt64, UInt32, UInt32)] = []
        // Weights, streamed.
        let wOffset = sink.position
        var crc = CRC32C()
        let zeros = [UInt8](repeating: 0, count: LiteFormat.weightAlignment)
        var written: UInt64 = 0
        for blob in blobs {
            let gap = Int(blob.offset - written)
            if gap > 0 {
                try zeros.withUnsafeBytes { z in
                    let p = UnsafeRawBufferPointer(rebasing: z[0..<gap])
                    try put(p)
                    crc.update(p)
                }
            }
            try blob.data.withUnsafeBytes { raw in
                var off = 0
                while off < raw.count {
                    let chunk = UnsafeRawBufferPointer(rebasing: raw[off..<min(raw.count, off + (16 << 20))])
                    try put(chunk)
                    crc.update(chunk)
                    AtomicFile.releasePages(chunk)
                    off += chunk.count
                }
            }
            written = blob.offset + UInt64(blob.data.count)
        }
        precondition(written == weightsLength, "weights plan and stream disagree")
        directory.append((.weights, LiteFormat.sectionRequired, UInt64(wOffset), weightsLength, crc.value, 0))

        // Tables.
        let tables: [(LiteFormat.SectionKind, [UInt8], Bool)] = [
            (.strings, stringSection, true),
            (.int64Pool, poolSection(i64s.map { UInt64(bitPattern: $0) }, width: 8), true),
            (.uint32Pool, poolSection(u32s.map { UInt64($0) }, width: 4), true),
            (.types, types.section, true), (.tensors, tensors.section, true),
            (.sparseTensors, sparse.section, true), (.quantization, quant.section, false),
            (.valueInfos, vals.section, true), (.attributes, attrs.section, true),
            (.nodes, nodes.section, true), (.graphs, graphs.section, true),
            (.functions, functions.section, true), (.model, modelTable.section, true),
            (.metadata, meta.section, false),
        ]
        var anyDeflated = false
        for (kind, bytes, required) in tables {
            try pad(to: 8)
            let off = sink.position
            var flags = required ? LiteFormat.sectionRequired : 0
            var stored = bytes
            var inflated: UInt32 = 0
            if options.compressTables, let packed = LiteDeflate.compress(bytes), packed.count < bytes.count {
                stored = packed
                inflated = UInt32(bytes.count)
                flags |= LiteFormat.sectionDeflated
                anyDeflated = true
            }
            try put(stored)
            let c = stored.withUnsafeBytes { CRC32C.checksum($0) }
            directory.append((kind, flags, UInt64(off), UInt64(stored.count), c, inflated))
        }
        try pad(to: 8)
        let dirOffset = sink.position
        var d = ByteWriter()
        for (kind, flags, off, len, c, inflated) in directory {
            d.u32(kind.rawValue)
            d.u32(flags)
            d.u64(off)
            d.u64(len)
            d.u32(c)
            d.u32(inflated)
        }
        try put(d.bytes)
        let fileSize = sink.position
        let digest = Array(sha.finalize())

        var h = ByteWriter()
        h.bytes.append(contentsOf: LiteFormat.magic)
        h.u16(LiteFormat.versionMajor)
        h.u16(anyDeflated ? LiteFormat.versionMinor : 0)
        h.u32(anyDeflated ? LiteFormat.flagDeflatedSections : 0)
        h.u64(UInt64(fileSize))
        h.u64(UInt64(dirOffset))
        h.u32(UInt32(directory.count))
        h.u32(UInt32(LiteFormat.headerSize))
        h.bytes.append(contentsOf: digest)
        h.u32(d.bytes.withUnsafeBytes { CRC32C.checksum($0) })
        h.zeros(16)
        h.u32(h.bytes.withUnsafeBytes { CRC32C.checksum($0) })
        precondition(h.bytes.count == LiteFormat.headerSize)
        try sink.patch(h.bytes, at: 0)
    }

    func poolSection(_ values: [UInt64], width: Int) -> [UInt8] {
        var w = ByteWriter()
        w.u32(UInt32(values.count))
        w.u32(UInt32(width))
        w.bytes.reserveCapacity(8 + values.count * width)
        for v in values {
            if width == 8 { w.u64(v) } else { w.u32(UInt32(truncatingIfNeeded: v)) }
        }
        return w.bytes
    }
}
