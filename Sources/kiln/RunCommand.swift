import ArgumentParser
import Foundation
import KilnIR
import KilnOps
import KilnRuntime
import KilnTensorFiles

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a model on inputs with Kiln's reference runtime.",
        discussion: """
            Inputs: --input NAME=FILE (.npy or ONNX TensorProto .pb), or --input FILE.npz to feed \
            every member by name; --seed, --shape NAME=1x3x8x8 or --dim N=2 fill the inputs not given \
            with seeded random data. Outputs are summarized on stdout and, with --output OUT.npz, \
            saved for numpy (np.load). Exit 0, or 2 when the model or an input cannot be used \
            (the error names the input, what was expected and what was given).
            """)

    @Argument(help: "The model to run (.onnx or .json).")
    var model: String

    @OptionGroup var inputOptions: InputOptions

    @Option(name: .shortAndLong, help: "Save every output to this .npz file.")
    var output: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "Threads (1 is deterministic and the default).")
    var threads: Int = 1

    @Flag(help: "Allow --output to name the model or an input file (still written via rename).")
    var force = false

    @OptionGroup var readerLimits: ReaderLimitOptions
    @OptionGroup var runtimeLimits: RuntimeLimitOptions

    func run() throws {
        try CLI.guarded {
            if let output {
                try OutputSafety.check(
                    output: output, inputs: [model] + TensorFiles.paths(inputOptions.files), force: force)
            }
            let m = try ModelFiles.load(model, limits: readerLimits.limits)
            let plan = try CLI.inFile(model) {
                var options = InferenceOptions(threads: threads)
                options.limits = runtimeLimits.limits
                return try InferencePlan(model: m, options: options)
            }
            let feeds = try inputOptions.feeds(for: m.graph, random: inputOptions.asksForRandom)
            let outputs: [String: Value]
            do {
                outputs = try plan.run(feeds)
            } catch var e as KilnError {
                if e.location.file == nil { e.location.file = model }
                throw e
            }
            let ordered = m.graph.outputs.compactMap { o in outputs[o.name].map { (o.name, $0) } }
            if let output {
                var tensors: [(String, Tensor)] = []
                for (name, v) in ordered {
                    guard let t = v.tensor else {
                        throw KilnError(.unsupportedFeature, "output '\(name)' is not a tensor; .npz holds tensors only")
                    }
                    tensors.append((name, t))
                }
                try AtomicFile.write(try NumPyFiles.writeArchive(tensors), to: URL(fileURLWithPath: output))
            }
            let summaries = ordered.map { OutputSummary(name: $0.0, value: $0.1) }
            switch format {
            case .json: print(try CLI.json(["outputs": summaries]))
            case .text: for s in summaries { print(s.text) }
            }
        }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

/// What `kiln run` prints about one output: type, shape, a few values and simple statistics.
struct OutputSummary: Encodable {
    var name: String
    var elementType: String
    var shape: [Int64]
    var first: [Double]
    var min: Double?
    var max: Double?
    var mean: Double?
    /// For a sequence output: the shape of each element.
    var elementShapes: [[Int64]]?

    init(name: String, value: Value) {
        self.name = name
        guard let t = value.tensor else {
            shape = []
            first = []
            if case .sequence(let ts) = value {
                elementType = "sequence<\(ts.first?.elementType.name ?? "?")>"
                shape = [Int64(ts.count)]
                elementShapes = ts.map(\.shape)
            } else {
                elementType = "none"
            }
            return
        }
        elementType = t.elementType.name
        shape = t.shape
        let v = (try? t.doubles()) ?? []
        first = Array(v.prefix(8))
        let finite = v.filter(\.isFinite)
        min = finite.min()
        max = finite.max()
        mean = finite.isEmpty ? nil : finite.reduce(0, +) / Double(finite.count)
    }

    var text: String {
        let shapeText = "[" + shape.map(String.init).joined(separator: ",") + "]"
        var s = "\(name): \(elementType)\(shapeText)"
        if let min, let max, let mean {
            s += String(format: "  min %.6g  max %.6g  mean %.6g", min, max, mean)
        }
        if let elementShapes {
            s += "  elements: "
                + elementShapes.prefix(8).map { "[" + $0.map(String.init).joined(separator: ",") + "]" }
                .joined(separator: " ") + (elementShapes.count > 8 ? " ..." : "")
        }
        if !first.isEmpty {
            s += "\n  " + first.map { String(format: "%.6g", $0) }.joined(separator: " ")
                + (shape.isEmpty || first.count < 8 ? "" : " ...")
        }
        return s
    }
}
