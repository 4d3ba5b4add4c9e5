import Foundation
import KilnIR

/// Just enough of the protobuf wire format to (1) validate the outer structure of a model file
/// with byte offsets in the error, (2) lift large initializer `raw_data` payloads out of the file
/// without copying them, and (3) write such payloads straight to disk when exporting.
///
/// ```
/// ModelProto ─ field 7 (graph) ─▶ GraphProto ─ field 5 (initializer) ─▶ TensorProto ─ field 9 (raw_data)
/// ```
/// The stripped copy that swift-protobuf decodes holds everything except those payloads, so a
/// 2 GiB model decodes from a few kilobytes of structure while weights stay memory-mapped.
enum ProtoWire {
    /// Payloads smaller than this stay inline (copying them is cheaper than tracking them).
    static let splitThreshold = 4096

    enum WireType: UInt64 {
        case varint = 0, fixed64 = 1, lengthDelimited = 2, startGroup = 3, endGroup = 4, fixed32 = 5
    }

    struct Field {
        var number: UInt64
        var wireType: WireType
        /// Byte range of the whole field (tag through payload), relative to the buffer start.
        var range: Range<Int>
        /// Byte range of the payload of a length-delimited field.
        var payload: Range<Int>
    }

    /// Reads a varint at `offset`, returning the value and the offset after it.
    static func varint(_ p: UnsafeRawBufferPointer, _ offset: Int, end: Int) throws -> (UInt64, Int) {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        var i = offset
        while true {
            guard i < end else { throw malformed("a varint runs past the end of its message", at: offset) }
            let b = p[i]
            i += 1
            if shift == 63 && b > 1 { throw malformed("a varint overflows 64 bits", at: offset) }
            result |= UInt64(b & 0x7f) << shift
            if b & 0x80 == 0 { return (result, i) }
            shift += 7
            if shift > 63 { throw malformed("a varint is longer than 10 bytes", at: offset) }
        }
    }

    static func malformed(_ what: String, at offset: Int) -> KilnError {
        KilnError(
            .malformedInput, "not a valid ONNX model: \(what)", at: .init(byteOffset: offset))
    }

    /// Walks the fields of the message occupying `range`, validating tags and lengths.
    static func fields(_ p: UnsafeRawBufferPointer, _ range: Range<Int>, _ body: (Field) throws -> Void)
        throws
    {
        var i = range.lowerBound
        while i < range.upperBound {
            let start = i
            let (tag, afterTag) = try varint(p, i, end: range.upperBound)
            let number = tag >> 3
            guard number > 0, number < (1 << 29) else {
                throw malformed("field number \(number) is invalid", at: start)
            }
            guard let wt = WireType(rawValue: tag & 7) else {
                throw malformed("unknown wire type \(tag & 7) for field \(number)", at: start)
            }
            i = afterTag
            var payload = i..<i
            switch wt {
            case .varint:
                (_, i) = try varint(p, i, end: range.upperBound)
            case .fixed64:
                guard range.upperBound - i >= 8 else { throw malformed("a fixed64 field is truncated", at: start) }
                i += 8
            case .fixed32:
                guard range.upperBound - i >= 4 else { throw malformed("a fixed32 field is truncated", at: start) }
                i += 4
            case .lengthDelimited:
                let (len, afterLen) = try varint(p, i, end: range.upperBound)
                guard len <= UInt64(range.upperBound - afterLen) else {
                    throw malformed(
                        "field \(number) declares \(len) bytes but only \(range.upperBound - afterLen) remain",
                        at: start)
                }
                payload = afterLen..<afterLen + Int(len)
                i = payload.upperBound
            case .startGroup, .endGroup:
                throw malformed("deprecated group encoding in field \(number)", at: start)
            }
            try body(Field(number: number, wireType: wt, range: start..<i, payload: payload))
        }
    }

    struct Split {
        /// The model with large initializer payloads removed (the input itself when none were).
        var stripped: Data
        /// Main-graph initializer index → its raw_data bytes (views into the input).
        var payloads: [Int: Data]
    }

    /// Validates the outer structure and splits large main-graph initializer payloads off.
    static func splitInitializerPayloads(_ data: Data) throws -> Split {
        // Offsets below are relative to the buffer; `base` converts to Data indices.
        let base = data.startIndex
        var payloads: [Int: Data] = [:]
        var pieces: [Piece] = []
        try data.withUnsafeBytes { (p: UnsafeRawBufferPointer) in
            var initializerIndex = 0
            try fields(p, 0..<p.count) { field in
                guard field.number == 7, field.wireType == .lengthDelimited else {
                    pieces.append(.copy(field.range))
                    return
                }
                var graphPieces: [Piece] = []
                var changed = false
                try fields(p, field.payload) { gf in
                    guard gf.number == 5, gf.wireType == .lengthDelimited else {
                        graphPieces.append(.copy(gf.range))
                        return
                    }
                    var tensorPieces: [Piece] = []
                    var raw: Range<Int>?
                    try fields(p, gf.payload) { tf in
                        if tf.number == 9, tf.wireType == .lengthDelimited {
                            raw = tf.payload
                            tensorPieces.append(.rawData(tf.range))
                        } else {
                            tensorPieces.append(.copy(tf.range))
                        }
                    }
                    if let raw, raw.count >= splitThreshold {
                        payloads[initializerIndex] = data[base + raw.lowerBound..<base + raw.upperBound]
                        // Drop every raw_data field of this tensor (the last one is the value).
                        tensorPieces = tensorPieces.filter { if case .rawData = $0 { false } else { true } }
                        graphPieces.append(.message(number: 5, tensorPieces))
                        changed = true
                    } else {
                        graphPieces.append(.copy(gf.range))
                    }
                    initializerIndex += 1
                }
                pieces.append(changed ? .message(number: 7, graphPieces) : .copy(field.range))
            }
        }
        if payloads.isEmpty { return Split(stripped: data, payloads: [:]) }
        var out = Data()
        data.withUnsafeBytes { p in
            for piece in pieces { piece.emit(p, into: &out) }
        }
        return Split(stripped: out, payloads: payloads)
    }

    /// A part of a message being re-encoded: copied bytes or a rebuilt sub-message.
    indirect enum Piece {
        case copy(Range<Int>)
        case rawData(Range<Int>)
        case message(number: UInt64, [Piece])

        func size() -> Int {
            switch self {
            case .copy(let r), .rawData(let r): return r.count
            case .message(let n, let parts):
                let body = parts.reduce(0) { $0 + $1.size() }
                return ProtoWire.varintSize(n << 3 | 2) + ProtoWire.varintSize(UInt64(body)) + body
            }
        }

        func emit(_ p: UnsafeRawBufferPointer, into out: inout Data) {
            switch self {
            case .copy(let r), .rawData(let r):
                out.append(contentsOf: UnsafeRawBufferPointer(rebasing: p[r]))
            case .message(let n, let parts):
                let body = parts.reduce(0) { $0 + $1.size() }
                ProtoWire.appendVarint(n << 3 | 2, to: &out)
                ProtoWire.appendVarint(UInt64(body), to: &out)
                for part in parts { part.emit(p, into: &out) }
            }
        }
    }

    // MARK: - Encoding helpers

    static func varintSize(_ v: UInt64) -> Int {
        var n = 1
        var x = v >> 7
        while x != 0 {
            n += 1
            x >>= 7
        }
        return n
    }

    static func appendVarint(_ v: UInt64, to out: inout Data) {
        var x = v
        while x >= 0x80 {
            out.append(UInt8(x & 0x7f) | 0x80)
            x >>= 7
        }
        out.append(UInt8(x))
    }

    /// Header bytes of a length-delimited field: tag and length.
    static func header(field: UInt64, length: Int) -> Data {
        var d = Data()
        appendVarint(field << 3 | 2, to: &d)
        appendVarint(UInt64(length), to: &d)
        return d
    }
}
