import Foundation
import KilnIR
import KilnOps

/// `Gather` on byte-aligned element types: copies each selected slice (`inner` contiguous
/// elements) with one `memcpy` instead of building a per-element index list. Strings, 4-bit
/// types and out-of-range indices (which must throw the reference's error) go to the
/// standard op. Bytes are moved, never converted, so the result is identical.
struct FastGather: KernelVariant {
    var domain: String { "" }
    var opType: String { "Gather" }

    func run(ifSupported context: KernelContext) throws -> [Value]? {
        let c = context
        let x = try c.tensor(0)
        let ind = try c.tensor(1)
        guard x.elementType != .string, let bits = x.elementType.bitWidth, bits % 8 == 0,
            let count = x.elementCount, count * (bits / 8) == x.data.count,
            ind.elementType == .int64 || ind.elementType == .int32
        else { return nil }
        let axis = try Axis.normalize(c.int("axis", default: 0), rank: x.shape.count, op: "Gather")
        let d = x.dims
        let width = bits / 8
        let outer = d[..<axis].reduce(1, *)
        let dim = d[axis]
        let inner = d[(axis + 1)...].reduce(1, *)
        var iv: [Int] = []
        for v in try ind.int64s() {
            let j = v < 0 ? Int(v) + dim : Int(v)
            guard v >= -Int64(dim), v < Int64(dim), j >= 0, j < dim else {
                return nil
            }
            iv.append(j)
        }
        let shape = Array(x.shape[..<axis]) + ind.shape + Array(x.shape[(axis + 1)...])
        let block = inner * width
        var bytes = BufferPool.data(count: outer * iv.count * block, zeroed: true)
        if !bytes.isEmpty {
            x.data.withUnsafeBytes { src in
                bytes.withUnsafeMutableBytes { dst in
                    guard let s = src.baseAddress, let t = dst.baseAddress else { return }
                    var o = 0
                    for b in 0..<outer {
                        for j in iv {
                            (t + o).copyMemory(from: s + (b * dim + j) * block, byteCount: block)
                            o += block
                        }
                    }
                }
            }
        }
        return [.tensor(Tensor(elementType: x.elementType, shape: shape, data: bytes))]
    }
}
