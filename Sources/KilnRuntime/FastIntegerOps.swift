import CKilnKernels
import KilnIR
import KilnOps

extension FastOps {
    /// Replaces MatMulInteger, ConvInteger, QLinearMatMul, QLinearConv, per-tensor
    /// QuantizeLinear/DequantizeLinear and Cast of integers to float32 in `registry` with
    /// versions on the 8-bit integer kernels (`ckiln_qgemm8`: AVX-512 VNNI, AVX2, portable C)
    /// pinned to `isa` (`.auto`: the best path of this CPU; a path the CPU lacks falls back to
    /// the best it has). Each keeps the op it replaces for the cases it does not handle.
    public static func installInteger(into registry: inout OpRegistry, isa: FastISA = .auto) {
        let code = isa.rawValue
        if let f = registry.lookup(domain: "", opType: "MatMulInteger") {
            registry.register(FastMatMulInteger(fallback: f, isa: code))
        }
        if let f = registry.lookup(domain: "", opType: "QLinearMatMul") {
            registry.register(FastQLinearMatMul(fallback: f, isa: code))
        }
        if let f = registry.lookup(domain: "", opType: "ConvInteger") {
            registry.register(FastConvInteger(fallback: f, isa: code))
        }
        if let f = registry.lookup(domain: "", opType: "QLinearConv") {
            registry.register(FastQLinearConv(fallback: f, isa: code))
        }
        if let f = registry.lookup(domain: "", opType: "QuantizeLinear") {
            registry.register(FastQuantizeLinear(fallback: f, isa: code))
        }
        if let f = registry.lookup(domain: "", opType: "DequantizeLinear") {
            registry.register(FastDequantizeLinear(fallback: f, isa: code))
        }
        registry.addVariant(FastCastToFloat())
    }

    /// The ISA path `.auto` resolves to for the 8-bit integer kernels on this CPU (`.avx512`
    /// means AVX-512 VNNI).
    public static var bestInteger8ISA: FastISA {
        FastISA(rawValue: ckiln_qgemm8_best_isa()) ?? .scalar
    }
}
