import Foundation
import KilnIR
import KilnJSON

/// Kiln JSON files for the CLI: the document plus its `.bin` sidecar, both written atomically.
enum JSONModelFile {
    static func read(_ url: URL) throws -> Model {
        try KilnJSONReader().read(contentsOf: url)
    }

    static func write(_ model: Model, to url: URL) throws {
        try KilnJSONWriter().write(model, to: url)
    }
}
