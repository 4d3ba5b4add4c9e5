import Foundation
import KilnIR
import KilnOps
import KilnPasses
import KilnRuntime

extension Quantizer {
    /// Chooses the float16 nodes from the calibrated ranges, converts, and checks the result on
    /// the calibration samples: a node whose float16 kernel fails, or the first node whose
    /// output turns NaN/Inf where float32 was finite, goes back to float32 and the conversion
    /// is redone (at most 64 rounds). Returns the model, the float16 node count and the
    /// float32 nodes with their reasons.
    func convertToFloat16() throws -> (Model, Int, [String: String]) {
        guard let calibration else {
            throw KilnError(
                .usage, "fp16 needs calibration samples to track activation ranges")
        }
        let g = prepared.graph
        let opset = prepared.opsetVersion(for: "") ?? 1
        var subgraphReads = Set<String>()
        for n in g.nodes { for s in n.subgraphs { subgraphReads.formUnion(s.outerScopeReads()) } }
        let exclude = Set(options.exclude)
        var chosen = Set<String>()
        let constants = Dictionary(
            g.initializers.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var kept: [String: String] = [:]
        var keyOfName: [String: String] = [:]
        var labelOfKey: [String: String] = [:]
        for (index, n) in g.nodes.enumerated() {
            guard let key = n.outputs.first, !key.isEmpty else { continue }
            let label = n.label(index: index)
            labelOfKey[key] = label
            keyOfName[label] = key
            let values = (n.inputs + n.outputs).filter { !$0.isEmpty }
            guard values.contains(where: { types[$0] == .float32 }) else { continue }
            guard ConvertToFloat16.convertibleInputs(n, opset: opset, types: types) != nil else {
                kept[label] = "no float16 form (\(n.opType))"
                continue
            }
            if exclude.contains(n.opType) || exclude.contains(n.name) || exclude.contains(key) {
                kept[label] = "excluded"
                continue
            }
            if n.outputs.contains(where: subgraphReads.contains) {
                kept[label] = "read inside a subgraph"
                continue
            }
            let floats = values.filter { types[$0] == .float32 }
            if let big = floats.first(where: {
                (statistics[$0]?.absMax ?? 0) > options.fp16SafeMagnitude
            }) {
                let m = statistics[big]?.absMax ?? 0
                kept[label] = String(format: "'%@' reaches %.4g (float16 max 65504)", big, m)
                continue
            }
            if let weight = floats.first(where: { name in
                guard let t = constants[name] else { return false }
                return (t.values(as: Float.self) ?? []).contains { abs($0) > 65504 }
            }) {
                kept[label] = "constant '\(weight)' exceeds float16's range"
                continue
            }
            chosen.insert(key)
        }
        var allTypes = types
        for t in g.initializers { allTypes[t.name] = t.elementType }
        for i in g.inputs { if let t = i.type?.tensorType { allTypes[i.name] = t.elementType } }
        let check = CalibrationSet(
            samples: Array(calibration.samples.prefix(4)),
            labels: Array(calibration.labels.prefix(4)))
        for _ in 0..<64 {
            var model = prepared
            try PassPipeline(
                [ConvertToFloat16(float16Nodes: chosen, types: allTypes)]
                    + (PassPipeline.pass(named: "eliminate-dead-code").map { [$0] } ?? []),
                maxIterations: 1
            ).run(on: &model, context: PassContext())
            var broken: [String] = []
            // Graph outputs computed in float16 are renamed `NAME_fp16` and cast back.
            let outputs = Set(g.outputs.map(\.name))
            let watch = Set(chosen).union(chosen.filter(outputs.contains).map { $0 + "_fp16" })
            let order = Dictionary(
                g.nodes.enumerated().compactMap { i, n in n.outputs.first.map { ($0, i) } },
                uniquingKeysWith: { a, _ in a })
            do {
                try ModelProbe.run(model, samples: check, watch: watch) { _, name, t in
                    let key =
                        watch.contains(name) && chosen.contains(name)
                        ? name : String(name.dropLast(5))
                    guard (statistics[key]?.nonFinite ?? 0) == 0, let v = t.floatValues(),
                        v.contains(where: { !$0.isFinite })
                    else { return }
                    broken.append(key)
                }
            } catch let e as KilnError {
                let culprits = culpritKeys(e, model: model, chosen: chosen, keyOfName: keyOfName)
                guard !culprits.isEmpty else { throw e }
                for k in culprits {
                    chosen.remove(k)
                    kept[labelOfKey[k] ?? k] = "float16 kernel failed: \(e.message)"
                }
                continue
            }
            guard let first = broken.min(by: { (order[$0] ?? 0) < (order[$1] ?? 0) }) else {
                return (model, chosen.count, kept)
            }
            chosen.remove(first)
            kept[labelOfKey[first] ?? first] = "NaN/Inf in float16 on the calibration data"
        }
        throw KilnError(
            .passFailed, "fp16: could not find a float16 conversion without NaN/Inf in 64 rounds")
    }

    /// The chosen nodes a runtime error points at (by node name or `OpType#index` label).
    private func culpritKeys(
        _ e: KilnError, model: Model, chosen: Set<String>, keyOfName: [String: String]
    ) -> [String] {
        guard let label = e.location.node else { return [] }
        for (i, n) in model.graph.nodes.enumerated() where n.label(index: i) == label {
            if let k = n.outputs.first, chosen.contains(k) { return [k] }
            if let k = n.outputs.first,
                let orig = k.hasSuffix("_fp16") ? String(k.dropLast(5)) : nil,
                chosen.contains(orig)
            {
                return [orig]
            }
        }
        if let k = keyOfName[label], chosen.contains(k) { return [k] }
        return []
    }
}
