import KilnIR
import KilnOps

/// Plan-time widening of float16 models: what `InferencePlan` does when `widenFloat16` is on.
///
/// A model stored in float16 (`kiln quantize --mode fp16`, onnxruntime's float16 converter)
/// runs at float32 speed: its float16 constants are widened to float32 once, here, and every
/// float16 value becomes float32, so each op runs its float32 kernel. TFLite runs
/// float16-quantized models on CPU the same way, and onnxruntime's CPU provider computes the
/// float16 ops it has no kernel for in float32 (`InsertCastTransformer`).
///
///     x(f32) → Cast(to f16) → Conv(W f16) → Cast(to f32) → y
///       ⇒ x(f32) → Cast(to f32) → Conv(W widened) → Cast(to f32) → y
///
/// Rewrites of the main graph: float16 initializers (not overridable) become float32; `to`,
/// `dtype` and `output_dtype` attributes naming float16 name float32; float16 tensor attributes
/// (Constant, ConstantOfShape) are widened; a float16 graph input is cast to float32 where it is
/// read and a float16 graph output is cast back, so the plan's interface keeps its declared
/// types. Results are those of the float32 computation: closer to the float model than
/// float16 arithmetic (which rounds after every op), and a value beyond ±65504 stays finite.
///
/// Models it leaves as they are: no float16 in the main graph; subgraphs or model-local
/// functions (their bodies may hold float16 values this rewrite does not follow); a graph
/// output without a declared element type (its float16 type could not be restored).
enum PlanFloat16Widening {
    /// Attributes holding an element type (TensorProto.DataType).
    static let typeAttributes: Set<String> = ["to", "dtype", "output_dtype"]

    static func widen(_ model: Model) -> Model {
        let g = model.graph
        guard model.functions.isEmpty, !g.nodes.contains(where: { !$0.subgraphs.isEmpty }),
            g.outputs.allSatisfy({ $0.type?.tensorType?.elementType != nil }),
            mentionsFloat16(g)
        else { return model }
        var m = model
        let overridable = Set(model.irVersion >= 4 ? g.inputs.map(\.name) : g.runtimeInputs.map(\.name))
        var used = Set(g.initializers.map(\.name))
        for n in g.nodes { used.formUnion(n.inputs + n.outputs) }
        for i in g.inputs { used.insert(i.name) }
        func fresh(_ base: String) -> String {
            var name = base
            var k = 1
            while used.contains(name) {
                name = "\(base)_\(k)"
                k += 1
            }
            used.insert(name)
            return name
        }

        // Graph inputs read in float16 (declared so, or defaulting to a float16 initializer)
        // are cast to float32 once, before their first reader.
        let half16 = Set(g.initializers.filter { $0.elementType == .float16 }.map(\.name))
        var entry: [Node] = []
        var renamed: [String: String] = [:]
        for i in g.inputs {
            let declared = i.type?.tensorType?.elementType
            guard declared == .float16 || (declared == nil && half16.contains(i.name)) else {
                continue
            }
            let wide = fresh(i.name + "_float32")
            renamed[i.name] = wide
            entry.append(cast(i.name, to: wide, .float32, name: fresh(wide + "_Cast")))
        }
        // Graph outputs declared float16 are computed in float32 and cast back at the end.
        var exit: [Node] = []
        var outputRenamed: [String: String] = [:]
        for o in g.outputs where o.type?.tensorType?.elementType == .float16 {
            guard renamed[o.name] == nil else { continue }  // an input passed through
            let wide = fresh(o.name + "_float32")
            outputRenamed[o.name] = wide
            exit.append(cast(wide, to: o.name, .float16, name: fresh(o.name + "_Cast")))
        }
        m.graph.initializers = g.initializers.map { t in
            guard !overridable.contains(t.name) else { return t }
            var w = widened(t)
            if let wide = outputRenamed[t.name] { w.name = wide }  // a constant graph output
            return w
        }
        m.graph.nodes = entry
            + g.nodes.map { node in
                var n = node
                n.inputs = n.inputs.map { renamed[$0] ?? outputRenamed[$0] ?? $0 }
                n.outputs = n.outputs.map { outputRenamed[$0] ?? $0 }
                n.attributes = n.attributes.map(widened)
                return n
            } + exit
        m.graph.valueInfo = g.valueInfo.map { info in
            guard case .tensor(var t)? = info.type, t.elementType == .float16 else { return info }
            var v = info
            t.elementType = .float32
            v.type = .tensor(t)
            return v
        }
        return m
    }

    /// Whether the main graph holds a float16 constant, attribute or input.
    static func mentionsFloat16(_ g: Graph) -> Bool {
        if g.initializers.contains(where: { $0.elementType == .float16 }) { return true }
        if g.inputs.contains(where: { $0.type?.tensorType?.elementType == .float16 }) {
            return true
        }
        return g.nodes.contains { n in
            n.attributes.contains { a in
                switch a.value {
                case .int(let t): return typeAttributes.contains(a.name) && t == float16Code
                case .tensor(let t): return t.elementType == .float16
                default: return false
                }
            }
        }
    }

    static let float16Code = Int64(ElementType.float16.rawValue)

    static func widened(_ a: Attribute) -> Attribute {
        var a = a
        switch a.value {
        case .int(let t) where typeAttributes.contains(a.name) && t == float16Code:
            a.value = .int(Int64(ElementType.float32.rawValue))
        case .tensor(let t) where t.elementType == .float16:
            a.value = .tensor(widened(t))
        default: break
        }
        return a
    }

    /// `t` as float32 when it is float16 (exact: every float16 is a float32).
    static func widened(_ t: Tensor) -> Tensor {
        guard t.elementType == .float16, let v = try? t.doubles() else { return t }
        var w = Tensor(shape: t.shape, values: v.map { Float($0) })
        w.name = t.name
        return w
    }

    static func cast(_ x: String, to y: String, _ type: ElementType, name: String) -> Node {
        Node(
            name: name, opType: "Cast", inputs: [x], outputs: [y],
            attributes: [Attribute(name: "to", value: .int(Int64(type.rawValue)))])
    }
}
