import KilnIR

/// Numpy-style (multidirectional) broadcasting with precomputed strides.
///
/// `Broadcast(shapes)` computes the output shape once and, per input, the strides to walk it
/// in output order (0 on broadcast dims), so a kernel maps an output index to each input's
/// linear index without division in the inner loop.
public struct Broadcast: Sendable {
    /// The broadcast output shape.
    public let shape: [Int]
    /// Number of output elements.
    public let count: Int
    /// For each input, its element stride per output dim (0 where the input is broadcast).
    public let strides: [[Int]]

    /// Broadcasts `shapes`; throws `shapeMismatch` when two dims differ and neither is 1.
    public init(_ shapes: [[Int64]]) throws {
        let rank = shapes.map(\.count).max() ?? 0
        var out = [Int](repeating: 1, count: rank)
        for s in shapes {
            let offset = rank - s.count
            for (i, d) in s.enumerated() {
                let d = Int(d)
                let j = offset + i
                if out[j] == 1 {
                    out[j] = d
                } else if d != 1 && d != out[j] {
                    throw KilnError(
                        .shapeMismatch,
                        "shapes \(shapes.map { $0.description }.joined(separator: ", ")) "
                            + "cannot be broadcast together")
                }
            }
        }
        shape = out
        count = try Checked.product(out.map(Int64.init))
        strides = shapes.map { s in
            let offset = rank - s.count
            var st = [Int](repeating: 0, count: rank)
            var acc = 1
            for i in stride(from: s.count - 1, through: 0, by: -1) {
                if s[i] != 1 { st[offset + i] = acc }
                acc *= Int(s[i])
            }
            return st
        }
    }

    /// The broadcast shape of `shapes` without building strides.
    public static func shape(_ shapes: [[Int64]]) throws -> [Int64] {
        try Broadcast(shapes).shape.map(Int64.init)
    }

    /// For input `k`, the linear index of the element read by each output element, in order.
    public func indexMap(input k: Int) -> [Int] {
        let st = strides[k]
        var out = [Int](repeating: 0, count: count)
        if count == 0 { return out }
        let rank = shape.count
        if rank == 0 { return out }
        var idx = [Int](repeating: 0, count: rank)
        var lin = 0
        for o in 0..<count {
            out[o] = lin
            // Increment the multi-index, carrying.
            var d = rank - 1
            while d >= 0 {
                idx[d] += 1
                lin += st[d]
                if idx[d] < shape[d] { break }
                lin -= st[d] * idx[d]
                idx[d] = 0
                d -= 1
            }
        }
        return out
    }

    /// Applies `op` element-wise over two broadcast arrays.
    public static func apply<A, B, R>(
        _ a: [A], _ aShape: [Int64], _ b: [B], _ bShape: [Int64], _ op: (A, B) throws -> R
    ) throws -> (values: [R], shape: [Int64]) {
        if aShape == bShape {
            var out = [R]()
            out.reserveCapacity(a.count)
            for i in 0..<a.count { out.append(try op(a[i], b[i])) }
            return (out, aShape)
        }
        let bc = try Broadcast([aShape, bShape])
        let outShape = bc.shape.map(Int64.init)
        if b.count == 1 && bc.count == a.count {
            let s = b[0]
            return (try a.map { try op($0, s) }, outShape)
        }
        if a.count == 1 && bc.count == b.count {
            let s = a[0]
            return (try b.map { try op(s, $0) }, outShape)
        }
        let ia = bc.indexMap(input: 0)
        let ib = bc.indexMap(input: 1)
        var out = [R]()
        out.reserveCapacity(bc.count)
        for i in 0..<bc.count { out.append(try op(a[ia[i]], b[ib[i]])) }
        return (out, outShape)
    }

    /// Expands `values` of `from` shape to the broadcast shape `to` (which must be compatible).
    public static func expand<A>(_ values: [A], from: [Int64], to: [Int64]) throws -> [A] {
        if from == to { return values }
        let bc = try Broadcast([to, from])
        guard bc.shape.map(Int64.init) == to else {
            throw KilnError(.shapeMismatch, "shape \(from) cannot be broadcast to \(to)")
        }
        return bc.indexMap(input: 1).map { values[$0] }
    }
}

/// Row-major strides of `dims`.
public func rowMajorStrides(_ dims: [Int]) -> [Int] {
    var s = [Int](repeating: 1, count: dims.count)
    var acc = 1
    for i in stride(from: dims.count - 1, through: 0, by: -1) {
        s[i] = acc
        acc *= dims[i]
    }
    return s
}
