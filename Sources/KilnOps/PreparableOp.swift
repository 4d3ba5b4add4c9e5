import KilnIR

/// An op that can do input-independent work once, when a plan is built, instead of on every
/// run: repacking constant weights into a kernel's layout, converting them to integers with
/// zero points removed, and so on (onnxruntime's `PrePack`).
///
/// The plan calls `prepare` for each node of such an op with the constant inputs it can see
/// (initializers that a caller cannot override); a returned kernel replaces `run` for that
/// node. Returning `nil` keeps `run`. A prepared kernel must compute exactly what `run` would
/// on the same inputs; tests run both.
public protocol PreparableOp: OpDefinition {
    /// A kernel specialised to `node`'s constant inputs, or `nil` when nothing is gained.
    /// `constants[i]` is the constant tensor feeding input `i`, or `nil` when that input is
    /// computed, fed by the caller, or omitted. Throws for constants the op cannot accept.
    func prepare(node: Node, opsetVersion: Int64, constants: [Tensor?]) throws
        -> (any PreparedKernel)?
}

/// The run-time half of a `PreparableOp`: holds what `prepare` computed.
public protocol PreparedKernel: Sendable {
    /// Runs the node; `context.inputs` are all inputs, constant ones included.
    func run(_ context: KernelContext) throws -> [Value]
}
