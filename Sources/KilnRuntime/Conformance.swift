import Foundation
import KilnIR
import KilnOps

/// Runs ONNX backend-test style cases (`model.onnx` + `test_data_set_0/input_J.pb`,
/// `output_J.pb`) through the reference runtime.
///
/// Loading is injected as closures so this module does not depend on the ONNX reader. The pass
/// rule is the one in `shared/conformance/README.md`: every output that has a data file must
/// have the same element type and shape; floating point values match when
/// `|got - expected| <= atol + rtol * |expected|` (NaN equals NaN), other types exactly.
public enum Conformance {
    /// Relative tolerance of the pass rule.
    public static let rtol = 1e-3
    /// Absolute tolerance of the pass rule.
    public static let atol = 1e-7

    /// What happened to one case.
    public enum Outcome: String, Sendable, Hashable {
        case pass, fail, unsupported
    }

    /// The result of one case; `reason` is empty for passes.
    public struct CaseResult: Sendable, Hashable {
        public var name: String
        public var outcome: Outcome
        public var reason: String
        public init(name: String, outcome: Outcome, reason: String = "") {
            self.name = name
            self.outcome = outcome
            self.reason = reason
        }
    }

    /// Runs the case in `directory`.
    ///
    /// `loadValue` reads one data file given the declared type of the input or output it
    /// stores (a `TensorProto`, `SequenceProto`, `OptionalProto` or `MapProto`). Graph inputs
    /// whose data file is absent are fed as absent optionals when declared optional; otherwise
    /// the case is `unsupported`. Outputs without a data file are computed but not compared.
    /// Errors with code `unsupportedOp` or `unsupportedFeature` make the case `unsupported`;
    /// every other error is a failure.
    public static func runCase(
        directory: URL,
        loadModel: (URL) throws -> Model,
        loadValue: (URL, ValueType?) throws -> DataValue,
        options: InferenceOptions = .init()
    ) -> CaseResult {
        let name = directory.lastPathComponent
        let data = directory.appendingPathComponent("test_data_set_0")
        let fm = FileManager.default
        do {
            let model = try loadModel(directory.appendingPathComponent("model.onnx"))
            // The suite checks ONNX semantics: float16 ops run in float16.
            var options = options
            options.widenFloat16 = false
            let plan = try InferencePlan(model: model, options: options)
            var feeds: [String: Value] = [:]
            for (j, info) in model.graph.runtimeInputs.enumerated() {
                let url = data.appendingPathComponent("input_\(j).pb")
                if fm.fileExists(atPath: url.path) {
                    feeds[info.name] = try Value(try loadValue(url, info.type))
                } else if case .optional? = info.type {
                    feeds[info.name] = Value.none
                } else {
                    return CaseResult(
                        name: name, outcome: .unsupported,
                        reason: "input \(j) ('\(info.name)') has no data file")
                }
            }
            let outputs = try plan.run(feeds)
            for (j, info) in model.graph.outputs.enumerated() {
                let url = data.appendingPathComponent("output_\(j).pb")
                guard fm.fileExists(atPath: url.path) else { continue }
                let expected = try Value(try loadValue(url, info.type))
                guard let got = outputs[info.name] else {
                    return CaseResult(
                        name: name, outcome: .fail, reason: "output '\(info.name)' was not produced")
                }
                if let problem = compare(got: got, expected: expected) {
                    return CaseResult(
                        name: name, outcome: .fail, reason: "output '\(info.name)': \(problem)")
                }
            }
            return CaseResult(name: name, outcome: .pass)
        } catch let e as KilnError {
            let unsupported = e.code == .unsupportedOp || e.code == .unsupportedFeature
            return CaseResult(
                name: name, outcome: unsupported ? .unsupported : .fail, reason: e.description)
        } catch {
            return CaseResult(name: name, outcome: .fail, reason: "\(error)")
        }
    }

    /// Runs every case directory under `folder` (sorted by name), optionally filtered.
    public static func runAll(
        folder: URL,
        loadModel: (URL) throws -> Model,
        loadValue: (URL, ValueType?) throws -> DataValue,
        options: InferenceOptions = .init(),
        include: (String) -> Bool = { _ in true }
    ) throws -> [CaseResult] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { !$0.hasPrefix(".") }
            .sorted()
        var out: [CaseResult] = []
        for n in names where include(n) {
            let dir = folder.appendingPathComponent(n)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir),
                isDir.boolValue
            else { continue }
            out.append(
                runCase(
                    directory: dir, loadModel: loadModel, loadValue: loadValue,
                    options: options))
        }
        return out
    }

    /// Applies the pass rule to runtime values: tensors as below, sequences element by element
    /// (same length), and an absent optional equals only an absent optional.
    public static func compare(got: Value, expected: Value) -> String? {
        switch (got, expected) {
        case (.tensor(let g), .tensor(let x)):
            return compare(got: g, expected: x)
        case (.sequence(let g), .sequence(let x)):
            guard g.count == x.count else {
                return "sequence of \(g.count) tensors, expected \(x.count)"
            }
            for i in 0..<g.count {
                if let problem = compare(got: g[i], expected: x[i]) {
                    return "sequence element \(i): \(problem)"
                }
            }
            return nil
        case (.none, .none):
            return nil
        default:
            func kind(_ v: Value) -> String {
                switch v {
                case .tensor: return "a tensor"
                case .sequence: return "a sequence"
                case .none: return "an absent optional"
                }
            }
            return "got \(kind(got)), expected \(kind(expected))"
        }
    }

    /// Applies the pass rule; returns `nil` on a match, else what differs.
    public static func compare(got: Tensor, expected: Tensor) -> String? {
        if got.elementType != expected.elementType {
            return "element type \(got.elementType.name), expected \(expected.elementType.name)"
        }
        if got.shape != expected.shape {
            return "shape \(got.shape), expected \(expected.shape)"
        }
        if got.elementType == .string {
            if got.strings != expected.strings {
                let i = got.strings.indices.first { got.strings[$0] != expected.strings[$0] } ?? 0
                let g = i < got.strings.count ? String(decoding: got.strings[i], as: UTF8.self) : ""
                let x =
                    i < expected.strings.count
                    ? String(decoding: expected.strings[i], as: UTF8.self) : ""
                return "element \(i) is \"\(g)\", expected \"\(x)\""
            }
            return nil
        }
        if got.elementType.isFloatingPoint {
            guard let a = try? got.doubles(), let b = try? expected.doubles(), a.count == b.count
            else { return "cannot read \(got.elementType.name) values" }
            for i in 0..<a.count {
                let g = a[i]
                let x = b[i]
                if g.isNaN && x.isNaN { continue }
                if g == x { continue }
                if g.isNaN || x.isNaN || !(abs(g - x) <= atol + rtol * abs(x)) {
                    return "element \(i) is \(g), expected \(x) (rtol \(rtol), atol \(atol))"
                }
            }
            return nil
        }
        guard let a = try? got.int64s(), let b = try? expected.int64s() else {
            return got.data == expected.data ? nil : "bytes differ"
        }
        if let i = a.indices.first(where: { a[$0] != b[$0] }) {
            return "element \(i) is \(a[i]), expected \(b[i])"
        }
        return nil
    }
}
