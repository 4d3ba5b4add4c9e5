import Foundation
import KilnIR

/// Einsum, Unique, Det, NegativeLogLikelihoodLoss, SoftmaxCrossEntropyLoss.
enum MiscOps {
    static let all: [any OpDefinition] = [
        ClosureOp("Einsum") { c in [.tensor(try einsum(c))] },
        ClosureOp("Unique") { c in try unique(c) },
        ClosureOp("Det") { c in [.tensor(try det(c))] },
        ClosureOp("NegativeLogLikelihoodLoss") { c in
            let x = try c.tensor(0)
            let r = try nll(c, logProb: x.doubles(), shape: x.dims, type: x.elementType)
            return [.tensor(r)]
        },
        ClosureOp("SoftmaxCrossEntropyLoss") { c in
            let x = try c.tensor(0)
            let d = x.dims
            let v = try x.doubles()
            let (outer, dim, inner) = aroundAxis(d, 1)
            var lp = [Double](repeating: 0, count: v.count)
            for o in 0..<outer {
                for i in 0..<inner {
                    var m = -Double.infinity
                    for j in 0..<dim { m = Swift.max(m, v[(o * dim + j) * inner + i]) }
                    var s = 0.0
                    for j in 0..<dim { s += Foundation.exp(v[(o * dim + j) * inner + i] - m) }
                    for j in 0..<dim {
                        let p = (o * dim + j) * inner + i
                        lp[p] = v[p] - m - Foundation.log(s)
                    }
                }
            }
            var out: [Value] = [.tensor(try nll(c, logProb: lp, shape: d, type: x.elementType))]
            if c.node.outputs.count > 1 {
                out.append(.tensor(try Tensor.fromDoubles(lp, shape: x.shape, as: x.elementType)))
            }
            return out
        },
    ]

    /// Shared by NLLLoss and SoftmaxCrossEntropyLoss: `logProb` is [N, C, d...].
    static func nll(_ c: KernelContext, logProb: [Double], shape d: [Int], type: ElementType)
        throws -> Tensor
    {
        let target = try c.tensor(1).int64s()
        let weight = try c.optionalTensor(2)?.doubles()
        let reduction = c.string("reduction", default: "mean")
        let ignore = c.int("ignore_index")
        guard d.count >= 2 else { throw c.fail("input needs rank >= 2") }
        let (n, cls) = (d[0], d[1])
        let inner = d[2...].reduce(1, *)
        var loss = [Double](repeating: 0, count: n * inner)
        var wsum = 0.0
        for b in 0..<n {
            for i in 0..<inner {
                let t = target[b * inner + i]
                if let ignore, t == ignore { continue }
                guard t >= 0, t < Int64(cls) else { throw c.fail("target \(t) out of range") }
                let w = weight?[Int(t)] ?? 1
                loss[b * inner + i] = -logProb[(b * cls + Int(t)) * inner + i] * w
                wsum += w
            }
        }
        switch reduction {
        case "none":
            return try Tensor.fromDoubles(
                loss, shape: [Int64(n)] + d[2...].map(Int64.init), as: type)
        case "sum":
            return try Tensor.fromDoubles([loss.reduce(0, +)], shape: [], as: type)
        default:
            let s = loss.reduce(0, +)
            return try Tensor.fromDoubles([wsum == 0 ? 0 : s / wsum], shape: [], as: type)
        }
    }

    static func einsum(_ c: KernelContext) throws -> Tensor {
        let ops = try c.allTensors()
        let eq = c.string("equation", default: "").replacingOccurrences(of: " ", with: "")
        let parts = eq.components(separatedBy: "->")
        var terms = parts[0].components(separatedBy: ",")
        guard terms.count == ops.count else {
            throw c.fail("equation has \(terms.count) operands, given \(ops.count)")
        }
        // Expand ellipses into reserved upper-case-free letters.
        let ellipsisLetters = Array("αβγδεζηθικλμνξοπ")
        try validateEinsum(c, parts: parts, terms: terms, ops: ops, ellipsisLimit: ellipsisLetters.count)
        var maxEll = 0
        for (k, t) in terms.enumerated() where t.contains("...") {
            maxEll = Swift.max(maxEll, ops[k].shape.count - (t.count - 3))
        }
        // Right-align ellipsis letters across operands.
        for (k, t) in parts[0].components(separatedBy: ",").enumerated() where t.contains("...") {
            let explicit = t.replacingOccurrences(of: "...", with: "").count
            let e = ops[k].shape.count - explicit
            terms[k] = t.replacingOccurrences(
                of: "...", with: String(ellipsisLetters[(maxEll - e)..<maxEll]))
        }
        let ell = String(ellipsisLetters[0..<maxEll])
        var output: String
        if parts.count > 1 {
            output = parts[1].replacingOccurrences(of: "...", with: ell)
        } else {
            var counts: [Character: Int] = [:]
            for t in terms { for ch in t { counts[ch, default: 0] += 1 } }
            output =
                ell + String(counts.filter { $0.value == 1 && !ell.contains($0.key) }.keys.sorted())
        }
        var size: [Character: Int] = [:]
        for (k, t) in terms.enumerated() {
            guard t.count == ops[k].shape.count else {
                throw c.fail("term '\(t)' does not match rank")
            }
            for (ch, dim) in zip(t, ops[k].dims) {
                if let s = size[ch], s != dim {
                    if s == 1 {
                        size[ch] = dim
                    } else if dim != 1 {
                        throw c.fail("size mismatch for '\(ch)'")
                    }
                } else if size[ch] == nil {
                    size[ch] = dim
                }
            }
        }
        guard output.allSatisfy({ size[$0] != nil }) else {
            throw c.fail("output term '\(parts.count > 1 ? parts[1] : output)' names a letter no input has")
        }
        let letters = Array(output) + size.keys.filter { !output.contains($0) }.sorted()
        do {
            _ = try Checked.product(letters.map { Int64(size[$0] ?? 1) })
        } catch var e as KilnError {
            e.message = "Einsum: iteration space: \(e.message)"
            e.location = c.location
            throw e
        }
        let pos = Dictionary(uniqueKeysWithValues: letters.enumerated().map { ($1, $0) })
        let dims = letters.map { size[$0] ?? 1 }
        let vals = try ops.map { try $0.doubles() }
        let opStrides: [[(Int, Int)]] = ops.enumerated().map { k, t in
            let st = rowMajorStrides(t.dims)
            return terms[k].enumerated().map { (j, ch) in (pos[ch] ?? 0, t.dims[j] == 1 ? 0 : st[j])
            }
        }
        let outDims = Array(dims[..<output.count])
        let outCount = outDims.reduce(1, *)
        var out = [Double](repeating: 0, count: outCount)
        let outSt = rowMajorStrides(outDims)
        forEachIndex(dims) { _, i in
            var prod = 1.0
            for k in 0..<ops.count {
                var off = 0
                for (p, s) in opStrides[k] { off += i[p] * s }
                prod *= vals[k][off]
            }
            var o = 0
            for j in 0..<outDims.count { o += i[j] * outSt[j] }
            out[o] += prod
        }
        return try Tensor.fromDoubles(out, shape: outDims.map(Int64.init), as: ops[0].elementType)
    }

    /// Rejects equations the evaluator cannot index safely: more than one `->`, letters other
    /// than a-z/A-Z, a repeated or misplaced `...`, more broadcast dims than reserved letters,
    /// and output letters that repeat.
    static func validateEinsum(
        _ c: KernelContext, parts: [String], terms: [String], ops: [Tensor], ellipsisLimit: Int
    ) throws {
        guard parts.count <= 2 else { throw c.fail("equation has more than one '->'") }
        func explicitLetters(_ t: String, what: String) throws -> Int {
            let pieces = t.components(separatedBy: "...")
            guard pieces.count <= 2 else { throw c.fail("\(what) '\(t)' has more than one '...'") }
            let letters = pieces.joined()
            guard letters.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic })
            else { throw c.fail("\(what) '\(t)' may hold only letters a-z, A-Z and one '...'") }
            return letters.count
        }
        for (k, t) in terms.enumerated() {
            let explicit = try explicitLetters(t, what: "term")
            let rank = ops[k].shape.count
            if t.contains("...") {
                guard explicit <= rank, rank - explicit <= ellipsisLimit else {
                    throw c.fail("term '\(t)' does not fit operand \(k) of rank \(rank)")
                }
            } else if explicit != rank {
                throw c.fail("term '\(t)' does not match operand \(k) of rank \(rank)")
            }
        }
        if parts.count == 2 {
            let out = parts[1]
            _ = try explicitLetters(out, what: "output term")
            let letters = out.replacingOccurrences(of: "...", with: "")
            guard Set(letters).count == letters.count else {
                throw c.fail("output term '\(out)' repeats a letter")
            }
        }
    }

    static func unique(_ c: KernelContext) throws -> [Value] {
        let x = try c.tensor(0)
        let sorted = c.int("sorted", default: 1) != 0
        let axis = try c.int("axis").map {
            try Axis.normalize($0, rank: x.shape.count, op: "Unique")
        }
        let flat = axis == nil ? x.reshaped([Int64(x.elementCount ?? 0)]) : x
        let a = axis ?? 0
        let (outer, dim, inner) = aroundAxis(flat.dims, a)
        let v =
            try flat.elementType == .string
            ? flat.strings.map { Double($0.hashValue) } : flat.doubles()
        func slice(_ j: Int) -> [Double] {
            var s: [Double] = []
            for o in 0..<outer { for i in 0..<inner { s.append(v[(o * dim + j) * inner + i]) } }
            return s
        }
        var firstIndex: [Int] = []
        var keys: [[Double]] = []
        var inverse = [Int](repeating: 0, count: dim)
        var counts: [Int] = []
        for j in 0..<dim {
            let s = slice(j)
            if let k = keys.firstIndex(of: s) {
                inverse[j] = k
                counts[k] += 1
            } else {
                inverse[j] = keys.count
                keys.append(s)
                firstIndex.append(j)
                counts.append(1)
            }
        }
        var order = Array(keys.indices)
        if sorted {
            order.sort { p, q in keys[p].lexicographicallyPrecedes(keys[q]) }
        }
        var rank = [Int](repeating: 0, count: order.count)
        for (r, k) in order.enumerated() { rank[k] = r }
        var idx: [Int] = []
        for o in 0..<outer {
            for k in order {
                for i in 0..<inner { idx.append((o * dim + firstIndex[k]) * inner + i) }
            }
        }
        var shape = flat.shape
        shape[a] = Int64(order.count)
        let n = Int64(order.count)
        return [
            .tensor(flat.gathered(idx, shape: shape)),
            .tensor(Tensor(shape: [n], elements: order.map { Int64(firstIndex[$0]) })),
            .tensor(Tensor(shape: [Int64(dim)], elements: inverse.map { Int64(rank[$0]) })),
            .tensor(Tensor(shape: [n], elements: order.map { Int64(counts[$0]) })),
        ]
    }

    static func det(_ c: KernelContext) throws -> Tensor {
        let x = try c.tensor(0)
        let d = x.dims
        guard d.count >= 2, d[d.count - 1] == d[d.count - 2] else {
            throw c.fail("needs square matrices")
        }
        let n = d[d.count - 1]
        let batch = d.dropLast(2).reduce(1, *)
        let v = try x.doubles()
        var out: [Double] = []
        for b in 0..<batch {
            var m = Array(v[(b * n * n)..<((b + 1) * n * n)])
            var det = 1.0
            for col in 0..<n {
                var piv = col
                for r in col..<n where Swift.abs(m[r * n + col]) > Swift.abs(m[piv * n + col]) {
                    piv = r
                }
                if m[piv * n + col] == 0 {
                    det = 0
                    break
                }
                if piv != col {
                    for k in 0..<n { m.swapAt(col * n + k, piv * n + k) }
                    det = -det
                }
                det *= m[col * n + col]
                for r in (col + 1)..<n {
                    let f = m[r * n + col] / m[col * n + col]
                    for k in col..<n { m[r * n + k] -= f * m[col * n + k] }
                }
            }
            out.append(det)
        }
        return try Tensor.fromDoubles(out, shape: Array(x.shape.dropLast(2)), as: x.elementType)
    }
}
