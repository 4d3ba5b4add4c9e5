import KilnIR

/// Type rules of the extra families (sampling and image ops, sequence-model blocks, `ai.onnx.ml`,
/// text and signal ops) and of the detection ops.
extension TypeRules {
    static var extraRules: [String: TypeRule] {
        [:]
    }
}
