import Foundation
import KilnIR
import KilnOps
import KilnRuntime
import Testing

/// The multithreaded runtime: GEMM-backed ops (MatMul, Gemm, Conv) split across 2 and 3 threads
/// give the single-threaded result. Sized so that every GEMM is above the split threshold
/// (`FastGemm`: ~2 MFLOP per part). `scripts/sanitize.sh tsan` runs this suite under
/// ThreadSanitizer.
struct ThreadedRunTests {
    /// Deterministic values in [-1, 1).
    static func values(_ count: Int, seed: UInt64) -> [Float] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(Int64(bitPattern: state >> 11) % 2_000_000) / 1_000_000 - 1
        }
    }

    static func tensor(_ name: String, _ shape: [Int64], seed: UInt64) -> Tensor {
        Tensor(name: name, shape: shape, values: values(Int(shape.reduce(1, *)), seed: seed))
    }

    /// x[64,256] → MatMul W1[256,384] → Relu → Gemm(transB) W2[256,384] → y[64,256];
    /// image[1,16,32,32] → Conv K[32,16,3,3] (pads 1) → z[1,32,32,32].
    static func model() -> Model {
        let f = { (name: String, dims: [Int64]) in
            ValueInfo(name: name, tensor: TensorType(.float32, dims))
        }
        let g = Graph(
            name: "threads",
            inputs: [f("x", [64, 256]), f("image", [1, 16, 32, 32])],
            outputs: [f("y", [64, 256]), f("z", [1, 32, 32, 32])],
            initializers: [
                tensor("w1", [256, 384], seed: 1), tensor("w2", [256, 384], seed: 2),
                tensor("k", [32, 16, 3, 3], seed: 3),
            ],
            nodes: [
                Node(name: "mm", opType: "MatMul", inputs: ["x", "w1"], outputs: ["h"]),
                Node(name: "relu", opType: "Relu", inputs: ["h"], outputs: ["r"]),
                Node(
                    name: "gemm", opType: "Gemm", inputs: ["r", "w2"], outputs: ["y"],
                    attributes: [Attribute(name: "transB", value: .int(1))]),
                Node(
                    name: "conv", opType: "Conv", inputs: ["image", "k"], outputs: ["z"],
                    attributes: [Attribute(name: "pads", value: .ints([1, 1, 1, 1]))]),
            ])
        return Model(opsetImports: [OpsetImport(domain: "", version: 17)], graph: g)
    }

    @Test(arguments: [2, 3])
    func threadedRunMatchesOneThread(_ threads: Int) throws {
        let feeds: [String: Value] = [
            "x": .tensor(Self.tensor("x", [64, 256], seed: 4)),
            "image": .tensor(Self.tensor("image", [1, 16, 32, 32], seed: 5)),
        ]
        let one = try InferencePlan(model: Self.model()).run(feeds)
        let plan = try InferencePlan(
            model: Self.model(), options: InferenceOptions(threads: threads))
        // Twice: a second run reuses whatever the first prepared.
        for _ in 0..<2 {
            let many = try plan.run(feeds)
            for name in ["y", "z"] {
                let a = try #require(many[name]?.tensor)
                let b = try #require(one[name]?.tensor)
                let (rtol, atol) = TensorComparison.defaultTolerance(for: .float32)
                let c = try TensorComparison(actual: a, expected: b, rtol: rtol, atol: atol)
                #expect(
                    c.mismatches == 0,
                    "\(name) with \(threads) threads: max error \(c.maxAbsoluteError)")
                #expect(c.count == Int(b.elementCount ?? -1))
            }
        }
    }
}
