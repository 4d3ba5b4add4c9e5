/// Ops added after the general and NN families: sampling and image ops, sequence-model blocks,
/// `ai.onnx.ml` classics, text and signal ops. Listed once for `StandardOps`.
enum ExtraOps {
    static var all: [any OpDefinition] {
        var ops: [any OpDefinition] = [GridSample()]
        ops += SequenceModelOps.all
        ops += SpatialOps.all
        ops += FeatureOps.all
        ops += MLOps.all
        ops += TrainingOps.all
        return ops
    }
}
