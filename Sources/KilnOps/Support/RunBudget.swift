import KilnIR

/// Bounds on how long one model run may take, handed to kernels through `KernelContext`.
///
/// The runtime fills it from `RuntimeLimits` when a run starts; control-flow kernels (Loop, Scan)
/// consult it every iteration so a hostile trip count (`1e12`) or a slow body ends with one
/// `limitExceeded` error naming the node instead of running for ever.
public struct RunBudget: Sendable {
    /// Most iterations one Loop or Scan node may run (per execution of that node).
    public var maxLoopIterations: Int64
    /// When the run must have finished; `nil` means no wall-clock limit.
    public var deadline: ContinuousClock.Instant?
    /// The budget in seconds as the user gave it, for messages.
    public var seconds: Double?

    /// 1,000,000 iterations per Loop/Scan node and no wall-clock limit.
    public init(maxLoopIterations: Int64 = 1_000_000, deadline: ContinuousClock.Instant? = nil,
                seconds: Double? = nil) {
        self.maxLoopIterations = maxLoopIterations
        self.deadline = deadline
        self.seconds = seconds
    }

    /// Throws `limitExceeded` at `node` when the deadline has passed.
    public func checkDeadline(node: String?) throws {
        guard let deadline, ContinuousClock.now >= deadline else { return }
        let budget = seconds.map { "\($0) s" } ?? "the time"
        throw KilnError(
            .limitExceeded,
            "the run exceeded its wall-clock budget of \(budget) (raise it with --time-limit)",
            at: .init(node: node))
    }

    /// Throws `limitExceeded` at the kernel's node when iteration `i` is past the limit or the
    /// deadline has passed.
    public func checkIteration(_ i: Int64, _ c: KernelContext) throws {
        guard i < maxLoopIterations else {
            throw KilnError(
                .limitExceeded,
                "\(c.node.opType): more than \(maxLoopIterations) iterations (raise the limit with --max-loop-iterations)",
                at: c.location)
        }
        try checkDeadline(node: c.location.node)
    }
}
