import Foundation
import KilnIR

/// Broadcasting `op` over two tensors of element type `T`, producing `R`.
func broadcastBinary<T: KernelElement, R: KernelElement>(
    _ a: Tensor, _ b: Tensor, _: T.Type, _ op: (T, T) throws -> R
) throws -> Tensor {
    let (v, s) = try Broadcast.apply(
        a.elements(as: T.self), a.shape, b.elements(as: T.self), b.shape, op)
    return Tensor(shape: s, elements: v)
}

/// Add, Sub, Mul, Div, Mod, Max, Min, Sum, Mean with numpy broadcasting. Max/Min/Sum/Mean are
/// variadic. Integer arithmetic wraps; integer Div truncates toward zero; Mod follows `fmod`
/// (0: sign of divisor, 1: sign of dividend).
public struct BinaryArithmeticOp: OpDefinition {
    public enum Kind: String, Sendable, CaseIterable {
        case add = "Add"
        case sub = "Sub"
        case mul = "Mul"
        case div = "Div"
        case mod = "Mod"
        case max = "Max"
        case min = "Min"
        case sum = "Sum"
        case mean = "Mean"
    }
    public let kind: Kind
    public var domain: String { "" }
    public var opType: String { kind.rawValue }
    public init(_ kind: Kind) { self.kind = kind }

    public func run(_ context: KernelContext) throws -> [Value] {
        let inputs = try context.allTensors()
        guard let first = inputs.first else { throw context.fail("needs at least one input") }
        for t in inputs where t.elementType != first.elementType {
            throw context.fail(
                "inputs mix \(first.elementType.name) and \(t.elementType.name)")
        }
        let fmod = context.int("fmod", default: 0) != 0
        let result = try withFloatPromotion(inputs) { ts in
            var acc = ts[0]
            if ts.count == 1 {
                // A single input still goes through the op's type checks.
                acc = ts[0]
            }
            for t in ts.dropFirst() {
                let op = kind == .sum || kind == .mean ? Kind.add : kind
                acc = try visitNumeric(
                    acc.elementType, Arithmetic(a: acc, b: t, kind: op, fmod: fmod, ctx: context))
            }
            if kind == .mean {
                let n = Double(ts.count)
                acc = try Tensor.fromDoubles(
                    acc.doubles().map { $0 / n }, shape: acc.shape, as: acc.elementType)
            }
            return [acc]
        }
        return [.tensor(result[0])]
    }

    struct Arithmetic: NumericVisitor {
        let a: Tensor
        let b: Tensor
        let kind: Kind
        let fmod: Bool
        let ctx: KernelContext

        func visitFloat<T: KernelFloat>(_: T.Type) throws -> Tensor {
            switch kind {
            case .add, .sum, .mean: return try broadcastBinary(a, b, T.self) { $0 + $1 }
            case .sub: return try broadcastBinary(a, b, T.self) { $0 - $1 }
            case .mul: return try broadcastBinary(a, b, T.self) { $0 * $1 }
            case .div: return try broadcastBinary(a, b, T.self) { $0 / $1 }
            case .mod:
                return try broadcastBinary(a, b, T.self) { x, y in
                    let r = Foundation.fmod(x.doubleValue, y.doubleValue)
                    if fmod { return T(double: r) }
                    // Python-style remainder (sign of the divisor).
                    if r != 0 && ((r < 0) != (y.doubleValue < 0)) {
                        return T(double: r + y.doubleValue)
                    }
                    return T(double: r)
                }
            case .max:
                return try broadcastBinary(a, b, T.self) { x, y in
                    x.isNaN || y.isNaN ? .nan : Swift.max(x, y)
                }
            case .min:
                return try broadcastBinary(a, b, T.self) { x, y in
                    x.isNaN || y.isNaN ? .nan : Swift.min(x, y)
                }
            }
        }

        func visitInteger<T: KernelInteger>(_: T.Type) throws -> Tensor {
            switch kind {
            case .add, .sum, .mean: return try broadcastBinary(a, b, T.self) { $0 &+ $1 }
            case .sub: return try broadcastBinary(a, b, T.self) { $0 &- $1 }
            case .mul: return try broadcastBinary(a, b, T.self) { $0 &* $1 }
            case .div:
                return try broadcastBinary(a, b, T.self) { x, y in
                    guard y != 0 else { throw ctx.fail("integer division by zero") }
                    return x.dividedReportingOverflow(by: y).partialValue
                }
            case .mod:
                return try broadcastBinary(a, b, T.self) { x, y in
                    guard y != 0 else { throw ctx.fail("integer modulo by zero") }
                    let r = x.remainderReportingOverflow(dividingBy: y).partialValue
                    if !fmod && r != 0 && ((r < 0) != (y < 0)) { return r &+ y }
                    return r
                }
            case .max: return try broadcastBinary(a, b, T.self) { Swift.max($0, $1) }
            case .min: return try broadcastBinary(a, b, T.self) { Swift.min($0, $1) }
            }
        }
    }
}

/// Pow: base and exponent may differ in type; the result has the base's type.
public struct PowOp: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "Pow" }
    public init() {}
    public func run(_ context: KernelContext) throws -> [Value] {
        let x = try context.tensor(0)
        let y = try context.tensor(1)
        if x.elementType.isInteger && y.elementType.isInteger {
            let (v, s) = try Broadcast.apply(x.int64s(), x.shape, y.int64s(), y.shape) {
                b, e -> Int64 in
                if e < 0 { return b == 1 ? 1 : (b == -1 ? (e % 2 == 0 ? 1 : -1) : 0) }
                var r: Int64 = 1
                var base = b
                var k = e
                while k > 0 {
                    if k & 1 == 1 { r = r &* base }
                    base = base &* base
                    k >>= 1
                }
                return r
            }
            return [.tensor(try Tensor.fromInt64s(v, shape: s, as: x.elementType))]
        }
        let (v, s) = try Broadcast.apply(x.doubles(), x.shape, y.doubles(), y.shape) {
            Foundation.pow($0, $1)
        }
        if x.elementType == .float32 {
            // Round per element the way a float32 pow would.
            return [.tensor(Tensor(shape: s, elements: v.map { Float($0) }))]
        }
        return [.tensor(try Tensor.fromDoubles(v, shape: s, as: x.elementType))]
    }
}

/// Equal, Less, LessOrEqual, Greater, GreaterOrEqual (bool output).
public struct ComparisonOp: OpDefinition {
    public enum Kind: String, Sendable, CaseIterable {
        case equal = "Equal"
        case less = "Less"
        case lessOrEqual = "LessOrEqual"
        case greater = "Greater"
        case greaterOrEqual = "GreaterOrEqual"
    }
    public let kind: Kind
    public var domain: String { "" }
    public var opType: String { kind.rawValue }
    public init(_ kind: Kind) { self.kind = kind }

    public func run(_ context: KernelContext) throws -> [Value] {
        let a = try context.tensor(0)
        let b = try context.tensor(1)
        guard a.elementType == b.elementType else {
            throw context.fail("inputs mix \(a.elementType.name) and \(b.elementType.name)")
        }
        if a.elementType == .string {
            guard kind == .equal else { throw context.fail("strings support only Equal") }
            let (v, s) = try Broadcast.apply(a.strings, a.shape, b.strings, b.shape) { $0 == $1 }
            return [.tensor(Tensor(shape: s, elements: v))]
        }
        if a.elementType == .bool || needsFloatPromotion(a.elementType) {
            return [.tensor(try compare(a.doubles(), a.shape, b.doubles(), b.shape))]
        }
        return [.tensor(try visitNumeric(a.elementType, Visitor(op: self, a: a, b: b)))]
    }

    func compare<T: Comparable>(_ x: [T], _ xs: [Int64], _ y: [T], _ ys: [Int64]) throws -> Tensor {
        let k = kind
        let (v, s) = try Broadcast.apply(x, xs, y, ys) { p, q -> Bool in
            switch k {
            case .equal: return p == q
            case .less: return p < q
            case .lessOrEqual: return p <= q
            case .greater: return p > q
            case .greaterOrEqual: return p >= q
            }
        }
        return Tensor(shape: s, elements: v)
    }

    struct Visitor: NumericVisitor {
        let op: ComparisonOp
        let a: Tensor
        let b: Tensor
        func visitFloat<T: KernelFloat>(_: T.Type) throws -> Tensor {
            try op.compare(a.elements(as: T.self), a.shape, b.elements(as: T.self), b.shape)
        }
        func visitInteger<T: KernelInteger>(_: T.Type) throws -> Tensor {
            try op.compare(a.elements(as: T.self), a.shape, b.elements(as: T.self), b.shape)
        }
    }
}

/// And, Or, Xor on bool tensors.
public struct LogicalOp: OpDefinition {
    public let opType: String
    public var domain: String { "" }
    public init(_ opType: String) { self.opType = opType }
    public func run(_ context: KernelContext) throws -> [Value] {
        let a = try context.tensor(0)
        let b = try context.tensor(1)
        let op: (Bool, Bool) -> Bool
        switch opType {
        case "And": op = { $0 && $1 }
        case "Or": op = { $0 || $1 }
        default: op = { $0 != $1 }
        }
        return [.tensor(try broadcastBinary(a, b, Bool.self, op))]
    }
}

/// BitShift and BitwiseAnd/Or/Xor on integer tensors.
public struct BitwiseBinaryOp: OpDefinition {
    public let opType: String
    public var domain: String { "" }
    public init(_ opType: String) { self.opType = opType }
    public func run(_ context: KernelContext) throws -> [Value] {
        let a = try context.tensor(0)
        let b = try context.tensor(1)
        guard a.elementType.isInteger, a.elementType == b.elementType else {
            throw context.fail("needs two integer inputs of one type")
        }
        return [
            .tensor(try visitNumeric(a.elementType, Visitor(op: self, ctx: context, a: a, b: b)))
        ]
    }

    struct Visitor: NumericVisitor {
        let op: BitwiseBinaryOp
        let ctx: KernelContext
        let a: Tensor
        let b: Tensor
        func visitFloat<T: KernelFloat>(_: T.Type) throws -> Tensor {
            throw ctx.fail("needs integer inputs")
        }
        func visitInteger<T: KernelInteger>(_: T.Type) throws -> Tensor {
            switch op.opType {
            case "BitwiseAnd": return try broadcastBinary(a, b, T.self) { $0 & $1 }
            case "BitwiseOr": return try broadcastBinary(a, b, T.self) { $0 | $1 }
            case "BitwiseXor": return try broadcastBinary(a, b, T.self) { $0 ^ $1 }
            default:
                let left = ctx.string("direction", default: "LEFT") == "LEFT"
                return try broadcastBinary(a, b, T.self) { x, s in
                    let n = Int(s)
                    if n >= T.bitWidth || n < 0 {
                        return left || x >= T.zero ? T.zero : T.zero &- 1
                    }
                    return left ? x << n : x >> n
                }
            }
        }
    }
}
