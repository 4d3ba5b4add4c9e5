import Foundation
import KilnIR

/// Constants of the Kiln Lite format (`schemas/kiln-lite.md`, mirrored in `schemas/kiln-lite.h`).
public enum LiteFormat {
    /// `"KLITE\r\n\x1a"`.
    public static let magic: [UInt8] = [0x4B, 0x4C, 0x49, 0x54, 0x45, 0x0D, 0x0A, 0x1A]
    /// The major version this code reads and writes; other majors are rejected.
    public static let versionMajor: UInt16 = 1
    /// The newest minor version this code writes; any minor of `versionMajor` is read. A file
    /// that uses no 1.1 feature (no compressed table) is written as 1.0.
    public static let versionMinor: UInt16 = 1
    /// Header size written by version 1.0.
    public static let headerSize = 96
    /// Alignment of the weights region and of every dense tensor in it.
    public static let weightAlignment = 64
    /// `NONE`: an absent optional `u32` index.
    static let none: UInt32 = 0xFFFF_FFFF
    /// Directory entry flag: readers that do not know the section must reject the file.
    static let sectionRequired: UInt32 = 1
    /// Directory entry flag (1.1): the section is stored as raw DEFLATE; the entry's last `u32`
    /// holds its inflated length.
    static let sectionDeflated: UInt32 = 2
    /// Header required-feature flag (1.1): some sections are DEFLATE-compressed.
    static let flagDeflatedSections: UInt32 = 1
    /// Required-feature flags (bits 0–15) this reader understands.
    static let knownRequiredFlags: UInt32 = flagDeflatedSections

    /// A section kind: four ASCII characters, the first in the lowest byte.
    public struct SectionKind: Hashable, Sendable, CustomStringConvertible {
        public var rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        init(_ s: StaticString) {
            var v: UInt32 = 0
            s.withUTF8Buffer { b in for (i, c) in b.prefix(4).enumerated() { v |= UInt32(c) << (8 * i) } }
            rawValue = v
        }
        /// The four characters (non-printable bytes as `?`).
        public var description: String {
            String(
                (0..<4).map { i -> Character in
                    let c = UInt8((rawValue >> (8 * UInt32(i))) & 0xFF)
                    return (0x20...0x7E).contains(c) ? Character(UnicodeScalar(c)) : "?"
                })
        }

        public static let strings = SectionKind("STRS")
        public static let int64Pool = SectionKind("I64S")
        public static let uint32Pool = SectionKind("U32S")
        public static let types = SectionKind("TYPE")
        public static let tensors = SectionKind("TENS")
        public static let sparseTensors = SectionKind("SPRS")
        public static let quantization = SectionKind("QUNT")
        public static let valueInfos = SectionKind("VALS")
        public static let attributes = SectionKind("ATTR")
        public static let nodes = SectionKind("NODE")
        public static let graphs = SectionKind("GRPH")
        public static let functions = SectionKind("FUNC")
        public static let model = SectionKind("MODL")
        public static let metadata = SectionKind("META")
        public static let weights = SectionKind("WGHT")
    }

    /// Record sizes of version 1.0 (a newer minor may use larger records; readers read the prefix).
    static let recordSizes: [SectionKind: Int] = [
        .int64Pool: 8, .uint32Pool: 4, .types: 16, .tensors: 48, .sparseTensors: 16,
        .quantization: 16, .valueInfos: 32, .attributes: 32, .nodes: 56, .graphs: 80,
        .functions: 80, .model: 56, .metadata: 8,
    ]
    /// Sections a 1.0 file must contain.
    static let requiredKinds: [SectionKind] = [
        .strings, .int64Pool, .uint32Pool, .types, .tensors, .sparseTensors, .valueInfos,
        .attributes, .nodes, .graphs, .functions, .model, .weights,
    ]
    /// Sections this reader knows (anything else is skipped unless marked required).
    static let knownKinds: Set<SectionKind> = Set(requiredKinds + [.quantization, .metadata])

    /// Tensor storage kinds.
    enum Storage: UInt8 { case dense = 0, splat = 1, strings = 2 }
    /// Value type kinds.
    enum TypeKind: UInt8 {
        case tensor = 1, sparseTensor = 2, sequence = 3, optional = 4, map = 5, opaque = 6
    }
    /// Dim tags in `I64S`.
    enum DimTag: Int64 { case known = 0, symbol = 1, unknown = 2 }

    /// Op code by (domain, op type), and the reverse, from the generated table.
    static let opCodeByName: [String: UInt32] = {
        var d: [String: UInt32] = [:]
        for (c, dom, op) in LiteOpCodes.table { d[dom + "\u{0}" + op] = c }
        return d
    }()
    static let opByCode: [UInt32: (domain: String, opType: String)] = {
        var d: [UInt32: (String, String)] = [:]
        for (c, dom, op) in LiteOpCodes.table { d[c] = (dom, op) }
        return d
    }()
}

// MARK: - CRC-32C

/// CRC-32C (Castagnoli), slice-by-8. `crc32c("123456789") == 0xE3069283`.
public struct CRC32C: Sendable {
    private var state: UInt32 = 0xFFFF_FFFF
    public init() {}

    private static let tables: [[UInt32]] = {
        var t = [[UInt32]](repeating: [UInt32](repeating: 0, count: 256), count: 8)
        for i in 0..<256 {
            var c = UInt32(i)
            for _ in 0..<8 { c = (c & 1) != 0 ? (c >> 1) ^ 0x82F6_3B78 : c >> 1 }
            t[0][i] = c
        }
        for i in 0..<256 {
            for k in 1..<8 { t[k][i] = (t[k - 1][i] >> 8) ^ t[0][Int(t[k - 1][i] & 0xFF)] }
        }
        return t
    }()
    private static let flat: [UInt32] = tables.flatMap { $0 }

    /// Feeds `bytes` into the checksum.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        var c = state
        var i = 0
        let n = bytes.count
        CRC32C.flat.withUnsafeBufferPointer { t in
            while i + 8 <= n {
                let lo = base.loadUnaligned(fromByteOffset: i, as: UInt32.self).littleEndian ^ c
                let hi = base.loadUnaligned(fromByteOffset: i + 4, as: UInt32.self).littleEndian
                c = t[7 &* 256 &+ Int(lo & 0xFF)] ^ t[6 &* 256 &+ Int((lo >> 8) & 0xFF)]
                    ^ t[5 &* 256 &+ Int((lo >> 16) & 0xFF)] ^ t[4 &* 256 &+ Int(lo >> 24)]
                    ^ t[3 &* 256 &+ Int(hi & 0xFF)] ^ t[2 &* 256 &+ Int((hi >> 8) & 0xFF)]
                    ^ t[1 &* 256 &+ Int((hi >> 16) & 0xFF)] ^ t[Int(hi >> 24)]
                i &+= 8
            }
            while i < n {
                c = t[Int((c ^ UInt32(base.load(fromByteOffset: i, as: UInt8.self))) & 0xFF)] ^ (c >> 8)
                i &+= 1
            }
        }
        state = c
    }

    /// The checksum of everything fed so far.
    public var value: UInt32 { state ^ 0xFFFF_FFFF }

    /// The checksum of `bytes`.
    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var c = CRC32C()
        c.update(bytes)
        return c.value
    }

    /// The checksum of `data`.
    public static func checksum(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { checksum($0) }
    }
}

// MARK: - Little-endian record building

/// Appends little-endian fields to a byte buffer.
struct ByteWriter {
    var bytes: [UInt8] = []
    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u16(_ v: UInt16) { bytes.append(UInt8(v & 0xFF)); bytes.append(UInt8(v >> 8)) }
    mutating func u32(_ v: UInt32) { for i in 0..<4 { bytes.append(UInt8((v >> (8 * UInt32(i))) & 0xFF)) } }
    mutating func u64(_ v: UInt64) { for i in 0..<8 { bytes.append(UInt8((v >> (8 * UInt64(i))) & 0xFF)) } }
    mutating func i64(_ v: Int64) { u64(UInt64(bitPattern: v)) }
    mutating func range(_ r: (UInt32, UInt32)) { u32(r.0); u32(r.1) }
    mutating func zeros(_ n: Int) { bytes.append(contentsOf: repeatElement(0, count: n)) }
}

extension KilnError {
    /// A `malformedInput` error at a byte offset of a Kiln Lite file.
    static func lite(_ message: String, at offset: Int?) -> KilnError {
        KilnError(.malformedInput, message, at: .init(byteOffset: offset))
    }
}
