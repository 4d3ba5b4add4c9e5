import CKilnZlib

/// Raw DEFLATE (RFC 1951, no zlib or gzip wrapper) for Kiln Lite's compressed table sections
/// (`schemas/kiln-lite.md` §4.2), through the system zlib.
///
/// Only structural tables are compressed; the weights never are, so they stay mappable.
enum LiteDeflate {
    /// The largest expansion DEFLATE can encode: a stored-length code of 258 bytes in one bit
    /// pair gives at most 1032:1. A declared inflated size beyond this bound is a lie.
    static let maximumRatio = 1032

    /// `input` compressed at level 9 (deterministic for a given zlib), or nil when zlib fails or
    /// the input does not fit its 32-bit length fields.
    static func compress(_ input: [UInt8]) -> [UInt8]? {
        guard input.count <= Int(UInt32.max) else { return nil }
        var s = z_stream()
        let initialized = deflateInit2_(
            &s, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
            Int32(MemoryLayout<z_stream>.size))
        guard initialized == Z_OK else { return nil }
        defer { deflateEnd(&s) }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&s, uLong(input.count))))
        let rc = input.withUnsafeBytes { inp in
            out.withUnsafeMutableBytes { o -> Int32 in
                s.next_in = UnsafeMutablePointer(
                    mutating: inp.baseAddress?.assumingMemoryBound(to: Bytef.self))
                s.avail_in = uInt(inp.count)
                s.next_out = o.baseAddress?.assumingMemoryBound(to: Bytef.self)
                s.avail_out = uInt(o.count)
                return deflate(&s, Z_FINISH)
            }
        }
        guard rc == Z_STREAM_END, Int(s.total_out) <= out.count else { return nil }
        out.removeLast(out.count - Int(s.total_out))
        return out
    }

    /// Inflates `input` into exactly `output.count` bytes. Fails (false) unless the stream is
    /// valid, ends exactly at the end of `input`, and produces exactly `output.count` bytes:
    /// zlib never writes past `avail_out`, so a hostile stream cannot overrun the buffer.
    static func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer)
        -> Bool
    {
        guard input.count <= Int(UInt32.max), output.count <= Int(UInt32.max) else { return false }
        var s = z_stream()
        guard
            inflateInit2_(&s, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return false }
        defer { inflateEnd(&s) }
        // zlib wants non-null pointers even for empty buffers.
        var empty: UInt8 = 0
        return withUnsafeMutablePointer(to: &empty) { placeholder -> Bool in
            s.next_in = UnsafeMutablePointer(
                mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self)) ?? placeholder
            s.avail_in = uInt(input.count)
            s.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self) ?? placeholder
            s.avail_out = uInt(output.count)
            let rc = CKilnZlib.inflate(&s, Z_FINISH)
            return rc == Z_STREAM_END && s.avail_in == 0 && Int(s.total_out) == output.count
        }
    }
}
