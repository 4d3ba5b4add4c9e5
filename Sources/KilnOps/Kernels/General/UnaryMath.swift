import Foundation
import KilnIR

/// Element-wise unary math and activation ops, table-driven. Floats are computed in Double and
/// rounded once to the element type; ops that accept integers have an exact Int64 path.
public struct UnaryOp: OpDefinition {
    public let opType: String
    public var domain: String { "" }
    /// Builds the float function from the node's attributes.
    let float: @Sendable (KernelContext) -> @Sendable (Double) -> Double
    let integer: (@Sendable (Int64) -> Int64)?

    init(
        _ opType: String, integer: (@Sendable (Int64) -> Int64)? = nil,
        _ float: @escaping @Sendable (KernelContext) -> @Sendable (Double) -> Double
    ) {
        self.opType = opType
        self.float = float
        self.integer = integer
    }

    init(
        _ opType: String, integer: (@Sendable (Int64) -> Int64)? = nil,
        simple: @escaping @Sendable (Double) -> Double
    ) {
        self.init(opType, integer: integer) { _ in simple }
    }

    public func run(_ context: KernelContext) throws -> [Value] {
        let x = try context.tensor(0)
        if x.elementType.isInteger {
            guard let integer else {
                throw context.fail("does not accept \(x.elementType.name) input")
            }
            if x.elementType == .uint64 {
                let v = try x.elements(as: UInt64.self)
                let r = v.map { UInt64(bitPattern: integer(Int64(bitPattern: $0))) }
                return [.tensor(Tensor(shape: x.shape, elements: r))]
            }
            let r = try x.int64s().map(integer)
            return [.tensor(try Tensor.fromInt64s(r, shape: x.shape, as: x.elementType))]
        }
        guard x.elementType.isFloatingPoint else {
            throw context.fail("does not accept \(x.elementType.name) input")
        }
        let f = float(context)
        if x.elementType == .float32 {
            let v = try x.elements(as: Float.self)
            return [.tensor(Tensor(shape: x.shape, elements: v.map { Float(f(Double($0))) }))]
        }
        let r = try x.doubles().map(f)
        return [.tensor(try Tensor.fromDoubles(r, shape: x.shape, as: x.elementType))]
    }

    static func sigmoid(_ x: Double) -> Double {
        x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))
    }
    static func softplus(_ x: Double) -> Double {
        x > 0 ? x + log1p(exp(-x)) : log1p(exp(x))
    }

    /// Every unary op in this table.
    public static let all: [UnaryOp] = [
        UnaryOp("Abs", integer: { $0 == .min ? $0 : Swift.abs($0) }, simple: { Swift.abs($0) }),
        UnaryOp("Neg", integer: { 0 &- $0 }, simple: { -$0 }),
        UnaryOp("Sign", integer: { $0.signum() }) { _ in
            { $0.isNaN ? $0 : ($0 > 0 ? 1 : ($0 < 0 ? -1 : 0)) }
        },
        UnaryOp("Reciprocal", simple: { 1 / $0 }),
        UnaryOp("Floor", simple: { $0.rounded(.down) }),
        UnaryOp("Ceil", simple: { $0.rounded(.up) }),
        UnaryOp("Round", simple: { $0.rounded(.toNearestOrEven) }),
        UnaryOp("Sqrt", simple: { $0.squareRoot() }),
        UnaryOp("Exp", simple: { Foundation.exp($0) }),
        UnaryOp("Log", simple: { Foundation.log($0) }),
        UnaryOp("Sin", simple: { Foundation.sin($0) }),
        UnaryOp("Cos", simple: { Foundation.cos($0) }),
        UnaryOp("Tan", simple: { Foundation.tan($0) }),
        UnaryOp("Asin", simple: { Foundation.asin($0) }),
        UnaryOp("Acos", simple: { Foundation.acos($0) }),
        UnaryOp("Atan", simple: { Foundation.atan($0) }),
        UnaryOp("Sinh", simple: { Foundation.sinh($0) }),
        UnaryOp("Cosh", simple: { Foundation.cosh($0) }),
        UnaryOp("Tanh", simple: { Foundation.tanh($0) }),
        UnaryOp("Asinh", simple: { Foundation.asinh($0) }),
        UnaryOp("Acosh", simple: { Foundation.acosh($0) }),
        UnaryOp("Atanh", simple: { Foundation.atanh($0) }),
        UnaryOp("Erf", simple: { Foundation.erf($0) }),
        UnaryOp(
            "Relu", integer: { Swift.max($0, 0) }, simple: { $0 > 0 ? $0 : ($0.isNaN ? $0 : 0) }),
        UnaryOp("Sigmoid", simple: sigmoid),
        UnaryOp("Softplus", simple: softplus),
        UnaryOp("Softsign", simple: { $0 / (1 + Swift.abs($0)) }),
        UnaryOp("Mish", simple: { $0 * Foundation.tanh(softplus($0)) }),
        UnaryOp("HardSwish", simple: { $0 * Swift.max(0, Swift.min(1, $0 / 6 + 0.5)) }),
        UnaryOp("LeakyRelu") { c in
            let a = Double(c.float("alpha", default: 0.01))
            return { $0 < 0 ? a * $0 : $0 }
        },
        UnaryOp("Elu") { c in
            let a = Double(c.float("alpha", default: 1))
            return { $0 < 0 ? a * (Foundation.exp($0) - 1) : $0 }
        },
        UnaryOp("Selu") { c in
            let a = Double(c.float("alpha", default: 1.67326319217681884765625))
            let g = Double(c.float("gamma", default: 1.05070102519989013671875))
            return { $0 <= 0 ? g * (a * Foundation.exp($0) - a) : g * $0 }
        },
        UnaryOp("Celu") { c in
            let a = Double(c.float("alpha", default: 1))
            return { Swift.max(0, $0) + Swift.min(0, a * (Foundation.exp($0 / a) - 1)) }
        },
        UnaryOp("HardSigmoid") { c in
            let a = Double(c.float("alpha", default: 0.2))
            let b = Double(c.float("beta", default: 0.5))
            return { Swift.max(0, Swift.min(1, a * $0 + b)) }
        },
        UnaryOp("ThresholdedRelu") { c in
            let a = Double(c.float("alpha", default: 1))
            return { $0 > a ? $0 : 0 }
        },
        UnaryOp("Swish") { c in
            let a = Double(c.float("alpha", default: 1))
            return { $0 * sigmoid(a * $0) }
        },
        UnaryOp("Gelu") { c in
            if c.string("approximate", default: "none") == "tanh" {
                let k = (2 / Double.pi).squareRoot()
                return { 0.5 * $0 * (1 + Foundation.tanh(k * ($0 + 0.044715 * $0 * $0 * $0))) }
            }
            return { 0.5 * $0 * (1 + Foundation.erf($0 / 2.0.squareRoot())) }
        },
    ]
}

/// Shrink: integer and float inputs, `lambd` and `bias` attributes.
public struct ShrinkOp: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "Shrink" }
    public init() {}
    public func run(_ context: KernelContext) throws -> [Value] {
        let x = try context.tensor(0)
        let l = Double(context.float("lambd", default: 0.5))
        let b = Double(context.float("bias", default: 0))
        let r = try x.doubles().map { v in v < -l ? v + b : (v > l ? v - b : 0) }
        return [.tensor(try Tensor.fromDoubles(r, shape: x.shape, as: x.elementType))]
    }
}

/// IsNaN, IsInf (detect_positive / detect_negative), Not, BitwiseNot.
public struct PredicateOp: OpDefinition {
    public let opType: String
    public var domain: String { "" }
    public init(_ opType: String) { self.opType = opType }
    public func run(_ context: KernelContext) throws -> [Value] {
        let x = try context.tensor(0)
        switch opType {
        case "IsNaN":
            return [.tensor(Tensor(shape: x.shape, elements: try x.doubles().map(\.isNaN)))]
        case "IsInf":
            let pos = context.int("detect_positive", default: 1) != 0
            let neg = context.int("detect_negative", default: 1) != 0
            let r = try x.doubles().map { v in v.isInfinite && (v > 0 ? pos : neg) }
            return [.tensor(Tensor(shape: x.shape, elements: r))]
        case "Not":
            return [.tensor(Tensor(shape: x.shape, elements: try x.elements(as: Bool.self).map(!)))]
        default:  // BitwiseNot
            guard x.elementType.isInteger else { throw context.fail("needs an integer input") }
            let r = try x.int64s().map { ~$0 }
            return [.tensor(try Tensor.fromInt64s(r, shape: x.shape, as: x.elementType))]
        }
    }
}

/// PRelu: `x < 0 ? slope * x : x` with `slope` broadcast to `x`.
public struct PReluOp: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "PRelu" }
    public init() {}
    public func run(_ context: KernelContext) throws -> [Value] {
        let x = try context.tensor(0)
        let s = try context.tensor(1)
        let (v, shape) = try Broadcast.apply(x.doubles(), x.shape, s.doubles(), s.shape) {
            $0 < 0 ? $0 * $1 : $0
        }
        return [.tensor(try Tensor.fromDoubles(v, shape: shape, as: x.elementType))]
    }
}

/// Clip: bounds from attributes (opset < 11) or optional inputs 1 and 2.
public struct ClipOp: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "Clip" }
    public init() {}
    public func run(_ context: KernelContext) throws -> [Value] {
        let x = try context.tensor(0)
        if x.elementType.isInteger {
            let lo = try context.optionalTensor(1).map { try $0.scalarInt64() } ?? Int64.min
            let hi = try context.optionalTensor(2).map { try $0.scalarInt64() } ?? Int64.max
            if x.elementType == .uint64 {
                let l = UInt64(bitPattern: lo == Int64.min ? 0 : lo)
                let h = hi == Int64.max ? UInt64.max : UInt64(bitPattern: hi)
                let r = try x.elements(as: UInt64.self).map { Swift.min(Swift.max($0, l), h) }
                return [.tensor(Tensor(shape: x.shape, elements: r))]
            }
            let r = try x.int64s().map { Swift.min(Swift.max($0, lo), hi) }
            return [.tensor(try Tensor.fromInt64s(r, shape: x.shape, as: x.elementType))]
        }
        var lo = -Double.infinity
        var hi = Double.infinity
        if context.opsetVersion < 11 {
            lo = Double(context.float("min", default: -.greatestFiniteMagnitude))
            hi = Double(context.float("max", default: .greatestFiniteMagnitude))
        } else {
            if let t = try context.optionalTensor(1) { lo = try t.doubles().first ?? lo }
            if let t = try context.optionalTensor(2) { hi = try t.doubles().first ?? hi }
        }
        let r = try x.doubles().map { $0.isNaN ? $0 : Swift.min(Swift.max($0, lo), hi) }
        return [.tensor(try Tensor.fromDoubles(r, shape: x.shape, as: x.elementType))]
    }
}
