import Foundation
import KilnIR
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct HardeningIRTests {
    @Test func errorDescriptionsAreOneEscapedLine() {
        let e = KilnError(
            .invalidGraph, "node reads 'a\nb'",
            at: .init(file: "m.onnx", node: "n\u{1b}[31m", value: "x\u{2028}y\t"))
        let text = e.description
        #expect(!text.contains("\n") && !text.contains("\u{1b}") && !text.contains("\u{2028}"))
        #expect(text == "m.onnx: node 'n\\u{1b}[31m': value 'x\\u{2028}y\\t': node reads 'a\\nb'")
        #expect(KilnError.oneLine("plain 'text' é") == "plain 'text' é")
    }

    @Test func onlyRegularFilesAreMapped() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mapped-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        let e1 = #expect(throws: KilnError.self) { try MappedFile.map(fifo) }
        #expect(e1?.message.contains("named pipe") == true)
        let e2 = #expect(throws: KilnError.self) { try MappedFile.map(dir) }
        #expect(e2?.message.contains("a directory") == true)
        let file = dir.appendingPathComponent("f.bin")
        try Data([1, 2, 3]).write(to: file)
        #expect(try MappedFile.map(file) == Data([1, 2, 3]))
        try FileManager.default.linkItem(at: file, to: dir.appendingPathComponent("g.bin"))
        let e3 = #expect(throws: KilnError.self) { try MappedFile.map(file, allowHardLinks: false) }
        #expect(e3?.message.contains("hard link") == true)
        #expect(try MappedFile.map(file, allowHardLinks: true).count == 3)
    }

    @Test func verifierIsLinearOnLongChainsWithSubgraphs() throws {
        // Every node carries a subgraph: the old verifier copied the visible names per node.
        var g = Graph(name: "g", inputs: [ValueInfo(name: "x", type: nil)])
        let n = 20_000
        for i in 0..<n {
            let body = Graph(
                name: "b", outputs: [ValueInfo(name: "x", type: nil)])
            g.nodes.append(
                Node(
                    name: "n\(i)", opType: "If", inputs: [i == 0 ? "x" : "v\(i - 1)"], outputs: ["v\(i)"],
                    attributes: [Attribute(name: "then_branch", value: .graph(body))]))
        }
        g.outputs = [ValueInfo(name: "v\(n - 1)", type: nil)]
        let t0 = ContinuousClock.now
        try Verifier().verify(Model(graph: g))
        let seconds = Double((ContinuousClock.now - t0).components.seconds)
        #expect(seconds < 10, "verifying \(n) nodes with subgraphs took \(seconds) s")
    }

    @Test func modelLimitsNameWhatIsTooLarge() throws {
        var g = Graph(name: "g")
        g.initializers = [Tensor(name: "w", elementType: .float32, shape: [4], data: Data(count: 16))]
        g.nodes = [Node(name: String(repeating: "n", count: 100), opType: "Relu", inputs: ["w"], outputs: ["y"])]
        let m = Model(graph: g)
        try ModelLimits().enforce(m)
        let e1 = #expect(throws: KilnError.self) { try ModelLimits(maxTotalTensorBytes: 8).enforce(m) }
        #expect(e1?.location.value == "w")
        let e2 = #expect(throws: KilnError.self) { try ModelLimits(maxStringBytes: 50).enforce(m) }
        #expect(e2?.code == .limitExceeded)
        #expect(throws: KilnError.self) { try ModelLimits(maxTotalNodes: 0).enforce(m) }
    }
}
