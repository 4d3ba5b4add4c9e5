import KilnIR

/// Type rules of `CastOps` (Cast, CastLike, Constant, Dropout) and `MiscOps` (Einsum, Unique,
/// Det, the loss functions).
extension TypeRules {
    static var castRules: [String: TypeRule] {
        ["Cast": cast, "CastLike": castLike, "Constant": constant, "Dropout": dropout]
    }

    static let cast: TypeRule = { ctx in
        guard let to = elementType(code: ctx.int("to")) else {
            throw ctx.fail("'to' is not a known element type", .typeMismatch)
        }
        if (to == .int64 || to == .int32), let sv = ctx.shapeValue(0) { ctx.setShapeValue(0, sv) }
        return [tensor(to, ctx.shape(0))]
    }

    static let castLike: TypeRule = { ctx in
        let to = ctx.elementType(1)
        if (to == .int64 || to == .int32), let sv = ctx.shapeValue(0) { ctx.setShapeValue(0, sv) }
        return [tensor(to, ctx.shape(0))]
    }

    static let constant: TypeRule = { ctx in
        for a in ctx.node.attributes {
            switch (a.name, a.value) {
            case ("value", .tensor(let t)): return [.tensor(TensorType(t.elementType, t.shape))]
            case ("sparse_value", .sparseTensor(let s)):
                return [.tensor(TensorType(s.values.elementType, s.dims))]
            case ("value_float", _): return [tensor(.float32, [])]
            case ("value_int", _): return [tensor(.int64, [])]
            case ("value_string", _): return [tensor(.string, [])]
            case ("value_floats", .floats(let v)): return [tensor(.float32, [.known(Int64(v.count))])]
            case ("value_ints", .ints(let v)): return [tensor(.int64, [.known(Int64(v.count))])]
            case ("value_strings", .strings(let v)):
                return [tensor(.string, [.known(Int64(v.count))])]
            default: continue
            }
        }
        return unknown(ctx)
    }

    static let dropout: TypeRule = { ctx in
        [tensor(ctx.elementType(0), ctx.shape(0)), tensor(.bool, ctx.shape(0))]
    }

    static var miscRules: [String: TypeRule] {
        [
            "Einsum": einsum, "Det": det, "Unique": unique,
            "NegativeLogLikelihoodLoss": loss, "SoftmaxCrossEntropyLoss": loss,
        ]
    }

    static let det: TypeRule = { ctx in
        guard let xs = ctx.shape(0) else { return [tensor(ctx.elementType(0), nil)] }
        guard xs.count >= 2 else { throw ctx.fail("needs rank >= 2", .rankMismatch) }
        try ctx.unify(xs[xs.count - 1], xs[xs.count - 2], "the last two dims")
        return [tensor(ctx.elementType(0), Array(xs.dropLast(2)))]
    }

    static let unique: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        var y: [Dim]? = [.unknown]
        if let a = ctx.int("axis"), let xs = ctx.shape(0) {
            var o = xs
            o[try ctx.axis(a, rank: xs.count)] = .unknown
            y = o
        } else if ctx.int("axis") != nil {
            y = nil
        }
        return [tensor(elem, y), tensor(.int64, [.unknown]), tensor(.int64, [.unknown]),
            tensor(.int64, [.unknown])]
    }

    /// NLL and softmax cross-entropy: `reduction` none keeps [N, d1...], else a scalar.
    static let loss: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        let reduction = ctx.string("reduction") ?? "mean"
        var out: [ValueType?] = unknown(ctx)
        if reduction == "none" {
            if let ts = ctx.shape(1) { out[0] = tensor(elem, ts) } else { out[0] = tensor(elem, nil) }
        } else {
            out[0] = tensor(elem, [])
        }
        if out.count > 1 { out[1] = tensor(elem, ctx.shape(0)) }
        return out
    }

    /// Einsum with explicit (`->`) or implicit output; `...` broadcasts.
    static let einsum: TypeRule = { ctx in
        let elem = ctx.elementType(0)
        guard let eq = ctx.string("equation")?.filter({ $0 != " " }) else {
            throw ctx.fail("needs an equation", .rankMismatch)
        }
        let sides = eq.components(separatedBy: "->")
        let terms = sides[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard terms.count == ctx.inputCount else {
            throw ctx.fail("equation has \(terms.count) operands for \(ctx.inputCount) inputs", .rankMismatch)
        }
        var sizes: [Character: Dim] = [:]
        var counts: [Character: Int] = [:]
        var ellipsis: [[Dim]] = []
        for (i, term) in terms.enumerated() {
            guard let s = ctx.shape(i) else { return [tensor(elem, nil)] }
            let hasDots = term.contains("...")
            let letters = Array(term.replacingOccurrences(of: "...", with: ""))
            let nDots = s.count - letters.count
            guard hasDots ? nDots >= 0 : nDots == 0 else {
                throw ctx.fail("operand \(i) '\(term)' does not match rank \(s.count)", .rankMismatch)
            }
            var k = 0
            var before = true
            for ch in Array(term.replacingOccurrences(of: "...", with: "#")) {
                if ch == "#" {
                    ellipsis.append(Array(s[k..<(k + nDots)]))
                    k += nDots
                    before = false
                    continue
                }
                _ = before
                let d = s[k]
                if let prev = sizes[ch] {
                    if prev == .known(1) { sizes[ch] = d } else if d != .known(1) {
                        sizes[ch] = try ctx.unify(prev, d, "sizes of '\(ch)'")
                    }
                } else {
                    sizes[ch] = d
                }
                counts[ch, default: 0] += 1
                k += 1
            }
        }
        let dots = try ctx.broadcast(ellipsis)
        var out: [Dim] = []
        if sides.count > 1 {
            let rhs = sides[1]
            for ch in Array(rhs.replacingOccurrences(of: "...", with: "#")) {
                if ch == "#" { out += dots; continue }
                guard let d = sizes[ch] else {
                    throw ctx.fail("output letter '\(ch)' is not in the inputs", .rankMismatch)
                }
                out.append(d)
            }
        } else {
            out = dots
            for ch in counts.keys.sorted() where counts[ch] == 1 { out.append(sizes[ch] ?? .unknown) }
        }
        return [tensor(elem, out)]
    }
}
