import Foundation
import KilnIR

extension KilnError.Code {
    /// A declared type (value_info, graph output) contradicts the type inferred for the value.
    public static let declaredTypeConflict = KilnError.Code(rawValue: "declaredTypeConflict")
}

/// Shape and type inference over a whole model, driven by each op's ``OpDefinition/inferTypes(_:)``.
///
/// ```
///  declared inputs/initializers ──► scope (name → type, constant, shape value)
///        for node in graph.nodes:   rule(ctx) ─► fold small constants with the kernel
///                                    └─► merge with declared value_info ─► scope
///  If/Loop/Scan bodies: same walk, with the enclosing scope visible
/// ```
///
/// One pass in node order (nodes are topological), with one dictionary per graph scope, so the
/// cost is linear in nodes and edges plus the rules' own work. Inference never throws for a bad
/// model: what a rule rejects (an axis out of range, disagreeing inner dims) becomes an
/// ``Result/issues`` entry located at the node, and the outputs of that node become unknown.
/// A dim of `dim_value < 0` or `dim_param "?"` reads as unknown.
public enum ShapeInference {
    /// What to infer with.
    public struct Options: Sendable {
        /// The ops and their type rules.
        public var registry: OpRegistry
        /// Evaluate nodes whose inputs are all known constants with their reference kernels
        /// (only when the rule says every output is static and at most ``maxFoldElements``).
        public var foldConstants: Bool
        /// Largest output (in elements) constant evaluation may produce.
        public var maxFoldElements: Int
        /// Sizes for symbolic input dims (`N` → 1), applied to graph inputs before inference.
        public var dims: [String: Int64]
        /// Deepest subgraph nesting inferred; deeper bodies are left unknown with an issue.
        public var maxDepth: Int

        public init(
            registry: OpRegistry = StandardOps.registry, foldConstants: Bool = true,
            maxFoldElements: Int = 1 << 16, dims: [String: Int64] = [:], maxDepth: Int = 32
        ) {
            self.registry = registry
            self.foldConstants = foldConstants
            self.maxFoldElements = maxFoldElements
            self.dims = dims
            self.maxDepth = maxDepth
        }
    }

    /// One problem inference found: the error (code, message, node/value location) and the
    /// graph holding the node (`main`, `main/loop_1.body`).
    public struct Issue: Sendable {
        public var error: KilnError
        public var graphPath: String
    }

    /// The inferred model and what inference found.
    public struct Result: Sendable {
        /// The model with every inferred value type written into `value_info` (main graph and
        /// subgraphs) and graph outputs completed.
        public var model: Model
        /// Every value of the main graph (inputs, initializers, node outputs) and its type.
        public var types: [String: ValueType]
        /// Problems the runtime would refuse, and conflicts with declared types, in node order.
        public var issues: [Issue]
        /// `domain::opType` of ops met that have no type rule (their outputs keep declared types).
        public var opsWithoutRule: Set<String>
        /// Node outputs of the main graph whose contents inference knows without running the
        /// model (shape arithmetic such as `Shape → Gather → Concat` once the dims it reads are
        /// known, and small all-constant computations), at most ``Options/maxFoldElements``
        /// elements each. Initializers are not repeated here.
        public var constants: [String: Tensor]
    }

    /// Infers every value's type in `model`.
    public static func infer(_ model: Model, options: Options = .init()) -> Result {
        let engine = Engine(model: model, options: options)
        var m = model
        let (g, _) = engine.inferGraph(
            model.graph, parent: nil, formalInputs: nil, depth: 0, path: "main")
        m.graph = g
        return Result(
            model: m, types: engine.mainTypes, issues: engine.issues,
            opsWithoutRule: engine.missingRules, constants: engine.mainConstants)
    }

    /// `[N,3,?]`: a shape as Kiln prints it.
    public static func describe(_ shape: [Dim]) -> String {
        "[" + shape.map(\.description).joined(separator: ",") + "]"
    }

    /// Normalizes a declared type: negative known dims and the symbol `"?"` become unknown.
    public static func normalize(_ t: ValueType?) -> ValueType? {
        guard let t else { return nil }
        switch t {
        case .tensor(let tt): return .tensor(normalize(tt))
        case .sparseTensor(let tt): return .sparseTensor(normalize(tt))
        case .sequence(let e): return .sequence(normalize(e))
        case .optional(let e): return .optional(normalize(e))
        case .map(let k, let v): return .map(key: k, value: normalize(v))
        case .opaque: return t
        }
    }

    static func normalize(_ t: TensorType) -> TensorType {
        guard let s = t.shape else { return t }
        return TensorType(
            t.elementType,
            shape: s.map { d in
                switch d {
                case .known(let v) where v < 0: return .unknown
                case .symbol(let n) where n.isEmpty || n == "?": return .unknown
                default: return d
                }
            })
    }

    /// Merges a declared and an inferred type: the more specific of each part wins (a declared
    /// symbol name is kept over an inferred expression); throws a message on contradiction.
    static func merge(declared: ValueType?, inferred: ValueType?) -> (ValueType?, String?) {
        guard let d = declared else { return (inferred, nil) }
        guard let i = inferred else { return (d, nil) }
        switch (d, i) {
        case (.tensor(let a), .tensor(let b)):
            var elem = a.elementType
            if a.elementType == .undefined {
                elem = b.elementType
            } else if b.elementType != .undefined && a.elementType != b.elementType {
                return (d, "declared element type \(a.elementType.name), inferred \(b.elementType.name)")
            }
            guard let sa = a.shape else { return (.tensor(TensorType(elem, shape: b.shape)), nil) }
            guard let sb = b.shape else { return (.tensor(TensorType(elem, shape: sa)), nil) }
            guard sa.count == sb.count else {
                return (d, "declared rank \(sa.count) \(ValueType.tensor(a)), inferred rank \(sb.count) \(ValueType.tensor(b))")
            }
            var out: [Dim] = []
            for (x, y) in zip(sa, sb) {
                switch (x, y) {
                case (.known(let p), .known(let q)):
                    if p != q {
                        return (d, "declared \(ValueType.tensor(a)), inferred \(ValueType.tensor(b))")
                    }
                    out.append(x)
                case (.known, _), (.symbol, .symbol), (.symbol, .unknown): out.append(x)
                default: out.append(y)
                }
            }
            return (.tensor(TensorType(elem, shape: out)), nil)
        case (.sequence(let a), .sequence(let b)):
            let (m, p) = merge(declared: a, inferred: b)
            return (.sequence(m), p)
        case (.optional(let a), .optional(let b)):
            let (m, p) = merge(declared: a, inferred: b)
            return (.optional(m), p)
        case (.sparseTensor, _), (.map, _), (.opaque, _), (_, .optional), (.optional, _):
            return (d, nil)
        default:
            return (d, "declared \(d), inferred \(i)")
        }
    }

    /// Whether a type says anything (not a tensor of unknown element type and rank).
    static func isInformative(_ t: ValueType) -> Bool {
        if case .tensor(let tt) = t { return tt.elementType != .undefined || tt.shape != nil }
        return true
    }

    /// The least specific type covering both (If branches, Loop carried values).
    static func join(_ a: ValueType?, _ b: ValueType?) -> ValueType? {
        guard let a, let b else { return nil }
        switch (a, b) {
        case (.tensor(let x), .tensor(let y)):
            let elem = x.elementType == y.elementType ? x.elementType : .undefined
            guard let sx = x.shape, let sy = y.shape, sx.count == sy.count else {
                return .tensor(TensorType(elem, shape: nil))
            }
            return .tensor(TensorType(elem, shape: zip(sx, sy).map { $0 == $1 ? $0 : .unknown }))
        case (.sequence(let x), .sequence(let y)): return .sequence(join(x, y))
        case (.optional(let x), .optional(let y)): return .optional(join(x, y))
        default: return a == b ? a : nil
        }
    }
}

// MARK: - Engine

/// Names visible in one graph, chained to the enclosing graph's scope.
final class InferenceScope {
    let parent: InferenceScope?
    var types: [String: ValueType] = [:]
    var constants: [String: Tensor] = [:]
    var shapeValues: [String: [Dim]] = [:]

    init(parent: InferenceScope?) { self.parent = parent }

    func type(_ n: String) -> ValueType? { types[n] ?? parent?.type(n) }
    func constant(_ n: String) -> Tensor? {
        if types[n] != nil { return constants[n] }
        return parent?.constant(n)
    }
    func shapeValue(_ n: String) -> [Dim]? {
        if types[n] != nil { return shapeValues[n] }
        return parent?.shapeValue(n)
    }
}

final class Engine {
    let model: Model
    let options: ShapeInference.Options
    var issues: [ShapeInference.Issue] = []
    var missingRules: Set<String> = []
    var mainTypes: [String: ValueType] = [:]
    var mainConstants: [String: Tensor] = [:]
    let opsets: [String: Int64]

    /// Ops never evaluated at inference time (their results are random).
    static let randomOps: Set<String> = [
        "RandomNormal", "RandomUniform", "RandomNormalLike", "RandomUniformLike", "Multinomial",
        "Bernoulli", "Dropout",
    ]

    init(model: Model, options: ShapeInference.Options) {
        self.model = model
        self.options = options
        var o: [String: Int64] = [:]
        for imp in model.opsetImports {
            let d = imp.domain == "ai.onnx" ? "" : imp.domain
            if o[d] == nil { o[d] = imp.version }
        }
        opsets = o
    }

    func substitute(_ t: ValueType?) -> ValueType? {
        guard !options.dims.isEmpty, case .tensor(let tt)? = t, let s = tt.shape else { return t }
        return .tensor(
            TensorType(
                tt.elementType,
                shape: s.map { d in
                    if case .symbol(let n) = d, let v = options.dims[n] { return .known(v) }
                    return d
                }))
    }

    /// Infers `graph` (a subgraph when `parent` is set) and returns it annotated, with the types
    /// of its outputs. `formalInputs` overrides declared input types (subgraph bodies).
    func inferGraph(
        _ graph: Graph, parent: InferenceScope?, formalInputs: [ValueType?]?, depth: Int,
        path: String
    ) -> (Graph, [ValueType?]) {
        let scope = InferenceScope(parent: parent)
        for t in graph.initializers {
            scope.types[t.name] = .tensor(TensorType(t.elementType, t.shape))
            scope.constants[t.name] = t
            if let sv = InferenceContext.shapeValue(of: t) { scope.shapeValues[t.name] = sv }
        }
        for s in graph.sparseInitializers {
            scope.types[s.values.name] = .tensor(TensorType(s.values.elementType, s.dims))
        }
        for (k, info) in graph.inputs.enumerated() {
            var t = ShapeInference.normalize(info.type)
            if parent == nil { t = substitute(t) }
            if let formal = formalInputs, k < formal.count {
                t = ShapeInference.merge(declared: formal[k], inferred: t).0
            }
            if scope.types[info.name] == nil || t != nil {
                if let t { scope.types[info.name] = t }
            }
            // An input that shadows an initializer keeps the initializer's constant value (the
            // default a caller may override), as onnx's inference does.
        }
        var declared: [String: ValueType] = [:]
        for v in graph.valueInfo {
            if let t = ShapeInference.normalize(v.type) { declared[v.name] = t }
        }
        for v in graph.outputs {
            if let t = ShapeInference.normalize(v.type) { declared[v.name] = t }
        }

        var nodes = graph.nodes
        for (index, node) in graph.nodes.enumerated() {
            let label = node.label(index: index)
            let (outs, subgraphs) = inferNode(
                node, label: label, scope: scope, depth: depth, path: path)
            if !subgraphs.isEmpty {
                for (k, a) in nodes[index].attributes.enumerated() {
                    if let g = subgraphs[a.name] { nodes[index].attributes[k].value = .graph(g) }
                }
            }
            for (k, name) in node.outputs.enumerated() where !name.isEmpty {
                let inferred = k < outs.count ? outs[k] : nil
                let (merged, problem) = ShapeInference.merge(
                    declared: declared[name], inferred: inferred)
                if let problem {
                    issues.append(
                        .init(
                            error: KilnError(
                                .declaredTypeConflict,
                                "\(node.opType): output '\(name)': \(problem)",
                                at: .init(node: label, value: name)),
                            graphPath: path))
                }
                if let merged { scope.types[name] = merged }
            }
        }

        // Write the types back: value_info for node outputs, completed graph outputs.
        var g = graph
        g.nodes = nodes
        let outputNames = Set(graph.outputs.map(\.name))
        var seen = Set<String>()
        for k in g.valueInfo.indices {
            let n = g.valueInfo[k].name
            seen.insert(n)
            if let t = scope.types[n] { g.valueInfo[k].type = t }
        }
        for node in graph.nodes {
            for name in node.outputs where !name.isEmpty && !outputNames.contains(name) {
                guard !seen.contains(name), let t = scope.types[name], ShapeInference.isInformative(t)
                else { continue }
                seen.insert(name)
                g.valueInfo.append(ValueInfo(name: name, type: t))
            }
        }
        var outTypes: [ValueType?] = []
        for k in g.outputs.indices {
            let t = scope.type(g.outputs[k].name) ?? ShapeInference.normalize(g.outputs[k].type)
            if let t { g.outputs[k].type = t }
            outTypes.append(t)
        }
        if parent == nil {
            mainTypes = scope.types
            for node in graph.nodes {
                for name in node.outputs where !name.isEmpty {
                    if let c = scope.constants[name] { mainConstants[name] = c }
                }
            }
        }
        return (g, outTypes)
    }

    func inferNode(
        _ node: Node, label: String, scope: InferenceScope, depth: Int, path: String
    ) -> ([ValueType?], [String: Graph])
    {
        let unknown = [ValueType?](repeating: nil, count: node.outputs.count)
        let domain = node.normalizedDomain
        guard let op = options.registry.lookup(domain: domain, opType: node.opType) else {
            missingRules.insert(OpRegistry.key(domain, node.opType))
            return (unknown, [:])
        }
        if !op.hasTypeRule { missingRules.insert(OpRegistry.key(domain, node.opType)) }
        let version = opsets[domain] ?? OpSchemas.latestOpset[domain] ?? 1
        let types = node.inputs.map { $0.isEmpty ? nil : scope.type($0) }
        let consts = node.inputs.map { $0.isEmpty ? nil : scope.constant($0) }
        let svals = node.inputs.map { $0.isEmpty ? nil : scope.shapeValue($0) }
        let ctx = InferenceContext(
            node: node, label: label, opsetVersion: version,
            schema: OpSchemas.lookup(domain: domain, opType: node.opType, opsetVersion: version),
            inputTypes: types, constants: consts, shapeValues: svals,
            subgraphInference: { [unowned self] attr, g, inputs in
                guard depth < self.options.maxDepth else {
                    throw KilnError(
                        .limitExceeded, "subgraphs nested deeper than \(self.options.maxDepth)",
                        at: .init(node: label))
                }
                return self.inferGraph(
                    g, parent: scope, formalInputs: inputs, depth: depth + 1,
                    path: path + "/" + label + "." + attr)
            })
        var outs: [ValueType?]
        do {
            outs = try op.inferTypes(ctx).map(ShapeInference.normalize)
        } catch let e as KilnError {
            var e = e
            if e.location.node == nil { e.location.node = label }
            issues.append(.init(error: e, graphPath: path))
            return (unknown, ctx.inferredSubgraphs)
        } catch {
            issues.append(
                .init(
                    error: KilnError(.evaluationFailed, "\(error)", at: .init(node: label)),
                    graphPath: path))
            return (unknown, ctx.inferredSubgraphs)
        }
        if outs.count < node.outputs.count {
            outs += [ValueType?](repeating: nil, count: node.outputs.count - outs.count)
        }
        for (k, dims) in ctx.outputShapeValues where k < node.outputs.count {
            let name = node.outputs[k]
            guard !name.isEmpty else { continue }
            scope.shapeValues[name] = dims
            // Contents fully known: a constant, so later nodes (ConstantOfShape, Range) fold.
            if let t = outs[k]?.tensorType, t.elementType == .int64 || t.elementType == .int32,
                let s = t.staticShape, s.count <= 1, Int64(dims.count) == (s.first ?? 1)
            {
                let v = dims.compactMap(\.value)
                if v.count == dims.count, let c = try? Tensor.fromInt64s(v, shape: s, as: t.elementType) {
                    scope.constants[name] = c
                }
            }
        }
        if options.foldConstants, let folded = fold(op, node, version, consts, outs) {
            for (k, v) in folded.enumerated() where k < node.outputs.count {
                guard !node.outputs[k].isEmpty, let t = v.tensor else { continue }
                outs[k] = .tensor(TensorType(t.elementType, t.shape))
                scope.constants[node.outputs[k]] = t
                if let sv = InferenceContext.shapeValue(of: t) {
                    scope.shapeValues[node.outputs[k]] = sv
                }
            }
        }
        return (outs, ctx.inferredSubgraphs)
    }

    /// Runs the kernel when every given input is a known constant and every output the rule
    /// inferred is a small static tensor.
    func fold(
        _ op: any OpDefinition, _ node: Node, _ version: Int64, _ consts: [Tensor?],
        _ outs: [ValueType?]
    ) -> [Value]? {
        guard !Engine.randomOps.contains(node.opType), node.subgraphs.isEmpty else { return nil }
        for (name, c) in zip(node.inputs, consts) where !name.isEmpty && c == nil { return nil }
        for (k, name) in node.outputs.enumerated() where !name.isEmpty {
            guard k < outs.count, let s = outs[k]?.tensorType?.staticShape,
                let n = Tensor.elementCount(s), n <= options.maxFoldElements
            else { return nil }
        }
        let inputs: [Value?] = consts.map { $0.map { .tensor($0) } }
        return try? op.run(KernelContext(node: node, opsetVersion: version, inputs: inputs))
    }
}
