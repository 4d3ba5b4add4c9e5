import Foundation
import KilnIR
import KilnOps
import Testing

/// Element conversions checked against values fixed by the ONNX float8 / bfloat16 specs.
struct SmallFloatTests {
    @Test func float8E4M3FNEncodesSpecValues() {
        // 448 is the largest finite value (S.1111.110); 2^-9 the smallest subnormal.
        #expect(Float8E4M3FN(448).bits == 0x7E)
        #expect(Float8E4M3FN(-448).bits == 0xFE)
        #expect(Float8E4M3FN(1).bits == 0x38)
        #expect(Float8E4M3FN(Float(sign: .plus, exponent: -9, significand: 1)).bits == 0x01)
        // Saturation vs no saturation.
        #expect(Float8E4M3FN(1000).bits == 0x7E)
        #expect(Float8E4M3FN(1000, saturate: false).floatValue.isNaN)
        #expect(Float8E4M3FN(.infinity).bits == 0x7E)
        // Round to nearest even: 1.0625 is halfway between 1 and 1.125 -> 1 (even mantissa).
        #expect(Float8E4M3FN(1.0625).floatValue == 1)
        #expect(Float8E4M3FN(1.1875).floatValue == 1.25)
        #expect(Float8E4M3FN(bits: 0x7F).floatValue.isNaN)
    }

    @Test func float8OtherFormats() {
        #expect(Float8E5M2(57344).bits == 0x7B)
        #expect(Float8E5M2(1e6, saturate: false).floatValue == .infinity)
        #expect(Float8E4M3FNUZ(240).floatValue == 240)
        #expect(Float8E4M3FNUZ(-1000).floatValue == -240)
        #expect(Float8E4M3FNUZ(bits: 0x80).floatValue.isNaN)
        #expect(Float8E5M2FNUZ(-0.0).bits == 0)
    }

    @Test func bfloat16RoundsToNearestEven() {
        #expect(BFloat16(1).bits == 0x3F80)
        #expect(BFloat16(Float(bitPattern: 0x3F80_8000)).bits == 0x3F80)  // tie -> even
        #expect(BFloat16(Float(bitPattern: 0x3F81_8000)).bits == 0x3F82)  // tie -> even
        #expect(BFloat16(Float(bitPattern: 0x3F80_8001)).bits == 0x3F81)
        #expect(BFloat16(.nan).floatValue.isNaN)
    }

    @Test func int4PacksLowNibbleFirst() throws {
        let t = Tensor(
            shape: [3], elements: [Int4(truncating: -1), Int4(truncating: 7), Int4(truncating: -8)])
        #expect(t.data == Data([0x7F, 0x08]))
        #expect(try t.int64s() == [-1, 7, -8])
    }
}

struct BroadcastTests {
    @Test func broadcastsAndRejects() throws {
        #expect(try Broadcast.shape([[2, 1, 3], [4, 1]]) == [2, 4, 3])
        #expect(throws: KilnError.self) { try Broadcast.shape([[2, 3], [4]]) }
        let (v, s) = try Broadcast.apply([1, 2, 3], [3, 1], [10, 20], [2]) { $0 + $1 }
        #expect(s == [3, 2])
        #expect(v == [11, 21, 12, 22, 13, 23])
    }

    @Test func checkedMathThrows() {
        #expect(throws: KilnError.self) { try Checked.product([Int64.max, 2]) }
        #expect(throws: KilnError.self) { try Axis.normalize(3, rank: 3) }
        #expect((try? Axis.normalize(-1, rank: 3)) == 2)
    }
}
