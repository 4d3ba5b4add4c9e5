import Foundation
import KilnIR

/// Kiln's own fused ops, domain `ai.kiln` version 1 (specification: `schemas/ai-kiln-ops.md`).
///
/// Passes create them only when `PassOptions.kilnOps` is on: for `.klite` output and for the
/// runtime's plan (`InferencePlan` runs the `-O3` pipeline with it), never in ONNX output. Each
/// op runs the standard op it replaces (attributes as in the latest ONNX version) followed by an
/// epilogue activation, so its semantics are those of the unfused graph up to float rounding:
///
///     FusedConv(X, W, B?, Z?)      act(Conv(X, W, B) + Z)
///     FusedGemm(A, B, C?)          act(Gemm(A, B, C))
///     FusedMatMul(A, B)            act(MatMul(A, B))
///     FusedBatchNormalization(X, scale, B, mean, var, c…)
///                                  act(BN(X) ∘ post_ops[0](c0) ∘ …)   (inference mode)
///     Gelu(X)                      (X · (Erf(X / divisor) + 1)) · half
///
/// `activation` is the activation's ONNX op type and `activation_params` its parameters in
/// order (LeakyRelu: alpha; Clip: min, max; HardSigmoid: alpha, beta; Gelu: divisor, half).
public enum KilnDomain {
    /// The domain name.
    public static let name = "ai.kiln"
    /// The version passes import.
    public static let version: Int64 = 1

    /// The ONNX op types a fused Conv/Gemm/MatMul/BatchNormalization may apply as an epilogue.
    static let activations = ["Relu", "LeakyRelu", "Clip", "Sigmoid", "HardSigmoid", "Gelu"]
    /// Further activations only FusedConv/FusedGemm/FusedMatMul apply (not BatchNormalization).
    static let convActivations = activations + ["Tanh", "HardSwish"]

    /// `(op type, params)` of `node` when it is an activation the ai.kiln ops can apply.
    static func activation(_ node: Node, in g: GraphEditor) -> (String, [Float])? {
        guard node.outputs.count == 1, !node.inputs.isEmpty else { return nil }
        if node.normalizedDomain == name {
            guard node.opType == "Gelu", let c = node.attribute("divisor")?.float,
                let half = node.attribute("half")?.float
            else { return nil }
            return ("Gelu", [c, half])
        }
        guard node.normalizedDomain.isEmpty else { return nil }
        switch node.opType {
        case "Relu", "Sigmoid", "Tanh", "HardSwish":
            return node.inputs.count == 1 ? (node.opType, []) : nil
        case "HardSigmoid":
            guard node.inputs.count == 1 else { return nil }
            return ("HardSigmoid",
                    [node.attribute("alpha")?.float ?? 0.2, node.attribute("beta")?.float ?? 0.5])
        case "LeakyRelu":
            guard node.inputs.count == 1 else { return nil }
            return ("LeakyRelu", [node.attribute("alpha")?.float ?? 0.01])
        case "Clip":
            if (g.opsetVersion() ?? 0) < 11 {
                guard node.inputs.count == 1 else { return nil }
                return ("Clip", [node.attribute("min")?.float ?? -.greatestFiniteMagnitude,
                                 node.attribute("max")?.float ?? .greatestFiniteMagnitude])
            }
            var bounds: [Float] = [-.infinity, .infinity]
            for k in 1..<3 where k < node.inputs.count && !node.inputs[k].isEmpty {
                guard let v = g.scalarConstant(node.inputs[k]) else { return nil }
                bounds[k - 1] = v
            }
            return ("Clip", bounds)
        default:
            return nil
        }
    }

    /// The `activation` and `activation_params` attributes.
    static func activationAttributes(_ kind: String, _ params: [Float]) -> [Attribute] {
        [Attribute(name: "activation", value: .string(Data(kind.utf8))),
         Attribute(name: "activation_params", value: .floats(params))]
    }

    /// `node` moved into `ai.kiln` as `opType`, keeping its attributes.
    static func fusedNode(_ node: Node, opType: String) -> Node {
        var n = node
        n.domain = name
        n.opType = opType
        return n
    }
}
