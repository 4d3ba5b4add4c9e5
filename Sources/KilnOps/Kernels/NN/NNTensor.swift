import Foundation
import KilnIR

/// Float access to tensors for the NN kernels: every floating type is computed in `Float`
/// (float64 inputs lose precision beyond what the conformance tolerance checks).
enum NNTensor {
    /// Dims as `Int`, throwing on negative or overflowing shapes.
    static func dims(_ t: Tensor, _ ctx: KernelContext) throws -> [Int] {
        guard t.elementCount != nil else { throw ctx.fail("invalid shape \(t.shape)") }
        return t.shape.map { Int($0) }
    }

    /// The elements of a floating-point tensor converted to `Float`.
    static func floats(_ t: Tensor, _ ctx: KernelContext) throws -> [Float] {
        guard let n = t.elementCount, let bytes = t.elementType.byteCount(elements: n),
            t.data.count >= bytes
        else { throw ctx.fail("tensor \(t.name) has an invalid shape or payload") }
        switch t.elementType {
        case .float32:
            return [Float](unsafeUninitializedCapacity: n) { buf, count in
                t.data.withUnsafeBytes { raw in
                    UnsafeMutableRawBufferPointer(buf).copyMemory(
                        from: UnsafeRawBufferPointer(rebasing: raw[0..<n * 4]))
                }
                count = n
            }
        case .float64, .float16, .bfloat16:
            return try t.doubles().map { Float($0) }
        default:
            throw ctx.fail("expected a floating-point tensor, got \(t.elementType.name)")
        }
    }

    /// Calls `body` with the elements as `Float`, without copying aligned float32 payloads.
    static func withFloats<R>(
        _ t: Tensor, _ ctx: KernelContext, _ body: (UnsafeBufferPointer<Float>) throws -> R
    ) throws -> R {
        if t.elementType == .float32, let n = t.elementCount, t.data.count == n * 4 {
            let aligned = t.data.withUnsafeBytes { raw in
                Int(bitPattern: raw.baseAddress) % MemoryLayout<Float>.alignment == 0
            }
            if aligned {
                return try t.data.withUnsafeBytes { raw in
                    try body(raw.assumingMemoryBound(to: Float.self))
                }
            }
        }
        let v = try floats(t, ctx)
        return try v.withUnsafeBufferPointer(body)
    }

    /// Allocates a zeroed output of floating `type`, lets `fill` write it as `Float`, and
    /// returns the tensor (converted when `type` is not float32).
    static func output(
        _ type: ElementType, shape: [Int], _ ctx: KernelContext,
        _ fill: (UnsafeMutableBufferPointer<Float>) throws -> Void
    ) throws -> Tensor {
        guard let n = Tensor.elementCount(shape.map { Int64($0) }),
            n <= Int.max / 8
        else { throw ctx.fail("output shape \(shape) is too large") }
        let s = shape.map { Int64($0) }
        if type == .float32 {
            var data = BufferPool.data(count: n * 4, zeroed: true)
            try data.withUnsafeMutableBytes { raw in
                try fill(raw.bindMemory(to: Float.self))
            }
            return Tensor(elementType: .float32, shape: s, data: data)
        }
        var v = [Float](repeating: 0, count: n)
        try v.withUnsafeMutableBufferPointer { try fill($0) }
        return make(type, shape: shape, v)
    }

    /// Integer elements widened to Int64 (any integer type, bool).
    static func ints(_ t: Tensor, _ ctx: KernelContext) throws -> [Int64] {
        guard let v = t.int64Values() else {
            throw ctx.fail("expected an integer tensor, got \(t.elementType.name)")
        }
        return v
    }

    /// Builds a tensor of floating `type` from `Float` values.
    static func make(_ type: ElementType, shape: [Int], _ values: [Float]) -> Tensor {
        let s = shape.map { Int64($0) }
        switch type {
        case .float64: return Tensor(shape: s, elements: values.map { Double($0) })
        case .float16: return Tensor(shape: s, elements: values.map { Float16($0) })
        case .bfloat16: return Tensor(shape: s, elements: values.map { BFloat16($0) })
        default: return Tensor(shape: s, elements: values)
        }
    }

    /// True for the floating types the NN kernels compute.
    static func isFloat(_ type: ElementType) -> Bool {
        type == .float32 || type == .float64 || type == .float16 || type == .bfloat16
    }
}

extension KernelContext {
    /// An `ints` attribute of exactly `count` entries, or `fallback` when absent.
    func ints(_ name: String, count: Int, default fallback: Int) throws -> [Int] {
        guard let v = ints(name) else { return Array(repeating: fallback, count: count) }
        guard v.count == count else {
            throw fail("attribute \(name) has \(v.count) values, expected \(count)")
        }
        return v.map { Int($0) }
    }
}
