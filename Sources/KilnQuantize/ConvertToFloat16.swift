import KilnIR
import KilnOps
import KilnPasses

/// The fp16 rewrite: nodes chosen by the quantizer compute in float16, their float32 constant
/// inputs are stored as float16, and Casts join float16 and float32 regions (graph inputs and
/// outputs keep their float32 types).
///
/// A node converts when its op (standard domain, no subgraph) takes float16 for every float32
/// input and output whose schema type is a type variable; inputs the schema fixes to
/// `tensor(float)` (Resize scales) stay float32. The quantizer passes `float16Nodes` (by first
/// output), already filtered by calibrated ranges.
///
///     x(f32) ─Cast→ x_fp16 ─ Conv(f16) ─ Relu(f16) ─Cast→ y(f32, graph output)
///                               │
///                          Softmax kept f32 ← Cast ┘
public struct ConvertToFloat16: Pass {
    public let name = "convert-float16"
    public let summary = "compute the given nodes in float16 with Casts at region boundaries"
    let float16Nodes: Set<String>
    /// Element types of values (from a calibration run and the graph's declarations).
    let types: [String: ElementType]

    public init(float16Nodes: Set<String>, types: [String: ElementType]) {
        self.float16Nodes = float16Nodes
        self.types = types
    }

    /// Ops never converted: their output type comes from an attribute, they must stay exact
    /// (shape arithmetic, sampling coordinates), or float16 changes what they compute.
    static let blocked: Set<String> = [
        "Cast", "CastLike", "Constant", "ConstantOfShape", "EyeLike", "RandomNormal",
        "RandomUniform", "RandomNormalLike", "RandomUniformLike", "Multinomial", "Bernoulli",
        "Range", "Resize", "Upsample", "QuantizeLinear", "DequantizeLinear",
        "DynamicQuantizeLinear", "NonMaxSuppression", "RoiAlign", "GridSample", "Shape", "Size",
        "CumSum", "Einsum", "STFT", "DFT", "Loop", "If", "Scan", "SequenceConstruct",
        "SequenceInsert", "ConcatFromSequence", "SplitToSequence",
    ]

    /// Which float32 inputs of `node` would turn float16, or `nil` when the node cannot convert.
    static func convertibleInputs(
        _ node: Node, opset: Int64, types: [String: ElementType]
    ) -> [Int]? {
        guard node.normalizedDomain.isEmpty, node.subgraphs.isEmpty, !blocked.contains(node.opType),
            let schema = OpSchemas.lookup(domain: "", opType: node.opType, opsetVersion: opset),
            !schema.deprecated, !schema.inputs.isEmpty || node.inputs.isEmpty
        else { return nil }
        func takesFloat16(_ p: OpSchema.Parameter) -> Bool? {
            if p.typeString.hasPrefix("tensor(") { return nil }  // fixed type: stays as it is
            return schema.allowedTypes(for: p).contains("tensor(float16)")
        }
        var any = false
        var inputs: [Int] = []
        for (i, name) in node.inputs.enumerated() where !name.isEmpty {
            guard let t = types[name] else { return nil }
            guard t == .float32 else { continue }
            any = true
            guard let p = i < schema.inputs.count ? schema.inputs[i] : schema.inputs.last else {
                return nil
            }
            switch takesFloat16(p) {
            case true?: inputs.append(i)
            case false?: return nil
            case nil: continue
            }
        }
        for (i, name) in node.outputs.enumerated() where !name.isEmpty {
            guard let t = types[name] else { return nil }
            guard t == .float32 else { continue }
            any = true
            guard let p = i < schema.outputs.count ? schema.outputs[i] : schema.outputs.last,
                takesFloat16(p) == true
            else { return nil }
        }
        return any ? inputs : nil
    }

    public func run(on model: inout Model, context: PassContext) throws -> PassResult {
        let opset = model.opsetVersion(for: "") ?? 1
        let types = self.types
        let chosen = float16Nodes
        var converted: Set<String> = []
        let result = try model.edit(context) { g in
            // fp16 name of each float32 value that now has a float16 version.
            var half: [String: String] = [:]
            // float32 name of values whose producer now writes float16 under the same name.
            var single: [String: String] = [:]
            var castBack: [String: String] = [:]  // graph output → its fp16 producer value
            // The float32 version of `x` for a reader at `ref` (inserting a Cast when needed).
            func float32(_ x: String, at ref: NodeRef) -> String {
                guard converted.contains(x), let h = half[x] else { return x }
                if let f = castBack[x] {
                    g.insert(Self.cast(f, to: x, .float32, g), before: ref)
                    castBack[x] = nil
                    return x
                }
                if h != x { return x }  // x itself is still float32 (a graph output, cast back)
                if let f = single[x] { return f }
                let f = g.freshName(x + "_fp32")
                g.insert(Self.cast(x, to: f, .float32, g), before: ref)
                single[x] = f
                return f
            }
            for ref in g.orderedNodes() {
                var node = g[ref]
                let key = node.outputs.first ?? ""
                if chosen.contains(key),
                    let inputs = Self.convertibleInputs(node, opset: opset, types: types)
                {
                    for (i, x) in node.inputs.enumerated() where !x.isEmpty {
                        guard inputs.contains(i) else {
                            node.inputs[i] = float32(x, at: ref)
                            continue
                        }
                        if let h = half[x] {
                            node.inputs[i] = h
                        } else if let c = g.constant(x) {
                            let h = g.addConstant(Self.float16(c), base: x + "_fp16")
                            half[x] = h
                            node.inputs[i] = h
                        } else {
                            let h = g.freshName(x + "_fp16")
                            g.insert(Self.cast(x, to: h, .float16, g), before: ref)
                            half[x] = h
                            node.inputs[i] = h
                        }
                    }
                    for (i, y) in node.outputs.enumerated() where types[y] == .float32 {
                        if g.isGraphOutput(y) {
                            let h = g.freshName(y + "_fp16")
                            node.outputs[i] = h
                            half[y] = h
                            castBack[y] = h
                        } else {
                            half[y] = y
                        }
                        converted.insert(y)
                    }
                    g.update(ref, node)
                    g.count("nodes-float16")
                    continue
                }
                var changed = false
                for (i, x) in node.inputs.enumerated() where !x.isEmpty {
                    let f = float32(x, at: ref)
                    if f != x {
                        node.inputs[i] = f
                        changed = true
                    }
                }
                if changed { g.update(ref, node) }
            }
            for (y, h) in castBack.sorted(by: { $0.key < $1.key }) {
                g.append(Self.cast(h, to: y, .float32, g))
            }
            for t in g.initializers
            where t.elementType == .float32 && g.isUnused(t.name)
                && !g.isOverridable(t.name) && !g.isRuntimeInput(t.name)
            {
                g.removeInitializer(t.name)
            }
        }
        model.graph.valueInfo.removeAll { converted.contains($0.name) }
        return result
    }

    static func cast(_ x: String, to y: String, _ type: ElementType, _ g: GraphEditor) -> Node {
        Node(
            name: g.freshName(y + "_Cast"), opType: "Cast", inputs: [x], outputs: [y],
            attributes: [Attribute(name: "to", value: .int(Int64(type.rawValue)))])
    }

    /// `t` rounded to float16 (values beyond ±65504 become ±inf; the quantizer never converts
    /// a node whose weights are that large).
    static func float16(_ t: Tensor) -> Tensor {
        let v = t.values(as: Float.self) ?? []
        return Tensor(shape: t.shape, elements: v.map { Float16($0) })
    }
}
