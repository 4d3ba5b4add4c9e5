import CKilnKernels
import Foundation
import KilnIR
import KilnOps
import KilnRuntime
import Testing

/// The dot-product (u8 × s8) integer GEMM and the dynamic uint8 quantization of the C kernels
/// against their Swift definitions, and the recurrent ops (LSTM, GRU, RNN) on the fast kernels
/// against the reference kernels.
@Suite struct Int8KernelTests {
    typealias Rng = NNFastKernelTests.Rng

    @Test(arguments: [
        (1, 1, 1), (1, 1024, 256), (1, 160, 37), (1, 130, 5), (3, 75, 512), (2, 65, 7),
        (5, 130, 33), (4, 200, 129), (16, 1024, 128), (1, 16, 0), (7, 3, 9),
    ])
    func u8s8GemmMatchesDefinition(m: Int, n: Int, k: Int) {
        var rng = Rng(state: UInt64(m * 7919 + n * 31 + k))
        let a = (0..<max(m * k, 1)).map { _ in UInt8(rng.next() % 256) }
        let stored = (0..<(k * n)).map { _ in Int8(truncatingIfNeeded: rng.next()) }
        let offsets = (0..<n).map { _ in Int32(Int(rng.next() % 511) - 255) }
        let aZero = Int32(rng.next() % 256)
        let packed = PackedInt8Matrix(k: k, n: n, stored: stored, offsets: offsets)
        var expected = [Int32](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var s: Int64 = 0
                for p in 0..<k {
                    s += Int64(Int32(a[i * k + p]) - aZero)
                        * Int64(Int32(stored[p * n + j]) + offsets[j])
                }
                expected[i * n + j] = Int32(truncatingIfNeeded: s)
            }
        }
        var ref = [Int32](repeating: -1, count: m * n)
        PackedInt8Matrix.referenceGemm(m, a, k, aZero, packed, &ref, n)
        #expect(ref == expected, "reference m=\(m) n=\(n) k=\(k)")
        for isa in [CKILN_ISA_SCALAR, CKILN_ISA_AUTO] {
            var got = [Int32](repeating: -1, count: m * n)
            ckiln_qgemm_u8s8(
                Int32(isa), m, n, k, a, k, aZero, packed.values, packed.columnOffsets,
                packed.columnSums, &got, n)
            #expect(got == expected, "isa \(isa) m=\(m) n=\(n) k=\(k)")
        }
        // The C packing writes the same bytes as the Swift one.
        var cPacked = [Int8](repeating: 7, count: ckiln_qgemm_u8s8_packed_size(k, n))
        ckiln_qgemm_u8s8_pack_b(k, n, stored, max(n, 1), &cPacked)
        #expect(cPacked == packed.values)
    }

    /// The C quantization equals `DynamicQuant`'s Swift definition bit for bit, on every path,
    /// including NaN, signed zeros, all-zero and one-signed inputs and odd lengths.
    @Test func quantizeU8MatchesDefinition() {
        var rng = Rng(state: 5)
        var cases: [[Float]] = [[0], [-0.0, 0], [1, 2, 3], [-1, -2, -3], [.nan, 1, -2, .nan]]
        for n in [1, 15, 16, 17, 33, 256, 513] {
            cases.append(rng.floats(n).map { $0 * 7 })
            cases.append(rng.floats(n).map { abs($0) })
        }
        cases.append((0..<40).map { Float($0) * 0.5 - 10 })  // ties at x.5 after scaling
        for x in cases {
            var want = [UInt8](repeating: 1, count: x.count)
            let (ws, wz) = x.withUnsafeBufferPointer { xp in
                want.withUnsafeMutableBufferPointer { qp in
                    NNKernels.reference.quantizeU8(xp.baseAddress!, x.count, qp.baseAddress!)
                }
            }
            for isa in [CKILN_ISA_SCALAR, CKILN_ISA_AUTO] {
                var got = [UInt8](repeating: 1, count: x.count)
                var scale: Float = 0
                let z = x.withUnsafeBufferPointer { xp in
                    ckiln_quantize_u8_dynamic(Int32(isa), xp.baseAddress, x.count, &scale, &got)
                }
                #expect(z == wz && scale.bitPattern == ws.bitPattern, "isa \(isa) \(x.prefix(4))")
                #expect(got == want, "isa \(isa) n=\(x.count)")
            }
        }
    }

    struct RecurrentCase: Sendable, CustomStringConvertible {
        var op: String, direction: String, seq: Int, batch: Int, input: Int, hidden: Int
        var attrs: [String: Int64] = [:]
        var activations: [String]? = nil
        var clip: Float? = nil
        var description: String { "\(op) \(direction) \(seq)x\(batch)x\(input) h\(hidden) \(attrs) \(activations ?? []) \(clip ?? 0)" }
    }

    /// LSTM, GRU (both reset modes) and RNN on the fast kernels agree with the reference
    /// kernels (same MLAS gate functions; only the GEMM's summation order differs).
    @Test(arguments: [
        RecurrentCase(op: "GRU", direction: "bidirectional", seq: 7, batch: 1, input: 20, hidden: 16, attrs: ["linear_before_reset": 1]),
        RecurrentCase(op: "GRU", direction: "forward", seq: 5, batch: 3, input: 9, hidden: 33),
        RecurrentCase(op: "GRU", direction: "reverse", seq: 4, batch: 2, input: 5, hidden: 8, clip: 0.5),
        RecurrentCase(op: "LSTM", direction: "bidirectional", seq: 6, batch: 2, input: 12, hidden: 24),
        RecurrentCase(op: "LSTM", direction: "forward", seq: 3, batch: 1, input: 4, hidden: 5, attrs: ["input_forget": 1], activations: ["HardSigmoid", "Tanh", "Relu"]),
        RecurrentCase(op: "RNN", direction: "forward", seq: 5, batch: 2, input: 6, hidden: 7),
        RecurrentCase(op: "RNN", direction: "bidirectional", seq: 3, batch: 1, input: 3, hidden: 4, attrs: ["layout": 1]),
    ])
    func recurrentFastMatchesReference(_ c: RecurrentCase) throws {
        var rng = Rng(state: UInt64(c.seq * 131 + c.hidden * 7 + c.input))
        let gates = ["RNN": 1, "GRU": 3, "LSTM": 4][c.op] ?? 1
        let dirs = c.direction == "bidirectional" ? 2 : 1
        let (s, b, i, h) = (Int64(c.seq), Int64(c.batch), Int64(c.input), Int64(c.hidden))
        let layout = c.attrs["layout"] ?? 0
        func t(_ shape: [Int64]) -> Tensor {
            Tensor(shape: shape, values: rng.floats(Int(shape.reduce(1, *))))
        }
        var inputs = [
            t(layout == 1 ? [b, s, i] : [s, b, i]), t([Int64(dirs), Int64(gates) * h, i]),
            t([Int64(dirs), Int64(gates) * h, h]), t([Int64(dirs), 2 * Int64(gates) * h]),
        ]
        var names = ["X", "W", "R", "B"]
        if c.op == "LSTM" {
            names += ["", "h0", "c0", "P"]
            inputs += [
                t(layout == 1 ? [b, Int64(dirs), h] : [Int64(dirs), b, h]),
                t(layout == 1 ? [b, Int64(dirs), h] : [Int64(dirs), b, h]), t([Int64(dirs), 3 * h]),
            ]
        } else {
            names += ["", "h0"]
            inputs.append(t(layout == 1 ? [b, Int64(dirs), h] : [Int64(dirs), b, h]))
        }
        var attributes = [
            Attribute(name: "hidden_size", value: .int(h)),
            Attribute(name: "direction", value: .string(Data(c.direction.utf8))),
        ]
        for (k, v) in c.attrs.sorted(by: { $0.key < $1.key }) {
            attributes.append(Attribute(name: k, value: .int(v)))
        }
        if let a = c.activations {
            attributes.append(Attribute(name: "activations", value: .strings(a.map { Data($0.utf8) })))
        }
        if let clip = c.clip { attributes.append(Attribute(name: "clip", value: .float(clip))) }
        let outputs = c.op == "LSTM" ? ["Y", "Yh", "Yc"] : ["Y", "Yh"]
        let node = Node(opType: c.op, inputs: names, outputs: outputs, attributes: attributes)
        let feeds = zip(names.filter { !$0.isEmpty }, inputs)
        let graph = Graph(
            name: "g",
            inputs: feeds.map { ValueInfo(name: $0.0, tensor: TensorType(.float32, $0.1.shape)) },
            outputs: outputs.map { ValueInfo(name: $0, type: nil) }, nodes: [node])
        let model = Model(opsetImports: [OpsetImport(domain: "", version: 14)], graph: graph)
        var values: [String: Value] = [:]
        for (n, v) in feeds { values[n] = .tensor(v) }
        let fast = try InferencePlan(model: model, options: .init(registry: FastOps.registry))
            .run(values)
        let ref = try InferencePlan(model: model, options: .init(registry: StandardOps.registry))
            .run(values)
        for name in outputs {
            let f = try #require(fast[name]?.tensor?.values(as: Float.self))
            let r = try #require(ref[name]?.tensor?.values(as: Float.self))
            #expect(f.count == r.count && r.contains { $0 != 0 })
            let err = NNFastKernelTests.maxRelativeError(f, r)
            #expect(err < 1e-5, "\(c) \(name): \(err)")
        }
    }
}
