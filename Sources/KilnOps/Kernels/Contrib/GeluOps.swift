import Foundation
import KilnIR

// Element-wise activations of onnxruntime's transformer fusions: Gelu, FastGelu, BiasGelu,
// QuickGelu and BiasAdd (all com.microsoft). A bias operand is broadcast numpy-style (in
// practice a 1-D tensor over the last dim). Computed in Double, rounded once to the type.

enum GeluMath {
    /// `0.5 · x · (1 + erf(x / √2))`.
    static func erfGelu(_ x: Double) -> Double { 0.5 * x * (1 + erf(x * 0.5.squareRoot())) }

    /// `0.5 · x · (1 + tanh(√(2/π) · (x + 0.044715 · x³)))`, in float32 with the rational tanh
    /// approximation onnxruntime's MLAS uses: `1 + tanh` cancels for large negative x, so
    /// the tail only matches onnxruntime when computed the same way.
    static func tanhGelu(_ x: Double) -> Double {
        let v = Float(x)
        let p = v * (0.035677408136300125 * v * v + 0.7978845608028654)
        return Double(0.5 * v * (mlasTanh(p) + 1))
    }

    /// MLAS's tanh (shared with every other user of it).
    static func mlasTanh(_ x: Float) -> Float { MlasMath.tanh(x) }

    /// Applies `f` to `x` (plus the broadcast `bias`, when given) and returns a tensor of x's type.
    static func apply(
        _ ctx: KernelContext, _ x: Tensor, bias: Tensor?, extra: Tensor? = nil,
        _ f: (Double) -> Double
    ) throws -> Tensor {
        guard NNTensor.isFloat(x.elementType) else {
            throw ctx.fail("expects a floating-point input, got \(x.elementType.name)")
        }
        var v = try x.doubles()
        var shape = x.shape
        for addend in [bias, extra].compactMap({ $0 }) {
            guard addend.elementType == x.elementType else {
                throw ctx.fail("all inputs must have type \(x.elementType.name)")
            }
            let out = try Broadcast.shape([shape, addend.shape])
            guard out == shape else {
                throw ctx.fail("input of shape \(addend.shape) does not broadcast to \(shape)")
            }
            let bc = try Broadcast([shape, addend.shape])
            let map = bc.indexMap(input: 1)
            let av = try addend.doubles()
            for i in v.indices { v[i] += av[map[i]] }
            shape = out
        }
        return try Tensor.fromDoubles(v.map(f), shape: shape, as: x.elementType)
    }
}

/// `com.microsoft.Gelu`: exact (erf) GELU.
public struct ContribGelu: OpDefinition {
    public var domain: String { "com.microsoft" }
    public var opType: String { "Gelu" }
    public init() {}
    public func run(_ context: KernelContext) throws -> [Value] {
        [.tensor(try GeluMath.apply(context, context.tensor(0), bias: nil, GeluMath.erfGelu))]
    }
}

/// `com.microsoft.BiasGelu`: exact GELU of `A + B` (B a bias over the last dim).
public struct BiasGelu: OpDefinition {
    public var domain: String { "com.microsoft" }
    public var opType: String { "BiasGelu" }
    public init() {}
    public func run(_ context: KernelContext) throws -> [Value] {
        let y = try GeluMath.apply(
            context, context.tensor(0), bias: context.tensor(1), GeluMath.erfGelu)
        return [.tensor(y)]
    }
}

/// `com.microsoft.FastGelu`: tanh-approximated GELU of `X (+ bias)`.
public struct FastGelu: OpDefinition {
    public var domain: String { "com.microsoft" }
    public var opType: String { "FastGelu" }
    public init() {}
    public func run(_ context: KernelContext) throws -> [Value] {
        let y = try GeluMath.apply(
            context, context.tensor(0), bias: context.optionalTensor(1), GeluMath.tanhGelu)
        return [.tensor(y)]
    }
}

/// `com.microsoft.QuickGelu`: `x · sigmoid(alpha · x)`, alpha defaulting to 1.702.
public struct QuickGelu: OpDefinition {
    public var domain: String { "com.microsoft" }
    public var opType: String { "QuickGelu" }
    public init() {}
    public func run(_ context: KernelContext) throws -> [Value] {
        let alpha = Double(context.float("alpha", default: 1.702))
        let y = try GeluMath.apply(context, context.tensor(0), bias: nil) {
            $0 * UnaryOp.sigmoid(alpha * $0)
        }
        return [.tensor(y)]
    }
}

/// `com.microsoft.BiasAdd`: `X + bias + skip` (X and skip [N, S, C], bias [C]).
public struct BiasAdd: OpDefinition {
    public var domain: String { "com.microsoft" }
    public var opType: String { "BiasAdd" }
    public init() {}
    public func run(_ context: KernelContext) throws -> [Value] {
        let y = try GeluMath.apply(
            context, context.tensor(0), bias: context.tensor(1), extra: context.tensor(2)
        ) { $0 }
        return [.tensor(y)]
    }
}
