/// onnxruntime's float32 approximations of the logistic function and tanh (MLAS
/// `MlasComputeLogistic`, `MlasComputeTanh`), reproduced bit for bit.
///
/// onnxruntime's CPU `Sigmoid`, `Tanh`, the LSTM/GRU gate activations and the tanh GELU use
/// these instead of the exact functions. Kiln's reference kernels of the standard ops stay
/// exact; kernels whose only definition is onnxruntime's (the com.microsoft ops such as
/// `DynamicQuantizeLSTM`) and the fast float32 paths use these so that dynamically quantized
/// models, which re-quantize every step, do not drift from onnxruntime by one rounding. Both
/// are rational polynomials in x² evaluated with fused multiply-adds after clamping the input
/// (±18 for the logistic, ±9 for tanh); the logistic's result is clamped at 0; NaN
/// propagates. Checked bit for bit against onnxruntime 1.32 over 200,000 points.
public enum MlasMath {
    /// MLAS's logistic function `1 / (1 + e^−x)`.
    @inline(__always)
    public static func logistic(_ x: Float) -> Float {
        guard !x.isNaN else { return x }
        let v = min(max(x, -18), 18)
        let v2 = v * v
        var p = Float(1.15627324459942e-07).addingProduct(v2, 4.37031012579801e-11)
        p = Float(6.08574864600143e-05).addingProduct(p, v2)
        p = Float(8.51377133304701e-03).addingProduct(p, v2)
        p = Float(2.48287947061529e-01).addingProduct(p, v2)
        p *= v
        var q = Float(5.76102136993427e-09).addingProduct(v2, 6.10247389755681e-13)
        q = Float(6.29106785017040e-06).addingProduct(q, v2)
        q = Float(1.70198817374094e-03).addingProduct(q, v2)
        q = Float(1.16817656904453e-01).addingProduct(q, v2)
        q = Float(9.93151921023180e-01).addingProduct(q, v2)
        // onnxruntime's kernel clamps the result at 0 (the polynomial dips just below 0 near
        // the clamp point); it does not clamp at 1 (1.0000001 occurs near x = 17.8).
        return max(p / q + 0.5, 0)
    }

    /// MLAS's tanh: clamp to ±9, then an odd rational polynomial.
    @inline(__always)
    public static func tanh(_ x: Float) -> Float {
        guard !x.isNaN else { return x }
        let v = min(max(x, -9), 9)
        let v2 = v * v
        var p = Float(2.00018790482477e-13).addingProduct(v2, -2.76076847742355e-16)
        p = Float(-8.60467152213735e-11).addingProduct(p, v2)
        p = Float(5.12229709037114e-08).addingProduct(p, v2)
        p = Float(1.48572235717979e-05).addingProduct(p, v2)
        p = Float(6.37261928875436e-04).addingProduct(p, v2)
        p = Float(4.89352455891786e-03).addingProduct(p, v2)
        p *= v
        var q = Float(1.18534705686654e-04).addingProduct(v2, 1.19825839466702e-06)
        q = Float(2.26843463243900e-03).addingProduct(q, v2)
        q = Float(4.89352518554385e-03).addingProduct(q, v2)
        return p / q
    }
}
