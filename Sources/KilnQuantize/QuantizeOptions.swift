import KilnIR

/// What `kiln quantize --mode` makes of a float model.
public enum QuantizationMode: String, Sendable, CaseIterable, Codable {
    /// int8 weights; activations quantized at run time (`DynamicQuantizeLinear → DequantizeLinear`).
    case int8Dynamic = "int8-dynamic"
    /// int8 weights and calibrated QDQ activations (uint8 asymmetric by default).
    case int8Static = "int8-static"
    /// int8 weights dequantized by `DequantizeLinear`; activations stay float.
    case int8Weights = "int8-weights"
    /// float16 weights and computation, Casts at the graph boundary, risky ops kept in float32.
    case fp16
}

/// How an activation's calibration statistics become its quantization range.
public enum CalibrationMethod: String, Sendable, CaseIterable, Codable {
    /// Observed minimum and maximum.
    case minmax
    /// Cuts `(100 - p) / 2` percent of the values off each tail (default p = 99.999).
    case percentile
    /// The clipping threshold minimizing the KL divergence between the histogram and its
    /// quantized version (TensorRT's and onnxruntime's entropy calibration).
    case entropy
    /// The clipping range minimizing the expected squared quantization error over the histogram.
    case mse
}

/// The integer type of quantized activations (weights are always symmetric int8).
public enum ActivationType: String, Sendable, CaseIterable, Codable {
    case uint8
    case int8

    var elementType: ElementType { self == .uint8 ? .uint8 : .int8 }
    var qmin: Int { self == .uint8 ? 0 : -128 }
    var qmax: Int { self == .uint8 ? 255 : 127 }
}

/// Everything that decides what the quantizer does (the CLI maps its flags onto this).
public struct QuantizeOptions: Sendable {
    public var mode: QuantizationMode
    /// Per-output-channel weight scales for Conv/ConvTranspose/Gemm/MatMul/Gather/RNN weights
    /// (`false`: one scale per tensor, `--per-tensor`).
    public var perChannel = true
    public var activationType: ActivationType = .uint8
    public var method: CalibrationMethod = .minmax
    /// Percentile kept by `.percentile`, in percent.
    public var percentile = 99.999
    /// Node names or op types left in float (`--exclude`, repeatable).
    public var exclude: [String] = []
    /// Bins of the signed activation histogram used by percentile, entropy and mse.
    public var histogramBins = 4096
    /// Constant-folding budget used only to turn weight subgraphs (Constant, ConstantOfShape,
    /// Cast/Mul dequantization chains) that feed a quantizable weight input into initializers.
    public var maxFoldedWeightBytes = 256 << 20
    /// fp16: values whose calibrated magnitude exceeds this stay float32 (fp16's max is 65504;
    /// the margin leaves room for the spread of real data beyond the calibration samples).
    public var fp16SafeMagnitude: Double = 32768

    public init(mode: QuantizationMode) { self.mode = mode }
}
