import Crypto
import Foundation
import KilnIR

/// Reads Kiln Lite files (`schemas/kiln-lite.md`) safely and without copying weights.
///
/// The file is memory-mapped; the header, directory and every structural section are checked
/// (bounds, alignment, overlaps, CRC-32C) before any record is decoded, and every index, range
/// and size is checked as it is read (§7 of the spec). Dense tensors come back as `Tensor.data`
/// slices of the mapping, so loading costs O(metadata), not O(weights). Any violation throws a
/// `KilnError` (`malformedInput`, `limitExceeded` or `unsupportedFeature`) with the byte offset.
public struct LiteReader: Sendable {
    /// Limits and checks. The defaults admit every file Kiln writes.
    public struct Options: Sendable {
        /// Files above this size are refused before mapping.
        public var maxFileBytes: Int = Int.max
        /// At most this many directory entries.
        public var maxSections: Int = 64
        /// At most this many records (or pool entries, or strings) per section.
        public var maxRecords: Int = 1 << 26
        /// Subgraph nesting limit.
        public var maxGraphDepth: Int = 64
        /// Largest tensor rank accepted.
        public var maxRank: Int = 64
        /// Largest tensor that a splat may expand to, in bytes (splats are materialized).
        public var maxSplatBytes: Int = 1 << 30
        /// Most bytes that DEFLATE-compressed tables (format 1.1) may inflate to, in total.
        public var maxInflatedTableBytes: Int = 1 << 30
        /// Also check the weights' CRC-32C and the payload's SHA-256 (O(weights)).
        public var verifyWeights: Bool = false

        public init(verifyWeights: Bool = false) { self.verifyWeights = verifyWeights }
    }

    public var options: Options
    public init(options: Options = .init()) { self.options = options }

    /// Maps and reads the file at `url`.
    public func read(contentsOf url: URL) throws -> Model {
        do {
            return try read(try MappedFile.map(url, maxBytes: options.maxFileBytes))
        } catch let e as KilnError {
            throw e.inFile(url.path)
        }
    }

    /// Reads a file already in memory (tensors are slices of `data`).
    public func read(_ data: Data) throws -> Model {
        try data.withUnsafeBytes { raw in
            let d = try LiteDecoder(raw: raw, data: data, options: options)
            return try d.decodeModel()
        }
    }

    /// Checks the file (structure, and with `verifyWeights` the weights) and describes it.
    public func info(contentsOf url: URL) throws -> LiteFileInfo {
        do {
            return try info(try MappedFile.map(url, maxBytes: options.maxFileBytes))
        } catch let e as KilnError {
            throw e.inFile(url.path)
        }
    }

    /// Checks and describes a file in memory.
    public func info(_ data: Data) throws -> LiteFileInfo {
        try data.withUnsafeBytes { raw in
            let d = try LiteDecoder(raw: raw, data: data, options: options)
            _ = try d.decodeModel()
            return d.info()
        }
    }
}

/// What `LiteReader.info` reports about a file.
public struct LiteFileInfo: Sendable, Equatable {
    /// One directory entry.
    public struct Section: Sendable, Equatable {
        public var kind: String
        public var required: Bool
        public var known: Bool
        public var offset: UInt64
        /// Bytes stored in the file.
        public var length: UInt64
        /// CRC-32C of the stored bytes.
        public var crc32c: UInt32
        /// For a DEFLATE-compressed table (format 1.1), its inflated length; nil when stored as is.
        public var inflatedLength: UInt64? = nil
    }
    public var versionMajor: UInt16
    public var versionMinor: UInt16
    public var fileSize: UInt64
    public var sections: [Section]
    /// `META` entries (producer, kiln_version, source_sha256, convert_options).
    public var metadata: [MetadataEntry]
    /// Lower-case hex of the header's payload SHA-256.
    public var payloadSHA256: String
    /// Whether the weights' CRC and the payload SHA-256 were checked.
    public var weightsVerified: Bool
    /// Tensors stored as splats, and dense tensors sharing bytes with an earlier one.
    public var splatTensors: Int
    public var sharedTensors: Int
    /// Bytes of the weights region.
    public var weightBytes: UInt64
}

// MARK: - Decoder

final class LiteDecoder {
    typealias Kind = LiteFormat.SectionKind

    struct Table {
        let kind: Kind
        let start: Int  // absolute offset of record 0
        let count: Int
        let recordSize: Int
        func offset(_ i: Int) -> Int { start + i * recordSize }
    }

    /// The structure being decoded: the file itself, or (when some tables are compressed) an
    /// image of the header and the inflated tables owned by `image`. Weights are always read
    /// from `data`, the file.
    var raw: UnsafeRawBufferPointer
    let data: Data
    var image: UnsafeMutableRawBufferPointer?
    var fileSize = 0
    let options: LiteReader.Options
    var versionMinor: UInt16 = 0
    var versionMajor: UInt16 = 0
    var sections: [LiteFileInfo.Section] = []
    var sectionRange: [Kind: (offset: Int, length: Int)] = [:]
    var tables: [Kind: Table] = [:]
    var payloadDigest: [UInt8] = []

    // Strings.
    var stringCount = 0
    var stringEnds = 0  // absolute offset of end[0]
    var stringArea = 0  // absolute offset of the byte area
    var stringCache: [String?] = []

    // Budgets (§7.5): entries that ranges may still consume.
    var budget: [Kind: Int] = [:]

    // Decoded up front.
    var types: [ValueType] = []
    var tensors: [Tensor] = []
    var sparse: [SparseTensor] = []
    var graphUsed: [Bool] = []
    var splatCount = 0
    var sharedCount = 0
    var metaEntries: [MetadataEntry] = []

    init(raw: UnsafeRawBufferPointer, data: Data, options: LiteReader.Options) throws {
        self.raw = raw
        self.data = data
        self.options = options
        try readHeaderAndDirectory()
    }

    deinit { image?.deallocate() }

    // MARK: Primitive reads (callers have checked bounds)

    func u8(_ o: Int) -> UInt8 { raw.load(fromByteOffset: o, as: UInt8.self) }
    func u16(_ o: Int) -> UInt16 { UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: o, as: UInt16.self)) }
    func u32(_ o: Int) -> UInt32 { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: o, as: UInt32.self)) }
    func u64(_ o: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: o, as: UInt64.self)) }
    func i64(_ o: Int) -> Int64 { Int64(bitPattern: u64(o)) }
    func bytes(_ o: Int, _ n: Int) -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: raw[o..<o + n]) }

    func fail(_ message: String, at offset: Int?) -> KilnError { KilnError.lite(message, at: offset) }

    // MARK: Header and directory (§7.1–7.3)

    func readHeaderAndDirectory() throws {
        let size = raw.count
        fileSize = size
        let minimum = LiteFormat.headerSize
        guard size >= minimum else {
            throw fail("file is \(size) bytes, shorter than the \(minimum)-byte Kiln Lite header (truncated?)", at: 0)
        }
        guard Array(bytes(0, 8)) == LiteFormat.magic else {
            throw fail("not a Kiln Lite file (bad magic)", at: 0)
        }
        versionMajor = u16(8)
        versionMinor = u16(10)
        guard versionMajor == LiteFormat.versionMajor else {
            throw KilnError(
                .unsupportedFeature,
                "Kiln Lite version \(versionMajor).\(versionMinor) is not supported (this reader reads major version \(LiteFormat.versionMajor)); convert the model again with a matching Kiln",
                at: .init(byteOffset: 8))
        }
        let headerSize = Int(u32(36))
        guard headerSize >= minimum, headerSize % 8 == 0, headerSize <= 4096, headerSize <= size else {
            throw fail("header size \(headerSize) is invalid (96…4096, a multiple of 8, within the file)", at: 36)
        }
        let headerCRC = u32(headerSize - 4)
        let actualHeaderCRC = CRC32C.checksum(bytes(0, headerSize - 4))
        guard headerCRC == actualHeaderCRC else {
            throw fail(
                String(format: "header checksum mismatch (stored %08x, computed %08x): the file is corrupted", headerCRC, actualHeaderCRC),
                at: headerSize - 4)
        }
        let flags = u32(12)
        guard flags & 0xFFFF & ~LiteFormat.knownRequiredFlags == 0 else {
            throw KilnError(
                .unsupportedFeature,
                String(format: "the file needs features this reader does not know (required flags %04x)", flags & 0xFFFF & ~LiteFormat.knownRequiredFlags),
                at: .init(byteOffset: 12))
        }
        let fileSize = u64(16)
        guard fileSize == UInt64(size) else {
            throw fail("header says the file is \(fileSize) bytes but it is \(size) (truncated or padded)", at: 16)
        }
        let dirOffset = u64(24)
        let count = Int(u32(32))
        guard count >= 1, count <= options.maxSections else {
            throw KilnError(
                count < 1 ? .malformedInput : .limitExceeded,
                "section count \(count) is outside 1…\(options.maxSections)", at: .init(byteOffset: 32))
        }
        guard dirOffset % 8 == 0, dirOffset >= UInt64(headerSize), dirOffset <= UInt64(size),
            UInt64(size) - dirOffset == UInt64(count * 32)
        else {
            throw fail("section directory at \(dirOffset) with \(count) entries does not end at the end of the file", at: 24)
        }
        let dir = Int(dirOffset)
        let dirCRC = CRC32C.checksum(bytes(dir, count * 32))
        guard dirCRC == u32(72) else {
            throw fail(
                String(format: "section directory checksum mismatch (stored %08x, computed %08x)", u32(72), dirCRC),
                at: dir)
        }
        payloadDigest = Array(bytes(40, 32))

        var seen = Set<UInt32>()
        var spans: [(Int, Int, Kind)] = []
        var inflatedLengths: [Kind: Int] = [:]
        var inflatedTotal = 0
        for i in 0..<count {
            let e = dir + i * 32
            let kind = Kind(rawValue: u32(e))
            let required = u32(e + 4) & LiteFormat.sectionRequired != 0
            let offset = u64(e + 8)
            let length = u64(e + 16)
            let crc = u32(e + 24)
            guard seen.insert(kind.rawValue).inserted else {
                throw fail("section \(kind) appears twice in the directory", at: e)
            }
            let known = LiteFormat.knownKinds.contains(kind)
            if !known && required {
                throw KilnError(
                    .unsupportedFeature,
                    "section \(kind) is required but unknown to this reader (file version \(versionMajor).\(versionMinor)); update Kiln",
                    at: .init(byteOffset: e))
            }
            let align: UInt64 = kind == .weights ? UInt64(LiteFormat.weightAlignment) : 8
            guard offset % align == 0, offset >= UInt64(headerSize), offset <= dirOffset,
                length <= dirOffset - offset
            else {
                throw fail(
                    "section \(kind) at \(offset) with length \(length) is misaligned or outside the data area \(headerSize)..<\(dirOffset)",
                    at: e + 8)
            }
            var inflated: UInt64? = nil
            if u32(e + 4) & LiteFormat.sectionDeflated != 0 {
                let n = Int(u32(e + 28))
                guard flags & LiteFormat.flagDeflatedSections != 0, kind != .weights else {
                    throw fail(
                        kind == .weights
                            ? "the weights section is marked compressed; weights are always stored as is"
                            : "section \(kind) is marked compressed but the header's compressed-sections flag is not set",
                        at: e + 4)
                }
                // DEFLATE cannot expand more than 1032:1, so a larger claim is a lie; the total
                // is capped so a small file cannot make the reader allocate gigabytes.
                let (bound, overflow) = Int(length).multipliedReportingOverflow(by: LiteDeflate.maximumRatio)
                guard n >= 8, overflow || n <= bound else {
                    throw fail("section \(kind) claims to inflate \(length) bytes to \(n), which DEFLATE cannot", at: e + 28)
                }
                inflatedTotal += n
                guard inflatedTotal <= options.maxInflatedTableBytes else {
                    throw KilnError(
                        .limitExceeded,
                        "compressed tables inflate to more than \(options.maxInflatedTableBytes) bytes",
                        at: .init(byteOffset: e + 28))
                }
                if known { inflatedLengths[kind] = n }
                inflated = UInt64(n)
            }
            sections.append(.init(kind: kind.description, required: required, known: known, offset: offset, length: length, crc32c: crc, inflatedLength: inflated))
            spans.append((Int(offset), Int(length), kind))
            guard known else { continue }
            sectionRange[kind] = (Int(offset), Int(length))
            if kind != .weights || options.verifyWeights {
                let actual = CRC32C.checksum(bytes(Int(offset), Int(length)))
                guard actual == crc else {
                    throw fail(
                        String(format: "section \(kind) checksum mismatch (stored %08x, computed %08x): the section at byte %d is corrupted", crc, actual, Int(offset)),
                        at: Int(offset))
                }
            }
        }
        spans.sort { $0.0 < $1.0 }
        for (a, b) in zip(spans, spans.dropFirst()) where a.0 + a.1 > b.0 {
            throw fail("sections \(a.2) and \(b.2) overlap", at: b.0)
        }
        for kind in LiteFormat.requiredKinds where sectionRange[kind] == nil {
            throw fail("required section \(kind) is missing", at: dir)
        }
        if options.verifyWeights {
            var h = SHA256()
            var off = headerSize
            while off < size {
                let chunk = bytes(off, min(size - off, 64 << 20))
                h.update(bufferPointer: chunk)
                off += chunk.count
            }
            let actual = Array(h.finalize())
            guard actual == payloadDigest else {
                throw fail("payload SHA-256 mismatch: the file is corrupted", at: 40)
            }
        }
        if !inflatedLengths.isEmpty { try inflateTables(inflatedLengths, headerSize: headerSize) }
        for (kind, size) in LiteFormat.recordSizes {
            guard let r = sectionRange[kind] else { continue }
            tables[kind] = try table(kind, r.offset, r.length, minimumRecordSize: size)
            budget[kind] = tables[kind]?.count
        }
        try readStringTable()
    }

    /// Builds the structure image of a file with compressed tables (§4.2): the header, then
    /// every known table other than `WGHT`, inflated or copied, 8-byte aligned, and points
    /// `raw` and `sectionRange` at it. Costs O(tables), never O(weights).
    func inflateTables(_ inflated: [Kind: Int], headerSize: Int) throws {
        let kinds = sectionRange.keys.filter { $0 != .weights }.sorted { $0.rawValue < $1.rawValue }
        var size = headerSize
        for k in kinds {
            size += ((inflated[k] ?? sectionRange[k]?.length ?? 0) + 7) & ~7
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
        buffer.initializeMemory(as: UInt8.self, repeating: 0)
        image = buffer
        buffer.copyMemory(from: bytes(0, headerSize))
        var position = headerSize
        var placed: [Kind: (offset: Int, length: Int)] = [:]
        for k in kinds {
            guard let (offset, length) = sectionRange[k] else { continue }
            let source = bytes(offset, length)
            if let n = inflated[k] {
                let target = UnsafeMutableRawBufferPointer(rebasing: buffer[position..<position + n])
                guard LiteDeflate.inflate(source, into: target) else {
                    throw fail("compressed section \(k) does not inflate to its declared \(n) bytes (corrupt DEFLATE stream)", at: offset)
                }
                placed[k] = (position, n)
            } else {
                UnsafeMutableRawBufferPointer(rebasing: buffer[position..<position + length]).copyMemory(from: source)
                placed[k] = (position, length)
            }
            position += ((placed[k]?.length ?? 0) + 7) & ~7
        }
        for (k, r) in placed { sectionRange[k] = r }
        raw = UnsafeRawBufferPointer(buffer)
    }

    func table(_ kind: Kind, _ offset: Int, _ length: Int, minimumRecordSize: Int) throws -> Table {
        guard length >= 8 else { throw fail("section \(kind) is \(length) bytes, too short for its table header", at: offset) }
        let count = Int(u32(offset))
        let rs = Int(u32(offset + 4))
        guard count <= options.maxRecords else {
            throw KilnError(.limitExceeded, "section \(kind) claims \(count) records, above the limit of \(options.maxRecords)", at: .init(byteOffset: offset))
        }
        guard rs >= minimumRecordSize, rs <= 4096 else {
            throw fail("section \(kind) has record size \(rs); this reader needs at least \(minimumRecordSize)", at: offset + 4)
        }
        guard length - 8 == count * rs else {
            throw fail("section \(kind) is \(length) bytes but \(count) records of \(rs) bytes need \(8 + count * rs)", at: offset)
        }
        return Table(kind: kind, start: offset + 8, count: count, recordSize: rs)
    }

    func readStringTable() throws {
        guard let (offset, length) = sectionRange[.strings] else { return }
        guard length >= 8 else { throw fail("string table is too short", at: offset) }
        let count = Int(u32(offset))
        guard count >= 1, count <= options.maxRecords, 8 + 4 * count <= length else {
            throw fail("string table claims \(count) strings, which do not fit its \(length) bytes", at: offset)
        }
        stringCount = count
        stringEnds = offset + 8
        stringArea = offset + 8 + 4 * count
        let areaLength = length - 8 - 4 * count
        var previous: UInt32 = 0
        for i in 0..<count {
            let e = u32(stringEnds + 4 * i)
            guard e >= previous, Int(e) <= areaLength, i > 0 || e == 0 else {
                throw fail("string \(i) ends at \(e): ends must start at 0, not decrease and stay within \(areaLength) bytes", at: stringEnds + 4 * i)
            }
            previous = e
        }
        stringCache = [String?](repeating: nil, count: count)
    }

    // MARK: References

    func stringBytes(_ i: UInt32, at o: Int) throws -> (Int, Int) {
        guard Int(i) < stringCount else { throw fail("string index \(i) is out of range (\(stringCount) strings)", at: o) }
        let start = i == 0 ? 0 : Int(u32(stringEnds + 4 * (Int(i) - 1)))
        let end = Int(u32(stringEnds + 4 * Int(i)))
        return (stringArea + start, end - start)
    }

    func string(_ i: UInt32, at o: Int) throws -> String {
        if Int(i) < stringCount, let s = stringCache[Int(i)] { return s }
        let (s, n) = try stringBytes(i, at: o)
        let v = String(decoding: bytes(s, n), as: UTF8.self)
        stringCache[Int(i)] = v
        return v
    }

    func stringData(_ i: UInt32, at o: Int) throws -> Data {
        let (s, n) = try stringBytes(i, at: o)
        if n == 0 { return Data() }
        // Strings of an inflated table live in `image`, not in the file: copy them out.
        if image != nil { return Data(bytes(s, n)) }
        return data[data.startIndex + s..<data.startIndex + s + n]
    }

    /// Checks a range into `kind` (entries of `width` units each) and consumes budget.
    func range(_ kind: Kind, at o: Int, width: Int = 1) throws -> Range<Int> {
        let start = Int(u32(o))
        let count = Int(u32(o + 4)) * width
        guard let t = tables[kind] else { throw fail("section \(kind) is missing", at: o) }
        guard start + count <= t.count else {
            throw fail("range \(start)..<\(start + count) is past the end of \(kind) (\(t.count) entries)", at: o)
        }
        let left = budget[kind, default: 0] - count
        guard left >= 0 else {
            throw fail("ranges into \(kind) add up to more than its \(t.count) entries (shared or looping references)", at: o)
        }
        budget[kind] = left
        return start..<start + count
    }

    /// The table of `kind`; an empty table when absent (so every index check fails safely).
    func tab(_ kind: Kind) -> Table {
        tables[kind] ?? Table(kind: kind, start: 0, count: 0, recordSize: 1)
    }

    func poolU32(_ i: Int) -> UInt32 { u32(tab(.uint32Pool).offset(i)) }
    func poolI64(_ i: Int) -> Int64 { i64(tab(.int64Pool).offset(i)) }

    func stringList(at o: Int) throws -> [String] {
        try range(.uint32Pool, at: o).map { try string(poolU32($0), at: tab(.uint32Pool).offset($0)) }
    }

    func pairs(at o: Int) throws -> [MetadataEntry] {
        let r = try range(.uint32Pool, at: o, width: 2)
        var out: [MetadataEntry] = []
        out.reserveCapacity(r.count / 2)
        var i = r.lowerBound
        while i < r.upperBound {
            let p = tab(.uint32Pool).offset(i)
            out.append(MetadataEntry(key: try string(u32(p), at: p), value: try string(u32(p + 4), at: p + 4)))
            i += 2
        }
        return out
    }

    func opsets(at o: Int) throws -> [OpsetImport] {
        let r = try range(.int64Pool, at: o, width: 2)
        var out: [OpsetImport] = []
        var i = r.lowerBound
        while i < r.upperBound {
            let p = tab(.int64Pool).offset(i)
            let d = poolI64(i)
            guard d >= 0, d <= Int64(UInt32.max) else { throw fail("opset domain \(d) is not a string index", at: p) }
            out.append(OpsetImport(domain: try string(UInt32(d), at: p), version: poolI64(i + 1)))
            i += 2
        }
        return out
    }

    func index(_ v: UInt32, in kind: Kind, at o: Int) throws -> Int {
        guard let t = tables[kind], Int(v) < t.count else {
            throw fail("index \(v) is out of range for \(kind) (\(tables[kind]?.count ?? 0) records)", at: o)
        }
        return Int(v)
    }

    // MARK: Types

    func decodeTypes() throws {
        let t = tab(.types)
        types.reserveCapacity(t.count)
        for i in 0..<t.count {
            let r = t.offset(i)
            let kindByte = u8(r)
            let elemByte = u8(r + 1)
            let flags = u8(r + 2)
            func elem() throws -> ElementType {
                guard let e = ElementType(rawValue: Int32(elemByte)) else {
                    throw fail("type \(i) has unknown element type \(elemByte)", at: r + 1)
                }
                return e
            }
            func tensorType() throws -> TensorType {
                let e = try elem()
                guard flags & 1 != 0 else { return TensorType(e, shape: nil) }
                guard Int(u32(r + 8)) <= options.maxRank else {
                    throw KilnError(.limitExceeded, "type \(i) has rank \(u32(r + 8)), above \(options.maxRank)", at: .init(byteOffset: r + 8))
                }
                let dims = try dimsRange(start: u32(r + 4), rank: u32(r + 8), at: r + 4)
                var shape: [Dim] = []
                var j = dims.lowerBound
                while j < dims.upperBound {
                    let p = tab(.int64Pool).offset(j)
                    let tag = poolI64(j)
                    let v = poolI64(j + 1)
                    switch LiteFormat.DimTag(rawValue: tag) {
                    case .known: shape.append(.known(v))
                    case .symbol:
                        guard v >= 0, v <= Int64(UInt32.max) else { throw fail("dim symbol \(v) is not a string index", at: p + 8) }
                        shape.append(.symbol(try string(UInt32(v), at: p + 8)))
                    case .unknown: shape.append(.unknown)
                    case nil: throw fail("dim tag \(tag) is not 0, 1 or 2", at: p)
                    }
                    j += 2
                }
                return TensorType(e, shape: shape)
            }
            func inner() throws -> ValueType? {
                guard flags & 2 != 0 else { return nil }
                let j = Int(u32(r + 4))
                guard j < i else {
                    throw fail("type \(i) refers to type \(j); inner types must come first (no loops)", at: r + 4)
                }
                return types[j]
            }
            let v: ValueType
            switch LiteFormat.TypeKind(rawValue: kindByte) {
            case .tensor: v = .tensor(try tensorType())
            case .sparseTensor: v = .sparseTensor(try tensorType())
            case .sequence: v = .sequence(try inner())
            case .optional: v = .optional(try inner())
            case .map: v = .map(key: try elem(), value: try inner())
            case .opaque: v = .opaque(domain: try string(u32(r + 4), at: r + 4), name: try string(u32(r + 8), at: r + 8))
            case nil: throw fail("type \(i) has unknown kind \(kindByte)", at: r)
            }
            types.append(v)
        }
    }

    func dimsRange(start: UInt32, rank: UInt32, at o: Int) throws -> Range<Int> {
        let s = Int(start)
        let n = Int(rank) * 2
        let t = tab(.int64Pool)
        guard s + n <= t.count else { throw fail("dims \(s)..<\(s + n) are past the end of I64S (\(t.count))", at: o) }
        let left = budget[.int64Pool, default: 0] - n
        guard left >= 0 else { throw fail("ranges into I64S add up to more than its \(t.count) entries", at: o) }
        budget[.int64Pool] = left
        return s..<s + n
    }

    // MARK: Tensors

    func decodeTensors() throws {
        let t = tab(.tensors)
        guard let (wOffset, wLength) = sectionRange[.weights] else { return }
        let quantCount = tables[.quantization]?.count ?? 0
        tensors.reserveCapacity(t.count)
        var spans: [(UInt64, UInt64)] = []
        for i in 0..<t.count {
            let r = t.offset(i)
            let name = try string(u32(r), at: r)
            let doc = try string(u32(r + 4), at: r + 4)
            guard let elem = ElementType(rawValue: Int32(u8(r + 8))), elem != .undefined else {
                throw fail("tensor '\(name)' has unknown element type \(u8(r + 8))", at: r + 8)
            }
            let q = u32(r + 12)
            guard q == LiteFormat.none || Int(q) < quantCount else {
                throw fail("tensor '\(name)' refers to quantization record \(q) of \(quantCount)", at: r + 12)
            }
            guard Int(u32(r + 20)) <= options.maxRank else {
                throw KilnError(.limitExceeded, "tensor '\(name)' has rank \(u32(r + 20)), above \(options.maxRank)", at: .init(byteOffset: r + 20))
            }
            let dimRange = try range(.int64Pool, at: r + 16)
            let shape = dimRange.map { poolI64($0) }
            guard let count = Tensor.elementCount(shape) else {
                throw fail("tensor '\(name)' has an invalid shape \(shape) (negative or overflowing dims)", at: r + 16)
            }
            let offset = u64(r + 24)
            let length = u64(r + 32)
            var tensor = Tensor(name: name, elementType: elem, shape: shape, docString: doc)
            switch LiteFormat.Storage(rawValue: u8(r + 9)) {
            case .strings:
                guard elem == .string, offset <= UInt64(UInt32.max), length == UInt64(count) else {
                    throw fail("string storage of tensor '\(name)' needs a string element type and one string per element", at: r + 24)
                }
                let sr = try rangeValues(.uint32Pool, start: UInt32(offset), count: UInt32(length), at: r + 24)
                tensor.strings = try sr.map { try stringData(poolU32($0), at: tab(.uint32Pool).offset($0)) }
            case .dense:
                guard let need = elem.byteCount(elements: count), UInt64(need) == length else {
                    throw fail("tensor '\(name)' stores \(length) bytes but \(elem.name)\(shape) needs \(elem.byteCount(elements: count).map(String.init) ?? "an unrepresentable number of")", at: r + 32)
                }
                guard offset % UInt64(LiteFormat.weightAlignment) == 0, offset <= UInt64(wLength), length <= UInt64(wLength) - offset else {
                    throw fail("tensor '\(name)' data \(offset)+\(length) is misaligned or outside the \(wLength)-byte weights region", at: r + 24)
                }
                if length > 0 {
                    let s = data.startIndex + wOffset + Int(offset)
                    tensor.data = data[s..<s + Int(length)]
                    spans.append((offset, length))
                }
            case .splat:
                guard let bits = elem.bitWidth, bits >= 8, bits % 8 == 0, length == UInt64(bits / 8), count >= 1 else {
                    throw fail("splat tensor '\(name)' must hold exactly one whole-byte element (\(length) bytes given)", at: r + 32)
                }
                guard offset <= UInt64(wLength), length <= UInt64(wLength) - offset else {
                    throw fail("splat tensor '\(name)' data \(offset)+\(length) is outside the weights region", at: r + 24)
                }
                let (total, overflow) = count.multipliedReportingOverflow(by: Int(length))
                guard !overflow, total <= options.maxSplatBytes else {
                    throw KilnError(.limitExceeded, "splat tensor '\(name)' expands to more than \(options.maxSplatBytes) bytes", at: .init(byteOffset: r + 16))
                }
                tensor.data = data.withUnsafeBytes { file in
                    Self.expand(
                        UnsafeRawBufferPointer(rebasing: file[wOffset + Int(offset)..<wOffset + Int(offset) + Int(length)]),
                        count: count)
                }
                spans.append((offset, length))
                splatCount += 1
            case nil:
                throw fail("tensor '\(name)' has unknown storage \(u8(r + 9))", at: r + 9)
            }
            tensor.metadata = try pairs(at: r + 40)
            tensors.append(tensor)
        }
        spans.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        for (a, b) in zip(spans, spans.dropFirst()) {
            if a == b {
                sharedCount += 1
                continue
            }
            guard a.0 + a.1 <= b.0 else {
                throw fail("tensor data at \(a.0)+\(a.1) and \(b.0)+\(b.1) partly overlap", at: wOffset + Int(b.0))
            }
        }
    }

    func rangeValues(_ kind: Kind, start: UInt32, count: UInt32, at o: Int) throws -> Range<Int> {
        let s = Int(start)
        let n = Int(count)
        guard let t = tables[kind], s + n <= t.count else {
            throw fail("range \(s)..<\(s + n) is past the end of \(kind)", at: o)
        }
        let left = budget[kind, default: 0] - n
        guard left >= 0 else { throw fail("ranges into \(kind) add up to more than its \(t.count) entries", at: o) }
        budget[kind] = left
        return s..<s + n
    }

    static func expand(_ one: UnsafeRawBufferPointer, count: Int) -> Data {
        let size = one.count
        var d = Data(count: size * count)
        d.withUnsafeMutableBytes { out in
            guard let base = out.baseAddress, let src = one.baseAddress else { return }
            base.copyMemory(from: src, byteCount: size)
            var filled = size
            let total = size * count
            while filled < total {
                let n = min(filled, total - filled)
                (base + filled).copyMemory(from: base, byteCount: n)
                filled += n
            }
        }
        return d
    }

    func decodeSparse() throws {
        let t = tab(.sparseTensors)
        for i in 0..<t.count {
            let r = t.offset(i)
            let v = try index(u32(r), in: .tensors, at: r)
            let ix = try index(u32(r + 4), in: .tensors, at: r + 4)
            let dims = try range(.int64Pool, at: r + 8).map { poolI64($0) }
            sparse.append(SparseTensor(values: tensors[v], indices: tensors[ix], dims: dims))
        }
    }

    func checkQuantization() throws {
        guard let t = tables[.quantization] else { return }
        for i in 0..<t.count {
            let r = t.offset(i)
            _ = try index(u32(r), in: .tensors, at: r)
            if u32(r + 4) != LiteFormat.none { _ = try index(u32(r + 4), in: .tensors, at: r + 4) }
        }
    }

    // MARK: Graph structure

    func valueInfos(at o: Int) throws -> [ValueInfo] {
        let t = tab(.valueInfos)
        return try range(.valueInfos, at: o).map { i in
            let r = t.offset(i)
            let ti = u32(r + 4)
            let type: ValueType? = ti == LiteFormat.none ? nil : types[try index(ti, in: .types, at: r + 4)]
            var v = ValueInfo(name: try string(u32(r), at: r), type: type, docString: try string(u32(r + 8), at: r + 8))
            v.typeDenotation = try string(u32(r + 12), at: r + 12)
            v.dimDenotations = try stringList(at: r + 16)
            v.metadata = try pairs(at: r + 24)
            return v
        }
    }

    func indexList(_ kind: Kind, at o: Int) throws -> [Int] {
        try range(.uint32Pool, at: o).map { i in
            try index(poolU32(i), in: kind, at: tab(.uint32Pool).offset(i))
        }
    }

    func subgraph(_ v: UInt32, at o: Int, depth: Int) throws -> Graph {
        let g = try index(v, in: .graphs, at: o)
        guard g != 0 else { throw fail("an attribute refers to the main graph 0 (a loop)", at: o) }
        guard !graphUsed[g] else { throw fail("graph \(g) is referenced twice (shared or looping subgraphs)", at: o) }
        graphUsed[g] = true
        return try graph(g, depth: depth + 1)
    }

    func attribute(_ i: Int, depth: Int) throws -> Attribute {
        let r = tab(.attributes).offset(i)
        let name = try string(u32(r), at: r)
        let flags = u8(r + 13)
        let ref: String? = flags & 1 != 0 ? try string(u32(r + 4), at: r + 4) : nil
        let doc = try string(u32(r + 8), at: r + 8)
        let bits = u64(r + 16)
        let kindByte = u8(r + 12)
        func u32Value() throws -> UInt32 {
            guard bits <= UInt64(UInt32.max) else { throw fail("attribute '\(name)' value \(bits) is not an index", at: r + 16) }
            return UInt32(bits)
        }
        func list() throws -> Range<Int> { try range(.uint32Pool, at: r + 24) }
        let value: AttributeValue
        switch AttributeKind(rawValue: Int32(kindByte)) {
        case .int: value = .int(Int64(bitPattern: bits))
        case .float:
            guard bits >> 32 == 0 else { throw fail("float attribute '\(name)' has high bits set", at: r + 16) }
            value = .float(Float(bitPattern: UInt32(bits)))
        case .string: value = .string(try stringData(try u32Value(), at: r + 16))
        case .tensor: value = .tensor(tensors[try index(try u32Value(), in: .tensors, at: r + 16)])
        case .graph: value = .graph(try subgraph(try u32Value(), at: r + 16, depth: depth))
        case .sparseTensor: value = .sparseTensor(sparse[try index(try u32Value(), in: .sparseTensors, at: r + 16)])
        case .type: value = .type(types[try index(try u32Value(), in: .types, at: r + 16)])
        case .ints: value = .ints(try range(.int64Pool, at: r + 24).map { poolI64($0) })
        case .floats: value = .floats(try list().map { Float(bitPattern: poolU32($0)) })
        case .strings: value = .strings(try list().map { try stringData(poolU32($0), at: tab(.uint32Pool).offset($0)) })
        case .tensors: value = .tensors(try indexList(.tensors, at: r + 24).map { tensors[$0] })
        case .graphs:
            value = .graphs(try list().map { try subgraph(poolU32($0), at: tab(.uint32Pool).offset($0), depth: depth) })
        case .sparseTensors: value = .sparseTensors(try indexList(.sparseTensors, at: r + 24).map { sparse[$0] })
        case .types: value = .types(try indexList(.types, at: r + 24).map { types[$0] })
        case .undefined, nil: throw fail("attribute '\(name)' has unknown kind \(kindByte)", at: r + 12)
        }
        return Attribute(name: name, value: value, docString: doc, referenceName: ref)
    }

    func attributes(at o: Int, depth: Int) throws -> [Attribute] {
        try range(.attributes, at: o).map { try attribute($0, depth: depth) }
    }

    func nodes(at o: Int, depth: Int) throws -> [Node] {
        let t = tab(.nodes)
        return try range(.nodes, at: o).map { i in
            let r = t.offset(i)
            let code = u32(r)
            var opType: String
            var domain: String
            if code == 0 {
                opType = try string(u32(r + 8), at: r + 8)
                domain = try string(u32(r + 12), at: r + 12)
            } else {
                guard let op = LiteFormat.opByCode[code] else {
                    throw KilnError(
                        .unsupportedFeature, "node \(i) uses op code \(code), unknown to this reader; update Kiln",
                        at: .init(byteOffset: r))
                }
                (domain, opType) = op
            }
            var n = Node(
                name: try string(u32(r + 4), at: r + 4), opType: opType, domain: domain,
                overload: try string(u32(r + 16), at: r + 16),
                inputs: try stringList(at: r + 24), outputs: try stringList(at: r + 32))
            n.docString = try string(u32(r + 20), at: r + 20)
            n.attributes = try attributes(at: r + 40, depth: depth)
            n.metadata = try pairs(at: r + 48)
            return n
        }
    }

    func graph(_ g: Int, depth: Int) throws -> Graph {
        guard depth <= options.maxGraphDepth else {
            throw KilnError(.limitExceeded, "subgraphs are nested deeper than \(options.maxGraphDepth)", at: .init(byteOffset: tab(.graphs).offset(g)))
        }
        let r = tab(.graphs).offset(g)
        var out = Graph(name: try string(u32(r), at: r), docString: try string(u32(r + 4), at: r + 4))
        out.inputs = try valueInfos(at: r + 8)
        out.outputs = try valueInfos(at: r + 16)
        out.valueInfo = try valueInfos(at: r + 24)
        out.initializers = try indexList(.tensors, at: r + 32).map { tensors[$0] }
        out.sparseInitializers = try indexList(.sparseTensors, at: r + 40).map { sparse[$0] }
        out.nodes = try nodes(at: r + 48, depth: depth)
        // Quantization annotations: a walk whose total length is checked against the range.
        let annCount = Int(u32(r + 60))
        let annStart = Int(u32(r + 56))
        let pool = tab(.uint32Pool)
        var p = annStart
        for _ in 0..<annCount {
            guard p + 2 <= pool.count else { throw fail("quantization annotation past the end of U32S", at: r + 56) }
            let name = try string(poolU32(p), at: pool.offset(p))
            let n = Int(poolU32(p + 1))
            guard n <= pool.count, p + 2 + 2 * n <= pool.count else {
                throw fail("quantization annotation past the end of U32S", at: pool.offset(p + 1))
            }
            var entries: [MetadataEntry] = []
            for k in 0..<n {
                let q = p + 2 + 2 * k
                entries.append(MetadataEntry(key: try string(poolU32(q), at: pool.offset(q)), value: try string(poolU32(q + 1), at: pool.offset(q + 1))))
            }
            let used = 2 + 2 * n
            let left = budget[.uint32Pool, default: 0] - used
            guard left >= 0 else { throw fail("ranges into U32S add up to more than its entries", at: r + 56) }
            budget[.uint32Pool] = left
            out.quantizationAnnotations.append(TensorAnnotation(tensorName: name, quantParameterTensorNames: entries))
            p += used
        }
        out.metadata = try pairs(at: r + 64)
        return out
    }

    func function(_ i: Int) throws -> Function {
        let r = tab(.functions).offset(i)
        var f = Function(
            name: try string(u32(r), at: r), domain: try string(u32(r + 4), at: r + 4),
            overload: try string(u32(r + 8), at: r + 8),
            inputs: try stringList(at: r + 16), outputs: try stringList(at: r + 24),
            attributeNames: try stringList(at: r + 32),
            attributeDefaults: try attributes(at: r + 40, depth: 0),
            nodes: try nodes(at: r + 48, depth: 0))
        f.docString = try string(u32(r + 12), at: r + 12)
        f.opsetImports = try opsets(at: r + 56)
        f.valueInfo = try valueInfos(at: r + 64)
        f.metadata = try pairs(at: r + 72)
        return f
    }

    func decodeModel() throws -> Model {
        try decodeTypes()
        try decodeTensors()
        try decodeSparse()
        try checkQuantization()
        let gt = tab(.graphs)
        guard gt.count >= 1 else { throw fail("the file has no graph", at: gt.start - 8) }
        graphUsed = [Bool](repeating: false, count: gt.count)
        graphUsed[0] = true
        let mt = tab(.model)
        guard mt.count == 1 else { throw fail("MODL must hold exactly one record, not \(mt.count)", at: mt.start - 8) }
        let r = mt.start
        guard u32(r + 48) == 0 else { throw fail("the model's main graph must be graph 0", at: r + 48) }
        let main = try graph(0, depth: 0)
        var functions: [Function] = []
        for i in 0..<tab(.functions).count { functions.append(try function(i)) }
        var m = Model(
            irVersion: i64(r), opsetImports: try opsets(at: r + 32),
            producerName: try string(u32(r + 16), at: r + 16),
            producerVersion: try string(u32(r + 20), at: r + 20),
            domain: try string(u32(r + 24), at: r + 24), modelVersion: i64(r + 8),
            docString: try string(u32(r + 28), at: r + 28), metadata: try pairs(at: r + 40),
            graph: main, functions: functions)
        m.functions = functions
        if let t = tables[.metadata] {
            metaEntries = try (0..<t.count).map { i in
                let p = t.offset(i)
                return MetadataEntry(key: try string(u32(p), at: p), value: try string(u32(p + 4), at: p + 4))
            }
        }
        return m
    }

    func info() -> LiteFileInfo {
        LiteFileInfo(
            versionMajor: versionMajor, versionMinor: versionMinor, fileSize: UInt64(fileSize),
            sections: sections, metadata: metaEntries,
            payloadSHA256: payloadDigest.map { String(format: "%02x", $0) }.joined(),
            weightsVerified: options.verifyWeights, splatTensors: splatCount,
            sharedTensors: sharedCount, weightBytes: UInt64(sectionRange[.weights]?.length ?? 0))
    }
}
