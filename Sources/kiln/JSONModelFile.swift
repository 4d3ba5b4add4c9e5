import Foundation
import KilnIR
import KilnJSON

/// Kiln JSON files for the CLI: the document plus its `.bin` sidecar, both written atomically.
enum JSONModelFile {
    static func read(_ url: URL, options: KilnJSONReader.Options = .init()) throws -> Model {
        try KilnJSONReader(options: options).read(contentsOf: url)
    }

    /// The sidecar file a write of `url` produces next to it (`m.json` → `m.bin`).
    static func sidecarPath(for path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().appendingPathExtension("bin").path
    }

    static func write(_ model: Model, to url: URL) throws {
        try KilnJSONWriter().write(model, to: url)
    }
}
