import Foundation
import KilnIR
import ZIPFoundation

/// Reads and writes NumPy `.npy` arrays and `.npz` archives (reads stored and deflated members
/// through ZIPFoundation; writes stored members, as `numpy.savez` does).
///
/// Every header field and offset read from a file is validated before use.
public enum NumPyFiles {
    static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]  // \x93NUMPY
    static let maxHeader = 1 << 20

    // MARK: - .npy

    public static func descr(_ t: ElementType) -> String? {
        switch t {
        case .float32: return "<f4"
        case .float64: return "<f8"
        case .float16: return "<f2"
        case .int8: return "|i1"
        case .int16: return "<i2"
        case .int32: return "<i4"
        case .int64: return "<i8"
        case .uint8: return "|u1"
        case .uint16: return "<u2"
        case .uint32: return "<u4"
        case .uint64: return "<u8"
        case .bool: return "|b1"
        case .complex64: return "<c8"
        case .complex128: return "<c16"
        default: return nil
        }
    }

    public static func elementType(descr: String) -> ElementType? {
        let d = descr.replacingOccurrences(of: "=", with: "<")
        for t in ElementType.allCases where self.descr(t) == d { return t }
        // Single-byte types may be written with '<' or '='.
        switch d {
        case "<i1": return .int8
        case "<u1": return .uint8
        case "<b1", "|?", "<?": return .bool
        default: return nil
        }
    }

    /// Encodes one tensor as `.npy` (version 1.0, C order).
    public static func encode(_ t: Tensor) throws -> Data {
        guard let d = descr(t.elementType) else {
            throw KilnError(
                .unsupportedFeature,
                "output '\(t.name)' has element type \(t.elementType.name), which .npy cannot hold")
        }
        let shape = t.shape.map(String.init).joined(separator: ", ") + (t.shape.count == 1 ? "," : "")
        var header = "{'descr': '\(d)', 'fortran_order': False, 'shape': (\(shape)), }"
        let total = magic.count + 4 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - total % 64) % 64) + "\n"
        var out = Data(magic)
        out.append(contentsOf: [1, 0])
        let n = UInt16(header.utf8.count)
        out.append(contentsOf: [UInt8(n & 0xff), UInt8(n >> 8)])
        out.append(contentsOf: Array(header.utf8))
        out.append(t.data)
        return out
    }

    /// Decodes a `.npy` file's bytes into a tensor called `name`.
    public static func decode(_ data: Data, name: String) throws -> Tensor {
        func bad(_ why: String) -> KilnError {
            KilnError(.malformedInput, "not a valid .npy array: \(why)", at: .init(value: name))
        }
        let bytes = [UInt8](data.prefix(12))
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else { throw bad("missing the NUMPY magic") }
        let major = bytes[6]
        var headerLength: Int
        var offset: Int
        if major == 1 {
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            offset = 10
        } else if major == 2 || major == 3 {
            guard bytes.count >= 12 else { throw bad("truncated header") }
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
            offset = 12
        } else {
            throw bad("unknown format version \(major)")
        }
        guard headerLength <= maxHeader, offset + headerLength <= data.count else {
            throw bad("header length \(headerLength) runs past the end of the file")
        }
        let start = data.startIndex
        let header = String(decoding: data[start + offset..<start + offset + headerLength], as: UTF8.self)
        guard let descr = field(header, "descr"), let fortran = field(header, "fortran_order"),
            let shapeText = field(header, "shape")
        else { throw bad("header lacks descr, fortran_order or shape: \(header.prefix(80))") }
        guard let type = elementType(descr: descr) else {
            throw bad("unsupported dtype '\(descr)' (Kiln reads little-endian numeric and bool arrays)")
        }
        guard fortran == "False" else { throw bad("Fortran-ordered arrays are not supported; save with C order") }
        var shape: [Int64] = []
        for part in shapeText.trimmingCharacters(in: CharacterSet(charactersIn: "() ")).split(separator: ",") {
            let p = part.trimmingCharacters(in: .whitespaces)
            if p.isEmpty { continue }
            guard let v = Int64(p), v >= 0 else { throw bad("bad dimension '\(p)'") }
            shape.append(v)
        }
        guard let count = Tensor.elementCount(shape), let need = type.byteCount(elements: count) else {
            throw bad("shape \(shape) overflows")
        }
        let body = offset + headerLength
        guard data.count - body == need else {
            throw bad("holds \(data.count - body) data bytes but \(descr)\(shape) needs \(need)")
        }
        return Tensor(name: name, elementType: type, shape: shape, data: Data(data[(start + body)...]))
    }

    /// Extracts `'key': value` from a .npy header dict literal.
    static func field(_ header: String, _ key: String) -> String? {
        guard let r = header.range(of: "'\(key)'") else { return nil }
        var rest = header[r.upperBound...].drop { $0 == " " || $0 == ":" }
        if rest.first == "'" {
            rest = rest.dropFirst()
            return rest.firstIndex(of: "'").map { String(rest[..<$0]) }
        }
        if rest.first == "(" {
            return rest.firstIndex(of: ")").map { String(rest[...$0]) }
        }
        let end = rest.firstIndex { $0 == "," || $0 == "}" } ?? rest.endIndex
        return String(rest[..<end]).trimmingCharacters(in: .whitespaces)
    }

    // MARK: - .npz (zip)

    /// Largest member `readArchive` decompresses (a zip bomb stops here, not in memory).
    public static let maxMemberBytes = 1 << 32

    /// Reads every member of an `.npz` archive (`numpy.savez` or `numpy.savez_compressed`:
    /// stored or deflated members, zip64); keys drop the `.npy` suffix. Each member's declared
    /// size is checked against `maxMemberBytes` before extraction and its CRC-32 after.
    public static func readArchive(_ data: Data) throws -> [(String, Tensor)] {
        func bad(_ why: String) -> KilnError { KilnError(.malformedInput, "not a valid .npz archive: \(why)") }
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw bad("\(error)")
        }
        var out: [(String, Tensor)] = []
        for entry in archive {
            let name = entry.path
            guard entry.type == .file else { continue }
            guard entry.uncompressedSize <= Int64(maxMemberBytes) else {
                throw KilnError(
                    .limitExceeded,
                    "member '\(name)' would decompress to \(entry.uncompressedSize) bytes, above \(maxMemberBytes)")
            }
            var body = Data()
            body.reserveCapacity(Int(max(0, min(entry.uncompressedSize, 1 << 28))))
            let limit = Int(entry.uncompressedSize)
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    guard body.count + chunk.count <= limit else {
                        throw KilnError(.malformedInput, "member '\(name)' is larger than its declared size")
                    }
                    body.append(chunk)
                }
            } catch let e as KilnError {
                throw e
            } catch {
                throw bad("member '\(name)': \(error)")
            }
            let key = name.hasSuffix(".npy") ? String(name.dropLast(4)) : name
            out.append((key, try decode(body, name: key)))
        }
        return out
    }

    /// Writes tensors as an uncompressed zip of `.npy` members (what `numpy.savez` writes).
    public static func writeArchive(_ tensors: [(String, Tensor)]) throws -> Data {
        var out = Data()
        var central = Data()
        func le16(_ v: Int, _ d: inout Data) { d.append(contentsOf: [UInt8(v & 0xff), UInt8(v >> 8 & 0xff)]) }
        func le32(_ v: Int, _ d: inout Data) { for s in stride(from: 0, to: 32, by: 8) { d.append(UInt8(v >> s & 0xff)) } }
        for (key, t) in tensors {
            let body = try encode(t)
            let name = Array((key + ".npy").utf8)
            guard body.count < 0xffff_ffff, out.count < 0xffff_ffff else {
                throw KilnError(.limitExceeded, "output '\(key)' is too large for a .npz archive; use .npy")
            }
            let crc = ZipCRC32.checksum(body)
            let offset = out.count
            le32(0x04034b50, &out); le16(20, &out); le16(0, &out); le16(0, &out)
            le16(0, &out); le16(0x21, &out)  // fixed DOS time/date (1980-01-01) for determinism
            le32(Int(crc), &out); le32(body.count, &out); le32(body.count, &out)
            le16(name.count, &out); le16(0, &out); out.append(contentsOf: name); out.append(body)
            le32(0x02014b50, &central); le16(20, &central); le16(20, &central); le16(0, &central)
            le16(0, &central); le16(0, &central); le16(0x21, &central)
            le32(Int(crc), &central); le32(body.count, &central); le32(body.count, &central)
            le16(name.count, &central); le16(0, &central); le16(0, &central); le16(0, &central)
            le16(0, &central); le32(0, &central); le32(offset, &central); central.append(contentsOf: name)
        }
        let cdOffset = out.count
        out.append(central)
        le32(0x06054b50, &out); le16(0, &out); le16(0, &out)
        le16(tensors.count, &out); le16(tensors.count, &out)
        le32(central.count, &out); le32(cdOffset, &out); le16(0, &out)
        return out
    }
}

/// CRC-32 (IEEE 802.3), as zip requires.
enum ZipCRC32 {
    static let table: [UInt32] = (0..<256).map { i -> UInt32 in
        var c = UInt32(i)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ data: Data) -> UInt32 {
        var c: UInt32 = 0xffff_ffff
        data.withUnsafeBytes { raw in
            for byte in raw { c = table[Int((c ^ UInt32(byte)) & 0xff)] ^ (c >> 8) }
        }
        return c ^ 0xffff_ffff
    }
}
