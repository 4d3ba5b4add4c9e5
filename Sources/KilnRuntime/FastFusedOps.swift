import CKilnKernels
import Foundation
import KilnIR
import KilnOps
import KilnPasses

// The kernels of Kiln's own fused ops, domain `ai.kiln` (`KilnDomain`, specified in
// schemas/ai-kiln-ops.md), which the `-O3` passes make for `.klite` files and for the plan
// (`PlanOptimization`). A fused node carries the attributes of the node it replaces plus
// `activation` (the activation's op type) and `activation_params` (LeakyRelu alpha; Clip min,
// max; HardSigmoid alpha, beta; Gelu divisor, half), and runs the standard op's shared code
// with the activation applied to its float32 output.

/// An activation applied in place to a float32 buffer by the C kernels.
struct FusedActivation: Sendable, Equatable {
    var kind: Int32
    var alpha: Float
    var beta: Float

    static let none = FusedActivation(kind: Int32(CKILN_ACT_NONE), alpha: 0, beta: 0)

    /// Reads `activation` / `activation_params` from a fused node (none when absent).
    init(node: Node) throws {
        guard let name = node.attribute("activation")?.string else {
            self = .none
            return
        }
        let p = node.attribute("activation_params")?.floats ?? []
        switch (name, p.count) {
        case ("Relu", 0): self.init(kind: Int32(CKILN_ACT_RELU), alpha: 0, beta: 0)
        case ("LeakyRelu", 1): self.init(kind: Int32(CKILN_ACT_LEAKY_RELU), alpha: p[0], beta: 0)
        case ("Clip", 2): self.init(kind: Int32(CKILN_ACT_CLIP), alpha: p[0], beta: p[1])
        case ("Sigmoid", 0): self.init(kind: Int32(CKILN_ACT_SIGMOID), alpha: 0, beta: 0)
        case ("HardSigmoid", 2):
            self.init(kind: Int32(CKILN_ACT_HARD_SIGMOID), alpha: p[0], beta: p[1])
        case ("Gelu", 2): self.init(kind: Int32(CKILN_ACT_GELU_ERF), alpha: p[0], beta: p[1])
        case ("Tanh", 0): self.init(kind: Self.tanh, alpha: 0, beta: 0)
        case ("HardSwish", 0): self.init(kind: Self.hardSwish, alpha: 0, beta: 0)
        default:
            throw KilnError(
                .invalidGraph, "fused activation '\(name)' with \(p.count) params is not known",
                at: .init(node: node.name))
        }
    }

    init(kind: Int32, alpha: Float, beta: Float) {
        self.kind = kind
        self.alpha = alpha
        self.beta = beta
    }

    /// Epilogues computed here rather than by `ckiln_activate` (which ignores unknown kinds;
    /// so `ckiln_channel_affine` must never get them: FusedBatchNormalization does not fuse
    /// these activations). Tanh is the MLAS tanh the Tanh fast path uses; HardSwish is the
    /// reference kernel's `x · max(0, min(1, x / 6 + 0.5))`.
    static let tanh: Int32 = 100
    static let hardSwish: Int32 = 101

    func apply(_ y: UnsafeMutableBufferPointer<Float>) {
        guard kind != Int32(CKILN_ACT_NONE), let p = y.baseAddress else { return }
        switch kind {
        case Self.tanh: ckiln_mlas_tanh(0, p, y.count)
        case Self.hardSwish:
            for i in y.indices {
                let x = y[i]
                y[i] = x * max(0, min(1, x / 6 + 0.5))
            }
        default: ckiln_activate(Int32(CKILN_ISA_AUTO), p, y.count, kind, alpha, beta)
        }
    }

    func apply(to t: inout Tensor) {
        guard kind != Int32(CKILN_ACT_NONE), t.elementType == .float32 else { return }
        t.data.withUnsafeMutableBytes { raw in apply(raw.bindMemory(to: Float.self)) }
    }
}

/// `ai.kiln.Gelu`: the erf GELU `Mul(Mul(x, Add(Erf(Div(x, c)), 1)), half)` (pass `gelu-kiln`),
/// computed with the same float operations in the same order (attributes `divisor` = c, `half`).
struct KilnGelu: OpDefinition {
    var domain: String { KilnDomain.name }
    var opType: String { "Gelu" }

    func run(_ context: KernelContext) throws -> [Value] {
        var x = try context.tensor(0)
        guard x.elementType == .float32, let n = x.elementCount, x.data.count == n * 4,
            let c = context.node.attribute("divisor")?.float,
            let half = context.node.attribute("half")?.float
        else { throw context.fail("Gelu needs a float32 X and the divisor and half attributes") }
        FusedActivation(kind: Int32(CKILN_ACT_GELU_ERF), alpha: c, beta: half).apply(to: &x)
        return [.tensor(x)]
    }
}

/// `Conv` (+ folded BatchNormalization / per-channel Mul, Add) + activation.
struct FusedConv: OpDefinition {
    let kernels: NNKernels
    var domain: String { KilnDomain.name }
    var opType: String { "FusedConv" }

    func run(_ context: KernelContext) throws -> [Value] {
        let act = try FusedActivation(node: context.node)
        let y = try Conv.compute(
            context, x: try context.tensor(0), w: try context.tensor(1),
            bias: try context.optionalTensor(2), kernels: kernels, activation: act.apply)
        return [.tensor(y)]
    }
}

/// `Gemm` + activation.
struct FusedGemm: OpDefinition {
    let kernels: NNKernels
    var domain: String { KilnDomain.name }
    var opType: String { "FusedGemm" }

    func run(_ context: KernelContext) throws -> [Value] {
        let act = try FusedActivation(node: context.node)
        return [.tensor(try Gemm.compute(context, kernels: kernels, activation: act.apply))]
    }
}

/// `MatMul` + activation.
struct FusedMatMul: OpDefinition {
    let kernels: NNKernels
    var domain: String { KilnDomain.name }
    var opType: String { "FusedMatMul" }

    func run(_ context: KernelContext) throws -> [Value] {
        let act = try FusedActivation(node: context.node)
        var y = try MatMul.compute(
            context, try context.tensor(0), try context.tensor(1), kernels: kernels, alpha: 1)
        act.apply(to: &y)
        return [.tensor(y)]
    }
}

/// Inference `BatchNormalization`, then the per-channel `Mul`/`Add` listed in `post_ops` (one
/// constant operand each, inputs 5...), then an activation: one pass `y = act(x·a + b)`.
/// BatchNormalization runs with the semantics of opset `standardOpset` (inference mode; the
/// fusion drops the attributes of older versions).
///
/// Whether a post-op operand is per-channel depends on X's rank, known only at run time; when
/// it is not (or X is not float32), the ops run one after another with the standard kernels.
struct FusedBatchNormalization: OpDefinition {
    /// BatchNormalization, Mul and Add as registered before fusion.
    let batchNorm: any OpDefinition
    let mul: any OpDefinition
    let add: any OpDefinition
    var domain: String { KilnDomain.name }
    var opType: String { "FusedBatchNormalization" }
    static let standardOpset: Int64 = 15

    func run(_ context: KernelContext) throws -> [Value] {
        let context = KernelContext(
            node: context.node, opsetVersion: Self.standardOpset, inputs: context.inputs,
            runSubgraph: context.runSubgraph, threads: context.threads)
        let act = try FusedActivation(node: context.node)
        let post = context.node.attribute("post_ops")?.strings ?? []
        guard context.inputs.count == 5 + post.count else {
            throw context.fail("expected \(5 + post.count) inputs for post_ops \(post)")
        }
        let x = try context.tensor(0)
        if let y = try FastBatchNormalization.affine(context, post: post, activation: act) {
            return [.tensor(y)]
        }
        // General case: the original ops in order.
        var node = context.node
        node.inputs = Array(node.inputs.prefix(5))
        var y = try batchNorm.run(
            KernelContext(
                node: node, opsetVersion: context.opsetVersion,
                inputs: Array(context.inputs.prefix(5))))[0]
        for (i, op) in post.enumerated() {
            let operand = context.inputs[5 + i]
            let step = Node(opType: op, inputs: ["x", "c"], outputs: ["y"])
            let kernel = op == "Mul" ? mul : add
            y = try kernel.run(
                KernelContext(node: step, opsetVersion: context.opsetVersion, inputs: [y, operand])
            )[0]
        }
        guard var t = y.tensor else { throw context.fail("BatchNormalization gave no tensor") }
        if act.kind != Int32(CKILN_ACT_NONE) && t.elementType != .float32 {
            throw context.fail("fused activation needs float32, X is \(x.elementType.name)")
        }
        act.apply(to: &t)
        return [.tensor(t)]
    }
}

/// `BatchNormalization` in inference mode on float32 through the C per-channel affine kernel;
/// training mode, other types and extra outputs run the standard op.
struct FastBatchNormalization: KernelVariant {
    var domain: String { "" }
    var opType: String { "BatchNormalization" }

    func run(ifSupported context: KernelContext) throws -> [Value]? {
        guard context.node.outputs.filter({ !$0.isEmpty }).count <= 1,
            let y = try Self.affine(context, post: [], activation: .none)
        else { return nil }
        return [.tensor(y)]
    }

    /// `act(x·a + b)` per channel with a, b from the BatchNormalization inputs 1...4 and the
    /// per-channel post ops (inputs 5...), or nil when this case is not the simple one.
    static func affine(
        _ context: KernelContext, post: [String], activation: FusedActivation
    ) throws -> Tensor? {
        let training =
            context.opsetVersion >= 14 && context.int("training_mode", default: 0) != 0
        if training || context.opsetVersion < 7 && context.int("spatial", default: 1) == 0 {
            return nil
        }
        let x = try context.tensor(0)
        guard x.elementType == .float32, x.shape.count >= 2, let n = x.elementCount,
            x.data.count == n * 4
        else { return nil }
        let dims = x.shape.map { Int($0) }
        let c = dims[1]
        let size = dims[2...].reduce(1, *)
        var params: [[Float]] = []
        for i in 1...4 {
            let t = try context.tensor(i)
            guard t.elementType == .float32, t.elementCount == c,
                let v = t.values(as: Float.self)
            else { return nil }
            params.append(v)
        }
        let eps = context.float("epsilon", default: 1e-5)
        let affine = ChannelAffine(
            gamma: params[0], beta: params[1], mean: params[2], variance: params[3], epsilon: eps)
        var a = affine.scale
        var b = affine.shift
        for (i, op) in post.enumerated() {
            let t = try context.tensor(5 + i)
            guard t.elementType == .float32,
                let v = ChannelAffine.perChannel(t, channels: c, rank: dims.count)
            else { return nil }
            for ch in 0..<c {
                if op == "Mul" {
                    a[ch] *= v[ch]
                    b[ch] *= v[ch]
                } else {
                    b[ch] += v[ch]
                }
            }
        }
        var data = BufferPool.data(count: n * 4, zeroed: true)
        x.data.withUnsafeBytes { xr in
            data.withUnsafeMutableBytes { yr in
                guard let xp = xr.bindMemory(to: Float.self).baseAddress,
                    let yp = yr.bindMemory(to: Float.self).baseAddress
                else { return }
                // Planes (image, channel) split across threads: each writes its own planes.
                let planes = dims[0] * c
                a.withUnsafeBufferPointer { ap in
                    b.withUnsafeBufferPointer { bp in
                        guard let ap = ap.baseAddress, let bp = bp.baseAddress else { return }
                        ParallelRanges.run(
                            planes, threads: context.threads,
                            minimumPerRange: max(1, 32_768 / max(size, 1))
                        ) { r in
                            // A range of planes as `images` of one channel each, from its first.
                            var p = r.lowerBound
                            while p < r.upperBound {
                                let ch = p % c
                                let run = min(r.upperBound - p, c - ch)
                                ckiln_channel_affine(
                                    Int32(CKILN_ISA_AUTO), xp + p * size, yp + p * size, 1, run,
                                    size, ap + ch, bp + ch, activation.kind, activation.alpha,
                                    activation.beta)
                                p += run
                            }
                        }
                    }
                }
            }
        }
        return Tensor(elementType: .float32, shape: x.shape, data: data)
    }
}

/// `MaxPool` (without Indices) and `AveragePool` on 2-D float32 images through the C window
/// kernel; every other case runs the standard op.
struct FastPool: KernelVariant {
    let isMax: Bool
    var domain: String { "" }
    var opType: String { isMax ? "MaxPool" : "AveragePool" }

    func run(ifSupported context: KernelContext) throws -> [Value]? {
        let x = try context.tensor(0)
        guard context.node.outputs.filter({ !$0.isEmpty }).count == 1,
            x.elementType == .float32, x.shape.count == 4, let n = x.elementCount,
            x.data.count == n * 4, let ks = context.ints("kernel_shape"), ks.count == 2
        else { return nil }
        let dims = x.shape.map { Int($0) }
        let geo = try ConvGeometry.resolve(
            context, input: Array(dims[2...]), kernel: ks.map { Int($0) },
            ceilMode: context.int("ceil_mode", default: 0) != 0)
        let outShape = [x.shape[0], x.shape[1]] + geo.output.map { Int64($0) }
        guard let count = Tensor.elementCount(outShape) else { return nil }
        let include = !isMax && context.int("count_include_pad", default: 0) != 0
        var data = BufferPool.data(count: count * 4, zeroed: true)
        let g = FastGeometry.plane(geo)
        let planes = dims[0] * dims[1]
        let inPlane = dims[2] * dims[3]
        let outPlane = geo.output.reduce(1, *)
        // Planes split across threads (each writes its own output planes: bit-identical).
        var failed = [Bool](repeating: false, count: max(planes, 1))
        x.data.withUnsafeBytes { xr in
            data.withUnsafeMutableBytes { yr in
                g.withUnsafeBufferPointer { gp in
                    failed.withUnsafeMutableBufferPointer { flags in
                        guard let xb = xr.bindMemory(to: Float.self).baseAddress,
                            let yb = yr.bindMemory(to: Float.self).baseAddress
                        else { return }
                        ParallelRanges.run(
                            planes, threads: context.threads,
                            minimumPerRange: max(1, 32_768 / max(inPlane, 1))
                        ) { r in
                            let lo = r.lowerBound
                            flags[lo] =
                                ckiln_pool2d(
                                    Int32(CKILN_ISA_AUTO), xb + lo * inPlane, r.count,
                                    gp.baseAddress, isMax ? 0 : 1, include ? 1 : 0,
                                    yb + lo * outPlane) != 0
                        }
                    }
                }
            }
        }
        guard !failed.contains(true) else { return nil }
        return [.tensor(Tensor(elementType: .float32, shape: outShape, data: data))]
    }
}

extension FastOps {
    /// Registers the kernels of the `ai.kiln` fused ops, then adds the float32 variants of
    /// BatchNormalization, MaxPool and AveragePool to the dispatch table.
    static func installFused(into registry: inout OpRegistry, kernels: NNKernels) {
        installKilnOps(into: &registry, kernels: kernels)
        registry.addVariant(FastBatchNormalization())
        registry.addVariant(FastPool(isMax: true))
        registry.addVariant(FastPool(isMax: false))
    }

    /// Registers the kernels of the `ai.kiln` ops, built on `kernels` and on the
    /// BatchNormalization, Mul and Add already in `registry`.
    static func installKilnOps(into registry: inout OpRegistry, kernels: NNKernels) {
        registry.register(FusedConv(kernels: kernels))
        registry.register(FusedGemm(kernels: kernels))
        registry.register(FusedMatMul(kernels: kernels))
        registry.register(KilnGelu())
        if let bn = registry.lookup(domain: "", opType: "BatchNormalization"),
            let mul = registry.lookup(domain: "", opType: "Mul"),
            let add = registry.lookup(domain: "", opType: "Add")
        {
            registry.register(FusedBatchNormalization(batchNorm: bn, mul: mul, add: add))
        }
    }
}
