import Foundation

/// A deterministic text form of a model: the golden form of graphs in pass tests and the output
/// of `kiln optimize --print-ir-after`.
///
///     opset "":13
///     graph main
///       input x: float32[1,3,8,8]
///       init W: float32[4,3,3,3] (108 values, fnv 1a2b…)
///       y = Conv(x, W) {kernel_shape=[3,3], pads=[1,1,1,1]}
///       output y: float32[?]
///
/// One node per line in graph order, attributes sorted by name, small tensors printed in full
/// and large ones as count plus an FNV-1a hash of their bytes, subgraphs indented below the
/// node that holds them. Node names are not printed (passes may rename freely).
public enum IRPrinter {
    /// Tensors with at most this many elements are printed value by value.
    public static let inlineElements = 8

    /// The whole model: opset imports, main graph, functions.
    public static func print(_ model: Model) -> String {
        var out = ""
        let opsets = model.opsetImports.map { "\"\($0.domain == "ai.onnx" ? "" : $0.domain)\":\($0.version)" }
        out += "opset " + opsets.sorted().joined(separator: " ") + "\n"
        print(model.graph, title: "graph main", indent: "", into: &out)
        for f in model.functions {
            out += "function \(f.domain).\(f.name)(\(f.inputs.joined(separator: ", "))) -> "
                + "(\(f.outputs.joined(separator: ", ")))\n"
            for n in f.nodes { out += "  " + line(n) + "\n" }
        }
        return out
    }

    /// One graph with `indent` before each line.
    public static func print(_ graph: Graph, title: String, indent: String, into out: inout String) {
        out += indent + title + "\n"
        let inner = indent + "  "
        let initNames = Set(graph.initializers.map(\.name))
        for v in graph.inputs where !initNames.contains(v.name) {
            out += inner + "input \(v.name): \(v.type.map(\.description) ?? "?")\n"
        }
        for t in graph.initializers {
            out += inner + "init \(t.name): \(tensorText(t))\n"
        }
        for n in graph.nodes {
            out += inner + line(n) + "\n"
            for a in n.attributes.sorted(by: { $0.name < $1.name }) {
                switch a.value {
                case .graph(let g):
                    print(g, title: "\(a.name):", indent: inner + "  ", into: &out)
                case .graphs(let gs):
                    for (i, g) in gs.enumerated() {
                        print(g, title: "\(a.name)[\(i)]:", indent: inner + "  ", into: &out)
                    }
                default: break
                }
            }
        }
        for v in graph.outputs {
            out += inner + "output \(v.name): \(v.type.map(\.description) ?? "?")\n"
        }
    }

    /// `a, b = domain.Op(x, , y) {attr=value, …}`.
    public static func line(_ n: Node) -> String {
        let op = n.normalizedDomain.isEmpty ? n.opType : "\(n.normalizedDomain).\(n.opType)"
        var s = n.outputs.joined(separator: ", ") + " = " + op
        s += "(" + n.inputs.joined(separator: ", ") + ")"
        let attrs = n.attributes.sorted { $0.name < $1.name }.compactMap { a -> String? in
            if let r = a.referenceName, !r.isEmpty { return "\(a.name)=@\(r)" }
            switch a.value {
            case .graph, .graphs: return "\(a.name)=<graph>"
            default: return "\(a.name)=\(valueText(a.value))"
            }
        }
        if !attrs.isEmpty { s += " {" + attrs.joined(separator: ", ") + "}" }
        return s
    }

    static func valueText(_ v: AttributeValue) -> String {
        switch v {
        case .int(let x): return String(x)
        case .float(let x): return floatText(x)
        case .string(let d): return "\"" + String(decoding: d, as: UTF8.self) + "\""
        case .ints(let xs): return "[" + xs.map(String.init).joined(separator: ",") + "]"
        case .floats(let xs): return "[" + xs.map(floatText).joined(separator: ",") + "]"
        case .strings(let xs):
            return "[" + xs.map { "\"" + String(decoding: $0, as: UTF8.self) + "\"" }
                .joined(separator: ",") + "]"
        case .tensor(let t): return tensorText(t)
        case .tensors(let ts): return "[" + ts.map(tensorText).joined(separator: ",") + "]"
        case .type(let t): return t.description
        case .types(let ts): return "[" + ts.map(\.description).joined(separator: ",") + "]"
        case .sparseTensor(let s): return "sparse\(s.dims)"
        case .sparseTensors(let ss): return "[" + ss.map { "sparse\($0.dims)" }.joined(separator: ",") + "]"
        case .graph, .graphs: return "<graph>"
        }
    }

    /// `float32[2,3] [1, 2, …]` for small tensors, `float32[64,3] (192 values, fnv …)` otherwise.
    public static func tensorText(_ t: Tensor) -> String {
        let head = "\(t.elementType.name)[\(t.shape.map(String.init).joined(separator: ","))]"
        let count = t.elementCount ?? 0
        if count <= inlineElements {
            if let v = t.values(as: Float.self) { return head + " [" + v.map(floatText).joined(separator: ",") + "]" }
            if let v = t.int64Values() { return head + " [" + v.map(String.init).joined(separator: ",") + "]" }
        }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in t.data {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        for s in t.strings {
            for b in s { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        }
        return head + " (\(count) values, fnv \(String(h, radix: 16)))"
    }

    static func floatText(_ x: Float) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        if x == 0 { return x.sign == .minus ? "-0" : "0" }
        if x == x.rounded(), abs(x) < 1e7 { return String(Int64(x)) }
        return "\(x)"
    }
}
