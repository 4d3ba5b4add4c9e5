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

    /// Largest member `readArchive` inflates (a zip bomb stops here, not in memory).
    public static let maxMemberBytes = 1 << 32

    /// Reads every member of an `.npz` archive: stored (`numpy.savez`) or deflated
    /// (`numpy.savez_compressed`), zip64 sizes; keys drop the `.npy` suffix. The zip structure is
    /// parsed here with every offset checked; only the bounds-checked compressed bytes of a
    /// member go to ZIPFoundation's inflater, then its CRC-32 is checked. (ZIPFoundation's own
    /// in-memory archive reader traps on some truncated files, so it never sees the archive.)
    public static func readArchive(_ data: Data) throws -> [(String, Tensor)] {
        let b = [UInt8](data)
        func bad(_ why: String) -> KilnError { KilnError(.malformedInput, "not a valid .npz archive: \(why)") }
        func u16(_ o: Int) throws -> Int {
            // `o` may come from a zip64 field (up to 2^63): compare without adding to it.
            guard o >= 0, o <= b.count - 2 else { throw bad("truncated at byte \(o)") }
            return Int(b[o]) | Int(b[o + 1]) << 8
        }
        func u32(_ o: Int) throws -> Int {
            guard o >= 0, o <= b.count - 4 else { throw bad("truncated at byte \(o)") }
            return Int(b[o]) | Int(b[o + 1]) << 8 | Int(b[o + 2]) << 16 | Int(b[o + 3]) << 24
        }
        // Find the end-of-central-directory record (last 64 KiB + 22 bytes).
        var eocd = -1
        var i = b.count - 22
        while i >= max(0, b.count - 22 - 65535) {
            if b[i] == 0x50 && b[i + 1] == 0x4b && b[i + 2] == 5 && b[i + 3] == 6 { eocd = i; break }
            i -= 1
        }
        guard eocd >= 0 else { throw bad("no end-of-central-directory record") }
        let entries = try u16(eocd + 10)
        var p = try u32(eocd + 16)
        var out: [(String, Tensor)] = []
        var seen = Set<String>()
        for _ in 0..<entries {
            guard try u32(p) == 0x02014b50 else { throw bad("bad central directory entry at byte \(p)") }
            let method = try u16(p + 10)
            let crc = UInt32(try u32(p + 16))
            var compressed = try u32(p + 20)
            var size = try u32(p + 24)
            let nameLen = try u16(p + 28)
            let extraLen = try u16(p + 30)
            let commentLen = try u16(p + 32)
            var local = try u32(p + 42)
            guard p + 46 + nameLen <= b.count else { throw bad("truncated name at byte \(p)") }
            let name = String(decoding: b[(p + 46)..<(p + 46 + nameLen)], as: UTF8.self)
            // zip64 extra field (numpy writes it for large members).
            var e = p + 46 + nameLen
            let extraEnd = e + extraLen
            while e + 4 <= extraEnd {
                let id = try u16(e)
                let len = try u16(e + 2)
                if id == 1 {
                    var q = e + 4
                    func u64() throws -> Int {
                        let lo = try u32(q)
                        let hi = try u32(q + 4)
                        q += 8
                        guard hi < 1 << 31 else { throw bad("zip64 size out of range") }
                        return lo | hi << 32
                    }
                    if size == 0xffff_ffff { size = try u64() }
                    if compressed == 0xffff_ffff { compressed = try u64() }
                    if local == 0xffff_ffff { local = try u64() }
                }
                e += 4 + len
            }
            p = extraEnd + commentLen
            guard method == 0 || method == 8 else {
                throw bad("member '\(name)' uses compression method \(method); only stored and deflate (numpy.savez, savez_compressed) are read")
            }
            guard try u32(local) == 0x04034b50 else { throw bad("bad local header for '\(name)'") }
            let start = local + 30 + (try u16(local + 26)) + (try u16(local + 28))
            guard compressed >= 0, size >= 0, start >= 0, start <= b.count, compressed <= b.count - start else {
                throw bad("member '\(name)' runs past the end of the file")
            }
            guard size <= maxMemberBytes else {
                throw KilnError(.limitExceeded, "member '\(name)' would decompress to \(size) bytes, above \(maxMemberBytes)")
            }
            let stored = Data(b[start..<(start + compressed)])
            var body: Data
            if method == 0 {
                guard size == compressed else { throw bad("stored member '\(name)' has mismatched sizes") }
                body = stored
            } else {
                // Inflate only the bounds-checked slice (ZIPFoundation's zlib wrapper), stopping
                // at the declared size so a zip bomb cannot grow memory.
                body = Data()
                body.reserveCapacity(min(size, 1 << 28))
                do {
                    _ = try Data.decompress(
                        size: Int64(compressed), bufferSize: 1 << 16, skipCRC32: true,
                        provider: { position, chunk in
                            // ZIPFoundation keeps asking for input until the deflate stream ends;
                            // a truncated stream would make it loop forever on empty chunks.
                            let lo = Int(position)
                            guard lo >= 0, lo < stored.count else {
                                throw KilnError(
                                    .malformedInput, "member '\(name)' ends before its deflate stream does")
                            }
                            // ZIPFoundation tells zlib that every chunk holds `chunk` bytes
                            // (avail_in = bufferSize), so a short last chunk let inflate read
                            // past it (fuzz finding, an ASan stack-buffer-overflow): pad it.
                            var piece = stored.subdata(in: lo..<min(stored.count, lo + chunk))
                            if piece.count < chunk { piece.append(Data(count: chunk - piece.count)) }
                            return piece
                        },
                        consumer: { piece in
                            guard body.count + piece.count <= size else {
                                throw KilnError(.malformedInput, "member '\(name)' inflates past its declared size")
                            }
                            body.append(piece)
                        })
                } catch let e as KilnError {
                    throw bad(e.message)
                } catch {
                    throw bad("member '\(name)' does not inflate: \(error)")
                }
                guard body.count == size else { throw bad("member '\(name)' inflates to \(body.count) bytes, not \(size)") }
            }
            guard ZipCRC32.checksum(body) == crc else { throw bad("member '\(name)' fails its CRC-32") }
            let key = name.hasSuffix(".npy") ? String(name.dropLast(4)) : name
            guard seen.insert(key).inserted else {
                throw bad("member '\(key)' appears more than once")
            }
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
