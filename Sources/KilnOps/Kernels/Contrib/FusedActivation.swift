import Foundation
import KilnIR

/// The activation that onnxruntime's fusions fold into `FusedConv` and `FusedGemm`.
///
/// `FusedConv` names its parameters positionally in `activation_params` (LeakyRelu: alpha;
/// Clip: min, max; HardSigmoid: alpha, beta), as MLAS does. `FusedGemm` uses the attributes
/// `activation_alpha`, `activation_beta`, `activation_gamma`, read like the ONNX op's own
/// `alpha`, `beta`, `gamma` (with the ONNX defaults when absent).
struct FusedActivation {
    let name: String
    let apply: @Sendable (Float) -> Float

    /// Applies the activation in place.
    func run(_ y: UnsafeMutableBufferPointer<Float>) {
        for i in y.indices { y[i] = apply(y[i]) }
    }

    /// The activation of a `FusedConv` node, or `nil` when it has none.
    static func conv(_ ctx: KernelContext) throws -> FusedActivation? {
        guard let name = ctx.string("activation"), !name.isEmpty else { return nil }
        let p = ctx.floats("activation_params") ?? []
        func param(_ i: Int) throws -> Float {
            guard i < p.count else {
                throw ctx.fail("activation \(name) needs \(i + 1) activation_params")
            }
            return p[i]
        }
        switch name {
        case "Relu", "Tanh", "Sigmoid":
            return try make(ctx, name, alpha: nil, beta: nil, gamma: nil)
        case "LeakyRelu":
            return try make(ctx, name, alpha: param(0), beta: nil, gamma: nil)
        case "HardSigmoid":
            return try make(ctx, name, alpha: param(0), beta: param(1), gamma: nil)
        case "Clip":
            let (lo, hi) = (try param(0), try param(1))
            return FusedActivation(name: name) { min(max($0, lo), hi) }
        default:
            throw KilnError(
                .unsupportedFeature, "FusedConv: activation '\(name)' is not supported",
                at: ctx.location)
        }
    }

    /// The activation of a `FusedGemm` node, or `nil` when it has none.
    static func gemm(_ ctx: KernelContext) throws -> FusedActivation? {
        guard let name = ctx.string("activation"), !name.isEmpty else { return nil }
        func attr(_ key: String) -> Float? { ctx.node.attribute("activation_" + key)?.float }
        return try make(ctx, name, alpha: attr("alpha"), beta: attr("beta"), gamma: attr("gamma"))
    }

    /// An ONNX element-wise activation by op name, with its attributes.
    static func make(
        _ ctx: KernelContext, _ name: String, alpha: Float?, beta: Float?, gamma: Float?
    ) throws -> FusedActivation {
        let f: @Sendable (Float) -> Float
        switch name {
        case "Relu": f = { max($0, 0) }
        case "Tanh": f = { tanhf($0) }
        case "Sigmoid": f = { Float(UnaryOp.sigmoid(Double($0))) }
        case "LeakyRelu":
            let a = alpha ?? 0.01
            f = { $0 >= 0 ? $0 : a * $0 }
        case "HardSigmoid":
            let a = alpha ?? 0.2, b = beta ?? 0.5
            f = { max(0, min(1, a * $0 + b)) }
        case "Elu":
            let a = alpha ?? 1
            f = { $0 >= 0 ? $0 : a * (expf($0) - 1) }
        case "Selu":
            let a = alpha ?? 1.67326319217681884765625, g = gamma ?? 1.05070102214813232421875
            f = { g * ($0 > 0 ? $0 : a * (expf($0) - 1)) }
        case "ThresholdedRelu":
            let a = alpha ?? 1
            f = { $0 > a ? $0 : 0 }
        case "Softplus": f = { Float(UnaryOp.softplus(Double($0))) }
        case "Softsign": f = { $0 / (1 + abs($0)) }
        case "ScaledTanh":
            let a = alpha ?? 1, b = beta ?? 1
            f = { a * tanhf(b * $0) }
        case "ParametricSoftplus":
            let a = alpha ?? 1, b = beta ?? 1
            f = { a * Float(UnaryOp.softplus(Double(b * $0))) }
        default:
            throw KilnError(
                .unsupportedFeature, "\(ctx.node.opType): activation '\(name)' is not supported",
                at: ctx.location)
        }
        return FusedActivation(name: name, apply: f)
    }
}
