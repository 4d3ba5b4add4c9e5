import Foundation
import KilnCheck
import KilnIR
import KilnJSON
import KilnONNX
import KilnRuntime
import Testing

/// Whole-graph operations (import, verify, check, convert, plan, run) must be near-linear: 20×
/// more nodes should cost ~20-25× more time.
/// Time is this thread's CPU time. The assertion is generous (60×) because this runs in a debug
/// build, in parallel with other suites, where cache and allocator effects at 200k nodes add noise;
/// quadratic code gives ~400× and fails it clearly. `Benchmarks/scale.py` prints the figures
/// for the release CLI.
@Suite struct ScaleTests {
    enum Shape: String, CaseIterable {
        case chain, wide, ifs

        /// The small and the large size (20× apart). If nodes carry two subgraphs each, so
        /// their graph is smaller to keep the debug-build test short.
        var sizes: (Int, Int) { self == .ifs ? (2_000, 40_000) : (10_000, 200_000) }
    }

    /// `n` Relu nodes: each reading the previous one (chain) or all reading `x` (wide fan-out,
    /// every node's output a graph output); or `n` If nodes in a chain, each branch a one-node
    /// subgraph (Relu or Neg) reading the previous If's output from the enclosing graph.
    static func graph(_ shape: Shape, _ n: Int) -> Model {
        var g = Graph(name: "g")
        let type = ValueType.tensor(TensorType(.float32, shape: [.known(4)]))
        g.inputs = [ValueInfo(name: "x", type: type)]
        g.nodes.reserveCapacity(n)
        if shape == .ifs {
            g.inputs.append(ValueInfo(name: "c", type: .tensor(TensorType(.bool, shape: []))))
            for i in 0..<n {
                let previous = i == 0 ? "x" : "v\(i - 1)"
                func branch(_ side: String, _ op: String) -> Attribute {
                    let out = "\(side)\(i)"
                    let body = Graph(
                        name: out, outputs: [ValueInfo(name: out, type: type)],
                        nodes: [Node(opType: op, inputs: [previous], outputs: [out])])
                    return Attribute(name: side + "_branch", value: .graph(body))
                }
                g.nodes.append(
                    Node(
                        name: "n\(i)", opType: "If", inputs: ["c"], outputs: ["v\(i)"],
                        attributes: [branch("then", "Relu"), branch("else", "Neg")]))
            }
            g.outputs = [ValueInfo(name: "v\(n - 1)", type: type)]
            return Model(
                irVersion: 9, opsetImports: [OpsetImport(domain: "", version: 17)], graph: g)
        }
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
        // CPU time of this thread, not wall time: other suites and other processes compete for
        // the cores, which inflates wall time unevenly between the two sizes.
        func cpuSeconds() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
        }
        func time(_ name: String, _ body: () throws -> Void) rethrows {
            let t0 = cpuSeconds()
            try body()
            best[name] = min(best[name] ?? .infinity, cpuSeconds() - t0)
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
            var plan: InferencePlan?
            try time("plan") { plan = try InferencePlan(model: m) }
            let p = try #require(plan)
            let x = Tensor(shape: [4], values: [Float(1), -2, 3, -4])
            var feeds: [String: Value] = ["x": .tensor(x)]
            if shape == .ifs { feeds["c"] = .tensor(Tensor(shape: [], values: [true])) }
            try time("run") { _ = try p.run(feeds) }
        }
        return best
    }

    @Test(arguments: Shape.allCases)
    func wholeGraphOperationsGrowNearLinearly(_ shape: Shape) throws {
        let (n, m) = shape.sizes
        let small = try Self.timings(shape, n, repeats: 2)
        let large = try Self.timings(shape, m, repeats: 1)
        for op in small.keys.sorted() {
            let (a, b) = (small[op] ?? 0, large[op] ?? 0)
            let ratio = b / max(a, 1e-3)
            print(
                String(
                    format: "scale: %@ %@: %dk %.3f s, %dk %.3f s, ratio %.1f", shape.rawValue, op,
                    n / 1000, a, m / 1000, b, ratio))
            #expect(
                ratio < 60, "\(shape) \(op): \(n) nodes \(a) s, \(m) nodes \(b) s (ratio \(ratio))")
        }
    }
}
