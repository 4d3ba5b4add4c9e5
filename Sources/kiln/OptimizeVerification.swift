import Foundation
import KilnIR
import KilnRuntime
import KilnTensorFiles
import Synchronization

/// `kiln optimize --verify`: runs the model before and after optimization on the same inputs,
/// prints the largest error per output, and when one is outside tolerance bisects the pipeline's
/// snapshots to name the first pass (and the first node after it) that changed the result.
struct OptimizeVerification {
    let inputs: [String]
    let seed: UInt64
    let rtol: Double?
    let atol: Double?

    /// True when every output of `optimized` matches `original`.
    func check(
        original: Model, optimized: Model, snapshots: [(pass: String, iteration: Int, model: Model)]
    ) throws -> Bool {
        let feeds = inputs.isEmpty
            ? try TensorFiles.randomFeeds(graph: original.graph, seed: seed, dims: [:])
            : try TensorFiles.feeds(inputs, graph: original.graph)
        let expected = try Self.run(original, feeds)
        let actual = try Self.run(optimized, feeds)
        let ok = try compare(actual, expected, outputs: original.graph.outputs.map(\.name), print: true)
        if ok || snapshots.isEmpty { return ok }
        // Invariant: snapshot `lo` (or the original when -1) matches, snapshot `hi` does not.
        var lo = -1
        var hi = snapshots.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            let r = try Self.run(snapshots[mid].model, feeds)
            if try compare(r, expected, outputs: original.graph.outputs.map(\.name), print: false) {
                lo = mid
            } else {
                hi = mid
            }
        }
        let bad = snapshots[hi]
        let before = lo < 0 ? original : snapshots[lo].model
        var line = "verify: the first pass that changed the result is '\(bad.pass)' (iteration \(bad.iteration))"
        if let node = try firstDivergingNode(before: before, after: bad.model, feeds: feeds) {
            line += "; first differing value: \(node)"
        }
        CLI.printError(line)
        return false
    }

    static func run(_ model: Model, _ feeds: [String: Value], observer: (@Sendable (Node, [Value]) -> Void)? = nil)
        throws -> [String: Value]
    {
        let plan = try InferencePlan(
            model: model,
            options: InferenceOptions(observer: observer, foldConstants: false, fuseOperators: false))
        return try plan.run(feeds)
    }

    private func tolerance(_ t: ElementType) -> (Double, Double) {
        let d = TensorComparison.defaultTolerance(for: t)
        guard t.isFloatingPoint else { return d }
        return (rtol ?? d.rtol, atol ?? d.atol)
    }

    private func compare(_ actual: [String: Value], _ expected: [String: Value], outputs: [String], print: Bool)
        throws -> Bool
    {
        var ok = true
        for name in outputs {
            guard let e = expected[name]?.tensor, let a = actual[name]?.tensor else {
                let same = expected[name] == actual[name]
                if print { Swift.print("\(name): \(same ? "equal" : "MISMATCH") (non-tensor)") }
                ok = ok && same
                continue
            }
            let (rt, at) = tolerance(e.elementType)
            let c: TensorComparison
            do {
                c = try TensorComparison(actual: a, expected: e, rtol: rt, atol: at)
            } catch let err as KilnError {
                if print { Swift.print("\(name): MISMATCH (\(err.message))") }
                ok = false
                continue
            }
            if print {
                Swift.print(
                    "\(name): max abs error \(c.maxAbsoluteError), max rel error \(c.maxRelativeError)"
                        + (c.allClose ? " ok" : " MISMATCH (\(c.mismatches) of \(c.count) outside rtol \(rt), atol \(at))"))
            }
            ok = ok && c.allClose
        }
        return ok
    }

    /// The first node (in `after`'s execution order) whose output exists in `before` under the
    /// same name with different values.
    private func firstDivergingNode(before: Model, after: Model, feeds: [String: Value]) throws -> String? {
        let seen = Mutex<[String: Value]>([:])
        _ = try Self.run(before, feeds) { node, outs in
            seen.withLock { m in for (n, v) in zip(node.outputs, outs) where !n.isEmpty { m[n] = v } }
        }
        let reference = seen.withLock { $0 }
        let found = Mutex<String?>(nil)
        _ = try Self.run(after, feeds) { node, outs in
            guard found.withLock({ $0 == nil }) else { return }
            for (n, v) in zip(node.outputs, outs) where !n.isEmpty {
                guard let r = reference[n]?.tensor, let t = v.tensor else { continue }
                let (rt, at) = tolerance(r.elementType)
                let close = (try? TensorComparison(actual: t, expected: r, rtol: rt, atol: at))?.allClose ?? false
                if !close {
                    let label = node.name.isEmpty ? node.opType : "\(node.name) (\(node.opType))"
                    found.withLock { $0 = "'\(n)' computed by node \(label)" }
                    return
                }
            }
        }
        return found.withLock { $0 }
    }
}
