import Foundation
import KilnIR
import KilnRuntime
import KilnTestSupport
import SwiftProtobuf
import Testing

@testable import KilnONNX


/// The ONNX operator conformance suite (`../shared/conformance/onnx-node`) against the committed
/// list of passing cases. A listed case that no longer passes fails the test; newly passing
/// cases are printed. `RECORD_CONFORMANCE=1` rewrites the list from the actual results, and
/// `KILN_CONFORMANCE_FILTER=substring` runs only matching cases (without comparing the list).
@Suite(.tags(.conformance))
struct ConformanceTests {
    static let listURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("conformance-passing.txt")

    @Test func onnxNodeSuite() throws {
        guard let root = Fixtures.conformance else {
            Fixtures.skip("onnxNodeSuite", "../shared/conformance is absent")
            return
        }
        let folder = root.appendingPathComponent("onnx-node")
        guard FileManager.default.fileExists(atPath: folder.path) else {
            Fixtures.skip("onnxNodeSuite", "\(folder.path) is absent")
            return
        }
        let env = ProcessInfo.processInfo.environment
        let filter = env["KILN_CONFORMANCE_FILTER"]
        let results = try Conformance.runAll(
            folder: folder,
            loadModel: { try ONNXReader().read(contentsOf: $0) },
            loadValue: { try ONNXValueFile.read(contentsOf: $0, declared: $1) },
            include: { name in filter.map { name.contains($0) } ?? true })
        let passing = Set(results.filter { $0.outcome == .pass }.map(\.name))
        let counts = Dictionary(grouping: results, by: \.outcome).mapValues(\.count)
        print(
            "conformance: \(results.count) cases, \(counts[.pass] ?? 0) pass, "
                + "\(counts[.fail] ?? 0) fail, \(counts[.unsupported] ?? 0) unsupported")
        if env["KILN_CONFORMANCE_VERBOSE"] != nil {
            for r in results where r.outcome != .pass {
                print("  \(r.outcome.rawValue) \(r.name): \(r.reason.prefix(300))")
            }
        }
        if let ortList = try? String(
            contentsOf: root.appendingPathComponent("onnxruntime-passes.txt"), encoding: .utf8)
        {
            let ort = Set(ortList.split(separator: "\n").map(String.init))
            let ran = Set(results.map(\.name))
            let target = ort.intersection(ran)
            print(
                "conformance: \(passing.intersection(target).count) of \(target.count) "
                    + "onnxruntime-passing cases pass")
        }
        if env["RECORD_CONFORMANCE"] == "1" && filter == nil {
            let text = passing.sorted().joined(separator: "\n") + "\n"
            try text.write(to: Self.listURL, atomically: true, encoding: .utf8)
            print("conformance: recorded \(passing.count) passing cases")
            return
        }
        let listed = Set(
            try String(contentsOf: Self.listURL, encoding: .utf8)
                .split(separator: "\n").map(String.init).filter { !$0.isEmpty })
        let byName = Dictionary(results.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for name in listed.sorted() {
            guard let r = byName[name] else { continue }  // filtered out
            #expect(r.outcome == .pass, "\(name) regressed: \(r.outcome.rawValue): \(r.reason)")
        }
        let newly = passing.subtracting(listed).sorted()
        if !newly.isEmpty {
            print("conformance: \(newly.count) newly passing (add to conformance-passing.txt):")
            for n in newly { print("  + \(n)") }
        }
    }
}
