import Foundation
import KilnIR

/// If, Loop, Scan, the sequence ops and the optional ops.
enum ControlFlowOps {
    static func runner(_ c: KernelContext) throws -> SubgraphRunner {
        guard let r = c.runSubgraph else {
            throw KilnError(
                .unsupportedFeature, "\(c.node.opType) needs a runtime to run its subgraph",
                at: c.location)
        }
        return r
    }

    static func graphAttr(_ c: KernelContext, _ name: String) throws -> Graph {
        guard let g = c.node.attribute(name)?.graph else { throw c.fail("missing graph '\(name)'") }
        return g
    }

    /// Stacks equally shaped tensors along a new axis 0.
    static func stack(_ ts: [Tensor], _ c: KernelContext) throws -> Tensor {
        guard let f = ts.first else { return Tensor(shape: [0], elements: [Float]()) }
        let parts = ts.map { $0.reshaped([1] + $0.shape) }
        for t in ts where t.shape != f.shape { throw c.fail("scan outputs differ in shape") }
        return try Tensor.concatenate(parts, axis: 0)
    }

    /// `SequenceMap`: runs `body` once per element of the input sequence; additional inputs
    /// that are sequences (of the same length) contribute their i-th element, tensors are passed
    /// whole. Each body output is collected into one output sequence.
    static func sequenceMap(_ c: KernelContext) throws -> [Value] {
        let body = try graphAttr(c, "body")
        let first = try sequence(c, 0)
        var extras: [Value] = []
        for i in 1..<max(1, c.inputs.count) {
            guard let v = c.inputs[i] else { throw c.fail("additional input \(i) is missing") }
            if case .sequence(let s) = v, s.count != first.count {
                throw c.fail(
                    "additional sequence input \(i) has \(s.count) elements, expected \(first.count)")
            }
            if case .none = v { throw c.fail("additional input \(i) is an absent optional") }
            extras.append(v)
        }
        guard body.inputs.count == 1 + extras.count else {
            throw c.fail(
                "body takes \(body.inputs.count) inputs but the node supplies \(1 + extras.count)")
        }
        let run = try runner(c)
        var outputs = Array(repeating: [Tensor](), count: body.outputs.count)
        for i in 0..<first.count {
            var args: [Value] = [.tensor(first[i])]
            for e in extras {
                if case .sequence(let s) = e { args.append(.tensor(s[i])) } else { args.append(e) }
            }
            let results = try run(body, args)
            guard results.count == outputs.count else {
                throw c.fail("body produced \(results.count) outputs, expected \(outputs.count)")
            }
            for (j, r) in results.enumerated() {
                guard let t = r.tensor else { throw c.fail("body output \(j) is not a tensor") }
                outputs[j].append(t)
            }
        }
        return outputs.map { .sequence($0) }
    }

    static let all: [any OpDefinition] = [
        ClosureOp("If") { c in
            let cond = try c.tensor(0).elements(as: Bool.self)
            guard let first = cond.first else { throw c.fail("condition is empty") }
            let g = try graphAttr(c, first ? "then_branch" : "else_branch")
            return try runner(c)(g, [])
        },
        ClosureOp("Loop") { c in try loop(c) },
        ClosureOp("Scan") { c in try scan(c) },
        ClosureOp("SequenceMap") { c in try sequenceMap(c) },
        ClosureOp("SequenceEmpty") { _ in [.sequence([])] },
        ClosureOp("SequenceConstruct") { c in [.sequence(try c.allTensors())] },
        ClosureOp("SequenceLength") { c in
            guard case .sequence(let s)? = c.inputs.first ?? nil else {
                throw c.fail("needs a sequence")
            }
            return [.tensor(.scalar(Int64(s.count)))]
        },
        ClosureOp("SequenceAt") { c in
            let s = try sequence(c, 0)
            let p = try position(c, 1, count: s.count, insert: false) ?? 0
            return [.tensor(s[p])]
        },
        ClosureOp("SequenceInsert") { c in
            var s = try sequence(c, 0)
            let t = try c.tensor(1)
            let p = try position(c, 2, count: s.count, insert: true) ?? s.count
            s.insert(t, at: p)
            return [.sequence(s)]
        },
        ClosureOp("SequenceErase") { c in
            var s = try sequence(c, 0)
            let p = try position(c, 1, count: s.count, insert: false) ?? (s.count - 1)
            guard p >= 0 else { throw c.fail("cannot erase from an empty sequence") }
            s.remove(at: p)
            return [.sequence(s)]
        },
        ClosureOp("SplitToSequence") { c in
            let x = try c.tensor(0)
            let axis = try Axis.normalize(
                c.int("axis", default: 0), rank: x.shape.count, op: "SplitToSequence")
            let dim = x.dims[axis]
            if let split = try c.optionalTensor(1) {
                let v = try split.int64s()
                var sizes: [Int]
                if split.shape.isEmpty {
                    let k = Int(v[0])
                    guard k > 0 else { throw c.fail("split must be positive") }
                    sizes = Array(repeating: k, count: dim / k)
                    if dim % k != 0 { sizes.append(dim % k) }
                } else {
                    sizes = v.map { Int($0) }
                }
                return [.sequence(try x.split(axis: axis, sizes: sizes))]
            }
            let parts = try x.split(axis: axis, sizes: Array(repeating: 1, count: dim))
            if c.int("keepdims", default: 1) == 0 {
                return [
                    .sequence(
                        parts.map { p in
                            var s = p.shape
                            s.remove(at: axis)
                            return p.reshaped(s)
                        })
                ]
            }
            return [.sequence(parts)]
        },
        ClosureOp("ConcatFromSequence") { c in
            let s = try sequence(c, 0)
            guard let f = s.first else { throw c.fail("sequence is empty") }
            let newAxis = c.int("new_axis", default: 0) != 0
            let rank = f.shape.count + (newAxis ? 1 : 0)
            let axis = try Axis.normalize(
                c.int("axis", default: 0), rank: rank, op: "ConcatFromSequence")
            let parts =
                newAxis
                ? s.map { t in
                    var sh = t.shape
                    sh.insert(1, at: axis)
                    return t.reshaped(sh)
                } : s
            return [.tensor(try Tensor.concatenate(parts, axis: axis))]
        },
        ClosureOp("Optional") { c in
            if let v = c.inputs.first ?? nil { return [v] }
            return [.none]
        },
        ClosureOp("OptionalHasElement") { c in
            let has: Bool
            if let v = c.inputs.first ?? nil { has = v != .none } else { has = false }
            return [.tensor(.scalar(has))]
        },
        ClosureOp("OptionalGetElement") { c in
            guard let v = c.inputs.first ?? nil, v != .none else {
                throw c.fail("the optional is empty")
            }
            return [v]
        },
    ]

    static func sequence(_ c: KernelContext, _ i: Int) throws -> [Tensor] {
        guard i < c.inputs.count, case .sequence(let s)? = c.inputs[i] else {
            throw c.fail("input \(i) is not a sequence")
        }
        return s
    }

    static func position(_ c: KernelContext, _ i: Int, count: Int, insert: Bool) throws -> Int? {
        guard let p = try c.optionalInts(i)?.first else { return nil }
        let q = p < 0 ? p + Int64(count) : p
        guard q >= 0, q < Int64(count) + (insert ? 1 : 0) else {
            throw c.fail("position \(p) is out of range for a sequence of \(count)")
        }
        return Int(q)
    }

    static func loop(_ c: KernelContext) throws -> [Value] {
        let body = try graphAttr(c, "body")
        let run = try runner(c)
        let maxTrips = try c.optionalInts(0)?.first
        var cond = try c.optionalTensor(1).map { try $0.elements(as: Bool.self).first ?? false }
        var carried: [Value] = (2..<Swift.max(2, c.inputs.count)).map { c.inputs[$0] ?? .none }
        let nCarried = carried.count
        var scans: [[Value]] = []
        var i: Int64 = 0
        var scanElements = 0
        while (maxTrips.map { i < $0 } ?? true) && (cond ?? true) {
            try c.budget.checkIteration(i, c)
            let condIn = Tensor.scalar(cond ?? true)
            let outs = try run(body, [.tensor(.scalar(i)), .tensor(condIn)] + carried)
            guard outs.count >= 1 + nCarried else { throw c.fail("body returned too few outputs") }
            if let t = outs[0].tensor { cond = try t.elements(as: Bool.self).first ?? false }
            carried = Array(outs[1..<(1 + nCarried)])
            let scanOuts = Array(outs[(1 + nCarried)...])
            if scans.isEmpty { scans = Array(repeating: [], count: scanOuts.count) }
            for (k, v) in scanOuts.enumerated() where k < scans.count {
                // The stacked scan outputs must stay a tensor Kiln can hold; refuse as they grow
                // instead of after the memory is spent.
                scanElements += v.tensor?.elementCount ?? 0
                guard scanElements <= Checked.maxElements else {
                    throw KilnError(
                        .limitExceeded,
                        "Loop: scan outputs grew past Kiln's limit of \(Checked.maxElements) elements after \(i + 1) iterations",
                        at: c.location)
                }
                scans[k].append(v)
            }
            i += 1
        }
        let nScan = c.node.outputs.count - nCarried
        var result = carried
        for k in 0..<nScan {
            let vals = k < scans.count ? scans[k] : []
            let ts = vals.compactMap(\.tensor)
            result.append(.tensor(try stack(ts, c)))
        }
        return result
    }

    static func scan(_ c: KernelContext) throws -> [Value] {
        let body = try graphAttr(c, "body")
        let run = try runner(c)
        let m = Int(c.int("num_scan_inputs", default: 0))
        if c.opsetVersion < 9 {
            // Scan-8: input 0 is sequence_lens, all tensors carry a batch axis 0.
            let ins = try (1..<c.inputs.count).map { try c.tensor($0) }
            let n = ins.count - m
            guard let batch = ins.first?.shape.first else { throw c.fail("needs inputs") }
            // sequence_lens: each batch entry runs only its first lengths[b] steps; the scan
            // outputs past that are zero.
            let lengths = try c.optionalInts(0)
            if let lengths, lengths.count != Int(batch) {
                throw c.fail("sequence_lens holds \(lengths.count) values for batch \(batch)")
            }
            var perBatch: [[Tensor]] = []
            for b in 0..<Int(batch) {
                let slices = try ins.map { t -> Tensor in
                    let s = try t.split(
                        axis: 0, sizes: [b, 1, Int(batch) - b - 1].filter { _ in true })[1]
                    return s.reshaped(Array(s.shape.dropFirst()))
                }
                perBatch.append(
                    try scanCore(
                        c, body, run, Array(slices[..<n]), Array(slices[n...]), axesDefault: 0,
                        length: lengths.map { Int(clamping: $0[b]) }))
            }
            let outs = perBatch[0].indices.map { k in perBatch.map { $0[k] } }
            return try outs.map { .tensor(try stack($0, c)) }
        }
        let ins = try (0..<c.inputs.count).map { try c.tensor($0) }
        let n = ins.count - m
        return try scanCore(c, body, run, Array(ins[..<n]), Array(ins[n...]), axesDefault: 0)
            .map { .tensor($0) }
    }

    static func scanCore(
        _ c: KernelContext, _ body: Graph, _ run: SubgraphRunner, _ initial: [Tensor],
        _ scanInputs: [Tensor], axesDefault: Int, length: Int? = nil
    ) throws -> [Tensor] {
        let m = scanInputs.count
        let inAxes = try (c.ints("scan_input_axes") ?? Array(repeating: 0, count: m)).enumerated()
            .map {
                try Axis.normalize($0.element, rank: scanInputs[$0.offset].shape.count, op: "Scan")
            }
        let inDirs = c.ints("scan_input_directions") ?? Array(repeating: 0, count: m)
        let dirs8 = c.opsetVersion < 9 ? (c.ints("directions") ?? inDirs) : inDirs
        guard let first = scanInputs.first else { throw c.fail("needs a scan input") }
        let fullSteps = Int(first.shape[inAxes[0]])
        if let length, length < 0 || length > fullSteps {
            throw c.fail("sequence length \(length) is outside 0...\(fullSteps)")
        }
        let steps = length ?? fullSteps
        if steps == 0, fullSteps > 0 {
            throw KilnError(
                .unsupportedFeature, "Scan: a zero sequence length is not supported",
                at: c.location)
        }
        let sliced = try scanInputs.enumerated().map { k, t in
            try t.split(axis: inAxes[k], sizes: Array(repeating: 1, count: fullSteps)).map { p in
                var s = p.shape
                s.remove(at: inAxes[k])
                return p.reshaped(s)
            }
        }
        var state = initial
        var outs: [[Tensor]] = []
        var scanElements = 0
        for s in 0..<steps {
            try c.budget.checkIteration(Int64(s), c)
            let args =
                state.map(Value.tensor)
                + (0..<m).map { k in
                    Value.tensor(sliced[k][(k < dirs8.count && dirs8[k] != 0) ? steps - 1 - s : s])
                }
            let r = try run(body, args)
            guard r.count >= initial.count else { throw c.fail("body returned too few outputs") }
            state = try r[..<initial.count].map { v in
                guard let t = v.tensor else { throw c.fail("state output is not a tensor") }
                return t
            }
            let so = r[initial.count...].compactMap(\.tensor)
            if outs.isEmpty { outs = Array(repeating: [], count: so.count) }
            for (k, t) in so.enumerated() where k < outs.count {
                scanElements += t.elementCount ?? 0
                guard scanElements <= Checked.maxElements else {
                    throw KilnError(
                        .limitExceeded,
                        "Scan: scan outputs grew past Kiln's limit of \(Checked.maxElements) elements after \(s + 1) iterations",
                        at: c.location)
                }
                outs[k].append(t)
            }
        }
        let outAxes = c.ints("scan_output_axes")
        let outDirs = c.ints("scan_output_directions")
        var result = state
        for (k, var ts) in outs.enumerated() {
            if let d = outDirs, k < d.count, d[k] != 0 { ts.reverse() }
            if steps < fullSteps, let last = ts.last {
                let zero = try Tensor.fromDoubles(
                    [Double](repeating: 0, count: last.elementCount ?? 0), shape: last.shape,
                    as: last.elementType)
                ts += Array(repeating: zero, count: fullSteps - steps)
            }
            var st = try stack(ts, c)
            if let a = outAxes, k < a.count {
                let axis = try Axis.normalize(a[k], rank: st.shape.count, op: "Scan")
                if axis != 0 {
                    var perm = Array(1..<st.shape.count)
                    perm.insert(0, at: axis)
                    st = st.transposed(perm)
                }
            }
            result.append(st)
        }
        return result
    }
}
