import Foundation
import KilnIR
import KilnJSON
import KilnPasses
import KilnRuntime
import KilnTestSupport
import Testing

/// Every case in `fixtures/passes/<pass>/<case>/`: the pass's output, printed, equals the
/// reviewed `expected.txt` (RECORD_GOLDENS=1 rewrites it), the result verifies (graph
/// invariants and the editor's index after every pass), and the model computes the same
/// outputs before and after on seeded random inputs.
struct PassFixtureTests {
    static let root = Fixtures.directory.appendingPathComponent("passes")

    static var cases: [String] {
        let fm = FileManager.default
        var out: [String] = []
        for pass in ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).sorted() {
            let dir = root.appendingPathComponent(pass)
            for c in ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
            where fm.fileExists(atPath: dir.appendingPathComponent(c + "/input.json").path) {
                out.append(pass + "/" + c)
            }
        }
        return out
    }

    static func optimize(_ name: String) throws -> (before: Model, after: Model, context: PassContext) {
        let dir = root.appendingPathComponent(name)
        let model = try KilnJSONReader().read(contentsOf: dir.appendingPathComponent("input.json"))
        let pass = String(name.split(separator: "/")[0])
        var after = model
        let context = PassContext()
        // Shape inference first, as in every level's pipeline: it only records facts in the
        // context (the model is unchanged), which the pass under test may use.
        let names = pass == "infer-shapes" ? [pass] : ["infer-shapes", pass]
        try PassPipeline.named(names).run(on: &after, context: context, verifyEach: true)
        return (model, after, context)
    }

    @Test(arguments: cases)
    func golden(_ name: String) throws {
        let (before, after, _) = try Self.optimize(name)
        // Cases named `keeps-…` show what a pass must leave alone; the others must change.
        if name.contains("/keeps-") {
            #expect(after == before, "\(name): the pass changed what it must keep")
        } else {
            #expect(after != before, "\(name): the pass changed nothing on its own fixture")
        }
        try Verifier().verify(after)
        let printed = IRPrinter.print(after)
        let url = Self.root.appendingPathComponent(name + "/expected.txt")
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try AtomicFile.write(Data(printed.utf8), to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(printed == expected, "\(name): printed IR differs from expected.txt")
    }

    @Test(arguments: cases)
    func numericallyEqual(_ name: String) throws {
        let (before, after, _) = try Self.optimize(name)
        let feeds = try randomFeeds(before.graph, seed: 7)
        let options = InferenceOptions(foldConstants: false, fuseOperators: false)
        let expected = try InferencePlan(model: before, options: options).run(feeds)
        let actual = try InferencePlan(model: after, options: options).run(feeds)
        for out in before.graph.outputs {
            let e = try #require(expected[out.name]?.tensor, "\(name): missing \(out.name) before")
            let a = try #require(actual[out.name]?.tensor, "\(name): missing \(out.name) after")
            let tol = TensorComparison.defaultTolerance(for: e.elementType)
            let c = try TensorComparison(actual: a, expected: e, rtol: tol.rtol, atol: tol.atol)
            #expect(c.allClose, "\(name): \(out.name) max abs error \(c.maxAbsoluteError)")
        }
    }
}

/// Seeded uniform [-1, 1) floats (or small integers) for every runtime input with a static shape.
func randomFeeds(_ graph: Graph, seed: UInt64) throws -> [String: Value] {
    var state = seed
    func next() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) * 0x1.0p-53
    }
    var feeds: [String: Value] = [:]
    for info in graph.runtimeInputs {
        let tt = try #require(info.type?.tensorType)
        let shape = try #require(tt.staticShape, "\(info.name) needs a static shape")
        let n = try #require(Tensor.elementCount(shape))
        switch tt.elementType {
        case .float32:
            feeds[info.name] = .tensor(Tensor(name: info.name, shape: shape, values: (0..<n).map { _ in Float(next() * 2 - 1) }))
        case .int64:
            feeds[info.name] = .tensor(Tensor(name: info.name, shape: shape, values: (0..<n).map { _ in Int64(next() * 4) }))
        default:
            Issue.record("no random data for \(tt.elementType.name)")
        }
    }
    return feeds
}
