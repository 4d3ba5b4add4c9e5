import Foundation
import KilnIR
import Testing

@testable import KilnJSON

/// Writes `model` and reads it back, resolving the sidecar from memory.
func roundTrip(
    _ model: Model, writer: KilnJSONWriter = KilnJSONWriter(), sidecarName: String = "m.bin"
) throws -> Model {
    let (json, sidecar) = try writer.write(model, sidecarName: sidecarName)
    return try KilnJSONReader().read(json) { name in
        #expect(name == sidecarName)
        guard let sidecar else { throw KilnError(.io, "no sidecar was written") }
        return sidecar
    }
}

/// Reads a document given as text, with an optional in-memory sidecar.
func read(_ text: String, sidecar: Data? = nil, options: KilnJSONReader.Options = .init())
    throws -> Model
{
    try KilnJSONReader(options: options).read(Data(text.utf8)) { _ in
        guard let sidecar else { throw KilnError(.io, "test has no sidecar") }
        return sidecar
    }
}

/// The `KilnError` thrown by `body`, recorded as a test failure when nothing (or something
/// else) is thrown.
func kilnError(
    _ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation
) -> KilnError? {
    do {
        try body()
        Issue.record("expected a KilnError, but nothing was thrown", sourceLocation: sourceLocation)
    } catch let e as KilnError {
        return e
    } catch {
        Issue.record("expected a KilnError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// A minimal valid document with `graph` spliced in, for error tests.
func document(graph: String, extra: String = "") -> String {
    """
    {"format": "kiln-json", "version": 1, "irVersion": 10,
     "opsetImports": [{"domain": "", "version": 21}]\(extra),
     "graph": \(graph)}
    """
}

/// A minimal document whose only initializer is `tensor`.
func document(tensor: String, extra: String = "") -> String {
    document(graph: "{\"initializers\": [\(tensor)], \"nodes\": []}", extra: extra)
}

/// A minimal document whose only node has the attribute `attribute`.
func document(attribute: String) -> String {
    document(
        graph: """
            {"nodes": [{"opType": "A", "inputs": [], "outputs": []},
                       {"opType": "B", "inputs": [], "outputs": [], "attributes": [
                           {"name": "ok", "int": 1}, \(attribute)]}]}
            """)
}

/// Bit patterns of a float32 tensor's elements.
func bits(_ t: Tensor) -> [UInt32] {
    t.data.withUnsafeBytes { raw in
        (0..<(raw.count / 4)).map { raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self) }
    }
}
