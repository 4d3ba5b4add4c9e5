import Foundation
import KilnIR
import KilnONNX

/// The model file formats the CLI reads and writes, chosen by extension or `--to`.
enum ModelFormat: String, CaseIterable {
    case onnx
    case json

    /// The format implied by a path's extension.
    init?(path: String) {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "onnx", "pb": self = .onnx
        case "json": self = .json
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
                "cannot tell the format from the extension; use .onnx or .json (or --to / --from)",
                at: .init(file: path))
        }
        return f
    }

    static func load(_ path: String, format override: ModelFormat? = nil) throws -> Model {
        let url = URL(fileURLWithPath: path)
        do {
            switch try format(of: path, override: override) {
            case .onnx: return try ONNXReader().read(contentsOf: url)
            case .json: return try JSONModelFile.read(url)
            }
        } catch let e as KilnError {
            throw e.inFile(path)
        }
    }

    static func save(_ model: Model, to path: String, format override: ModelFormat? = nil) throws {
        let url = URL(fileURLWithPath: path)
        do {
            switch try format(of: path, override: override) {
            case .onnx: try ONNXWriter().write(model, to: url)
            case .json: try JSONModelFile.write(model, to: url)
            }
        } catch let e as KilnError {
            throw e.inFile(path)
        }
    }
}
