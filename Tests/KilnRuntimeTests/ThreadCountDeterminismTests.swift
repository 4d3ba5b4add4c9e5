import Foundation
import KilnIR
import KilnONNX
import KilnOps
import KilnRuntime
import KilnTestSupport
import Testing

/// Outputs are bit-identical whatever the thread count: CNNs (threaded GEMM), a bidirectional
/// DynamicQuantizeLSTM (directions on two threads) and a bidirectional GRU run with 1, 2 and 3
/// threads and their output bytes are compared.
@Suite struct ThreadCountDeterminismTests {
    func outputs(_ model: Model, _ feeds: [String: Value], threads: Int) throws -> [String: Data] {
        let plan = try InferencePlan(model: model, options: .init(threads: threads))
        var bytes: [String: Data] = [:]
        for (name, v) in try plan.run(feeds) { bytes[name] = v.tensor?.data }
        return bytes
    }

    func expectSameBytes(_ label: String, _ model: Model, _ feeds: [String: Value]) throws {
        let one = try outputs(model, feeds, threads: 1)
        #expect(!one.isEmpty && one.values.allSatisfy { !$0.isEmpty }, "\(label)")
        for threads in [2, 3] {
            let many = try outputs(model, feeds, threads: threads)
            #expect(many == one, "\(label): \(threads) threads differ from 1")
        }
    }

    @Test(arguments: ["light_squeezenet", "light_shufflenet"])
    func conformanceCNNs(_ name: String) throws {
        guard let root = Fixtures.conformance else {
            Fixtures.skip("ThreadCountDeterminismTests.conformanceCNNs", "../shared/conformance absent")
            return
        }
        let base = root.appendingPathComponent("onnx-models").appendingPathComponent(name)
        let m = try ONNXReader().read(contentsOf: base.appendingPathComponent("model.onnx"))
        let input = try #require(m.graph.runtimeInputs.first)
        let x = try ONNXTensorFile.read(
            contentsOf: base.appendingPathComponent("test_data_set_0/input_0.pb"))
        try expectSameBytes(name, m, [input.name: .tensor(x)])
    }

    @Test func recurrentModels() throws {
        var rng = NNFastKernelTests.Rng(state: 11)
        let (seq, batch, input, hidden) = (6, 2, 24, 40)
        func t(_ name: String, _ shape: [Int64]) -> Tensor {
            Tensor(name: name, shape: shape, values: rng.floats(Int(shape.reduce(1, *))))
        }
        func u8(_ name: String, _ shape: [Int64]) -> Tensor {
            let n = Int(shape.reduce(1, *))
            return Tensor(name: name, shape: shape, values: (0..<n).map { _ in UInt8(rng.next() % 256) })
        }
        let gh = Int64(4 * hidden)
        let bidir = Attribute(name: "direction", value: .string(Data("bidirectional".utf8)))
        let size = Attribute(name: "hidden_size", value: .int(Int64(hidden)))
        let lstm = Node(
            opType: "DynamicQuantizeLSTM", domain: "com.microsoft",
            inputs: ["X", "W", "R", "B", "", "", "", "", "ws", "wz", "rs", "rz"],
            outputs: ["Y", "Yh", "Yc"], attributes: [size, bidir])
        let gru = Node(
            opType: "GRU", inputs: ["X", "GW", "GR", "GB"], outputs: ["Z", "Zh"],
            attributes: [size, bidir, Attribute(name: "linear_before_reset", value: .int(1))])
        let initializers = [
            u8("W", [2, Int64(input), gh]), u8("R", [2, Int64(hidden), gh]), t("B", [2, 2 * gh]),
            Tensor(name: "ws", shape: [2], values: [Float(0.02), 0.03]), u8("wz", [2]),
            Tensor(name: "rs", shape: [2], values: [Float(0.01), 0.015]), u8("rz", [2]),
            t("GW", [2, 3 * Int64(hidden), Int64(input)]),
            t("GR", [2, 3 * Int64(hidden), Int64(hidden)]), t("GB", [2, 6 * Int64(hidden)]),
        ]
        let xShape = [Int64(seq), Int64(batch), Int64(input)]
        let graph = Graph(
            name: "rnn", inputs: [ValueInfo(name: "X", tensor: TensorType(.float32, xShape))],
            outputs: ["Y", "Yh", "Yc", "Z", "Zh"].map { ValueInfo(name: $0, type: nil) },
            initializers: initializers, nodes: [lstm, gru])
        let model = Model(
            opsetImports: [
                OpsetImport(domain: "", version: 17),
                OpsetImport(domain: "com.microsoft", version: 1),
            ], graph: graph)
        let x = Tensor(name: "X", shape: xShape, values: rng.floats(seq * batch * input).map { $0 * 3 })
        try expectSameBytes("DynamicQuantizeLSTM+GRU", model, ["X": .tensor(x)])
    }
}
