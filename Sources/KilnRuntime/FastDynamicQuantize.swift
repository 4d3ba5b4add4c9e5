import Foundation
import KilnIR
import KilnOps

/// `DynamicQuantizeLinear` on float32 through `NNKernels.quantizeU8` (the vectorised range and
/// quantization that `DynamicQuantizeLSTM` uses): the dynamically quantized models quantize
/// every activation before each integer MatMul, and the reference loop (a float copy, then a
/// scalar loop) cost more than all their integer GEMMs.
///
/// The kernel's range, scale, zero point and rounding (`clamp(round_half_even(x / scale) + zp)`,
/// NaN to the zero point) are the reference kernel's; the two differ only on a degenerate range
/// (the kernel uses scale 1 where the data are all zero, the reference 0) and on an infinite
/// one, which this variant declines: a scale of 1 or a non-finite one goes to the reference.
struct FastDynamicQuantizeLinear: KernelVariant {
    let kernels: NNKernels
    var domain: String { "" }
    var opType: String { "DynamicQuantizeLinear" }

    func run(ifSupported context: KernelContext) throws -> [Value]? {
        let x = try context.tensor(0)
        guard x.elementType == .float32, let n = x.elementCount, n > 0, n * 4 == x.data.count
        else { return nil }
        var data = BufferPool.data(count: n, zeroed: false)
        let params = x.data.withUnsafeBytes { raw -> (scale: Float, zeroPoint: Int32)? in
            guard Int(bitPattern: raw.baseAddress) % MemoryLayout<Float>.alignment == 0,
                let xp = raw.bindMemory(to: Float.self).baseAddress
            else { return nil }
            return data.withUnsafeMutableBytes { out in
                guard let q = out.bindMemory(to: UInt8.self).baseAddress else { return nil }
                return kernels.quantizeU8(xp, n, q)
            }
        }
        guard let (scale, zp) = params, scale.isFinite, scale != 1, (0...255).contains(zp)
        else { return nil }
        return [
            .tensor(Tensor(elementType: .uint8, shape: x.shape, data: data)),
            .tensor(Tensor(shape: [], values: [scale])),
            .tensor(Tensor(shape: [], values: [UInt8(zp)])),
        ]
    }
}
