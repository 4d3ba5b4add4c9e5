import Foundation
import KilnIR
import KilnLite
import KilnONNX

/// The model file formats the CLI reads and writes, chosen by extension or `--to`.
enum ModelFormat: String, CaseIterable {
    case onnx
    case json
    case klite

    /// The format implied by a path's extension.
    init?(path: String) {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "onnx", "pb": self = .onnx
        case "json": self = .json
        case "klite": self = .klite
        default: return nil
        }
    }
}

/// Loading and saving models for every command, with errors that name the file.
enum ModelFiles {
    static func format(of path: String, override: ModelFormat? = nil) throws -> ModelFormat {
        if let override { return override }
        guard let f = ModelFormat(path: path) else {
            throw KilnError(
                .usage,
                "cannot tell the format from the extension; use .onnx, .json or .klite (or --to / --from)",
                at: .init(file: path))
        }
        return f
    }

    /// Loads a model; with `verify`, also sorts the main graph's nodes topologically when they
    /// are not (ONNX requires sorted nodes, but onnxruntime sorts on load and some tools write
    /// unsorted graphs, such as its fp16 converter's input and output Casts; a real cycle
    /// throws `invalidGraph` naming a node on it) and checks the structural invariants. A `.klite`
    /// file's weights are hashed too when `verifyWeights` is set (O(weights); `kiln check`).
    static func load(
        _ path: String, format override: ModelFormat? = nil, verify: Bool = true,
        verifyWeights: Bool = false, limits: ReaderLimits = ReaderLimits()
    ) throws -> Model {
        let url = URL(fileURLWithPath: path)
        do {
            var model: Model
            switch try format(of: path, override: override) {
            case .onnx: model = try ONNXReader(options: limits.onnx).read(contentsOf: url)
            case .json: model = try JSONModelFile.read(url, options: limits.json)
            case .klite:
                model = try LiteReader(options: .init(verifyWeights: verifyWeights)).read(contentsOf: url)
            }
            if verify {
                if !model.graph.isTopologicallySorted() { try model.graph.sortTopologically() }
                try Verifier().verify(model)
            }
            return model
        } catch var e as KilnError {
            e.location.file = path
            throw e
        }
    }

    static func save(
        _ model: Model, to path: String, format override: ModelFormat? = nil,
        lite: LiteWriter.Options = .init()
    ) throws {
        let url = URL(fileURLWithPath: path)
        do {
            switch try format(of: path, override: override) {
            case .onnx: try ONNXWriter().write(model, to: url)
            case .json: try JSONModelFile.write(model, to: url)
            case .klite: try LiteWriter(options: lite).write(model, to: url)
            }
        } catch let e as KilnError {
            throw e.inFile(path)
        }
    }
}
