/// The catalog of every op with a reference kernel. Adding an op = one file + one line here.
public enum StandardOps {
    /// A registry holding every standard op.
    public static let registry: OpRegistry = OpRegistry(all)

    /// Every op definition, grouped by family.
    public static var all: [any OpDefinition] {
        var ops: [any OpDefinition] = []
        // General ops (wip-rt)
        ops += generalOps
        // End general ops (wip-rt)
        // NN ops (wip-nn)
        ops += NNOps.all
        // end NN ops (wip-nn)
        // Extra ops (wip-ops2)
        ops += ExtraOps.all
        // end Extra ops (wip-ops2)
        // Contrib ops (wip-contrib)
        ops += ContribOps.all
        ops += DetectionOps.all
        // end Contrib ops (wip-contrib)
        return ops
    }
}
