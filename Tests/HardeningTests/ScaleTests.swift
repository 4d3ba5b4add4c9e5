import Foundation
import KilnCheck
import KilnIR
import KilnJSON
import KilnONNX
import KilnRuntime
import Testing

/// Whole-graph operations must be near-linear: 20× more nodes should cost ~20-25× more time.
/// The assertion is generous (60×) because this runs in a debug build, in parallel with other
/// suites, on a shared machine, where cache and allocator effects at 200k nodes add noise;
/// quadratic code gives ~400× and fails it clearly. `Benchmarks/scale.py` prints the figures
/// for the release CLI.
@Suite struct ScaleTests {
    enum Shape: String, CaseIterable { case chain, wide }

    /// `n` Relu nodes: each reading the previous one (chain) or all reading `x` (wide fan-out,
    /// every node's output a graph output).
    static func graph(_ shape: Shape, _ n: Int) -> Model {
        var g = Graph(name: "g")
        let type = ValueType.tensor(TensorType(.float32, shape: [.known(4)]))
        g.inputs = [ValueInfo(name: "x", type: type)]
        g.nodes.reserveCapacity(n)
        for i in 0..<n {
            let input = shape == .wide || i == 0 ? "x" : "v\(i - 1)"
            g.nodes.append(Node(name: "n\(i)", opType: "Relu", inputs: [input], outputs: ["v\(i)"]))
        }
        g.outputs =
            shape == .wide
            ? (0..<n).map { ValueInfo(name: "v\($0)", type: type) }
            : [ValueInfo(name: "v\(n - 1)", type: type)]
        return Model(irVersion: 9, opsetImports: [OpsetImport(domain: "", version: 17)], graph: g)
    }

    /// Seconds for each operation on a graph of `n` nodes (best of `repeats`).
    static func timings(_ shape: Shape, _ n: Int, repeats: Int) throws -> [String: Double] {
        let model = graph(shape, n)
        let bytes = try ONNXWriter().serialize(model)
        var best: [String: Double] = [:]
        func time(_ name: String, _ body: () throws -> Void) rethrows {
            let t0 = ContinuousClock.now
            try body()
            let d = ContinuousClock.now - t0
            let s = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
            best[name] = min(best[name] ?? .infinity, s)
        }
        for _ in 0..<repeats {
            var read: Model?
            try time("import") { read = try ONNXReader().read(bytes) }
            let m = try #require(read)
            try time("verify") { try Verifier().verify(m) }
            time("check") { _ = ModelChecker().check(m) }
            try time("convert") {
                _ = try ONNXWriter().serialize(m)
                _ = try KilnJSONWriter().write(m, sidecarName: "m.bin")
            }
            try time("plan") { _ = try InferencePlan(model: m) }
        }
        return best
    }

    @Test(arguments: Shape.allCases)
    func wholeGraphOperationsGrowNearLinearly(_ shape: Shape) throws {
        let small = try Self.timings(shape, 10_000, repeats: 2)
        let large = try Self.timings(shape, 200_000, repeats: 1)
        for op in small.keys.sorted() {
            let (a, b) = (small[op] ?? 0, large[op] ?? 0)
            let ratio = b / max(a, 1e-3)
            print(String(format: "scale: %@ %@: 10k %.3f s, 200k %.3f s, ratio %.1f", shape.rawValue, op, a, b, ratio))
            #expect(ratio < 60, "\(shape) \(op): 10k nodes \(a) s, 200k nodes \(b) s (ratio \(ratio))")
        }
    }
}
