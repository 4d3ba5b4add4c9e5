import KilnIR

/// One node the int8 modes rewrite: which inputs are constant weights (with their channel
/// axis) and which are activations to quantize.
public struct QuantizationTarget: Sendable, Codable, Equatable {
    /// The node's first output: a stable key (node names may be empty).
    public var key: String
    /// The node's name, or its key when it has none.
    public var label: String
    public var opType: String
    /// Constant float32 weights: input index and per-channel axis (`nil`: per tensor).
    public var weights: [WeightSlot]
    /// Input indices of float activations quantized in the dynamic and static modes.
    public var activations: [Int]

    /// Whether weight scales may clip outliers to minimize the squared error. Not for recurrent
    /// weights: they act at every time step, and clipping measurably lowered the output cosine
    /// of the GRU encoders (0.99989 → 0.99988) while it raised it elsewhere.
    public var clipsWeights: Bool { !["GRU", "LSTM", "RNN"].contains(opType) }

    /// Whether the weights may be stored asymmetric (`QuantizedWeight`): those of ops no integer
    /// kernel reads (Gather tables, recurrent W and R and other ops' constants are dequantized,
    /// by the runtime at load), from opset 13 on, where DequantizeLinear takes per-axis zero
    /// points (before it, weights are `Mul(Cast(W_q), scale)`). Measured on anr_encoder (int8-dynamic, 40 samples): mean
    /// output cosine 0.999912 → 0.999927, smallest 0.99978 → 0.99984 (onnxruntime's, which
    /// leaves the GRUs float: 0.999899 and 0.99938).
    public func asymmetricWeights(opset: Int64) -> Bool {
        opset >= 13 && !["Conv", "ConvTranspose", "Gemm", "MatMul"].contains(opType)
    }

    public struct WeightSlot: Sendable, Codable, Equatable {
        public var input: Int
        public var name: String
        public var axis: Int?
    }
}

/// Finds what the int8 modes quantize in a graph (main graph only; subgraph bodies stay float).
///
/// | op | weight (per-channel axis) | activations |
/// |---|---|---|
/// | Conv | W (0) | X |
/// | ConvTranspose | W (1 when group = 1, else per tensor) | X |
/// | Gemm | B (0 if transB else 1) | A |
/// | MatMul | constant B (last axis), or constant A (per tensor) | the other input |
/// | Gather (axis 0) | data, rank ≥ 2 (0: one scale per row) | — |
/// | GRU, LSTM, RNN | W and R (1: per gate row) | — |
/// | other ops (`otherConstants`) | float32, rank ≥ 2, ≥ 1024 elements (rank − 2) | — |
///
/// A MatMul of two activations (attention scores) stays float: quantizing both sides costs
/// accuracy for little size or speed. Weights with fewer than 16 elements stay float. The
/// other ops' constants are tables the optimizer made (a position-embedding Gather of constant
/// indices folds into a [1, 256, 64] constant that an Add reads: 64 KiB of sudachi_b's 907);
/// they are only ever dequantized.
enum QuantizationTargets {
    static let minimumWeightElements = 16
    static let minimumConstantElements = 1024

    static func find(
        in graph: Graph, perChannel: Bool, exclude: Set<String>, excludedKeys: Set<String>,
        otherConstants: Bool = true
    ) -> (targets: [QuantizationTarget], excluded: [String]) {
        var constants: [String: Tensor] = [:]
        let overridable = Set(graph.inputs.map(\.name))
        for t in graph.initializers where !overridable.contains(t.name) { constants[t.name] = t }
        func weight(_ name: String, minRank: Int) -> Tensor? {
            guard let t = constants[name], t.elementType == .float32, t.shape.count >= minRank,
                let n = t.elementCount, n >= minimumWeightElements
            else { return nil }
            return t
        }
        func isActivation(_ name: String) -> Bool { !name.isEmpty && constants[name] == nil }
        var targets: [QuantizationTarget] = []
        var excluded: [String] = []
        for node in graph.nodes where node.normalizedDomain.isEmpty && node.subgraphs.isEmpty {
            guard let key = node.outputs.first, !key.isEmpty else { continue }
            let inputs = node.inputs
            func input(_ i: Int) -> String { i < inputs.count ? inputs[i] : "" }
            var slots: [QuantizationTarget.WeightSlot] = []
            var acts: [Int] = []
            func addWeight(_ i: Int, axis: Int?) {
                slots.append(.init(input: i, name: input(i), axis: perChannel ? axis : nil))
            }
            switch node.opType {
            case "Conv":
                if weight(input(1), minRank: 3) != nil { addWeight(1, axis: 0) }
                if isActivation(input(0)) && !slots.isEmpty { acts.append(0) }
            case "ConvTranspose":
                let group = node.attribute("group")?.int ?? 1
                if weight(input(1), minRank: 3) != nil { addWeight(1, axis: group == 1 ? 1 : nil) }
                if isActivation(input(0)) && !slots.isEmpty { acts.append(0) }
            case "Gemm":
                let transB = (node.attribute("transB")?.int ?? 0) != 0
                if weight(input(1), minRank: 2) != nil, !isActivation(input(1)) {
                    addWeight(1, axis: transB ? 0 : 1)
                    if isActivation(input(0)) { acts.append(0) }
                }
            case "MatMul":
                if let b = weight(input(1), minRank: 2) {
                    addWeight(1, axis: b.shape.count - 1)
                    if isActivation(input(0)) { acts.append(0) }
                } else if weight(input(0), minRank: 2) != nil, isActivation(input(1)) {
                    slots.append(.init(input: 0, name: input(0), axis: nil))
                    acts.append(1)
                }
            case "Gather":
                let axis = node.attribute("axis")?.int ?? 0
                if axis == 0, weight(input(0), minRank: 2) != nil { addWeight(0, axis: 0) }
            case "GRU", "LSTM", "RNN":
                if weight(input(1), minRank: 3) != nil { addWeight(1, axis: 1) }
                if weight(input(2), minRank: 3) != nil { addWeight(2, axis: 1) }
            default:
                guard otherConstants else { continue }
                for (i, x) in inputs.enumerated() {
                    guard let t = weight(x, minRank: 2),
                        (t.elementCount ?? 0) >= minimumConstantElements
                    else { continue }
                    addWeight(i, axis: t.shape.count - 2)
                }
            }
            guard !slots.isEmpty else { continue }
            let label = node.name.isEmpty ? key : node.name
            if exclude.contains(node.opType) || exclude.contains(node.name) || exclude.contains(key)
                || excludedKeys.contains(key)
            {
                excluded.append(label)
                continue
            }
            targets.append(
                QuantizationTarget(
                    key: key, label: label, opType: node.opType, weights: slots, activations: acts))
        }
        return (targets, excluded)
    }
}
