import KilnIR
import KilnOps
import KilnPasses

/// The int8 rewrite: constant weights become int8 initializers with a `DequantizeLinear`, and
/// (dynamic and static modes) activation inputs of the targets get quantized and dequantized.
///
/// Rewrites, per target (see `QuantizationTargets`):
/// - weight `W` ⇒ `DequantizeLinear(W_q int8, scale, zero_point[, axis])`, shared by every
///   node reading `W` on the same axis; zero points are 0 except for weights no integer kernel
///   reads (`QuantizationTarget.asymmetricWeights`); opsets before 13 (where DequantizeLinear
///   has no axis) store per-channel weights as `Mul(Cast(W_q, float), scale)`, which computes
///   the same float32 values bit for bit.
/// - static: activation `x` ⇒ `DequantizeLinear(QuantizeLinear(x, s, zp), s, zp)` with the
///   calibrated per-tensor parameters; one pair per activation, shared by its quantized readers.
/// - dynamic: `x` ⇒ `DequantizeLinear(DynamicQuantizeLinear(x))` (uint8, range from the data).
/// The float weights die when nothing else reads them. The result is standard ONNX.
public struct InsertQDQ: Pass {
    public let name = "insert-qdq"
    public let summary = "store weights as int8 + DequantizeLinear; quantize activations (QDQ)"
    let mode: QuantizationMode
    let targets: [QuantizationTarget]
    let activations: [String: ActivationParameters]

    public init(
        mode: QuantizationMode, targets: [QuantizationTarget],
        activations: [String: ActivationParameters]
    ) {
        self.mode = mode
        self.targets = targets
        self.activations = activations
    }

    public func run(on model: inout Model, context: PassContext) throws -> PassResult {
        let opset = model.opsetVersion(for: "") ?? 1
        let byKey = Dictionary(targets.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let mode = self.mode
        let activations = self.activations
        return try model.edit(context) { g in
            var weightCache: [String: String] = [:]
            var activationCache: [String: String] = [:]
            var replaced: Set<String> = []
            for ref in g.orderedNodes() {
                var node = g[ref]
                guard let key = node.outputs.first, let t = byKey[key] else { continue }
                for slot in t.weights where slot.input < node.inputs.count {
                    let cacheKey = "\(slot.name)|\(slot.axis.map(String.init) ?? "tensor")"
                    if let dq = weightCache[cacheKey] {
                        node.inputs[slot.input] = dq
                        continue
                    }
                    guard let w = g.constant(slot.name), let values = w.values(as: Float.self),
                        let q = QuantizedWeight(
                            values, shape: w.shape, axis: slot.axis, searchScale: t.clipsWeights,
                            asymmetric: t.asymmetricWeights(opset: opset))
                    else {
                        g.count("weights-left-float")
                        continue
                    }
                    let dq = Self.dequantize(q, base: slot.name, before: ref, opset: opset, &g)
                    weightCache[cacheKey] = dq
                    node.inputs[slot.input] = dq
                    replaced.insert(slot.name)
                    g.count("weights-quantized")
                }
                for i in t.activations where i < node.inputs.count {
                    let x = node.inputs[i]
                    if let dq = activationCache[x] {
                        node.inputs[i] = dq
                        continue
                    }
                    let dq: String
                    switch mode {
                    case .int8Static:
                        guard let p = activations[x] else { continue }
                        dq = Self.fakeQuantize(x, p, before: ref, &g)
                    case .int8Dynamic:
                        dq = Self.dynamicQuantize(x, before: ref, &g)
                    case .int8Weights, .fp16:
                        continue
                    }
                    activationCache[x] = dq
                    node.inputs[i] = dq
                    g.count("activations-quantized")
                }
                g.update(ref, node)
            }
            for name in replaced.sorted()
            where g.isUnused(name) && !g.isOverridable(name) && !g.isRuntimeInput(name) {
                g.removeInitializer(name)
            }
        }
    }

    /// Adds the int8 weight and the nodes that dequantize it before `anchor`; returns the name
    /// of the float weight they compute.
    static func dequantize(
        _ q: QuantizedWeight, base: String, before anchor: NodeRef, opset: Int64,
        _ g: inout GraphEditor
    ) -> String {
        let qName = g.addConstant(
            Tensor(shape: q.shape, values: q.values), base: base + "_quantized")
        let out = g.freshName(base + "_dequantized")
        let perChannel = q.axis != nil
        if opset >= 13 || (!perChannel && opset >= 10) {
            let scaleShape: [Int64] = perChannel ? [Int64(q.scales.count)] : []
            let s = g.addConstant(
                Tensor(shape: scaleShape, values: q.scales), base: base + "_scale")
            let z = g.addConstant(
                Tensor(shape: scaleShape, values: q.zeroPoints),
                base: base + "_zero_point")
            var attributes: [Attribute] = []
            if let axis = q.axis {
                attributes.append(Attribute(name: "axis", value: .int(Int64(axis))))
            }
            g.insert(
                Node(
                    name: g.freshName(base + "_DequantizeLinear"), opType: "DequantizeLinear",
                    inputs: [qName, s, z], outputs: [out], attributes: attributes),
                before: anchor)
            return out
        }
        var scaleShape = [Int64](repeating: 1, count: q.shape.count)
        if let axis = q.axis { scaleShape[axis] = Int64(q.scales.count) }
        let s = g.addConstant(Tensor(shape: scaleShape, values: q.scales), base: base + "_scale")
        let cast = g.freshName(base + "_cast")
        g.insert(
            Node(
                name: g.freshName(base + "_Cast"), opType: "Cast", inputs: [qName], outputs: [cast],
                attributes: [
                    Attribute(name: "to", value: .int(Int64(ElementType.float32.rawValue)))
                ]),
            before: anchor)
        g.insert(
            Node(
                name: g.freshName(base + "_Mul"), opType: "Mul", inputs: [cast, s], outputs: [out]),
            before: anchor)
        return out
    }

    /// `DequantizeLinear(QuantizeLinear(x))` with calibrated per-tensor parameters.
    static func fakeQuantize(
        _ x: String, _ p: ActivationParameters, before anchor: NodeRef, _ g: inout GraphEditor
    ) -> String {
        let s = g.addConstant(Tensor(shape: [], values: [p.scale]), base: x + "_scale")
        let zTensor =
            p.type == .uint8
            ? Tensor(shape: [], values: [UInt8(p.zeroPoint)])
            : Tensor(shape: [], values: [Int8(p.zeroPoint)])
        let z = g.addConstant(zTensor, base: x + "_zero_point")
        let q = g.freshName(x + "_quantized")
        let dq = g.freshName(x + "_dequantized")
        g.insert(
            Node(
                name: g.freshName(x + "_QuantizeLinear"), opType: "QuantizeLinear",
                inputs: [x, s, z], outputs: [q]),
            before: anchor)
        g.insert(
            Node(
                name: g.freshName(x + "_DequantizeLinear"), opType: "DequantizeLinear",
                inputs: [q, s, z], outputs: [dq]),
            before: anchor)
        return dq
    }

    /// `DequantizeLinear(DynamicQuantizeLinear(x))`: uint8 with the run's own range.
    static func dynamicQuantize(_ x: String, before anchor: NodeRef, _ g: inout GraphEditor)
        -> String
    {
        let q = g.freshName(x + "_quantized")
        let s = g.freshName(x + "_scale")
        let z = g.freshName(x + "_zero_point")
        let dq = g.freshName(x + "_dequantized")
        g.insert(
            Node(
                name: g.freshName(x + "_DynamicQuantizeLinear"), opType: "DynamicQuantizeLinear",
                inputs: [x], outputs: [q, s, z]),
            before: anchor)
        g.insert(
            Node(
                name: g.freshName(x + "_DequantizeLinear"), opType: "DequantizeLinear",
                inputs: [q, s, z], outputs: [dq]),
            before: anchor)
        return dq
    }
}
