import Foundation
import KilnIR

/// Placeholder until KilnJSON lands.
enum JSONModelFile {
    static func read(_ url: URL) throws -> Model {
        throw KilnError(.unsupportedFeature, "Kiln JSON is not available in this build")
    }
    static func write(_ model: Model, to url: URL) throws {
        throw KilnError(.unsupportedFeature, "Kiln JSON is not available in this build")
    }
}
