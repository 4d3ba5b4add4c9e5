import Foundation
import Testing

@testable import KilnIR

@Test func elementCountRejectsOverflowAndNegatives() {
    #expect(Tensor.elementCount([2, 3, 4]) == 24)
    #expect(Tensor.elementCount([]) == 1)
    #expect(Tensor.elementCount([-1]) == nil)
    #expect(Tensor.elementCount([Int64.max, 2]) == nil)
}

@Test func validateChecksByteSize() throws {
    let t = Tensor(name: "w", shape: [2, 2], values: [Float](repeating: 1, count: 4))
    try t.validate()
    var bad = t
    bad.data = bad.data.prefix(12)
    #expect(throws: KilnError.self) { try bad.validate() }
    #expect(ElementType.int4.byteCount(elements: 3) == 2)
}
