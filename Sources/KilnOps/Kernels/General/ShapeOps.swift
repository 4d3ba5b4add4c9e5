import Foundation
import KilnIR

/// A small op defined by a closure; used for the many shape-manipulation ops whose kernels are
/// a few lines each, so the family reads as one table.
public struct ClosureOp: OpDefinition {
    public let opType: String
    public let domain: String
    let body: @Sendable (KernelContext) throws -> [Value]
    public init(
        _ opType: String, domain: String = "",
        _ body: @escaping @Sendable (KernelContext) throws -> [Value]
    ) {
        self.opType = opType
        self.domain = domain
        self.body = body
    }
    public func run(_ context: KernelContext) throws -> [Value] { try body(context) }
}

extension KernelContext {
    /// An int-list parameter given as attribute (older opsets) or as input `index` (newer).
    func intsAttrOrInput(_ name: String, input index: Int) throws -> [Int64]? {
        if let a = ints(name) { return a }
        return try optionalInts(index)
    }
}

/// Reshape, Flatten, Squeeze, Unsqueeze, Identity, Shape, Size, Transpose, Concat, Split, Tile,
/// Expand, Where, Range, ConstantOfShape, EyeLike, Trilu, DepthToSpace, SpaceToDepth.
enum ShapeOps {
    static let all: [any OpDefinition] = [
        ClosureOp("Reshape") { c in
            let x = try c.tensor(0)
            let spec: [Int64]
            if let s = try c.optionalInts(1) {
                spec = s
            } else if let s = c.ints("shape") {
                spec = s
            } else {
                throw c.fail("needs a shape")
            }
            let allowZero = c.int("allowzero", default: 0) != 0
            var out: [Int64] = []
            var inferred: Int? = nil
            for (i, d) in spec.enumerated() {
                if d == 0 && !allowZero {
                    guard i < x.shape.count else { throw c.fail("0 in shape beyond input rank") }
                    out.append(x.shape[i])
                } else if d == -1 {
                    guard inferred == nil else { throw c.fail("more than one -1 in shape") }
                    inferred = i
                    out.append(1)
                } else {
                    guard d >= 0 else { throw c.fail("invalid dim \(d) in shape") }
                    out.append(d)
                }
            }
            let n = try Checked.product(x.shape)
            if let i = inferred {
                let rest = try Checked.product(out)
                guard rest > 0, n % rest == 0 else {
                    throw c.fail("cannot reshape \(x.shape) to \(spec)")
                }
                out[i] = Int64(n / rest)
            }
            guard try Checked.product(out) == n else {
                throw c.fail("cannot reshape \(x.shape) to \(spec)")
            }
            return [.tensor(x.reshaped(out))]
        },
        ClosureOp("Flatten") { c in
            let x = try c.tensor(0)
            let r = x.shape.count
            let a = c.int("axis", default: 1)
            guard a >= -Int64(r), a <= Int64(r) else { throw c.fail("axis \(a) out of range") }
            let axis = Int(a < 0 ? a + Int64(r) : a)
            let outer = try Checked.product(Array(x.shape[..<axis]))
            let inner = try Checked.product(Array(x.shape[axis...]))
            return [.tensor(x.reshaped([Int64(outer), Int64(inner)]))]
        },
        ClosureOp("Squeeze") { c in
            let x = try c.tensor(0)
            let axes = try c.intsAttrOrInput("axes", input: 1)
            var out: [Int64] = []
            if let axes {
                let ax = Set(try Axis.normalize(axes, rank: x.shape.count, op: "Squeeze"))
                for (i, d) in x.shape.enumerated() {
                    if ax.contains(i) {
                        guard d == 1 else { throw c.fail("cannot squeeze axis \(i) of size \(d)") }
                    } else {
                        out.append(d)
                    }
                }
            } else {
                out = x.shape.filter { $0 != 1 }
            }
            return [.tensor(x.reshaped(out))]
        },
        ClosureOp("Unsqueeze") { c in
            let x = try c.tensor(0)
            guard let axes = try c.intsAttrOrInput("axes", input: 1) else {
                throw c.fail("needs axes")
            }
            let rank = x.shape.count + axes.count
            let ax = Set(try Axis.normalize(axes, rank: rank, op: "Unsqueeze"))
            var out: [Int64] = []
            var j = 0
            for i in 0..<rank {
                if ax.contains(i) {
                    out.append(1)
                } else {
                    out.append(x.shape[j])
                    j += 1
                }
            }
            return [.tensor(x.reshaped(out))]
        },
        ClosureOp("Identity") { c in
            guard let v = c.inputs.first ?? nil else { throw c.fail("missing input") }
            return [v]
        },
        ClosureOp("Shape") { c in
            let x = try c.tensor(0)
            let r = Int64(x.shape.count)
            func clamp(_ v: Int64) -> Int { Int(Swift.min(Swift.max(v < 0 ? v + r : v, 0), r)) }
            let s = clamp(c.int("start", default: 0))
            let e = clamp(c.int("end", default: r))
            let dims = s < e ? Array(x.shape[s..<e]) : []
            return [.tensor(Tensor(shape: [Int64(dims.count)], elements: dims))]
        },
        ClosureOp("Size") { c in
            let x = try c.tensor(0)
            return [.tensor(.scalar(Int64(try Checked.product(x.shape))))]
        },
        ClosureOp("Transpose") { c in
            let x = try c.tensor(0)
            let r = x.shape.count
            let perm =
                try c.ints("perm").map { try Axis.normalize($0, rank: r, op: "Transpose") }
                ?? Array((0..<r).reversed())
            guard perm.count == r, Set(perm).count == r else {
                throw c.fail("perm \(perm) is not a permutation of rank \(r)")
            }
            return [.tensor(x.transposed(perm))]
        },
        ClosureOp("Concat") { c in
            let parts = try c.allTensors()
            guard let f = parts.first else { throw c.fail("needs inputs") }
            let axis = try Axis.normalize(
                c.int("axis", default: 0), rank: f.shape.count, op: "Concat")
            return [.tensor(try Tensor.concatenate(parts, axis: axis))]
        },
        ClosureOp("Split") { c in
            let x = try c.tensor(0)
            let axis = try Axis.normalize(
                c.int("axis", default: 0), rank: x.shape.count, op: "Split")
            let dim = Int(x.shape[axis])
            var sizes: [Int]
            if let s = try c.intsAttrOrInput("split", input: 1) {
                sizes = s.map { Int($0) }
                guard sizes.reduce(0, +) == dim, sizes.allSatisfy({ $0 >= 0 }) else {
                    throw c.fail("split \(s) does not sum to \(dim)")
                }
            } else {
                let n = Int(c.int("num_outputs") ?? Int64(c.node.outputs.count))
                guard n > 0 else { throw c.fail("num_outputs must be positive") }
                let chunk = (dim + n - 1) / n
                sizes = []
                var left = dim
                for _ in 0..<n {
                    sizes.append(Swift.min(chunk, left))
                    left -= Swift.min(chunk, left)
                }
                if c.int("num_outputs") == nil && dim % n != 0 {
                    throw c.fail("dimension \(dim) is not divisible into \(n) outputs")
                }
            }
            return try x.split(axis: axis, sizes: sizes).map { .tensor($0) }
        },
        ClosureOp("Tile") { c in
            let x = try c.tensor(0)
            let reps = try c.tensor(1).int64s()
            guard reps.count == x.shape.count, reps.allSatisfy({ $0 >= 0 }) else {
                throw c.fail("repeats \(reps) do not match rank \(x.shape.count)")
            }
            let outShape = try zip(x.shape, reps).map { try Checked.mul($0, $1) }
            let n = try Checked.product(outShape)
            let d = x.dims
            let st = rowMajorStrides(d)
            let od = outShape.map { Int($0) }
            var idx = [Int](repeating: 0, count: n)
            var counter = [Int](repeating: 0, count: od.count)
            for i in 0..<n {
                var lin = 0
                for k in 0..<od.count { lin += (counter[k] % d[k]) * st[k] }
                idx[i] = lin
                var k = od.count - 1
                while k >= 0 {
                    counter[k] += 1
                    if counter[k] < od[k] { break }
                    counter[k] = 0
                    k -= 1
                }
            }
            return [.tensor(x.gathered(idx, shape: outShape))]
        },
        ClosureOp("Expand") { c in
            let x = try c.tensor(0)
            let shape = try c.tensor(1).int64s()
            let bc = try Broadcast([x.shape, shape])
            return [.tensor(x.gathered(bc.indexMap(input: 0), shape: bc.shape.map(Int64.init)))]
        },
        ClosureOp("Where") { c in
            let cond = try c.tensor(0)
            let x = try c.tensor(1)
            let y = try c.tensor(2)
            guard x.elementType == y.elementType else { throw c.fail("X and Y types differ") }
            let bc = try Broadcast([cond.shape, x.shape, y.shape])
            let cv = try cond.elements(as: Bool.self)
            let ci = bc.indexMap(input: 0)
            let xi = bc.indexMap(input: 1)
            let yi = bc.indexMap(input: 2)
            let offset = x.elementCount ?? 0
            let both = x.reshaped([Int64(offset)]).appendingElements(of: y)
            let idx = (0..<bc.count).map { cv[ci[$0]] ? xi[$0] : offset + yi[$0] }
            return [.tensor(both.gathered(idx, shape: bc.shape.map(Int64.init)))]
        },
        ClosureOp("Range") { c in
            let s = try c.tensor(0)
            let l = try c.tensor(1)
            let d = try c.tensor(2)
            if s.elementType.isInteger {
                let start = try s.scalarInt64()
                let limit = try l.scalarInt64()
                let delta = try d.scalarInt64()
                guard delta != 0 else { throw c.fail("delta is zero") }
                let count = ((Double(limit) - Double(start)) / Double(delta)).rounded(.up)
                guard count.isFinite, count <= Double(Checked.maxElements) else {
                    throw c.fail("range of \(count) elements is too large")
                }
                let n = Swift.max(0, Int(count))
                var v: [Int64] = []
                v.reserveCapacity(n)
                for i in 0..<n { v.append(start + Int64(i) * delta) }
                return [.tensor(try Tensor.fromInt64s(v, shape: [Int64(n)], as: s.elementType))]
            }
            let start = try s.scalarDouble()
            let limit = try l.scalarDouble()
            let delta = try d.scalarDouble()
            guard delta != 0 else { throw c.fail("delta is zero") }
            let count = ((limit - start) / delta).rounded(.up)
            guard count.isFinite, count <= Double(Checked.maxElements) else {
                throw c.fail("range of \(count) elements is too large")
            }
            let n = Swift.max(0, Int(count))
            if s.elementType == .float32 {
                // Accumulate in float32 steps like the reference (start + i * delta).
                let fs = Float(start)
                let fd = Float(delta)
                let v = (0..<n).map { fs + Float($0) * fd }
                return [.tensor(Tensor(shape: [Int64(n)], elements: v))]
            }
            let v = (0..<n).map { start + Double($0) * delta }
            return [.tensor(try Tensor.fromDoubles(v, shape: [Int64(n)], as: s.elementType))]
        },
        ClosureOp("ConstantOfShape") { c in
            let shape = try c.tensor(0).int64s()
            let n = try Checked.product(shape)
            let value =
                c.node.attribute("value")?.tensor
                ?? Tensor(shape: [1], elements: [Float(0)])
            return [.tensor(value.gathered([Int](repeating: 0, count: n), shape: shape))]
        },
        ClosureOp("EyeLike") { c in
            let x = try c.tensor(0)
            guard x.shape.count == 2 else { throw c.fail("needs a 2-D input") }
            let type = c.int("dtype").flatMap { ElementType(rawValue: Int32($0)) } ?? x.elementType
            let k = Int(c.int("k", default: 0))
            let (r, w) = (Int(x.shape[0]), Int(x.shape[1]))
            var v = [Double](repeating: 0, count: r * w)
            for i in 0..<r where i + k >= 0 && i + k < w { v[i * w + i + k] = 1 }
            return [.tensor(try Tensor.fromDoubles(v, shape: x.shape, as: type))]
        },
        ClosureOp("Trilu") { c in
            let x = try c.tensor(0)
            let k = try c.optionalInts(1)?.first ?? 0
            let upper = c.int("upper", default: 1) != 0
            let d = x.dims
            guard d.count >= 2 else { throw c.fail("needs rank >= 2") }
            let (r, w) = (d[d.count - 2], d[d.count - 1])
            let n = x.elementCount ?? 0
            let zero = try Tensor.fromDoubles(
                [0], shape: [1], as: x.elementType == .string ? .float32 : x.elementType)
            let src = x.reshaped([Int64(n)]).appendingElements(of: zero)
            let idx = (0..<n).map { i -> Int in
                let col = Int64(i % w)
                let row = Int64((i / w) % r)
                let keep = upper ? col - row >= k : col - row <= k
                return keep ? i : n
            }
            return [.tensor(src.gathered(idx, shape: x.shape))]
        },
        ClosureOp("DepthToSpace") { c in
            let x = try c.tensor(0)
            guard x.shape.count == 4 else { throw c.fail("needs a 4-D input") }
            let b = Int64(c.int("blocksize", default: 0))
            guard b > 0, x.shape[1] % (b * b) == 0 else { throw c.fail("bad blocksize") }
            let (n, ch, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
            let cOut = ch / (b * b)
            let crd = c.string("mode", default: "DCR") == "CRD"
            let tmp =
                crd
                ? x.reshaped([n, cOut, b, b, h, w]).transposed([0, 1, 4, 2, 5, 3])
                : x.reshaped([n, b, b, cOut, h, w]).transposed([0, 3, 4, 1, 5, 2])
            return [.tensor(tmp.reshaped([n, cOut, h * b, w * b]))]
        },
        ClosureOp("SpaceToDepth") { c in
            let x = try c.tensor(0)
            guard x.shape.count == 4 else { throw c.fail("needs a 4-D input") }
            let b = Int64(c.int("blocksize", default: 0))
            let (n, ch, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
            guard b > 0, h % b == 0, w % b == 0 else { throw c.fail("bad blocksize") }
            let crd = c.string("mode", default: "DCR") == "CRD"
            let tmp = x.reshaped([n, ch, h / b, b, w / b, b])
                .transposed(crd ? [0, 1, 3, 5, 2, 4] : [0, 3, 5, 1, 2, 4])
            return [.tensor(tmp.reshaped([n, ch * b * b, h / b, w / b]))]
        },
    ]
}
