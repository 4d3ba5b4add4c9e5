import Foundation
import KilnIR
import SwiftProtobuf

/// Serialized ONNX `TensorProto` files (`.pb`), as the ONNX test suites store inputs/outputs.
public enum ONNXTensorFile {
    /// Decodes one `TensorProto`; external data is refused (test tensors are self-contained).
    public static func read(_ data: Data, options: ONNXReader.Options = .init()) throws -> Tensor {
        let proto: Onnx_TensorProto
        do {
            var decode = BinaryDecodingOptions()
            decode.messageDepthLimit = options.messageDepthLimit
            proto = try Onnx_TensorProto(serializedBytes: data, options: decode)
        } catch {
            throw KilnError(
                .malformedInput,
                "not a valid ONNX TensorProto (\(ONNXReader.describe(error)))", underlying: error)
        }
        let context = ImportContext(options: options, externalDataRoot: nil, payloads: [:])
        return try context.tensor(proto)
    }

    /// Reads a `.pb` tensor file; errors name the file.
    public static func read(contentsOf url: URL) throws -> Tensor {
        do {
            return try read(try MappedFile.map(url, maxBytes: ONNXReader.Options().maxTensorBytes))
        } catch var e as KilnError {
            e.location.file = url.relativePath
            throw e
        }
    }

    /// Encodes a tensor as a `TensorProto` (raw_data for fixed-size types).
    public static func serialize(_ tensor: Tensor) throws -> Data {
        try ExportContext().tensor(tensor, includePayload: true).serializedBytes()
    }
}
