import KilnIR

/// Type rules of `ControlFlowOps`: If/Loop/Scan infer their bodies with the enclosing scope
/// visible (through ``InferenceContext/inferSubgraph(_:inputs:)``); the sequence and optional
/// ops wrap and unwrap element types.
extension TypeRules {
    static var controlFlowRules: [String: TypeRule] {
        ["If": ifRule, "Loop": loop, "Scan": scan, "SequenceMap": sequenceMap]
    }

    static let ifRule: TypeRule = { ctx in
        if let c = ctx.shape(0), let n = DimMath.product(c).value, n != 1 {
            throw ctx.fail("cond must hold one element, has \(n)", .rankMismatch)
        }
        let a = try ctx.inferSubgraph("then_branch", inputs: [])
        let b = try ctx.inferSubgraph("else_branch", inputs: [])
        guard let a, let b else { return unknown(ctx) }
        guard a.count == b.count else {
            throw ctx.fail("then_branch has \(a.count) outputs, else_branch \(b.count)", .rankMismatch)
        }
        var out = unknown(ctx)
        for k in 0..<Swift.min(out.count, a.count) { out[k] = ShapeInference.join(a[k], b[k]) }
        return out
    }

    static let loop: TypeRule = { ctx in
        let carried = Swift.max(0, ctx.inputCount - 2)
        var bodyInputs: [ValueType?] = [tensor(.int64, []), tensor(.bool, [])]
        for i in 0..<carried { bodyInputs.append(ctx.type(i + 2)) }
        guard let outs = try ctx.inferSubgraph("body", inputs: bodyInputs) else { return unknown(ctx) }
        var result = unknown(ctx)
        for k in 0..<result.count {
            if k < carried {
                let body = k + 1 < outs.count ? outs[k + 1] : nil
                result[k] = ShapeInference.join(ctx.type(k + 2), body) ?? ctx.type(k + 2)
                // A carried value whose shape changes per iteration keeps only what both agree on.
            } else if k + 1 < outs.count, case .tensor(let t)? = outs[k + 1] {
                result[k] = tensor(t.elementType, t.shape.map { [.unknown] + $0 })
            }
        }
        return result
    }

    static let scan: TypeRule = { ctx in
        guard ctx.opsetVersion >= 9 else { return unknown(ctx) }
        let m = Int(ctx.int("num_scan_inputs", default: 0))
        let n = ctx.inputCount - m
        guard m >= 0, n >= 0 else { throw ctx.fail("num_scan_inputs exceeds the inputs", .rankMismatch) }
        let inAxes = ctx.ints("scan_input_axes") ?? [Int64](repeating: 0, count: m)
        var bodyInputs: [ValueType?] = (0..<n).map { ctx.type($0) }
        var length = Dim.unknown
        for j in 0..<m {
            guard let s = ctx.shape(n + j), j < inAxes.count else { bodyInputs.append(nil); continue }
            let a = try ctx.axis(inAxes[j], rank: s.count, "scan_input_axes entry")
            length = j == 0 ? s[a] : (try ctx.unify(length, s[a], "scan lengths"))
            var e = s
            e.remove(at: a)
            bodyInputs.append(tensor(ctx.elementType(n + j), e))
        }
        guard let outs = try ctx.inferSubgraph("body", inputs: bodyInputs) else { return unknown(ctx) }
        var result = unknown(ctx)
        let outAxes = ctx.ints("scan_output_axes")
        for k in 0..<Swift.min(result.count, outs.count) {
            if k < n {
                result[k] = outs[k]
            } else if case .tensor(let t)? = outs[k] {
                guard var s = t.shape else { result[k] = tensor(t.elementType, nil); continue }
                let ax = outAxes.flatMap { k - n < $0.count ? $0[k - n] : nil } ?? 0
                let a = try ctx.axis(ax, rank: s.count + 1, "scan_output_axes entry")
                s.insert(length, at: a)
                result[k] = tensor(t.elementType, s)
            }
        }
        return result
    }

    static let sequenceMap: TypeRule = { ctx in
        var inputs: [ValueType?] = []
        for i in 0..<ctx.inputCount {
            if case .sequence(let e)? = ctx.type(i) { inputs.append(e) } else { inputs.append(ctx.type(i)) }
        }
        guard let outs = try ctx.inferSubgraph("body", inputs: inputs) else { return unknown(ctx) }
        return (0..<ctx.node.outputs.count).map { k in
            k < outs.count ? .sequence(outs[k]) : nil
        }
    }

    static var sequenceRules: [String: TypeRule] {
        [
            "SequenceEmpty": { ctx in
                [.sequence(tensor(elementType(code: ctx.int("dtype")) ?? .float32, nil))]
            },
            "SequenceConstruct": { ctx in
                var e = ctx.type(0)
                for i in 1..<Swift.max(1, ctx.inputCount) { e = ShapeInference.join(e, ctx.type(i)) }
                return [.sequence(e)]
            },
            "SequenceLength": { _ in [tensor(.int64, [])] },
            "SequenceAt": { ctx in
                if case .sequence(let e)? = ctx.type(0) { return [e] }
                return [nil]
            },
            "SequenceInsert": { ctx in
                guard case .sequence(let e)? = ctx.type(0) else { return [nil] }
                return [.sequence(ShapeInference.join(e, ctx.type(1)))]
            },
            "SequenceErase": { ctx in [ctx.type(0)] },
            "SplitToSequence": { ctx in
                let elem = ctx.elementType(0)
                guard var s = ctx.shape(0) else { return [.sequence(tensor(elem, nil))] }
                let a = try ctx.axis(ctx.int("axis", default: 0), rank: s.count)
                if ctx.hasInput(1) {
                    if ctx.rank(1) == 0, let k = ctx.ints(input: 1)?.first {
                        s[a] = s[a].value.map { $0 % k == 0 ? .known(k) : .unknown } ?? .unknown
                    } else {
                        s[a] = .unknown
                    }
                } else if ctx.int("keepdims", default: 1) != 0 {
                    s[a] = .known(1)
                } else {
                    s.remove(at: a)
                }
                return [.sequence(tensor(elem, s))]
            },
            "ConcatFromSequence": { ctx in
                guard case .sequence(let e)? = ctx.type(0), let t = e?.tensorType else { return [nil] }
                guard var s = t.shape else { return [tensor(t.elementType, nil)] }
                let newAxis = ctx.int("new_axis", default: 0) != 0
                let a = try ctx.axis(ctx.int("axis", default: 0), rank: s.count + (newAxis ? 1 : 0))
                if newAxis { s.insert(.unknown, at: a) } else { s[a] = .unknown }
                return [tensor(t.elementType, s)]
            },
            "Optional": { ctx in
                if ctx.hasInput(0) { return [.optional(ctx.type(0))] }
                if case .type(let t)? = ctx.node.attribute("type")?.value { return [.optional(t)] }
                return [.optional(nil)]
            },
            "OptionalHasElement": { _ in [tensor(.bool, [])] },
            "OptionalGetElement": { ctx in
                if case .optional(let e)? = ctx.type(0) { return [e] }
                return [ctx.type(0)]
            },
        ]
    }
}

extension ShapeInference {
    /// A sequence element type whose shapes vary per element: keep only the rank.
    static func relaxFirst(_ t: ValueType) -> ValueType {
        guard case .tensor(let tt) = t, let s = tt.shape else { return t }
        return .tensor(TensorType(tt.elementType, shape: s.map { _ in .unknown }))
    }
}
