import KilnIR

/// Overflow-checked index math for sizes derived from input data; every failure throws
/// `limitExceeded` instead of trapping.
public enum Checked {
    /// The most elements one tensor may have: `elementLimit`, 2^30 (4 GiB of float32) unless a
    /// caller lowered it. Shapes computed from a model (ConstantOfShape, Expand, Tile, Range,
    /// ...) above this throw `limitExceeded`, so a small hostile file cannot make the runtime
    /// allocate unbounded memory.
    public static var maxElements: Int { elementLimit }

    /// The default of `elementLimit`.
    public static let defaultMaxElements = 1 << 30

    /// The element limit for the current task or thread (`RuntimeLimits.maxTensorElements`
    /// binds it around planning and running: `Checked.$elementLimit.withValue(n) { ... }`).
    @TaskLocal public static var elementLimit: Int = defaultMaxElements

    /// `a * b`, or `limitExceeded`.
    public static func mul(_ a: Int64, _ b: Int64) throws -> Int64 {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        if o { throw KilnError(.limitExceeded, "size computation \(a) * \(b) overflows Int64") }
        return r
    }

    /// `a + b`, or `limitExceeded`.
    public static func add(_ a: Int64, _ b: Int64) throws -> Int64 {
        let (r, o) = a.addingReportingOverflow(b)
        if o { throw KilnError(.limitExceeded, "size computation \(a) + \(b) overflows Int64") }
        return r
    }

    /// Product of non-negative `dims` as an element count; throws on negatives or overflow.
    public static func product(_ dims: [Int64]) throws -> Int {
        var n: Int64 = 1
        for d in dims {
            guard d >= 0 else {
                throw KilnError(.shapeMismatch, "shape \(dims) has a negative dimension")
            }
            n = try mul(n, d)
        }
        guard n <= Int64(maxElements) else {
            throw KilnError(
                .limitExceeded,
                "shape \(dims) has \(n) elements, above the limit of \(maxElements) per tensor")
        }
        return Int(n)
    }

    /// Product of `dims[range]`.
    public static func product(_ dims: [Int64], _ range: Range<Int>) throws -> Int {
        try product(Array(dims[range]))
    }
}

/// Axis normalization with clear errors.
public enum Axis {
    /// Maps `axis` in `-rank..<rank` to `0..<rank`; throws `malformedInput` otherwise.
    public static func normalize(_ axis: Int64, rank: Int, op: String = "") throws -> Int {
        let r = Int64(rank)
        guard axis >= -r, axis < r else {
            throw KilnError(
                .malformedInput,
                "\(op.isEmpty ? "" : op + ": ")axis \(axis) is out of range for rank \(rank)")
        }
        return Int(axis < 0 ? axis + r : axis)
    }

    /// Normalizes every axis and rejects duplicates.
    public static func normalize(_ axes: [Int64], rank: Int, op: String = "") throws -> [Int] {
        var seen = Set<Int>()
        var out: [Int] = []
        for a in axes {
            let n = try normalize(a, rank: rank, op: op)
            guard seen.insert(n).inserted else {
                throw KilnError(.malformedInput, "\(op.isEmpty ? "" : op + ": ")axis \(a) repeats")
            }
            out.append(n)
        }
        return out
    }
}
