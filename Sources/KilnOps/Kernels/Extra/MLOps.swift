import Foundation
import KilnIR

/// `ai.onnx.ml` ops: LabelEncoder, TreeEnsemble, Binarizer, ArrayFeatureExtractor.
enum MLOps {
    static let domain = "ai.onnx.ml"

    static let all: [any OpDefinition] = [
        ClosureOp("LabelEncoder", domain: domain) { c in [.tensor(try labelEncoder(c))] },
        ClosureOp("TreeEnsemble", domain: domain) { c in [.tensor(try treeEnsemble(c))] },
        ClosureOp("Binarizer", domain: domain) { c in
            let x = try c.tensor(0)
            let t = Double(c.float("threshold", default: 0))
            let y = try x.doubles().map { $0 > t ? 1.0 : 0.0 }
            return [.tensor(try Tensor.fromDoubles(y, shape: x.shape, as: x.elementType))]
        },
        ClosureOp("ArrayFeatureExtractor", domain: domain) { c in
            [.tensor(try arrayFeatureExtractor(c))]
        },
    ]

    // MARK: - LabelEncoder

    /// A lookup key: strings by bytes, integers by value, floats by value (−0 = 0, NaN = NaN).
    enum Key: Hashable {
        case string(Data)
        case int(Int64)
        case float(UInt64)

        static func float(_ d: Double) -> Key {
            if d.isNaN { return .float(Double.nan.bitPattern) }
            return .float((d == 0 ? 0 : d).bitPattern)
        }
    }

    static func keys(of t: Tensor) throws -> [Key] {
        if t.elementType == .string { return t.strings.map { .string($0) } }
        if t.elementType.isFloatingPoint { return try t.doubles().map { Key.float($0) } }
        return try t.int64s().map { .int($0) }
    }

    /// Maps each input element through keys → values (opset 1–4 attribute forms); unmatched
    /// elements take the default of the values' type.
    static func labelEncoder(_ c: KernelContext) throws -> Tensor {
        let x = try c.tensor(0)
        let node = c.node
        let keys: [Key]
        if case .strings(let s)? = node.attribute("keys_strings")?.value {
            keys = s.map { .string($0) }
        } else if let v = c.ints("keys_int64s") {
            keys = v.map { .int($0) }
        } else if let v = c.floats("keys_floats") {
            keys = v.map { Key.float(Double($0)) }
        } else if let t = node.attribute("keys_tensor")?.tensor {
            keys = try Self.keys(of: t)
        } else {
            throw c.fail("no keys attribute")
        }
        var values: Tensor
        var fallback: Tensor
        if case .strings(let s)? = node.attribute("values_strings")?.value {
            values = Tensor(elementType: .string, shape: [Int64(s.count)], strings: s)
            let d = c.string("default_string", default: "_Unused")
            fallback = Tensor(elementType: .string, shape: [1], strings: [Data(d.utf8)])
        } else if let v = c.ints("values_int64s") {
            values = Tensor(shape: [Int64(v.count)], elements: v)
            fallback = Tensor(shape: [1], elements: [c.int("default_int64", default: -1)])
        } else if let v = c.floats("values_floats") {
            values = Tensor(shape: [Int64(v.count)], elements: v)
            fallback = Tensor(shape: [1], elements: [c.float("default_float", default: -0.0)])
        } else if let t = node.attribute("values_tensor")?.tensor {
            values = t.reshaped([Int64(t.elementCount ?? 0)])
            if let d = node.attribute("default_tensor")?.tensor, d.elementType == t.elementType,
                (d.elementCount ?? 0) >= 1
            {
                fallback = d.gathered([0], shape: [1])
            } else if t.elementType == .string {
                fallback = Tensor(elementType: .string, shape: [1], strings: [Data("_Unused".utf8)])
            } else {
                fallback = try Tensor.fromDoubles(
                    [t.elementType.isFloatingPoint ? -0.0 : -1], shape: [1], as: t.elementType)
            }
        } else {
            throw c.fail("no values attribute")
        }
        guard keys.count == values.elementCount else {
            throw c.fail("keys and values differ in length")
        }
        var table: [Key: Int] = [:]
        for (i, k) in keys.enumerated() where table[k] == nil { table[k] = i }
        let missing = keys.count
        let index = try Self.keys(of: x).map { table[$0] ?? missing }
        return values.appendingElements(of: fallback).gathered(index, shape: x.shape)
    }

    // MARK: - TreeEnsemble

    /// ai.onnx.ml 5 `TreeEnsemble`: each row of X walks every tree from its root; leaf weights
    /// are aggregated per target (SUM, AVERAGE, MIN, MAX), then `post_transform` applies.
    static func treeEnsemble(_ c: KernelContext) throws -> Tensor {
        let x = try c.tensor(0)
        let node = c.node
        func ints(_ name: String) throws -> [Int64] {
            guard let v = c.ints(name) else { throw c.fail("attribute \(name) is missing") }
            return v
        }
        func tensorValues(_ name: String) throws -> [Double]? {
            try node.attribute(name)?.tensor?.doubles()
        }
        let featureIDs = try ints("nodes_featureids")
        let trueIDs = try ints("nodes_truenodeids")
        let falseIDs = try ints("nodes_falsenodeids")
        let trueLeaf = try ints("nodes_trueleafs")
        let falseLeaf = try ints("nodes_falseleafs")
        let roots = try ints("tree_roots")
        let leafTargets = try ints("leaf_targetids")
        guard let modes = try node.attribute("nodes_modes")?.tensor?.int64s(),
            let splits = try tensorValues("nodes_splits"),
            let leafWeights = try tensorValues("leaf_weights")
        else { throw c.fail("nodes_modes, nodes_splits and leaf_weights are required") }
        let missingTrue = c.ints("nodes_missing_value_tracks_true") ?? []
        let nodeCount = featureIDs.count
        guard [trueIDs, falseIDs, trueLeaf, falseLeaf].allSatisfy({ $0.count == nodeCount }),
            modes.count == nodeCount, splits.count == nodeCount,
            leafTargets.count == leafWeights.count
        else { throw c.fail("node and leaf attribute lists differ in length") }
        let nTargets = Int(c.int("n_targets", default: 1))
        guard nTargets >= 1 else { throw c.fail("n_targets must be positive") }
        // Membership sets, in the order the MEMBER nodes appear, separated by NaN.
        var members: [Int: Set<Double>] = [:]
        if let mv = try tensorValues("membership_values") {
            var it = mv.makeIterator()
            for i in 0..<nodeCount where modes[i] == 6 {
                var set = Set<Double>()
                while let v = it.next(), !v.isNaN { set.insert(v) }
                members[i] = set
            }
        }
        let xd = x.dims
        guard xd.count == 2 || xd.count == 1 else { throw c.fail("X must be (N, F)") }
        let rows = xd.count == 2 ? xd[0] : 1
        let features = xd.last ?? 0
        let xv = try x.doubles()
        let aggregate = c.int("aggregate_function", default: 1)
        let big = Double.greatestFiniteMagnitude
        let initial: Double = aggregate == 2 ? big : aggregate == 3 ? -big : 0
        var out = [Double](repeating: initial, count: rows * nTargets)
        for r in 0..<rows {
            for root in roots {
                guard root >= 0, root < Int64(nodeCount) else {
                    throw c.fail("tree root \(root) out of range")
                }
                var id = Int(root)
                var leaf = -1
                // A tree whose root has the same leaf on both sides is a single leaf.
                if trueLeaf[id] != 0, falseLeaf[id] != 0, trueIDs[id] == falseIDs[id] {
                    leaf = Int(trueIDs[id])
                }
                var steps = 0
                while leaf < 0 {
                    steps += 1
                    guard steps <= nodeCount + 1 else { throw c.fail("trees contain a cycle") }
                    let f = Int(featureIDs[id])
                    guard f >= 0, f < features else { throw c.fail("feature \(f) out of range") }
                    let v = xv[r * features + f]
                    let s = splits[id]
                    var go: Bool
                    switch modes[id] {
                    case 0: go = v <= s
                    case 1: go = v < s
                    case 2: go = v >= s
                    case 3: go = v > s
                    case 4: go = v == s
                    case 5: go = v != s
                    case 6: go = members[id]?.contains(v) ?? false
                    default: throw c.fail("unknown node mode \(modes[id])")
                    }
                    if v.isNaN, id < missingTrue.count, missingTrue[id] != 0 { go = true }
                    let next = go ? trueIDs[id] : falseIDs[id]
                    let isLeaf = (go ? trueLeaf[id] : falseLeaf[id]) != 0
                    let limit = Int64(isLeaf ? leafWeights.count : nodeCount)
                    guard next >= 0, next < limit else {
                        throw c.fail("node id \(next) out of range")
                    }
                    if isLeaf { leaf = Int(next) } else { id = Int(next) }
                }
                guard leaf < leafWeights.count else { throw c.fail("leaf \(leaf) out of range") }
                let t = leafTargets[leaf]
                guard t >= 0, t < Int64(nTargets) else { throw c.fail("target \(t) out of range") }
                let o = r * nTargets + Int(t)
                let w = leafWeights[leaf]
                switch aggregate {
                case 0: out[o] += w / Double(roots.count)
                case 2: out[o] = Swift.min(out[o], w)
                case 3: out[o] = Swift.max(out[o], w)
                default: out[o] += w
                }
            }
        }
        try postTransform(&out, rows: rows, width: nTargets, c.int("post_transform", default: 0), c)
        return try Tensor.fromDoubles(
            out, shape: [Int64(rows), Int64(nTargets)], as: x.elementType)
    }

    /// Applies an ai.onnx.ml post transform row by row (0 NONE, 1 SOFTMAX, 2 LOGISTIC,
    /// 3 SOFTMAX_ZERO, 4 PROBIT).
    static func postTransform(
        _ v: inout [Double], rows: Int, width: Int, _ kind: Int64, _ c: KernelContext
    ) throws {
        switch kind {
        case 0: return
        case 1, 3:
            for r in 0..<rows {
                let row = r * width..<(r + 1) * width
                let live = row.filter { kind == 1 || v[$0] != 0 }
                let m = live.map { v[$0] }.max() ?? 0
                var s = 0.0
                for i in live { s += Foundation.exp(v[i] - m) }
                for i in row { v[i] = live.contains(i) ? Foundation.exp(v[i] - m) / s : 0 }
            }
        case 2:
            for i in v.indices { v[i] = 1 / (1 + Foundation.exp(-v[i])) }
        case 4:
            for i in v.indices { v[i] = 2.0.squareRoot() * inverseErf(2 * v[i] - 1) }
        default:
            throw c.fail("unknown post_transform \(kind)")
        }
    }

    /// Inverse error function by Newton refinement of a closed-form start.
    static func inverseErf(_ y: Double) -> Double {
        if y <= -1 { return -.infinity }
        if y >= 1 { return .infinity }
        let a = 0.147
        let l = Foundation.log(1 - y * y)
        let t = 2 / (Double.pi * a) + l / 2
        var x = (y < 0 ? -1.0 : 1.0) * ((t * t - l / a).squareRoot() - t).squareRoot()
        for _ in 0..<3 {
            let e = Foundation.erf(x) - y
            x -= e / (2 / Double.pi.squareRoot() * Foundation.exp(-x * x))
        }
        return x
    }

    // MARK: - ArrayFeatureExtractor

    /// Selects `indices` along the last axis of X; a 1-D X yields a (1, K) result.
    static func arrayFeatureExtractor(_ c: KernelContext) throws -> Tensor {
        let x = try c.tensor(0)
        let idx = try c.tensor(1).int64s()
        let d = x.dims
        guard let last = d.last else { throw c.fail("X must have rank >= 1") }
        let outer = d.dropLast().reduce(1, *)
        var gather: [Int] = []
        gather.reserveCapacity(outer * idx.count)
        for o in 0..<outer {
            for i in idx {
                guard i >= 0, i < Int64(last) else { throw c.fail("index \(i) out of range") }
                gather.append(o * last + Int(i))
            }
        }
        let shape = d.count == 1 ? [1, idx.count] : d.dropLast() + [idx.count]
        return x.gathered(gather, shape: shape.map(Int64.init))
    }
}
