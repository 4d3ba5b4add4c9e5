import Foundation
import KilnIR

// Type-agnostic data movement: kernels that only move elements (Transpose, Slice, Gather, Tile,
// Pad, Concat, ...) compute element indices and let these helpers copy bytes, so they work for
// every element type, strings included.

extension Tensor {
    /// A tensor of `shape` whose i-th element is element `indices[i]` of this tensor.
    /// Precondition: every index is in range (callers validate indices derived from input).
    public func gathered(_ indices: [Int], shape: [Int64]) -> Tensor {
        var out = Tensor(name: "", elementType: elementType, shape: shape)
        if elementType == .string {
            out.strings = indices.map { strings[$0] }
            return out
        }
        let bits = elementType.bitWidth ?? 8
        if bits % 8 != 0 {
            let nibbles = unpackNibbles(data, count: elementCount ?? 0)
            out.data = packNibbles(indices.map { nibbles[$0] })
            return out
        }
        let width = bits / 8
        var bytes = Data(count: indices.count * width)
        data.withUnsafeBytes { src in
            bytes.withUnsafeMutableBytes { dst in
                switch width {
                case 1:
                    for (i, j) in indices.enumerated() { dst[i] = src[j] }
                case 2: copyElements(src, dst, indices, UInt16.self)
                case 4: copyElements(src, dst, indices, UInt32.self)
                case 8: copyElements(src, dst, indices, UInt64.self)
                default:
                    for (i, j) in indices.enumerated() {
                        for b in 0..<width { dst[i * width + b] = src[j * width + b] }
                    }
                }
            }
        }
        out.data = bytes
        return out
    }

    /// This tensor's elements followed by `other`'s (same element type), as a flat tensor.
    public func appendingElements(of other: Tensor) -> Tensor {
        precondition(other.elementType == elementType, "appending mismatched element types")
        let n = (elementCount ?? 0) + (other.elementCount ?? 0)
        var out = Tensor(name: "", elementType: elementType, shape: [Int64(n)])
        if elementType == .string {
            out.strings = strings + other.strings
        } else if (elementType.bitWidth ?? 8) % 8 != 0 {
            out.data = packNibbles(
                unpackNibbles(data, count: elementCount ?? 0)
                    + unpackNibbles(other.data, count: other.elementCount ?? 0))
        } else {
            out.data = data + other.data
        }
        return out
    }

    /// Concatenates `parts` (same type, same rank, equal dims except `axis`) along `axis`.
    public static func concatenate(_ parts: [Tensor], axis: Int) throws -> Tensor {
        guard let first = parts.first else {
            throw KilnError(.malformedInput, "Concat needs at least one input")
        }
        let rank = first.shape.count
        var shape = first.shape
        shape[axis] = 0
        for p in parts {
            guard p.elementType == first.elementType, p.shape.count == rank else {
                throw KilnError(.shapeMismatch, "Concat inputs differ in element type or rank")
            }
            for d in 0..<rank where d != axis && p.shape[d] != first.shape[d] {
                throw KilnError(
                    .shapeMismatch, "Concat inputs \(first.shape) and \(p.shape) differ off-axis")
            }
            shape[axis] += p.shape[axis]
        }
        let outer = try Checked.product(Array(first.shape[..<axis]))
        // Build one combined flat source and an index map into it.
        var combined = parts[0].reshaped([Int64(parts[0].elementCount ?? 0)])
        var offsets = [0]
        for p in parts.dropFirst() {
            offsets.append(combined.elementCount ?? 0)
            combined = combined.appendingElements(of: p)
        }
        var indices: [Int] = []
        indices.reserveCapacity(try Checked.product(shape))
        let chunks = try parts.map { try Checked.product(Array($0.shape[axis...])) }
        for o in 0..<outer {
            for (k, chunk) in chunks.enumerated() {
                let base = offsets[k] + o * chunk
                for i in 0..<chunk { indices.append(base + i) }
            }
        }
        return combined.gathered(indices, shape: shape)
    }

    /// Splits along `axis` into pieces of the given sizes.
    public func split(axis: Int, sizes: [Int]) throws -> [Tensor] {
        let d = dims
        let outer = d[..<axis].reduce(1, *)
        let inner = d[(axis + 1)...].reduce(1, *)
        var start = 0
        var out: [Tensor] = []
        for s in sizes {
            var idx: [Int] = []
            idx.reserveCapacity(outer * s * inner)
            for o in 0..<outer {
                let base = (o * d[axis] + start) * inner
                for i in 0..<(s * inner) { idx.append(base + i) }
            }
            var shp = shape
            shp[axis] = Int64(s)
            out.append(gathered(idx, shape: shp))
            start += s
        }
        return out
    }

    /// Transposes by `perm`.
    ///
    /// Byte-sized element types are copied with one strided loop per output row (a `memcpy`
    /// when the last axis stays in place); other types go through an index gather.
    public func transposed(_ perm: [Int]) -> Tensor {
        let d = dims
        let outDims = perm.map { d[$0] }
        let inStrides = rowMajorStrides(d)
        let st = perm.map { inStrides[$0] }
        let n = elementCount ?? 0
        guard elementType != .string, let bits = elementType.bitWidth, bits % 8 == 0, n > 0,
            let inner = outDims.last, inner > 0
        else { return transposedByGather(perm) }
        let w = bits / 8
        let innerStride = st[st.count - 1]
        let rank = d.count
        var out = Data(count: n * w)
        data.withUnsafeBytes { (src: UnsafeRawBufferPointer) in
            out.withUnsafeMutableBytes { (dst: UnsafeMutableRawBufferPointer) in
                guard let s = src.baseAddress, let t = dst.baseAddress else { return }
                var counter = [Int](repeating: 0, count: rank)
                var base = 0
                var o = 0
                while o < n {
                    if innerStride == 1 {
                        (t + o * w).copyMemory(from: s + base * w, byteCount: inner * w)
                    } else {
                        switch w {
                        case 4: Self.strided(s, t, base, o, inner, innerStride, UInt32.self)
                        case 8: Self.strided(s, t, base, o, inner, innerStride, UInt64.self)
                        case 2: Self.strided(s, t, base, o, inner, innerStride, UInt16.self)
                        case 1: Self.strided(s, t, base, o, inner, innerStride, UInt8.self)
                        default:
                            for i in 0..<inner {
                                (t + (o + i) * w).copyMemory(
                                    from: s + (base + i * innerStride) * w, byteCount: w)
                            }
                        }
                    }
                    o += inner
                    // Advance the output counter over all axes but the last.
                    var k = rank - 2
                    while k >= 0 {
                        counter[k] += 1
                        base += st[k]
                        if counter[k] < outDims[k] { break }
                        base -= st[k] * counter[k]
                        counter[k] = 0
                        k -= 1
                    }
                }
            }
        }
        return Tensor(
            name: name, elementType: elementType, shape: outDims.map(Int64.init), data: out)
    }

    @inline(__always)
    private static func strided<W>(
        _ s: UnsafeRawPointer, _ t: UnsafeMutableRawPointer, _ base: Int, _ o: Int, _ inner: Int,
        _ stride: Int, _: W.Type
    ) {
        let src = s.assumingMemoryBound(to: W.self)
        let dst = t.assumingMemoryBound(to: W.self)
        for i in 0..<inner { dst[o + i] = src[base + i * stride] }
    }

    /// Index-gather transpose for strings and sub-byte types.
    private func transposedByGather(_ perm: [Int]) -> Tensor {
        let d = dims
        let outDims = perm.map { d[$0] }
        let inStrides = rowMajorStrides(d)
        let st = perm.map { inStrides[$0] }
        let n = elementCount ?? 0
        var idx = [Int](repeating: 0, count: n)
        var counter = [Int](repeating: 0, count: d.count)
        var lin = 0
        for i in 0..<n {
            idx[i] = lin
            var k = d.count - 1
            while k >= 0 {
                counter[k] += 1
                lin += st[k]
                if counter[k] < outDims[k] { break }
                lin -= st[k] * counter[k]
                counter[k] = 0
                k -= 1
            }
        }
        return gathered(idx, shape: outDims.map(Int64.init))
    }

    /// One element as a scalar tensor.
    public func element(at i: Int) -> Tensor { gathered([i], shape: []) }
}

@inline(__always)
private func copyElements<W>(
    _ src: UnsafeRawBufferPointer, _ dst: UnsafeMutableRawBufferPointer, _ indices: [Int],
    _: W.Type
) {
    let w = MemoryLayout<W>.stride
    for (i, j) in indices.enumerated() {
        dst.storeBytes(
            of: src.loadUnaligned(fromByteOffset: j * w, as: W.self), toByteOffset: i * w,
            as: W.self)
    }
}

extension KernelContext {
    /// Integer values of input `i` (any integer type), or `nil` when omitted.
    public func optionalInts(_ i: Int) throws -> [Int64]? {
        guard let t = try optionalTensor(i) else { return nil }
        return try t.int64s()
    }

    /// The number of inputs actually given (trailing omitted inputs not counted).
    public var givenInputCount: Int {
        var n = inputs.count
        while n > 0, inputs[n - 1] == nil { n -= 1 }
        return n
    }

    /// All tensors among the inputs (variadic ops), skipping omitted ones.
    public func allTensors() throws -> [Tensor] {
        try (0..<inputs.count).compactMap { try optionalTensor($0) }
    }
}
