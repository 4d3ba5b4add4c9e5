import KilnIR
import KilnOps

/// Whether a pass changed the model; pipelines iterate until every pass reports `unchanged`.
public enum PassResult: Sendable, Equatable {
    case changed
    case unchanged

    /// `.changed` when `flag` is true.
    public init(_ flag: Bool) { self = flag ? .changed : .unchanged }
}

/// One graph transformation (STYLE.md §4): a stable kebab-case name, a one-line summary, and a
/// `run` that edits the model only through `GraphEditor`s from `context`. No state survives a
/// run; a pass must leave the model valid (the Verifier passes) and computing the same outputs.
public protocol Pass: Sendable {
    /// Stable kebab-case name used by `--passes`, `--disable` and reports.
    var name: String { get }
    /// One line for `--list-passes`.
    var summary: String { get }
    func run(on model: inout Model, context: PassContext) throws -> PassResult
}

/// What passes share during one pipeline run: the op kernels used for folding, limits, the name
/// authority and per-pass counters (`--pass-statistics`).
///
/// A reference type so that counters and fresh names survive across the passes of a run; it is
/// created per run and never shared between threads.
public final class PassContext {
    /// Kernels for constant folding (the ops' reference kernels).
    public let registry: OpRegistry
    /// The ops whose type rules `infer-shapes` uses; `registry` when nil (a registry of fast
    /// kernel wrappers may lack the rules).
    public var inferenceRegistry: OpRegistry?
    public var options: PassOptions
    /// Counters by pass name, then counter name.
    public private(set) var statistics: [String: [String: Int]] = [:]
    /// The pass now running (for counters and error locations).
    public internal(set) var currentPass: String = ""
    /// Compare each editor's use-def index with a rebuilt one on commit (`--verify-each`).
    public var verifyIndex: Bool = false
    /// Names of the passes of the running pipeline, in order (a pass may defer to a later one).
    public internal(set) var pipeline: [String] = []
    /// Value types the last `infer-shapes` run inferred, by value name (all graphs).
    public internal(set) var inferredTypes: [String: TensorType] = [:]
    /// Main-graph node outputs whose contents the last `infer-shapes` run knows.
    public internal(set) var inferredConstants: [String: Tensor] = [:]
    var names = NameAuthority()
    /// Opset imports that rewrites introduced (e.g. `com.microsoft` for fused ops); applied to
    /// the model by the pass that ran them.
    var requiredOpsets: [String: Int64] = [:]

    public init(registry: OpRegistry = StandardOps.registry, options: PassOptions = .init()) {
        self.registry = registry
        self.options = options
    }

    /// Adds `n` to counter `counter` of the running pass.
    public func count(_ counter: String, by n: Int = 1) {
        statistics[currentPass, default: [:]][counter, default: 0] += n
    }

    /// A name not used anywhere in the model, derived from `base`.
    public func freshName(_ base: String) -> String { names.fresh(base) }

    /// Registers every name in `model` with the name authority (done by the pipeline once).
    public func reserveNames(in model: Model) { names.reserve(model) }
}

/// Limits and switches that shape what passes may do.
public struct PassOptions: Sendable {
    /// Constant folding never creates a tensor larger than this many bytes unless it replaces
    /// at least as many bytes of constants that die with it (ConstantOfShape/Expand/Tile
    /// weights and int8→float dequantization stay as they are).
    public var maxFoldedBytes: Int = 1024
    /// Let constant folding dequantize 8-bit constants (DequantizeLinear, Cast to float) into
    /// float initializers; off by default so QDQ models keep their integer weights (the
    /// quantizer turns it on to requantize weights it is given in int8).
    public var foldsDequantization: Bool = false
    /// Run shape inference (the `infer-shapes` pass) so that later passes see inferred types
    /// and known shape arithmetic.
    public var inferShapes: Bool = true
    /// Also write every inferred type into `value_info` at the end of the pipeline (as
    /// onnx-simplifier does); off by default so files do not grow.
    public var writeValueInfo: Bool = false
    /// Largest value (in elements) inference evaluates to learn its contents.
    public var maxInferredConstantElements: Int = 4096
    /// Upper bound on pipeline iterations (each runs every pass once).
    public var maxIterations: Int = 8
    /// The target runs Kiln's own fused ops (`ai.kiln`, see `KilnDomain`): `fuse-contrib` then
    /// makes them instead of onnxruntime's `com.microsoft` FusedConv/FusedGemm/Gelu. On for
    /// `.klite` output and the runtime's plan; off for ONNX output, which other tools must run.
    public var kilnOps: Bool = false
    /// `fold-constants` throws the error of a node whose kernel fails on its constants instead
    /// of leaving the node (the runtime's plan: the error would come on every run anyway).
    public var foldingFailuresThrow: Bool = false
    public init() {}
}
