import KilnIR

/// Building blocks the family rule tables share.
extension TypeRules {
    /// Output 0 has the type of input `i` (activations, Identity-like ops).
    static func sameAs(_ i: Int) -> TypeRule {
        { ctx in
            var out = unknown(ctx)
            if !out.isEmpty { out[0] = try ctx.tensorType(i).map { .tensor($0) } ?? ctx.type(i) }
            return out
        }
    }

    /// Every input broadcast together (numpy rules). The output element type is `element`,
    /// else that of input `typeFrom`; inputs in `sameTypes` (default: all) must agree.
    static func broadcasting(
        _ element: ElementType? = nil, typeFrom: Int = 0, sameTypes: Range<Int>? = nil
    ) -> TypeRule {
        { ctx in
            var shapes: [[Dim]] = []
            var allKnown = true
            var agreed: ElementType? = nil
            let same = sameTypes ?? 0..<ctx.inputCount
            for i in 0..<ctx.inputCount where ctx.hasInput(i) {
                _ = try ctx.tensorType(i)
                if same.contains(i), let e = ctx.elementType(i) {
                    if let prev = agreed, prev != e {
                        throw ctx.fail("inputs mix \(prev.name) and \(e.name)", .typeMismatch)
                    }
                    agreed = e
                }
                if let s = ctx.shape(i) { shapes.append(s) } else { allKnown = false }
            }
            let shape = allKnown ? try ctx.broadcast(shapes) : nil
            var out = unknown(ctx)
            if !out.isEmpty { out[0] = tensor(element ?? ctx.elementType(typeFrom), shape) }
            return out
        }
    }

    /// A tensor output of `element` and `shape`.
    static func tensor(_ element: ElementType?, _ shape: [Dim]?) -> ValueType {
        .tensor(TensorType(element ?? .undefined, shape: shape))
    }

    /// `dims` as known dims.
    static func known(_ dims: [Int64]) -> [Dim] { dims.map { .known($0) } }

    /// The element type encoded by an ONNX `to`/`dtype` attribute value.
    static func elementType(code: Int64?) -> ElementType? {
        guard let code, let v = Int32(exactly: code), let e = ElementType(rawValue: v),
            e != .undefined
        else { return nil }
        return e
    }
}

extension InferenceContext {
    /// The required rank of input `i` when known; throws `rankMismatch` when it differs.
    func requireRank(_ i: Int, _ allowed: ClosedRange<Int>, _ what: String = "input") throws {
        guard let r = rank(i) else { return }
        guard allowed.contains(r) else {
            let want = allowed.lowerBound == allowed.upperBound
                ? "\(allowed.lowerBound)" : "\(allowed.lowerBound)...\(allowed.upperBound)"
            throw fail("\(what) \(i) must have rank \(want), got \(r)", .rankMismatch)
        }
    }
}
