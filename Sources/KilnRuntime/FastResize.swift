import Foundation
import KilnIR
import KilnOps

/// `Resize` on float32 in nearest mode (any coordinate mode but tf_crop_and_resize, any
/// nearest rounding): every output element copies one input element, so the op is a gather by
/// per-axis index maps (`ResizeMath.nearestIndexMaps`, computed with the reference's own
/// coordinate math) instead of the reference's separable double-precision passes. Other
/// cases run the standard op.
struct FastResize: KernelVariant {
    var domain: String { "" }
    var opType: String { "Resize" }

    func run(ifSupported context: KernelContext) throws -> [Value]? {
        guard context.opsetVersion >= 11 else { return nil }
        let request = try Resize.request(context)
        let x = request.x
        guard x.elementType == .float32, !x.shape.isEmpty, let count = x.elementCount,
            count * 4 == x.data.count,
            let (out, maps) = try ResizeMath.nearestIndexMaps(context, request)
        else { return nil }
        let inDims = x.shape.map { Int($0) }
        let rank = out.count
        let total = out.reduce(1, *)
        var data = BufferPool.data(count: total * 4, zeroed: true)
        guard total > 0 else {
            return [.tensor(Tensor(elementType: .float32, shape: out.map { Int64($0) }, data: data))]
        }
        let xs = x.values(as: Float.self) ?? []
        // Input offset contributed by each axis's output index.
        var strides = [Int](repeating: 1, count: rank)
        for a in stride(from: rank - 2, through: 0, by: -1) { strides[a] = strides[a + 1] * inDims[a + 1] }
        let offsets = (0..<rank).map { a in maps[a].map { $0 * strides[a] } }
        let inner = out[rank - 1]
        let lastOffsets = offsets[rank - 1]
        data.withUnsafeMutableBytes { raw in
            xs.withUnsafeBufferPointer { src in
                guard let y = raw.bindMemory(to: Float.self).baseAddress, let xp = src.baseAddress
                else { return }
                var index = [Int](repeating: 0, count: max(rank - 1, 0))
                var row = 0
                while row * inner < total {
                    var base = 0
                    for a in 0..<(rank - 1) { base += offsets[a][index[a]] }
                    let dst = y + row * inner
                    let s = xp + base
                    // `+ 0` as the reference's sum does: -0.0 becomes +0.0.
                    for i in 0..<inner { dst[i] = s[lastOffsets[i]] + 0 }
                    row += 1
                    FastSlice.advance(&index, within: out)
                }
            }
        }
        return [.tensor(Tensor(elementType: .float32, shape: out.map { Int64($0) }, data: data))]
    }
}
