import Foundation
import KilnIR
import KilnOps

/// `Slice` on byte-aligned element types: walks the output rows and copies each run of the
/// innermost axis with one `memcpy` (step 1) or a strided byte loop, instead of building a
/// per-element index list. The start/end/step resolution is the reference's own
/// (`sliceGeometry`); strings and 4-bit types go to the standard op. Bytes are moved, never
/// converted, so the result is identical.
struct FastSlice: KernelVariant {
    var domain: String { "" }
    var opType: String { "Slice" }

    func run(ifSupported context: KernelContext) throws -> [Value]? {
        let (x, begin, step, outShape) = try sliceGeometry(context)
        guard x.elementType != .string, let bits = x.elementType.bitWidth, bits % 8 == 0,
            let count = x.elementCount, count * (bits / 8) == x.data.count, !x.shape.isEmpty
        else { return nil }
        let width = bits / 8
        let rank = x.shape.count
        let out = outShape.map { Int($0) }
        let total = try Checked.product(outShape)
        var bytes = BufferPool.data(count: total * width, zeroed: true)
        if total > 0 {
            let strides = rowMajorStrides(x.dims)
            let inner = out[rank - 1]
            let innerStep = Int(step[rank - 1])
            x.data.withUnsafeBytes { src in
                bytes.withUnsafeMutableBytes { dst in
                    guard let s = src.baseAddress, let d = dst.baseAddress else { return }
                    var index = [Int](repeating: 0, count: rank - 1)
                    var o = 0
                    while o < total * width {
                        var lin = Int(begin[rank - 1])
                        for a in 0..<(rank - 1) {
                            lin += (Int(begin[a]) + index[a] * Int(step[a])) * strides[a]
                        }
                        if innerStep == 1 {
                            (d + o).copyMemory(from: s + lin * width, byteCount: inner * width)
                        } else {
                            for i in 0..<inner {
                                (d + o + i * width).copyMemory(
                                    from: s + (lin + i * innerStep) * width, byteCount: width)
                            }
                        }
                        o += inner * width
                        Self.advance(&index, within: out)
                    }
                }
            }
        }
        return [.tensor(Tensor(elementType: x.elementType, shape: outShape, data: bytes))]
    }

    /// Steps a row-major multi-index over the leading `index.count` dims of `dims` (the last
    /// index varies fastest), wrapping to zeros after the last row.
    static func advance(_ index: inout [Int], within dims: [Int]) {
        var a = index.count - 1
        while a >= 0 {
            index[a] += 1
            if index[a] < dims[a] { return }
            index[a] = 0
            a -= 1
        }
    }
}
