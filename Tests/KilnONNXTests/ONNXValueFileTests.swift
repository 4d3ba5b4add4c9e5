import Foundation
import KilnIR
import KilnTestSupport
import Testing

@testable import KilnONNX

/// `SequenceProto`, `OptionalProto` and `MapProto` data files, read by declared type.
@Suite struct ONNXValueFileTests {
    static func field(_ n: UInt64, _ payload: Data) -> Data {
        ProtoWire.header(field: n, length: payload.count) + payload
    }

    static func varintField(_ n: UInt64, _ v: UInt64) -> Data {
        var d = Data()
        ProtoWire.appendVarint(n << 3, to: &d)
        ProtoWire.appendVarint(v, to: &d)
        return d
    }

    static func tensorBytes(_ values: [Float], name: String = "") throws -> Data {
        try ONNXTensorFile.serialize(
            Tensor(name: name, shape: [Int64(values.count)], values: values))
    }

    static let seqType = ValueType.sequence(.tensor(TensorType(.float32, [2])))

    @Test func sequenceOfTensors() throws {
        let bytes =
            Self.varintField(2, 1) + Self.field(3, try Self.tensorBytes([1, 2]))
            + Self.field(3, try Self.tensorBytes([3, 4]))
        let v = try ONNXValueFile.read(bytes, declared: Self.seqType)
        guard case .sequence(let elements) = v else {
            Issue.record("expected a sequence, got \(v.kindDescription)")
            return
        }
        #expect(elements.count == 2)
        guard case .tensor(let second) = elements[1] else {
            Issue.record("element 1 is not a tensor")
            return
        }
        #expect(second.values(as: Float.self) == [3, 4])
    }

    @Test func emptySequenceAndNesting() throws {
        #expect(try ONNXValueFile.read(Data(), declared: Self.seqType) == .sequence([]))
        let inner = Self.field(3, try Self.tensorBytes([5]))
        let outer = Self.varintField(2, 3) + Self.field(5, inner)
        let v = try ONNXValueFile.read(outer, declared: .sequence(Self.seqType))
        guard case .sequence(let e) = v, case .sequence(let e2)? = e.first else {
            Issue.record("expected a nested sequence, got \(v.kindDescription)")
            return
        }
        #expect(e2.count == 1)
    }

    @Test func optionals() throws {
        let type = ValueType.optional(.tensor(TensorType(.float32, [1])))
        #expect(try ONNXValueFile.read(Data(), declared: type) == .optional(nil))
        let present = Self.varintField(2, 1) + Self.field(3, try Self.tensorBytes([7]))
        guard case .optional(.tensor(let t)?) = try ONNXValueFile.read(present, declared: type)
        else {
            Issue.record("expected an optional tensor")
            return
        }
        #expect(t.values(as: Float.self) == [7])
        let two = present + Self.field(3, try Self.tensorBytes([8]))
        #expect(throws: KilnError.self) { try ONNXValueFile.read(two, declared: type) }
    }

    @Test func mapWithIntegerKeys() throws {
        let values = Self.field(3, try Self.tensorBytes([1])) + Self.field(3, try Self.tensorBytes([2]))
        let bytes =
            Self.varintField(2, 7) + Self.varintField(3, 10) + Self.varintField(3, 20)
            + Self.field(5, values)
        let v = try ONNXValueFile.read(bytes, declared: .map(key: .int64, value: nil))
        guard case .map(let keys, let vals) = v else {
            Issue.record("expected a map")
            return
        }
        #expect(keys.values(as: Int64.self) == [10, 20])
        #expect(vals.count == 2)
        let missing = Self.varintField(2, 7) + Self.varintField(3, 10)
        #expect(throws: KilnError.self) {
            try ONNXValueFile.read(missing, declared: .map(key: .int64, value: nil))
        }
    }

    /// Every truncation of a sequence file throws or decodes a prefix; none crashes.
    @Test func truncationsNeverCrash() throws {
        let bytes =
            Self.varintField(2, 1) + Self.field(3, try Self.tensorBytes([1, 2, 3], name: "a"))
            + Self.field(7, Self.field(3, try Self.tensorBytes([4])))
        var threw = 0
        for n in 0..<bytes.count {
            do {
                _ = try ONNXValueFile.read(bytes.prefix(n), declared: Self.seqType)
            } catch let e as KilnError {
                threw += 1
                #expect(e.message.contains("SequenceProto") || e.location.byteOffset != nil)
            }
        }
        #expect(threw > bytes.count / 2)
    }

    /// The runtime-facing conversion is tested in KilnRuntimeTests; here the declared type
    /// alone picks the message, and a tensor type reads a `TensorProto`.
    @Test func tensorByDefault() throws {
        let v = try ONNXValueFile.read(try Self.tensorBytes([1]), declared: nil)
        #expect(v == .tensor(Tensor(name: "", shape: [1], values: [Float(1)])))
    }
}
