/// What one quantization did: printed by `kiln quantize` and `--format json`.
public struct QuantizationSummary: Sendable, Codable {
    public var mode: QuantizationMode
    public var perChannel: Bool
    /// Static mode only.
    public var activationType: ActivationType?
    public var calibrationMethod: CalibrationMethod?
    public var calibrationSamples: Int
    /// Nodes whose weights (and, dynamic/static, activations) were quantized, by label.
    public var quantizedNodes: [String]
    /// Quantizable nodes left in float by `--exclude` or the `--target-cosine` search.
    public var excludedNodes: [String]
    /// `--exclude` entries that matched no node name nor op type.
    public var unmatchedExcludes: [String]
    public var weightsQuantized: Int
    public var activationsQuantized: Int
    /// Activations left in float, with the reason (non-finite or never-computed values).
    public var activationsLeftFloat: [String: String]
    /// fp16: nodes converted to float16, and nodes kept in float32 with the reason.
    public var float16Nodes: Int
    public var float32Nodes: [String: String]
    /// Payload bytes of initializers and Constant-node tensors: input model and result.
    public var bytesBefore: Int
    public var bytesAfter: Int
    /// `--target-cosine` / `--max-error`: the nodes the search kept in float, and the output
    /// agreement it reached (nil without a target).
    public var search: SearchOutcome?

    /// The outcome of the search for the smallest set of layers to keep in float.
    public struct SearchOutcome: Sendable, Codable {
        public var targetCosine: Double?
        public var maxError: Double?
        public var keptFloat: [String]
        public var reached: Bool
        public var cosine: Double
        public var maxAbsError: Double
        public var evaluations: Int
    }
}
