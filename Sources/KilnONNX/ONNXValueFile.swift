import Foundation
import KilnIR
import SwiftProtobuf

/// Serialized ONNX data files of any value kind: `TensorProto`, `SequenceProto`, `OptionalProto`
/// and `MapProto` (the messages of ONNX's `onnx-data.proto`), as the backend test suites store
/// graph inputs and outputs.
///
/// A data file does not say which message it holds, so the caller passes the value's declared
/// type (from the graph input or output); without one, the file is read as a `TensorProto`.
/// Sequence, optional and map messages are walked with the wire scanner (offsets in errors);
/// the tensors inside them go through the same conversion as model initializers.
///
/// ```
/// SequenceProto  2 elem_type · 3 tensor_values · 5 sequence_values · 6 map_values · 7 optional_values
/// OptionalProto  2 elem_type · 3 tensor_value  · 5 sequence_value  · 6 map_value  · 7 optional_value
/// MapProto       2 key_type  · 3 keys (int64)  · 4 string_keys     · 5 values (SequenceProto)
/// ```
public enum ONNXValueFile {
    /// The message kinds a data file can hold.
    public enum Kind: String, Sendable {
        case tensor = "TensorProto"
        case sequence = "SequenceProto"
        case optional = "OptionalProto"
        case map = "MapProto"

        /// The message that stores a value of `type` (`TensorProto` when unknown).
        public init(declared type: ValueType?) {
            switch type {
            case .sequence?: self = .sequence
            case .optional?: self = .optional
            case .map?: self = .map
            default: self = .tensor
            }
        }
    }

    /// Decodes `data` as the message that stores a value of `type`.
    public static func read(
        _ data: Data, declared type: ValueType?, options: ONNXReader.Options = .init()
    ) throws -> DataValue {
        let kind = Kind(declared: type)
        if kind == .tensor {
            return .tensor(try ONNXTensorFile.read(data, options: options))
        }
        let decoder = Decoder(options: options)
        return try data.withUnsafeBytes { p in
            do {
                return try decoder.value(kind, p, 0..<p.count, depth: 0)
            } catch var e as KilnError {
                e.message = e.message.replacingOccurrences(
                    of: "not a valid ONNX model:", with: "not a valid ONNX \(kind.rawValue):")
                throw e
            }
        }
    }

    /// Reads a data file; errors name the file.
    public static func read(contentsOf url: URL, declared type: ValueType?) throws -> DataValue {
        do {
            let options = ONNXReader.Options()
            return try read(
                try MappedFile.map(url, maxBytes: options.maxTensorBytes), declared: type,
                options: options)
        } catch var e as KilnError {
            e.location.file = url.relativePath
            throw e
        }
    }

    // MARK: - Wire decoding

    /// `onnx.SequenceProto.DataType` / `OptionalProto.DataType` codes.
    static let elemTensor: UInt64 = 1, elemSparse: UInt64 = 2, elemSequence: UInt64 = 3
    static let elemMap: UInt64 = 4, elemOptional: UInt64 = 5

    struct Decoder {
        let options: ONNXReader.Options

        func value(_ kind: Kind, _ p: UnsafeRawBufferPointer, _ range: Range<Int>, depth: Int)
            throws -> DataValue
        {
            guard depth < options.messageDepthLimit else {
                throw KilnError(
                    .limitExceeded,
                    "values are nested more than \(options.messageDepthLimit) deep",
                    at: .init(byteOffset: range.lowerBound))
            }
            switch kind {
            case .tensor: return .tensor(try tensor(p, range))
            case .sequence: return try sequence(p, range, depth: depth)
            case .optional: return try optional(p, range, depth: depth)
            case .map: return try map(p, range, depth: depth)
            }
        }

        func tensor(_ p: UnsafeRawBufferPointer, _ range: Range<Int>) throws -> Tensor {
            do {
                return try ONNXTensorFile.read(Data(p[range]), options: options)
            } catch var e as KilnError {
                if e.location.byteOffset == nil { e.location.byteOffset = range.lowerBound }
                throw e
            }
        }

        func sparse(at offset: Int) -> KilnError {
            KilnError(
                .unsupportedFeature, "sparse tensors inside sequences or optionals are not supported",
                at: .init(byteOffset: offset))
        }

        func sequence(_ p: UnsafeRawBufferPointer, _ range: Range<Int>, depth: Int) throws
            -> DataValue
        {
            var elements: [DataValue] = []
            var elemType: UInt64 = 0
            try ProtoWire.fields(p, range) { f in
                switch (f.number, f.wireType) {
                case (2, .varint):
                    elemType = try ProtoWire.varint(p, f.range.lowerBound + 1, end: f.range.upperBound).0
                case (3, .lengthDelimited):
                    elements.append(.tensor(try tensor(p, f.payload)))
                case (4, .lengthDelimited):
                    throw sparse(at: f.range.lowerBound)
                case (5, .lengthDelimited):
                    elements.append(try value(.sequence, p, f.payload, depth: depth + 1))
                case (6, .lengthDelimited):
                    elements.append(try value(.map, p, f.payload, depth: depth + 1))
                case (7, .lengthDelimited):
                    elements.append(try value(.optional, p, f.payload, depth: depth + 1))
                default:
                    break  // name and unknown fields
                }
            }
            if elemType > elemOptional {
                throw KilnError(
                    .malformedInput, "SequenceProto elem_type \(elemType) is not a known value kind",
                    at: .init(byteOffset: range.lowerBound))
            }
            return .sequence(elements)
        }

        func optional(_ p: UnsafeRawBufferPointer, _ range: Range<Int>, depth: Int) throws
            -> DataValue
        {
            var content: DataValue?
            var fieldCount = 0
            try ProtoWire.fields(p, range) { f in
                let element: DataValue?
                switch (f.number, f.wireType) {
                case (3, .lengthDelimited): element = .tensor(try tensor(p, f.payload))
                case (4, .lengthDelimited): throw sparse(at: f.range.lowerBound)
                case (5, .lengthDelimited):
                    element = try value(.sequence, p, f.payload, depth: depth + 1)
                case (6, .lengthDelimited): element = try value(.map, p, f.payload, depth: depth + 1)
                case (7, .lengthDelimited):
                    element = try value(.optional, p, f.payload, depth: depth + 1)
                default: element = nil
                }
                if let element {
                    fieldCount += 1
                    content = element
                }
            }
            guard fieldCount <= 1 else {
                throw KilnError(
                    .malformedInput, "OptionalProto holds \(fieldCount) values; at most one is allowed",
                    at: .init(byteOffset: range.lowerBound))
            }
            return .optional(content)
        }

        func map(_ p: UnsafeRawBufferPointer, _ range: Range<Int>, depth: Int) throws -> DataValue {
            var keyType: Int32 = 0
            var intKeys: [Int64] = []
            var stringKeys: [Data] = []
            var values: [DataValue] = []
            var sawValues = false
            try ProtoWire.fields(p, range) { f in
                switch (f.number, f.wireType) {
                case (2, .varint):
                    let (v, _) = try ProtoWire.varint(p, f.range.lowerBound + 1, end: f.range.upperBound)
                    keyType = Int32(truncatingIfNeeded: v)
                case (3, .varint):
                    let (v, _) = try ProtoWire.varint(p, f.range.lowerBound + 1, end: f.range.upperBound)
                    intKeys.append(Int64(bitPattern: v))
                case (3, .lengthDelimited):  // packed
                    var i = f.payload.lowerBound
                    while i < f.payload.upperBound {
                        let (v, next) = try ProtoWire.varint(p, i, end: f.payload.upperBound)
                        intKeys.append(Int64(bitPattern: v))
                        i = next
                    }
                case (4, .lengthDelimited):
                    stringKeys.append(Data(p[f.payload]))
                case (5, .lengthDelimited):
                    sawValues = true
                    guard case .sequence(let s) = try value(.sequence, p, f.payload, depth: depth + 1)
                    else { return }
                    values = s
                default:
                    break
                }
            }
            let at = KilnError.Location(byteOffset: range.lowerBound)
            guard let type = ElementType(rawValue: keyType), type != .undefined else {
                throw KilnError(.malformedInput, "MapProto key_type \(keyType) is not valid", at: at)
            }
            var keys: Tensor
            if type == .string {
                keys = Tensor(name: "", elementType: .string, shape: [Int64(stringKeys.count)])
                keys.strings = stringKeys
            } else {
                guard type.isInteger else {
                    throw KilnError(
                        .malformedInput, "MapProto key_type \(type.name) must be an integer or string",
                        at: at)
                }
                keys = Tensor(name: "", elementType: .int64, shape: [Int64(intKeys.count)])
                keys.data = intKeys.withUnsafeBytes { Data($0) }
            }
            let keyCount = type == .string ? stringKeys.count : intKeys.count
            guard sawValues || keyCount == 0, values.count == keyCount else {
                throw KilnError(
                    .malformedInput,
                    "MapProto has \(keyCount) keys but \(values.count) values", at: at)
            }
            return .map(keys: keys, values: values)
        }
    }
}
