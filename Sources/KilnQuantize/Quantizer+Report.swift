import Foundation
import KilnIR
import KilnOps
import KilnRuntime

extension Quantizer {
    private func requireCalibration() throws -> CalibrationSet {
        guard let calibration else {
            throw KilnError(.usage, "the report and the search need calibration samples")
        }
        return calibration
    }

    private var nodesByKey: [String: Node] {
        Dictionary(
            prepared.graph.nodes.compactMap { n in n.outputs.first.map { ($0, n) } },
            uniquingKeysWith: { a, _ in a })
    }

    /// The error of quantizing each tensor on its own: weights against their dequantized
    /// values, activations against QuantizeLinear→DequantizeLinear of their calibration values
    /// (dynamic mode: with each sample's own range, as DynamicQuantizeLinear does).
    func tensorEntries(_ plan: Int8Plan) throws -> [QuantizationReport.TensorEntry] {
        let calibration = try requireCalibration()
        let nodes = nodesByKey
        let constants = Dictionary(
            prepared.graph.initializers.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var entries: [QuantizationReport.TensorEntry] = []
        var activationOwner: [String: String] = [:]
        var seenWeights = Set<String>()
        let opset = prepared.opsetVersion(for: "") ?? 1
        for t in plan.targets {
            for slot in t.weights
            where seenWeights.insert("\(slot.name)|\(slot.axis ?? -1)").inserted {
                guard let w = constants[slot.name], let v = w.values(as: Float.self),
                    let q = QuantizedWeight(
                        v, shape: w.shape, axis: slot.axis, searchScale: t.clipsWeights,
                        asymmetric: t.asymmetricWeights(opset: opset))
                else { continue }
                var a = Agreement()
                a.add(actual: q.dequantized(), expected: v)
                entries.append(
                    .init(
                        name: slot.name, kind: "weight", node: t.label,
                        min: Double(v.min() ?? 0), max: Double(v.max() ?? 0),
                        scale: q.scales.min() ?? 1, scaleMax: q.scales.max() ?? 1,
                        channels: q.scales.count, zeroPoint: Int(q.zeroPoints.first ?? 0),
                        type: "int8", agreement: a))
            }
            guard options.mode == .int8Static || options.mode == .int8Dynamic,
                let n = nodes[t.key]
            else { continue }
            for i in t.activations where i < n.inputs.count {
                let x = n.inputs[i]
                if activationOwner[x] == nil { activationOwner[x] = t.label }
            }
        }
        var errors: [String: Agreement] = [:]
        if !activationOwner.isEmpty {
            let mode = options.mode
            let parameters = plan.parameters
            try ModelProbe.run(prepared, samples: calibration, watch: Set(activationOwner.keys)) {
                _, name, t in
                guard let v = t.floatValues() else { return }
                let p: ActivationParameters
                if mode == .int8Dynamic {
                    let finite = v.filter(\.isFinite)
                    p = ActivationParameters(
                        lo: Double(finite.min() ?? 0), hi: Double(finite.max() ?? 0), type: .uint8)
                } else {
                    guard let q = parameters[name] else { return }
                    p = q
                }
                errors[name, default: Agreement()].add(actual: v.map(p.fakeQuantize), expected: v)
            }
        }
        for (x, owner) in activationOwner.sorted(by: { $0.key < $1.key }) {
            let s = statistics[x] ?? ActivationStatistics()
            let p: ActivationParameters?
            if options.mode == .int8Static {
                guard let q = plan.parameters[x] else { continue }
                p = q
            } else {
                p = s.count > 0 ? ActivationParameters(lo: s.min, hi: s.max, type: .uint8) : nil
            }
            guard let p else { continue }
            entries.append(
                .init(
                    name: x,
                    kind: options.mode == .int8Static ? "activation" : "dynamic-activation",
                    node: owner, min: s.min, max: s.max, scale: p.scale, scaleMax: p.scale,
                    channels: 1, zeroPoint: p.zeroPoint, type: p.type.rawValue,
                    agreement: errors[x] ?? Agreement()))
        }
        return entries
    }

    /// Output agreement of `quantized` with the float model over the calibration samples:
    /// the smallest cosine and the largest max-abs error over the float outputs.
    func outputAgreement(_ quantized: Model, layers: Set<String> = [])
        throws -> (outputs: [String: Agreement], layers: [String: Agreement])
    {
        let calibration = try requireCalibration()
        var floatLayers: [String: [Float]] = [:]
        var layerErrors: [String: Agreement] = [:]
        let reference =
            layers.isEmpty
            ? nil
            : try ModelProbe(prepared, watch: layers) { _, name, t in
                floatLayers[name] = t.floatValues()
            }
        let probe = try ModelProbe(quantized, watch: layers) { _, name, t in
            guard let a = t.floatValues(), let b = floatLayers[name] else { return }
            layerErrors[name, default: Agreement()].add(actual: a, expected: b)
        }
        var outputs: [String: Agreement] = [:]
        for (i, feed) in calibration.samples.enumerated() {
            floatLayers = [:]
            let floatOut: [String: Value]
            if let reference {
                floatOut = try reference.run(feed, index: i, label: calibration.labels[i])
            } else {
                floatOut = floatOutputs[i]
            }
            let q = try probe.run(feed, index: i, label: calibration.labels[i])
            for o in prepared.graph.outputs {
                guard let b = floatOut[o.name]?.tensor?.floatValues(),
                    let a = q[o.name]?.tensor?.floatValues()
                else { continue }
                outputs[o.name, default: Agreement()].add(actual: a, expected: b)
            }
        }
        return (outputs, layerErrors)
    }

    /// The report for `quantized` (made by `quantize(excludedKeys:)` with the same keys).
    public func report(for quantized: Model, excludedKeys: Set<String> = []) throws
        -> QuantizationReport
    {
        let calibration = try requireCalibration()
        let nodes = prepared.graph.nodes
        var layerKeys: [(String, Node)] = []
        if options.mode == .fp16 {
            let present = Set(quantized.graph.nodes.flatMap(\.outputs))
            for n in nodes {
                guard let k = n.outputs.first, present.contains(k), types[k] == .float32 else {
                    continue
                }
                layerKeys.append((k, n))
            }
        } else {
            let plan = int8Plan(excludedKeys: excludedKeys)
            let keys = Set(plan.targets.map(\.key))
            for n in nodes {
                if let k = n.outputs.first, keys.contains(k) { layerKeys.append((k, n)) }
            }
        }
        let (outputs, layers) = try outputAgreement(quantized, layers: Set(layerKeys.map(\.0)))
        let tensors =
            options.mode == .fp16 ? [] : try tensorEntries(int8Plan(excludedKeys: excludedKeys))
        let labels = Dictionary(
            nodes.enumerated().compactMap { i, n in n.outputs.first.map { ($0, n.label(index: i)) }
            },
            uniquingKeysWith: { a, _ in a })
        return QuantizationReport(
            mode: options.mode, samples: calibration.samples.count,
            keptFloat: excludedKeys.sorted().map { labels[$0] ?? $0 },
            outputs: prepared.graph.outputs.compactMap { o in
                outputs[o.name].map { .init(name: o.name, agreement: $0) }
            },
            layers: layerKeys.map { k, n in
                .init(
                    node: n.name.isEmpty ? k : n.name, opType: n.opType, output: k,
                    agreement: layers[k] ?? Agreement())
            },
            tensors: tensors)
    }
}
