import KilnIR

// Element-type dispatch: write a kernel once as a generic `visit<T>` and let one switch pick `T`
// from the runtime element type.
//
//     struct Negate: NumericVisitor {
//         let x: Tensor
//         func visitFloat<T: KernelFloat>(_: T.Type) throws -> Tensor { ... }
//         func visitInteger<T: KernelInteger>(_: T.Type) throws -> Tensor { ... }
//     }
//     let y = try visitNumeric(x.elementType, Negate(x: x))

/// A computation generic over every fixed-size element type.
public protocol ElementVisitor {
    associatedtype Result
    func visit<T: KernelElement>(_ type: T.Type) throws -> Result
}

/// Calls `visitor.visit` with the Swift type for `type`; throws `typeMismatch` for string,
/// complex, float4 and 2-bit types.
public func visitElementType<V: ElementVisitor>(_ type: ElementType, _ visitor: V) throws
    -> V.Result
{
    switch type {
    case .float32: return try visitor.visit(Float.self)
    case .float64: return try visitor.visit(Double.self)
    case .float16: return try visitor.visit(Float16.self)
    case .bfloat16: return try visitor.visit(BFloat16.self)
    case .float8e4m3fn: return try visitor.visit(Float8E4M3FN.self)
    case .float8e4m3fnuz: return try visitor.visit(Float8E4M3FNUZ.self)
    case .float8e5m2: return try visitor.visit(Float8E5M2.self)
    case .float8e5m2fnuz: return try visitor.visit(Float8E5M2FNUZ.self)
    case .int8: return try visitor.visit(Int8.self)
    case .int16: return try visitor.visit(Int16.self)
    case .int32: return try visitor.visit(Int32.self)
    case .int64: return try visitor.visit(Int64.self)
    case .uint8: return try visitor.visit(UInt8.self)
    case .uint16: return try visitor.visit(UInt16.self)
    case .uint32: return try visitor.visit(UInt32.self)
    case .uint64: return try visitor.visit(UInt64.self)
    case .bool: return try visitor.visit(Bool.self)
    case .int4: return try visitor.visit(Int4.self)
    case .uint4: return try visitor.visit(UInt4.self)
    case .complex64, .complex128, .float4e2m1, .float8e8m0, .uint2, .int2:
        throw KilnError(
            .unsupportedFeature, "element type \(type.name) has no kernel support yet")
    case .string, .undefined:
        throw KilnError(
            .typeMismatch, "element type \(type.name) is not supported by this kernel")
    }
}

/// A computation over native floats and native integers (arithmetic kernels).
public protocol NumericVisitor {
    associatedtype Result
    func visitFloat<T: KernelFloat>(_ type: T.Type) throws -> Result
    func visitInteger<T: KernelInteger>(_ type: T.Type) throws -> Result
}

/// Dispatches to `visitFloat` (float32/64/16) or `visitInteger` (8..64-bit integers). Other
/// types (bfloat16, float8, bool, 4-bit) throw `typeMismatch`; for bfloat16 see
/// `withFloatPromotion`.
public func visitNumeric<V: NumericVisitor>(_ type: ElementType, _ visitor: V) throws -> V.Result {
    switch type {
    case .float32: return try visitor.visitFloat(Float.self)
    case .float64: return try visitor.visitFloat(Double.self)
    case .float16: return try visitor.visitFloat(Float16.self)
    case .int8: return try visitor.visitInteger(Int8.self)
    case .int16: return try visitor.visitInteger(Int16.self)
    case .int32: return try visitor.visitInteger(Int32.self)
    case .int64: return try visitor.visitInteger(Int64.self)
    case .uint8: return try visitor.visitInteger(UInt8.self)
    case .uint16: return try visitor.visitInteger(UInt16.self)
    case .uint32: return try visitor.visitInteger(UInt32.self)
    case .uint64: return try visitor.visitInteger(UInt64.self)
    default:
        throw KilnError(
            .typeMismatch, "element type \(type.name) is not supported by this numeric kernel")
    }
}

/// A computation over native floating-point types only.
public protocol FloatVisitor {
    associatedtype Result
    func visit<T: KernelFloat>(_ type: T.Type) throws -> Result
}

/// Dispatches float32/float64/float16; other types throw `typeMismatch`.
public func visitFloat<V: FloatVisitor>(_ type: ElementType, _ visitor: V) throws -> V.Result {
    switch type {
    case .float32: return try visitor.visit(Float.self)
    case .float64: return try visitor.visit(Double.self)
    case .float16: return try visitor.visit(Float16.self)
    default:
        throw KilnError(
            .typeMismatch, "element type \(type.name) is not supported by this float kernel")
    }
}

/// True for types without native arithmetic (bfloat16 and float8), which kernels compute in
/// float32 and round back.
public func needsFloatPromotion(_ type: ElementType) -> Bool {
    switch type {
    case .bfloat16, .float8e4m3fn, .float8e4m3fnuz, .float8e5m2, .float8e5m2fnuz: return true
    default: return false
    }
}

/// Converts any emulated-float tensors in `inputs` to float32, runs `body`, and rounds float32
/// results back to the first promoted input's type. Tensors of other types pass through.
public func withFloatPromotion(
    _ inputs: [Tensor], _ body: ([Tensor]) throws -> [Tensor]
) throws -> [Tensor] {
    guard let original = inputs.first(where: { needsFloatPromotion($0.elementType) })?.elementType
    else { return try body(inputs) }
    let promoted = try inputs.map { t -> Tensor in
        needsFloatPromotion(t.elementType)
            ? try Tensor.fromDoubles(t.doubles(), shape: t.shape, as: .float32) : t
    }
    return try body(promoted).map { t in
        t.elementType == .float32
            ? try Tensor.fromDoubles(t.doubles(), shape: t.shape, as: original) : t
    }
}
