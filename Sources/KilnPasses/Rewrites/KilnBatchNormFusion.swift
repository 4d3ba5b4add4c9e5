import Foundation
import KilnIR

/// Inference `BatchNormalization → Mul(c) | Add(c) … → activation` ⇒
/// `ai.kiln.FusedBatchNormalization`: one pass `y = act(x·a + b)` (`PassOptions.kilnOps` only).
/// The per-channel Mul/Add operands (float32 constants, inputs 5…, listed in `post_ops`) are
/// kept when X's rank is not known ahead of time (the kernel checks at run time that they are
/// per channel, else runs the ops in turn); with a known rank `batchnorm-mul`/`batchnorm-add`
/// of `fuse-standard` have already folded them into the parameters.
struct KilnBatchNormFusion: RewriteRule {
    let name: String
    let root: OpKey
    let benefit = 0

    static var all: [KilnBatchNormFusion] {
        (["Mul", "Add"] + KilnDomain.activations).map { KilnBatchNormFusion(next: $0) }
    }

    init(next: String) {
        name = "kiln-batchnorm-" + next.lowercased()
        root = OpKey(domain: next == "Gelu" ? KilnDomain.name : "", opType: next)
    }

    /// Attributes of older BatchNormalization versions that an inference node no longer needs.
    static let legacyAttributes: Set<String> = [
        "is_test", "spatial", "consumed_inputs", "training_mode",
    ]

    func apply(at ref: NodeRef, in g: inout GraphEditor) -> Bool {
        let next = g[ref]
        guard next.outputs.count == 1, let version = g.opsetVersion() else { return false }
        for (i, value) in next.inputs.enumerated() where i < 2 && !value.isEmpty {
            guard let bn = g.producer(of: value), g.hasSingleUse(value), !g.isGraphOutput(value),
                g[bn].outputs.count == 1
            else { continue }
            let b = g[bn]
            let isBN = b.normalizedDomain.isEmpty && b.opType == "BatchNormalization"
            let isFused = b.normalizedDomain == KilnDomain.name
                && b.opType == "FusedBatchNormalization"
            guard isBN || isFused, b.inputs.count >= 5, b.inputs[0] != value,
                b.attribute("activation") == nil,
                isFused || ConvBatchNormFusion.isInference(b, version: version)
            else { continue }
            var fused = b
            if isBN {
                fused = KilnDomain.fusedNode(b, opType: "FusedBatchNormalization")
                fused.attributes.removeAll { Self.legacyAttributes.contains($0.name) }
                fused.attributes.append(Attribute(name: "post_ops", value: .strings([])))
            }
            if next.opType == "Mul" || next.opType == "Add" {
                guard next.normalizedDomain.isEmpty, next.inputs.count == 2,
                    let other = g.other(ref, than: value), other != value,
                    g.floatConstant(other) != nil,
                    let k = fused.attributes.firstIndex(where: { $0.name == "post_ops" })
                else { continue }
                let ops = fused.attributes[k].strings ?? []
                fused.attributes[k].value = .strings((ops + [next.opType]).map { Data($0.utf8) })
                fused.inputs.append(other)
            } else {
                guard next.inputs[0] == value,
                    KilnDomain.activations.contains(next.opType),
                    let (kind, params) = KilnDomain.activation(next, in: g)
                else { continue }
                fused.attributes += KilnDomain.activationAttributes(kind, params)
            }
            fused.outputs = next.outputs
            g.remove(ref)
            g.update(bn, fused)
            g.requireOpset(KilnDomain.name, KilnDomain.version)
            return true
        }
        return false
    }
}
