import Foundation
import KilnIR
import KilnOps

/// What one pass execution did, for `--report` and `--pass-statistics`.
public struct PassRecord: Sendable, Codable, Equatable {
    public var pass: String
    /// 1-based pipeline iteration.
    public var iteration: Int
    public var changed: Bool
    public var nodesBefore: Int
    public var nodesAfter: Int
    /// Initializer payload bytes before and after.
    public var bytesBefore: Int
    public var bytesAfter: Int
    public var seconds: Double
}

/// An ordered list of passes run to a fixed point with a bound (STYLE.md §4).
///
/// Each iteration runs every pass once, except a pass that found nothing to do and has seen no
/// change since; the pipeline stops after the first iteration in which no pass changed the
/// model, or after `maxIterations`. Levels `-O0…-O3` are named pipelines.
public struct PassPipeline: Sendable {
    public var passes: [any Pass]
    public var maxIterations: Int

    public init(_ passes: [any Pass], maxIterations: Int = 8) {
        self.passes = passes
        self.maxIterations = maxIterations
    }

    /// Every pass Kiln has, in pipeline order.
    public static let allPasses: [any Pass] = [
        InlineFunctions(), InferShapes(), FoldConstants(), EliminateIdentity(), EliminateNoOps(),
        EliminateZeroStates(), TransposeToReshape(), SimplifyChains(), SlicesToSplit(),
        DeduplicateInitializers(), EliminateCommonSubexpressions(), FuseStandardOps(),
        BatchedMatMulToGemm(), FuseContribOps(), EliminateDeadCode(),
    ]

    /// The pass called `name`, if any.
    public static func pass(named name: String) -> (any Pass)? {
        allPasses.first { $0.name == name }
    }

    /// Pass names of each level: 0 none; 1 exact cleanup; 2 adds standard-ONNX fusions;
    /// 3 adds onnxruntime's `com.microsoft` fused ops.
    public static func passNames(level: Int) -> [String] {
        let cleanup = [
            "inline-functions", "infer-shapes", "fold-constants", "eliminate-identity",
            "eliminate-noop", "eliminate-zero-states", "transpose-to-reshape", "simplify-chains",
            "slices-to-split", "deduplicate-initializers", "eliminate-common-subexpressions",
            "eliminate-dead-code",
        ]
        switch level {
        case ...0: return []
        case 1: return cleanup
        case 2: return cleanup + ["fuse-standard", "batched-matmul-to-gemm"]
        default: return cleanup + ["fuse-standard", "batched-matmul-to-gemm", "fuse-contrib"]
        }
    }

    /// The pipeline of optimization level `level` (0…3).
    public static func level(_ level: Int) -> PassPipeline {
        PassPipeline(passNames(level: level).compactMap(pass(named:)))
    }

    /// The pipeline of `names`, in that order; throws `usage` naming an unknown pass.
    public static func named(_ names: [String]) throws -> PassPipeline {
        try PassPipeline(
            names.map { n in
                guard let p = pass(named: n) else {
                    throw KilnError(
                        .usage,
                        "unknown pass '\(n)' (known: \(allPasses.map(\.name).joined(separator: ", ")))")
                }
                return p
            })
    }

    /// Runs the pipeline on `model`.
    ///
    /// - Parameters:
    ///   - verifyEach: run the Verifier (and the editor index check) after every pass; a
    ///     violation throws `passFailed` naming the pass.
    ///   - after: called after every pass execution that changed the model, with the pass name,
    ///     the iteration and the model (for `--print-ir-after` and bisection snapshots).
    /// - Returns: one record per pass execution.
    @discardableResult
    public func run(
        on model: inout Model, context: PassContext, verifyEach: Bool = false,
        after: ((String, Int, Model) throws -> Void)? = nil
    ) throws -> [PassRecord] {
        context.verifyIndex = verifyEach
        context.pipeline = passes.map(\.name)
        context.reserveNames(in: model)
        var records: [PassRecord] = []
        var nodes = model.nodeCount
        var bytes = model.initializerBytes
        // A pass that found nothing to do is not run again until some pass changes the model
        // (`generation` counts changes): the last iteration then costs almost nothing.
        var generation = 0
        var quietAt: [Int: Int] = [:]
        for iteration in 1...max(1, maxIterations) {
            var anyChange = false
            for (index, pass) in passes.enumerated() {
                if quietAt[index] == generation { continue }
                context.currentPass = pass.name
                let t0 = ContinuousClock.now
                let result: PassResult
                do {
                    result = try pass.run(on: &model, context: context)
                } catch var e as KilnError {
                    if e.location.pass == nil { e.location.pass = pass.name }
                    throw e
                }
                let seconds = (ContinuousClock.now - t0).seconds
                let changed = result == .changed
                let (n2, b2) = changed ? (model.nodeCount, model.initializerBytes) : (nodes, bytes)
                records.append(
                    PassRecord(
                        pass: pass.name, iteration: iteration, changed: changed, nodesBefore: nodes,
                        nodesAfter: n2, bytesBefore: bytes, bytesAfter: b2, seconds: seconds))
                (nodes, bytes) = (n2, b2)
                guard changed else {
                    quietAt[index] = generation
                    continue
                }
                generation += 1
                anyChange = true
                if verifyEach {
                    do {
                        try Verifier().verify(model)
                    } catch let e as KilnError {
                        throw KilnError(
                            .passFailed, "the graph is invalid after this pass: \(e.description)",
                            at: .init(node: e.location.node, value: e.location.value, pass: pass.name),
                            underlying: e)
                    }
                }
                try after?(pass.name, iteration, model)
            }
            if !anyChange { break }
        }
        context.currentPass = ""
        if context.options.writeValueInfo {
            model = ShapeInference.infer(model, options: .init(registry: context.registry)).model
        }
        if model.irVersion < 4 { model.graph.listInitializersAsInputs() }
        return records
    }
}

extension Model {
    /// Nodes in the main graph and every subgraph.
    public var nodeCount: Int { graph.nodeCountRecursive }
    /// Payload bytes of the main graph's initializers.
    public var initializerBytes: Int { graph.initializers.reduce(0) { $0 + $1.byteCount } }
}

extension Graph {
    /// Before IR version 4 every initializer must also be a graph input: list new ones.
    mutating func listInitializersAsInputs() {
        let listed = Set(inputs.map(\.name))
        for t in initializers where !listed.contains(t.name) {
            inputs.append(ValueInfo(name: t.name, tensor: TensorType(t.elementType, t.shape)))
        }
    }

    var nodeCountRecursive: Int {
        nodes.reduce(0) { acc, n in acc + 1 + n.subgraphs.reduce(0) { $0 + $1.nodeCountRecursive } }
    }
}

extension Duration {
    var seconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) / 1e18
    }
}
