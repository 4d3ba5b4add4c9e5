import Foundation
import KilnIR

/// `Conv → act` ⇒ `com.microsoft.FusedConv` and `Gemm → act` ⇒ `com.microsoft.FusedGemm`, for
/// the activations onnxruntime fuses (Relu, Sigmoid, Tanh, LeakyRelu, HardSigmoid, Clip with
/// constant bounds). Only float32 (a float32 constant weight is the evidence), as onnxruntime
/// registers these kernels for float only.
struct FusedActivationFusion: RewriteRule {
    let name: String
    let root: OpKey
    let benefit = 2

    static let activations = ["Relu", "Sigmoid", "Tanh", "LeakyRelu", "HardSigmoid", "Clip"]

    static var all: [FusedActivationFusion] {
        activations.flatMap { a in
            [FusedActivationFusion(base: "Conv", activation: a),
             FusedActivationFusion(base: "Gemm", activation: a)]
        }
    }

    let base: String

    init(base: String, activation: String) {
        self.base = base
        name = "fused-" + base.lowercased() + "-activation"
        root = OpKey(opType: activation)
    }

    func apply(at ref: NodeRef, in g: inout GraphEditor) -> Bool {
        let act = g[ref]
        guard act.outputs.count == 1, !act.inputs.isEmpty else { return false }
        var residual: (add: NodeRef, z: String)? = nil
        var producer = g.absorbable(act.inputs[0], base)
        if producer == nil, base == "Conv", let r = convPlusResidual(act.inputs[0], in: g) {
            producer = r.conv
            residual = (r.add, r.z)
        }
        guard let p = producer, g.elementType(of: g.input(p, 1)) == .float32,
            let (params, extra) = parameters(act, in: g)
        else { return false }
        var n = g[p]
        if let residual {
            // FusedConv(X, W, B, Z) computes act(Conv(X, W, B) + Z).
            while n.inputs.count < 3 { n.inputs.append("") }
            n.inputs.append(residual.z)
            g.remove(residual.add)
        }
        n.domain = "com.microsoft"
        n.opType = "Fused" + base
        n.attributes.append(Attribute(name: "activation", value: .string(Data(act.opType.utf8))))
        if base == "Conv" {
            if !params.isEmpty {
                n.attributes.append(Attribute(name: "activation_params", value: .floats(params)))
            }
        } else {
            n.attributes += extra
        }
        n.outputs = act.outputs
        g.remove(ref)
        g.update(p, n)
        g.requireOpset("com.microsoft", 1)
        return true
    }

    /// `(add, conv, z)` when `value = Add(Conv(…), z)` (either order), the Conv's output is read
    /// only by the Add, and `z` has the Conv output's known shape (FusedConv's Z does not
    /// broadcast). The residual connection of ResNet-style blocks.
    private func convPlusResidual(_ value: String, in g: GraphEditor)
        -> (add: NodeRef, conv: NodeRef, z: String)?
    {
        guard let add = g.absorbable(value, "Add"), g[add].inputs.count == 2 else { return nil }
        let ai = g[add].inputs
        for i in 0..<2 where ai[0] != ai[1] {
            guard let conv = g.absorbable(ai[i], "Conv"), g[conv].inputs.count <= 3,
                let cs = g.declaredType(of: ai[i])?.shape, let zs = g.declaredType(of: ai[1 - i])?.shape,
                cs == zs, !cs.contains(.unknown),
                g.elementType(of: ai[1 - i]) == .float32
            else { continue }
            return (add, conv, ai[1 - i])
        }
        return nil
    }

    /// FusedConv's positional `activation_params` and FusedGemm's `activation_*` attributes.
    private func parameters(_ act: Node, in g: GraphEditor) -> ([Float], [Attribute])? {
        func attr(_ key: String, _ value: Float) -> Attribute {
            Attribute(name: "activation_" + key, value: .float(value))
        }
        switch act.opType {
        case "Relu", "Sigmoid", "Tanh":
            return act.inputs.count == 1 ? ([], []) : nil
        case "LeakyRelu":
            let a = act.attribute("alpha")?.float ?? 0.01
            return ([a], [attr("alpha", a)])
        case "HardSigmoid":
            let a = act.attribute("alpha")?.float ?? 0.2
            let b = act.attribute("beta")?.float ?? 0.5
            return ([a, b], [attr("alpha", a), attr("beta", b)])
        case "Clip":
            // FusedGemm has no Clip bounds attribute of its own in onnxruntime: Conv only.
            guard base == "Conv" else { return nil }
            if (g.opsetVersion() ?? 0) < 11 {
                return ([act.attribute("min")?.float ?? -Float.greatestFiniteMagnitude,
                         act.attribute("max")?.float ?? Float.greatestFiniteMagnitude], [])
            }
            var bounds: [Float] = [-Float.greatestFiniteMagnitude, Float.greatestFiniteMagnitude]
            for k in 1..<3 where k < act.inputs.count && !act.inputs[k].isEmpty {
                guard let v = g.scalarConstant(act.inputs[k]) else { return nil }
                bounds[k - 1] = v
            }
            return (bounds, [])
        default:
            return nil
        }
    }
}
