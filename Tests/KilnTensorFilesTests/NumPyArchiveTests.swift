import Foundation
import KilnIR
import KilnTensorFiles
import KilnTestSupport
import Testing
import ZIPFoundation

@Suite struct NumPyArchiveTests {
    static let tensors: [(String, Tensor)] = [
        ("x", Tensor(shape: [2, 3], values: (0..<6).map { Float($0) * 0.5 - 1 })),
        ("ids", Tensor(shape: [4], values: [Int64(1), -2, 3, .max])),
        ("empty", Tensor(shape: [0], values: [Float]())),
    ]

    /// An archive with deflated members, as `numpy.savez_compressed` writes.
    static func compressedArchive() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, t) in tensors {
            let body = try NumPyFiles.encode(t)
            try archive.addEntry(
                with: name + ".npy", type: .file, uncompressedSize: Int64(body.count),
                modificationDate: Date(timeIntervalSince1970: 0), compressionMethod: .deflate
            ) { position, size in
                body.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    static func check(_ read: [(String, Tensor)]) {
        #expect(read.map(\.0) == tensors.map(\.0))
        for ((_, a), (_, b)) in zip(read, tensors) {
            #expect(a.elementType == b.elementType && a.shape == b.shape && a.data == b.data)
        }
    }

    @Test func storedArchivesRoundTrip() throws {
        Self.check(try NumPyFiles.readArchive(try NumPyFiles.writeArchive(Self.tensors)))
    }

    @Test func compressedArchivesAreRead() throws {
        let data = try Self.compressedArchive()
        Self.check(try NumPyFiles.readArchive(data))
    }

    @Test func numpySavezCompressedIsRead() throws {
        guard let python = Fixtures.python(with: ["numpy"]) else {
            return Fixtures.skip(#function, "Python with numpy not found")
        }
        let dir = try Fixtures.temporaryDirectory("npz")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("c.npz").path
        let r = try Fixtures.run(
            python,
            ["-c", "import numpy as np, sys; np.savez_compressed(sys.argv[1], a=np.arange(1000, dtype=np.float32).reshape(10, 100), b=np.array([True, False]))", path])
        #expect(r.status == 0, "\(r.stderr)")
        let read = try NumPyFiles.readArchive(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(read.map(\.0) == ["a", "b"])
        #expect(read.first?.1.values(as: Float.self) == (0..<1000).map(Float.init))
        #expect(read.first?.1.shape == [10, 100])
    }

    @Test func everyTruncationAndFlipThrows() throws {
        for data in [try Self.compressedArchive(), try NumPyFiles.writeArchive(Self.tensors)] {
            for n in 0..<data.count {
                #expect(throws: KilnError.self) { try NumPyFiles.readArchive(data.prefix(n)) }
            }
            // Flipped bytes: an error or a (CRC-checked) result, never a crash.
            var state: UInt64 = 42
            for _ in 0..<300 {
                state = state &* 6_364_136_223_846_793_005 &+ 1
                var b = [UInt8](data)
                b[Int((state >> 33) % UInt64(b.count))] ^= UInt8(1 + (state >> 20) % 255)
                _ = try? NumPyFiles.readArchive(Data(b))
            }
        }
    }
}
