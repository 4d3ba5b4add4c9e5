import Foundation
import KilnIR

/// Cast, CastLike, Constant, Dropout (inference).
enum CastOps {
    static let all: [any OpDefinition] = [
        ClosureOp("Cast") { c in
            guard let to = c.int("to").flatMap({ ElementType(rawValue: Int32($0)) }) else {
                throw c.fail("missing or unknown 'to' type")
            }
            let sat = c.int("saturate", default: 1) != 0
            return [.tensor(try cast(try c.tensor(0), to: to, saturate: sat, c))]
        },
        ClosureOp("CastLike") { c in
            let sat = c.int("saturate", default: 1) != 0
            let to = try c.tensor(1).elementType
            return [.tensor(try cast(try c.tensor(0), to: to, saturate: sat, c))]
        },
        ClosureOp("Constant") { c in
            guard let a = c.node.attributes.first else { throw c.fail("has no value attribute") }
            switch a.value {
            case .tensor(let t): return [.tensor(t)]
            case .sparseTensor(let s):
                return [.tensor(try densifySparse(s))]
            case .float(let f): return [.tensor(.scalar(f))]
            case .floats(let f): return [.tensor(Tensor(shape: [Int64(f.count)], elements: f))]
            case .int(let i): return [.tensor(.scalar(i))]
            case .ints(let i): return [.tensor(Tensor(shape: [Int64(i.count)], elements: i))]
            case .string(let s):
                return [.tensor(Tensor(elementType: .string, shape: [], strings: [s]))]
            case .strings(let s):
                return [.tensor(Tensor(elementType: .string, shape: [Int64(s.count)], strings: s))]
            default: throw c.fail("unsupported value attribute '\(a.name)'")
            }
        },
        ClosureOp("Dropout") { c in
            let x = try c.tensor(0)
            let ratio =
                try c.optionalTensor(1).map { try $0.scalarDouble() }
                ?? Double(c.float("ratio", default: 0.5))
            let training =
                try c.optionalTensor(2).map { try $0.elements(as: Bool.self)[0] } ?? false
            if training && ratio != 0 {
                throw KilnError(
                    .unsupportedFeature, "Dropout in training mode is random; Kiln runs inference",
                    at: c.location)
            }
            var out: [Value] = [.tensor(x)]
            if c.node.outputs.count > 1 {
                let n = x.elementCount ?? 0
                out.append(
                    .tensor(Tensor(shape: x.shape, elements: [Bool](repeating: true, count: n))))
            }
            return out
        },
    ]

    /// ONNX Cast semantics: floats round to nearest even (float8 saturating when `saturate`),
    /// float -> integer truncates toward zero, integer -> integer wraps, strings parse/print.
    static func cast(_ x: Tensor, to: ElementType, saturate: Bool, _ c: KernelContext) throws
        -> Tensor
    {
        if x.elementType == to { return x }
        if let packed = try castPacked(x, to: to) { return packed }
        if to == .string {
            let strings: [Data]
            if x.elementType.isFloatingPoint {
                strings = try x.doubles().map { d in
                    let s: String
                    if d.isNaN {
                        s = "NaN"
                    } else if d.isInfinite {
                        s = d > 0 ? "INF" : "-INF"
                    } else if x.elementType == .float64 {
                        s = "\(d)"
                    } else {
                        s = "\(Float(d))"
                    }
                    return Data(s.utf8)
                }
            } else if x.elementType == .bool {
                strings = try x.elements(as: Bool.self).map { Data(($0 ? "1" : "0").utf8) }
            } else if x.elementType == .uint64 {
                strings = try x.elements(as: UInt64.self).map { Data(String($0).utf8) }
            } else {
                strings = try x.int64s().map { Data(String($0).utf8) }
            }
            return Tensor(elementType: .string, shape: x.shape, strings: strings)
        }
        if x.elementType == .string {
            let values = try x.strings.map { s -> Double in
                let text = String(decoding: s, as: UTF8.self).trimmingCharacters(in: .whitespaces)
                switch text.lowercased() {
                case "nan", "-nan": return .nan
                case "inf", "+inf", "infinity", "+infinity": return .infinity
                case "-inf", "-infinity": return -.infinity
                default:
                    guard let d = Double(text) else {
                        throw c.fail("cannot parse '\(text)' as a number")
                    }
                    return d
                }
            }
            if to == .float32 { return Tensor(shape: x.shape, elements: values.map { Float($0) }) }
            return try Tensor.fromDoubles(values, shape: x.shape, as: to)
        }
        if !saturate {
            let f = try x.doubles().map { Float($0) }
            switch to {
            case .float8e4m3fn:
                return Tensor(shape: x.shape, elements: f.map { Float8E4M3FN($0, saturate: false) })
            case .float8e4m3fnuz:
                return Tensor(
                    shape: x.shape, elements: f.map { Float8E4M3FNUZ($0, saturate: false) })
            case .float8e5m2:
                return Tensor(shape: x.shape, elements: f.map { Float8E5M2($0, saturate: false) })
            case .float8e5m2fnuz:
                return Tensor(
                    shape: x.shape, elements: f.map { Float8E5M2FNUZ($0, saturate: false) })
            default: break
            }
        }
        if (x.elementType.isInteger || x.elementType == .bool) && to.isInteger {
            if x.elementType == .uint64 {
                let v = try x.elements(as: UInt64.self).map { Int64(bitPattern: $0) }
                return try Tensor.fromInt64s(v, shape: x.shape, as: to)
            }
            return try Tensor.fromInt64s(x.int64s(), shape: x.shape, as: to)
        }
        if x.elementType == .int64 && to.isFloatingPoint {
            return try Tensor.fromDoubles(
                x.elements(as: Int64.self).map { Double($0) }, shape: x.shape, as: to)
        }
        if to == .float32 && x.elementType != .float64 {
            return Tensor(shape: x.shape, elements: try x.doubles().map { Float($0) })
        }
        if needsFloatPromotion(to) && x.elementType == .float64 {
            // Round once: float64 -> small float directly is what numpy/ml_dtypes do; going
            // through float32 first could round twice.
            return try Tensor.fromDoubles(x.doubles(), shape: x.shape, as: to)
        }
        return try Tensor.fromDoubles(x.doubles(), shape: x.shape, as: to)
    }

    // MARK: - 2-bit integers, float4e2m1 and float8e8m0

    /// Casts from int2/uint2/float4e2m1/float8e8m0 and to int2/uint2, which have no
    /// `KernelElement`; `nil` when neither side is such a type (or the target is an unsupported
    /// float4/e8m0, which then fails with the generic unsupported-type error).
    static func castPacked(_ x: Tensor, to: ElementType) throws -> Tensor? {
        let packed: Set<ElementType> = [.int2, .uint2, .float4e2m1, .float8e8m0]
        let fromPacked = packed.contains(x.elementType)
        let toTwoBit = to == .int2 || to == .uint2
        guard fromPacked || toTwoBit, to != .float4e2m1, to != .float8e8m0, to != .string
        else { return nil }
        let n = try Checked.product(x.shape)
        guard let bytes = x.elementType.byteCount(elements: n), x.data.count >= bytes else {
            throw KilnError(.malformedInput, "Cast: tensor holds too few bytes for \(x.shape)")
        }
        var values: [Double]
        switch x.elementType {
        case .int2, .uint2:
            let signed = x.elementType == .int2
            values = (0..<n).map { i in
                let bits = Int((x.data[x.data.startIndex + i / 4] >> UInt8(2 * (i % 4))) & 3)
                return Double(signed && bits >= 2 ? bits - 4 : bits)
            }
        case .float4e2m1:
            let magnitudes: [Double] = [0, 0.5, 1, 1.5, 2, 3, 4, 6]
            values = (0..<n).map { i in
                let nibble = (x.data[x.data.startIndex + i / 2] >> UInt8(4 * (i % 2))) & 0xF
                let m = magnitudes[Int(nibble & 7)]
                return nibble & 8 != 0 ? -m : m
            }
        case .float8e8m0:
            values = x.data.prefix(n).map { b in
                b == 0xFF ? .nan : Foundation.pow(2.0, Double(Int(b) - 127))
            }
        default:
            values = try x.doubles()
        }
        guard toTwoBit else { return try Tensor.fromDoubles(values, shape: x.shape, as: to) }
        // Integers wrap to two bits; floats truncate toward zero first (NaN -> 0).
        let ints: [Int64] =
            x.elementType.isInteger && !fromPacked
            ? try x.int64s() : values.map { clampTruncate($0, to: Int64.self) }
        var data = Data(count: (n + 3) / 4)
        for (i, v) in ints.enumerated() {
            data[i / 4] |= UInt8(truncatingIfNeeded: v & 3) << UInt8(2 * (i % 4))
        }
        return Tensor(elementType: to, shape: x.shape, data: data)
    }

    static func densifySparse(_ s: SparseTensor) throws -> Tensor {
        let count = try Checked.product(s.dims)
        let idx = try s.indices.int64s()
        let rank = s.dims.count
        let nnz = s.values.elementCount ?? 0
        let strides = rowMajorStrides(s.dims.map { Int($0) })
        var map = [Int](repeating: nnz, count: count)
        for k in 0..<nnz {
            var lin = 0
            if s.indices.shape.count <= 1 {
                lin = Int(idx[k])
            } else {
                for d in 0..<rank { lin += Int(idx[k * rank + d]) * strides[d] }
            }
            guard lin >= 0 && lin < count else {
                throw KilnError(.malformedInput, "sparse tensor index out of range")
            }
            map[lin] = k
        }
        let zero = try Tensor.fromDoubles([0], shape: [1], as: s.values.elementType)
        return s.values.reshaped([Int64(nnz)]).appendingElements(of: zero)
            .gathered(map, shape: s.dims)
    }
}
