import Foundation
import KilnIR
import KilnJSON
import KilnLite
import KilnONNX
import KilnRuntime
import KilnTensorFiles

// libFuzzer entry point for every Kiln reader. Built only by scripts/fuzz.sh
// (KILN_FUZZ=1 swift build ... -sanitize=fuzzer,address); libFuzzer supplies `main`.
// The target is chosen at run time with KILN_FUZZ_TARGET:
//
//   onnx   ONNXReader on the bytes (no external data)
//   json   KilnJSONReader on the bytes (a sidecar read returns an error)
//   npy    NumPyFiles.decode (.npy)
//   npz    NumPyFiles.readArchive (.npz)
//   pb     ONNXValueFile.read as tensor, sequence and optional (.pb data files)
//   lite   LiteReader on the bytes as they are, then again with the header's file size and
//          every CRC-32C recomputed, so that mutations get past the checksums into the tables
//   run    ONNX import, then verify, plan and run with small seeded random inputs
//
// Any thrown error is fine (it must be a KilnError, which is checked); a trap, an ASan report
// or a libFuzzer timeout/OOM is a finding.

enum FuzzTarget: String {
    case onnx, json, npy, npz, pb, lite, run
}

let fuzzTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["KILN_FUZZ_TARGET"] ?? "onnx"
    guard let t = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(Data("unknown KILN_FUZZ_TARGET '\(name)'\n".utf8))
        exit(2)
    }
    return t
}()

/// Reader limits small enough that libFuzzer's default 2 GB RSS limit means a real bug.
let onnxOptions: ONNXReader.Options = {
    var o = ONNXReader.Options()
    o.maxFileBytes = 1 << 22
    o.maxTensorBytes = 1 << 24
    o.maxNodes = 10_000
    o.messageDepthLimit = 32
    o.modelLimits = ModelLimits(
        maxTotalTensorBytes: 1 << 26, maxTotalNodes: 20_000, maxRank: 16, maxStringBytes: 1 << 16)
    return o
}()

let jsonOptions: KilnJSONReader.Options = {
    var o = KilnJSONReader.Options(
        maxNestingDepth: 64, maxDocumentBytes: 1 << 22, maxTensorBytes: 1 << 24, maxNodes: 10_000)
    o.modelLimits = onnxOptions.modelLimits
    return o
}()

let liteOptions: LiteReader.Options = {
    var o = LiteReader.Options(verifyWeights: true)
    o.maxRecords = 1 << 16
    o.maxSplatBytes = 1 << 24
    return o
}()

/// `data` with the Kiln Lite header's `file_size`, each in-bounds section CRC, the directory CRC
/// and the header CRC rewritten to match (schemas/kiln-lite.md §4). Fields that are out of range
/// are left as they are for the reader to refuse. Harness arithmetic only: all offsets are checked.
func withLiteChecksumsFixed(_ input: Data) -> Data {
    var d = Data(input)
    let size = d.count
    guard size >= 96 else { return d }
    func u32(_ o: Int) -> UInt32 {
        let v = d.subdata(in: o..<o + 4).withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }
        return UInt32(littleEndian: v)
    }
    func u64(_ o: Int) -> UInt64 {
        let v = d.subdata(in: o..<o + 8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        return UInt64(littleEndian: v)
    }
    func put32(_ v: UInt32, _ o: Int) {
        withUnsafeBytes(of: v.littleEndian) { d.replaceSubrange(o..<o + 4, with: $0) }
    }
    func put64(_ v: UInt64, _ o: Int) {
        withUnsafeBytes(of: v.littleEndian) { d.replaceSubrange(o..<o + 8, with: $0) }
    }
    func crc(_ o: Int, _ n: Int) -> UInt32 { CRC32C.checksum(d.subdata(in: o..<o + n)) }
    put64(UInt64(size), 16)
    let dirOffset = u64(24)
    let count = Int(u32(32))
    if count <= 64, dirOffset <= UInt64(size), UInt64(size) - dirOffset >= UInt64(count * 32) {
        let dir = Int(dirOffset)
        for i in 0..<count {
            let e = dir + i * 32
            let (offset, length) = (u64(e + 8), u64(e + 16))
            if offset <= UInt64(size), length <= UInt64(size) - offset {
                put32(crc(Int(offset), Int(length)), e + 24)
            }
        }
        put32(crc(dir, count * 32), 72)
    }
    let headerSize = Int(u32(36))
    if headerSize >= 4, headerSize <= size { put32(crc(0, headerSize - 4), headerSize - 4) }
    return d
}

func expectKilnError(_ body: () throws -> Void) {
    do {
        try body()
    } catch is KilnError {
    } catch {
        // Not a crash, but a contract violation: every failure must be a KilnError.
        FileHandle.standardError.write(Data("non-KilnError thrown: \(error)\n".utf8))
        abort()
    }
}

/// Small random inputs for the runtime inputs of `g` (symbolic dims 2, at most 4,096 elements).
func feeds(_ g: Graph, seed: UInt64) throws -> [String: Value] {
    var state = seed
    func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    var out: [String: Value] = [:]
    for info in g.runtimeInputs {
        guard case .tensor(let tt)? = info.type else { throw KilnError(.usage, "not a tensor") }
        let shape: [Int64] = (tt.shape ?? []).map { d in
            if case .known(let v) = d { return v }
            return 2
        }
        guard shape.allSatisfy({ $0 >= 0 && $0 <= 256 }), let n = Tensor.elementCount(shape),
            n <= 4096, tt.elementType != .string, tt.elementType != .undefined,
            let bytes = tt.elementType.byteCount(elements: n)
        else { throw KilnError(.usage, "input cannot be made at random") }
        var data = Data(count: bytes)
        if tt.elementType.isInteger || tt.elementType == .bool {
            // Small values (0...7 in the lowest byte of each element): integer inputs are sizes and
            // indices, and a random int32 would ask for ~2^31 elements (within Kiln's 2^30-element
            // cap after a check, but a multi-GiB allocation for every such input).
            let width = Swift.max(1, bytes / Swift.max(n, 1))
            for e in 0..<n where e * width < bytes {
                data[e * width] = UInt8(truncatingIfNeeded: next()) & (tt.elementType == .bool ? 1 : 7)
            }
        } else {
            for i in 0..<bytes { data[i] = UInt8(truncatingIfNeeded: next()) }
        }
        out[info.name] = .tensor(Tensor(name: info.name, elementType: tt.elementType, shape: shape, data: data))
    }
    return out
}

@_cdecl("LLVMFuzzerTestOneInput")
public func kilnFuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: size) } ?? Data()
    switch fuzzTarget {
    case .onnx:
        expectKilnError { _ = try ONNXReader(options: onnxOptions).read(data, externalDataRoot: nil) }
    case .json:
        expectKilnError {
            _ = try KilnJSONReader(options: jsonOptions).read(data) { _ in
                throw KilnError(.io, "no sidecar while fuzzing")
            }
        }
    case .npy:
        expectKilnError { _ = try NumPyFiles.decode(data, name: "x") }
    case .npz:
        expectKilnError { _ = try NumPyFiles.readArchive(data) }
    case .pb:
        let tensor = ValueType.tensor(TensorType(.float32, shape: nil))
        for declared in [nil, ValueType.sequence(tensor), ValueType.optional(tensor)] {
            expectKilnError { _ = try ONNXValueFile.read(data, declared: declared, options: onnxOptions) }
        }
    case .lite:
        expectKilnError { _ = try LiteReader(options: liteOptions).read(data) }
        let fixed = withLiteChecksumsFixed(data)
        expectKilnError { _ = try LiteReader(options: liteOptions).read(fixed) }
    case .run:
        expectKilnError {
            let model = try ONNXReader(options: onnxOptions).read(data, externalDataRoot: nil)
            try Verifier().verify(model)
            var options = InferenceOptions()
            // 2^24 elements per tensor (64 MiB of float32): within libFuzzer's 2 GB RSS limit
            // even with the allocator's shadow memory, so an OOM report means a real leak.
            options.limits = RuntimeLimits(
                maxLoopIterations: 1_000, timeBudget: .seconds(2), maxTensorElements: 1 << 24)
            let plan = try InferencePlan(model: model, options: options)
            _ = try plan.run(try feeds(model.graph, seed: UInt64(size)))
        }
    }
    return 0
}

// MARK: - Entry point

/// libFuzzer's driver, called from our own `main`: SwiftPM links an executable target with
/// `main` aliased to `KilnFuzz_main`, so libFuzzer's `main` is not used and we start it here.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@_cdecl("KilnFuzz_main")
public func kilnFuzzMain(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
    var count = argc
    var vector = argv
    return LLVMFuzzerRunDriver(&count, &vector) { bytes, size in kilnFuzzOneInput(bytes, size) }
}
