import Foundation
import KilnIR
import KilnOps

/// Options for building and running an `InferencePlan`.
public struct InferenceOptions: Sendable {
    /// Threads a kernel may use; 1 (the default) is single-threaded and deterministic.
    public var threads: Int
    /// Called after every node (including nodes of subgraphs) with the node and its outputs,
    /// in execution order; for debugging and pass verification.
    public var observer: (@Sendable (_ node: Node, _ outputs: [Value]) -> Void)?
    /// The kernels to use; defaults to every standard op.
    public var registry: OpRegistry

    public init(
        threads: Int = 1,
        observer: (@Sendable (_ node: Node, _ outputs: [Value]) -> Void)? = nil,
        registry: OpRegistry = FastOps.registry,
        foldConstants: Bool = true,
        fuseOperators: Bool = true
    ) {
        self.threads = max(1, threads)
        self.observer = observer
        self.registry = registry
        self.foldConstants = foldConstants
        self.fuseOperators = fuseOperators
    }
    /// Evaluate constant subgraphs once when the plan is built (as onnxruntime does at session
    /// creation), so repeated runs do not recompute them (pass `fold-constants`, see
    /// `PlanOptimization`). Random ops are never folded.
    public var foldConstants: Bool
    /// Optimize when the plan is built (as onnxruntime does at session creation) by running the
    /// `-O3` pass pipeline with Kiln's `ai.kiln` fused ops (see `PlanOptimization`): fold
    /// inference BatchNormalization and per-channel Mul/Add into constant Conv weights, run
    /// activations in the epilogue of the op before them, and so on. The observer then sees the
    /// fused nodes; their intermediate values are never materialized.
    public var fuseOperators: Bool
    /// Compute float16 models in float32 (see `PlanFloat16Widening`): float16 weights are
    /// widened once when the plan is built, as TFLite does on CPU. Off, float16 ops run their
    /// float16 kernels (exact ONNX float16 arithmetic, much slower).
    public var widenFloat16 = true
    /// Loop/Scan iteration and wall-clock limits (see `RuntimeLimits` for the defaults).
    public var limits = RuntimeLimits()
    /// The budget of the run in progress; set by `InferencePlan.run`.
    var budget = RunBudget()
}

/// A model prepared for repeated execution by the reference runtime.
///
/// Building the plan resolves every node's kernel and opset version, expands calls to
/// model-local functions inline (binding attribute references), orders nodes topologically and
/// computes each value's last use, so `run` releases intermediates as soon as they are dead.
/// Subgraphs (If/Loop/Scan bodies) are planned up front too and read enclosing values by name.
///
///     let plan = try InferencePlan(model: model)
///     let outputs = try plan.run(["x": .tensor(x)])
public struct InferencePlan: Sendable {
    /// The graph after function expansion, in execution order.
    public var graph: Graph { main.graph }
    let main: GraphPlan
    let options: InferenceOptions
    /// Output buffers reused across runs (see `BufferPool`); shared by copies of the plan.
    let pool = BufferPool()

    /// Plans `model`; throws `unsupportedOp` naming the first node without a kernel.
    public init(model: Model, options: InferenceOptions = .init()) throws {
        self.options = options
        main = try Checked.$elementLimit.withValue(options.limits.maxTensorElements) {
            var model = options.widenFloat16 ? PlanFloat16Widening.widen(model) : model
            model = try PlanOptimization.optimize(
                model, foldConstants: options.foldConstants, fuseOperators: options.fuseOperators,
                registry: options.registry)
            let context = PlanningContext(model: model, registry: options.registry)
            return try GraphPlan(graph: model.graph, context: context)
        }
    }

    /// Runs the model on `inputs` (by graph input name) and returns every graph output by name.
    ///
    /// Inputs are checked against the declared graph inputs: unknown or missing names, wrong
    /// element types and shapes contradicting a declared static dimension throw
    /// `malformedInput`/`typeMismatch`/`shapeMismatch` naming the input. An initializer of the
    /// same name is used when an input is not fed.
    public func run(_ inputs: [String: Value]) throws -> [String: Value] {
        try checkInputs(inputs)
        var options = options
        options.budget = options.limits.budget()
        let outputs = try Checked.$elementLimit.withValue(options.limits.maxTensorElements) {
            try BufferPool.$current.withValue(pool) {
                try main.execute(inputs: inputs, outer: .empty, options: options, byName: true)
            }
        }
        var result: [String: Value] = [:]
        for (info, v) in zip(main.graph.outputs, outputs) { result[info.name] = v }
        return result
    }

    private func checkInputs(_ inputs: [String: Value]) throws {
        let g = main.graph
        if let name = inputs.keys.lazy.filter({ main.declaredInputs[$0] == nil }).min() {
            let expected = g.runtimeInputs.map(\.name).joined(separator: ", ")
            throw KilnError(
                .malformedInput,
                "'\(name)' is not an input of the graph (inputs: \(expected))",
                at: .init(value: name))
        }
        for info in g.inputs {
            guard let v = inputs[info.name] else {
                if main.initializerNames.contains(info.name) { continue }
                throw KilnError(
                    .malformedInput,
                    "input '\(info.name)' (\(info.type.map(\.description) ?? "?")) was not given",
                    at: .init(value: info.name))
            }
            try check(v, against: info)
        }
    }

    private func check(_ v: Value, against info: ValueInfo) throws {
        if case .optional? = info.type, v == .none { return }
        guard case .tensor(let expected)? = info.type else { return }
        guard case .tensor(let t) = v else {
            throw KilnError(
                .typeMismatch,
                "input '\(info.name)' expects a tensor \(ValueType.tensor(expected))",
                at: .init(value: info.name))
        }
        var given: String { "\(t.elementType.name)\(t.shape)" }
        if expected.elementType != .undefined && t.elementType != expected.elementType {
            throw KilnError(
                .typeMismatch,
                "input '\(info.name)': expected \(ValueType.tensor(expected)), given \(given)",
                at: .init(value: info.name))
        }
        try t.validate(location: .init(value: info.name))
        guard let dims = expected.shape else { return }
        var symbols: [String: Int64] = [:]
        var ok = dims.count == t.shape.count
        if ok {
            for (d, g) in zip(dims, t.shape) {
                switch d {
                // `dim_value: -1` (Paddle exports write it) means any size, as in onnxruntime.
                case .known(let k): if k >= 0 && k != g { ok = false }
                // `?` (and an empty name) is a placeholder, not a name two dims share.
                case .symbol(let s) where s == "?" || s.isEmpty: break
                case .symbol(let s):
                    if let prev = symbols[s], prev != g { ok = false }
                    symbols[s] = g
                case .unknown: break
                }
            }
        }
        if !ok {
            throw KilnError(
                .shapeMismatch,
                "input '\(info.name)': expected \(ValueType.tensor(expected)), given \(given)",
                at: .init(value: info.name))
        }
    }
}

// MARK: - Planning

/// Model-wide facts shared by all graph plans.
struct PlanningContext: Sendable {
    let model: Model
    let registry: OpRegistry
    let functions: [String: Function]

    init(model: Model, registry: OpRegistry) {
        self.model = model
        self.registry = registry
        var f: [String: Function] = [:]
        for fn in model.functions {
            f[PlanningContext.functionKey(fn.domain, fn.name, fn.overload)] = fn
        }
        functions = f
    }

    static func functionKey(_ domain: String, _ name: String, _ overload: String) -> String {
        (domain == "ai.onnx" ? "" : domain) + "::" + name + "::" + overload
    }
}

/// One node ready to run: the kernel, the opset version, and plans for its subgraphs.
///
/// A class, so that the executor's loop takes one reference per step instead of copying (and
/// retaining) every field; immutable once planned.
final class PlanStep: Sendable {
    let node: Node
    let label: String
    let op: any OpDefinition
    let opsetVersion: Int64
    let subplans: [GraphPlan]
    /// The op's kernel specialised to constant inputs at plan time (`PreparableOp`), if any.
    let prepared: (any PreparedKernel)?
    /// Environment slots of the inputs (-1 for an omitted optional input), the outputs (-1 for
    /// an unnamed output) and the values released after this step.
    let inputSlots: [Int]
    let outputSlots: [Int]
    let releaseSlots: [Int]
    /// Outputs with a name (a kernel may omit trailing unnamed ones).
    let namedOutputCount: Int

    init(
        node: Node, label: String, op: any OpDefinition, opsetVersion: Int64,
        subplans: [GraphPlan], prepared: (any PreparedKernel)?, inputSlots: [Int],
        outputSlots: [Int], releaseSlots: [Int]
    ) {
        self.node = node
        self.label = label
        self.op = op
        self.opsetVersion = opsetVersion
        self.subplans = subplans
        self.prepared = prepared
        self.inputSlots = inputSlots
        self.outputSlots = outputSlots
        self.releaseSlots = releaseSlots
        namedOutputCount = node.outputs.filter { !$0.isEmpty }.count
    }
}

/// The values of the graph enclosing a subgraph, by name, without copying them: the parent's
/// slot table and environment (copy-on-write storage, shared only for the duration of the
/// call). A body's reads from further out are outer reads of its parent too, resolved once when
/// the parent starts (`GraphPlan.outerReads`), so one level suffices and entering an
/// If/Loop/Scan body costs O(its outer reads), not O(values defined around it).
struct OuterScope: Sendable {
    static let empty = OuterScope(slots: [:], values: [], extra: [:])
    let slots: [String: Int]
    let values: [Value?]
    /// Inputs given by a name that has no slot.
    let extra: [String: Value]

    subscript(name: String) -> Value? {
        if let s = slots[name], s < values.count, let v = values[s] { return v }
        return extra[name]
    }
}

/// An executable plan for one graph (the main graph or a subgraph).
struct GraphPlan: Sendable {
    let graph: Graph
    /// The graph as given (before function expansion), to match subgraph attributes.
    let source: Graph
    let steps: [PlanStep]
    let initializers: [(String, Value)]
    /// Every value name the graph defines or reads, numbered: `execute` keeps values in an
    /// array indexed by these slots instead of a dictionary keyed by name.
    let slots: [String: Int]
    /// Slots of the initializers (in `initializers` order) and of the graph outputs.
    let initializerSlots: [Int]
    let outputSlots: [Int]
    /// Names read from the enclosing scope (not defined here) with their slots.
    let outerReads: [(String, Int)]
    /// The most inputs of any step (the capacity of the executor's argument buffer).
    let maxInputs: Int
    /// Graph inputs by name and the initializer names, for checking a run's inputs.
    let declaredInputs: [String: ValueInfo]
    let initializerNames: Set<String>

    init(graph original: Graph, context: PlanningContext) throws {
        source = original
        var g = original
        g.nodes = try FunctionExpander(context: context).expand(g.nodes, opsets: nil, depth: 0)
        try g.sortTopologically()
        graph = g

        // Kernels read float weights in place only when they are aligned; an initializer viewed
        // at an odd offset of a mapped .onnx file would be copied on every run, so copy it once
        // here (a .klite file aligns every tensor to 64 bytes and needs no copy).
        var inits: [(String, Value)] = g.initializers.map { t in
            let misaligned = t.data.withUnsafeBytes { raw in
                Int(bitPattern: raw.baseAddress) % 16 != 0
            }
            guard misaligned, !t.data.isEmpty else { return (t.name, .tensor(t)) }
            var copy = t
            copy.data = t.data.withUnsafeBytes { Data($0) }
            return (t.name, .tensor(copy))
        }
        for s in g.sparseInitializers {
            inits.append((s.values.name, .tensor(try densify(s))))
        }
        initializers = inits

        // Initializers a caller cannot override (not also declared as graph inputs) are the
        // constants that prepared kernels may specialise to.
        let inputNames = Set(g.inputs.map(\.name))
        var constants: [String: Tensor] = [:]
        for (name, v) in inits where !inputNames.contains(name) {
            if case .tensor(let t) = v { constants[name] = t }
        }
        typealias Draft = (
            node: Node, label: String, op: any OpDefinition, version: Int64, subplans: [GraphPlan],
            prepared: (any PreparedKernel)?
        )
        var drafts: [Draft] = []
        for (i, node) in g.nodes.enumerated() {
            let label = node.label(index: i)
            let domain = node.normalizedDomain
            guard let version = node.opsetVersionOverride ?? context.model.opsetVersion(for: domain)
            else {
                throw KilnError(
                    .unsupportedOp,
                    "node uses domain '\(domain)' which the model does not import",
                    at: .init(node: label))
            }
            guard let op = context.registry.lookup(domain: domain, opType: node.opType) else {
                throw KilnError(
                    .unsupportedOp,
                    "no kernel for op '\(node.opType)' (domain '\(domain.isEmpty ? "ai.onnx" : domain)', opset \(version))",
                    at: .init(node: label))
            }
            let subplans = try node.subgraphs.map { try GraphPlan(graph: $0, context: context) }
            var clean = node
            clean.attributes.removeAll { $0.name == FunctionExpander.opsetAttribute }
            var prepared: (any PreparedKernel)?
            if let preparable = op as? any PreparableOp {
                let inputs = clean.inputs.map { $0.isEmpty ? nil : constants[$0] }
                do {
                    prepared = try preparable.prepare(
                        node: clean, opsetVersion: version, constants: inputs)
                } catch var e as KilnError {
                    if e.location.node == nil { e.location.node = label }
                    throw e
                }
            }
            drafts.append((clean, label, op, version, subplans, prepared))
        }

        // Last use of every locally defined value; graph outputs are never released.
        let keep = Set(g.outputs.map(\.name))
        var local = Set(g.inputs.map(\.name))
        local.formUnion(inits.map(\.0))
        for n in g.nodes { local.formUnion(n.outputs.filter { !$0.isEmpty }) }
        var lastUse: [String: Int] = [:]
        for (i, n) in g.nodes.enumerated() {
            for name in n.inputs where !name.isEmpty { lastUse[name] = i }
            for sub in n.subgraphs {
                for name in sub.outerScopeReads() { lastUse[name] = i }
            }
            // An output nobody reads is dead right after it is produced.
            for name in n.outputs where !name.isEmpty && lastUse[name] == nil { lastUse[name] = i }
        }
        var release = [[String]](repeating: [], count: drafts.count)
        for (name, i) in lastUse where local.contains(name) && !keep.contains(name) {
            release[i].append(name)
        }

        // Slots: local definitions first, then names read from the enclosing scope.
        var slots: [String: Int] = [:]
        func slot(_ name: String) -> Int {
            if let s = slots[name] { return s }
            slots[name] = slots.count
            return slots.count - 1
        }
        for info in g.inputs { _ = slot(info.name) }
        let initializerSlots = inits.map { slot($0.0) }
        var outerReads: [(String, Int)] = []
        var inputSlots: [[Int]] = []
        var stepOutputSlots: [[Int]] = []
        for d in drafts {
            inputSlots.append(
                d.node.inputs.map { name in
                    if name.isEmpty { return -1 }
                    if slots[name] == nil && !local.contains(name) {
                        outerReads.append((name, slot(name)))
                    }
                    return slot(name)
                })
            stepOutputSlots.append(d.node.outputs.map { $0.isEmpty ? -1 : slot($0) })
        }
        let releaseSlots = release.map { names in names.map { slot($0) } }
        for o in g.outputs where slots[o.name] == nil && !local.contains(o.name) {
            outerReads.append((o.name, slot(o.name)))
        }
        outputSlots = g.outputs.map { slot($0.name) }
        for n in g.nodes {
            for sub in n.subgraphs {
                for name in sub.outerScopeReads() where slots[name] == nil {
                    outerReads.append((name, slot(name)))
                }
            }
        }
        self.slots = slots
        self.initializerSlots = initializerSlots
        self.outerReads = outerReads
        steps = drafts.indices.map { i in
            let d = drafts[i]
            return PlanStep(
                node: d.node, label: d.label, op: d.op, opsetVersion: d.version,
                subplans: d.subplans, prepared: d.prepared, inputSlots: inputSlots[i],
                outputSlots: stepOutputSlots[i], releaseSlots: releaseSlots[i])
        }
        maxInputs = drafts.map(\.node.inputs.count).max() ?? 0
        declaredInputs = Dictionary(
            g.inputs.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        initializerNames = Set(inits.map(\.0))
    }

    /// Runs the graph. With `byName`, `inputs` maps graph input names to values (missing ones
    /// fall back to initializers); otherwise `positional` supplies inputs in order. `env` holds
    /// this graph's own values; names it lacks are read from `outer` without copying it.
    func execute(
        inputs: [String: Value], outer: OuterScope, options: InferenceOptions, byName: Bool
    ) throws -> [Value] {
        var env = [Value?](repeating: nil, count: slots.count)
        for (name, slot) in outerReads { env[slot] = outer[name] }
        for ((_, v), slot) in zip(initializers, initializerSlots) { env[slot] = v }
        var extra: [String: Value] = [:]
        for (name, v) in inputs {
            if let slot = slots[name] { env[slot] = v } else { extra[name] = v }
        }
        // One argument buffer for all steps: each kernel's context releases it before the next
        // step, so clearing it keeps its capacity and allocates nothing per step.
        var args: [Value?] = []
        args.reserveCapacity(maxInputs)
        for step in steps {
            try options.budget.checkDeadline(node: step.label)
            args.removeAll(keepingCapacity: true)
            for (i, slot) in step.inputSlots.enumerated() {
                if slot < 0 {
                    args.append(nil)
                } else if let v = env[slot] {
                    args.append(v)
                } else {
                    let name = step.node.inputs[i]
                    throw KilnError(
                        .invalidGraph, "input '\(name)' is not defined before this node",
                        at: .init(node: step.label, value: name))
                }
            }
            // The scope lives only for this call, so `env` is uniquely owned again when the
            // outputs are stored below and is not copied (it was, per If/Loop/Scan node).
            let outputs = try runStep(
                step, args: args,
                scope: step.subplans.isEmpty
                    ? .empty : OuterScope(slots: slots, values: env, extra: extra),
                options: options)
            guard
                outputs.count >= step.namedOutputCount
                    || outputs.count == step.node.outputs.count
            else {
                throw KilnError(
                    .evaluationFailed,
                    "kernel returned \(outputs.count) outputs, the node declares \(step.node.outputs.count)",
                    at: .init(node: step.label))
            }
            for (slot, v) in zip(step.outputSlots, outputs) where slot >= 0 {
                env[slot] = v
            }
            options.observer?(step.node, outputs)
            for slot in step.releaseSlots { env[slot] = nil }
        }
        return try zip(graph.outputs, outputSlots).map { o, slot in
            guard let v = env[slot] else {
                throw KilnError(
                    .invalidGraph, "graph output '\(o.name)' was never produced",
                    at: .init(value: o.name))
            }
            return v
        }
    }

    /// Runs one step's kernel; subgraph bodies see `scope` (this graph's values) through the
    /// runner, which does not outlive this call.
    private func runStep(
        _ step: PlanStep, args: [Value?], scope: OuterScope, options: InferenceOptions
    ) throws -> [Value] {
        let runner: SubgraphRunner?
        if step.subplans.isEmpty {
            runner = nil
        } else {
            let subplans = step.subplans
            runner = { graph, values in
                let candidates = subplans.filter { $0.graph.name == graph.name }
                let found =
                    candidates.count == 1
                    ? candidates[0] : candidates.first { $0.source == graph }
                guard let plan = found else {
                    throw KilnError(.invalidGraph, "subgraph '\(graph.name)' was not planned")
                }
                return try plan.run(positional: values, outer: scope, options: options)
            }
        }
        var context = KernelContext(
            node: step.node, opsetVersion: step.opsetVersion, inputs: args,
            runSubgraph: runner, threads: options.threads)
        context.budget = options.budget
        do {
            return try step.prepared?.run(context) ?? step.op.run(context)
        } catch var e as KilnError {
            if e.location.node == nil {
                e.location.node = step.label
            } else if e.code == .limitExceeded, !step.subplans.isEmpty,
                let inner = e.location.node
            {
                // A budget that ran out inside a Loop/Scan/If body names the path to it.
                e.location.node = step.label + "/" + inner
            }
            throw e
        }
    }

    /// Runs as a subgraph with positional inputs.
    func run(positional values: [Value], outer: OuterScope, options: InferenceOptions) throws
        -> [Value]
    {
        var named: [String: Value] = [:]
        for (info, v) in zip(graph.inputs, values) { named[info.name] = v }
        return try execute(inputs: named, outer: outer, options: options, byName: false)
    }

}

/// COO sparse tensor to dense.
func densify(_ s: SparseTensor) throws -> Tensor {
    let count = try Checked.product(s.dims)
    let idx = try s.indices.int64s()
    let rank = s.dims.count
    let nnz = s.values.elementCount ?? 0
    let strides = rowMajorStrides(s.dims.map { Int($0) })
    let values = try s.values.doubles()
    var out = [Double](repeating: 0, count: count)
    for k in 0..<nnz {
        var lin = 0
        if s.indices.shape.count == 1 {
            lin = Int(idx[k])
        } else {
            for d in 0..<rank { lin += Int(idx[k * rank + d]) * strides[d] }
        }
        guard lin >= 0 && lin < count else {
            throw KilnError(.malformedInput, "sparse initializer index out of range")
        }
        out[lin] = values[k]
    }
    var t = try Tensor.fromDoubles(out, shape: s.dims, as: s.values.elementType)
    t.name = s.values.name
    return t
}
