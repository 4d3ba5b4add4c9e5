import Foundation
import KilnIR
import KilnOps

/// Resource limits of the reference runtime, so a hostile or runaway model ends with one
/// `limitExceeded` error naming the node instead of hanging or exhausting memory.
///
/// | limit | default | CLI override |
/// |---|---|---|
/// | `maxLoopIterations` | 1,000,000 per Loop/Scan execution | `--max-loop-iterations N` |
/// | `timeBudget` | none in the library; 600 s in `kiln run`/`diff`/`bench` | `--time-limit S` (0: none) |
/// | `maxTensorElements` | 2^30 elements per tensor computed while planning or running | — |
public struct RuntimeLimits: Sendable, Equatable {
    /// Most iterations one execution of a Loop or Scan node may run.
    public var maxLoopIterations: Int64 = 1_000_000
    /// Wall-clock budget of one `InferencePlan.run` call; `nil` for none. Checked before every
    /// node (including nodes inside subgraphs) and every Loop/Scan iteration.
    public var timeBudget: Duration? = nil
    /// Most elements of one tensor a kernel may create (constant folding while planning, and
    /// every run): `Checked.elementLimit` while the plan works. Lower it to bound memory on
    /// untrusted models (the fuzz harness and the corruption tests use 2^24).
    public var maxTensorElements: Int = Checked.defaultMaxElements

    public init(
        maxLoopIterations: Int64 = 1_000_000, timeBudget: Duration? = nil,
        maxTensorElements: Int = Checked.defaultMaxElements
    ) {
        self.maxLoopIterations = maxLoopIterations
        self.timeBudget = timeBudget
        self.maxTensorElements = maxTensorElements
    }

    /// The per-run budget handed to kernels, with the deadline counted from now.
    func budget() -> RunBudget {
        guard let timeBudget else { return RunBudget(maxLoopIterations: maxLoopIterations) }
        let c = timeBudget.components
        let seconds = Double(c.seconds) + Double(c.attoseconds) * 1e-18
        return RunBudget(
            maxLoopIterations: maxLoopIterations, deadline: ContinuousClock.now + timeBudget,
            seconds: seconds)
    }
}
