import Foundation
import KilnIR
import KilnTestSupport
import Testing

@testable import KilnLite

/// Kiln Lite 1.1's DEFLATE-compressed tables (`schemas/kiln-lite.md` §4.2): same model as the
/// uncompressed 1.0 file, smaller, and every lie a hostile entry can tell is refused.
@Suite struct LiteDeflateTests {
    static let model = LiteTestModels.everything()

    @Test func compressedAndPlainFilesHoldTheSameModel() throws {
        let packed = try LiteWriter().serialize(Self.model)
        let plain = try LiteWriter(options: .init(compressTables: false)).serialize(Self.model)
        #expect(packed.count < plain.count)
        let packedInfo = try LiteReader(options: .init(verifyWeights: true)).info(packed)
        let plainInfo = try LiteReader(options: .init(verifyWeights: true)).info(plain)
        #expect(packedInfo.versionMinor == 1 && plainInfo.versionMinor == 0)
        #expect(packedInfo.sections.contains { $0.inflatedLength != nil })
        #expect(plainInfo.sections.allSatisfy { $0.inflatedLength == nil })
        #expect(packedInfo.sections.first { $0.kind == "WGHT" }?.inflatedLength == nil)
        let a = try LiteReader().read(packed)
        let b = try LiteReader().read(plain)
        #expect(a == b)
        #expect(a == LiteTestModels.liteView(Self.model))
        // Deterministic: the same model gives the same bytes.
        #expect(try LiteWriter().serialize(Self.model) == packed)
    }

    @Test func deflateRoundTripsAndRejectsBadStreams() throws {
        let text = [UInt8]((0..<5000).map { UInt8(truncatingIfNeeded: $0 % 97) })
        let packed = try #require(LiteDeflate.compress(text))
        #expect(packed.count < text.count)
        func inflate(_ bytes: [UInt8], to n: Int) -> [UInt8]? {
            var out = [UInt8](repeating: 0, count: n)
            let ok = bytes.withUnsafeBytes { src in out.withUnsafeMutableBytes { LiteDeflate.inflate(src, into: $0) } }
            return ok ? out : nil
        }
        #expect(inflate(packed, to: text.count) == text)
        #expect(inflate(packed, to: text.count - 1) == nil, "output too small")
        #expect(inflate(packed, to: text.count + 1) == nil, "output too large")
        #expect(inflate(packed + [0], to: text.count) == nil, "trailing bytes")
        #expect(inflate(Array(packed.dropLast()), to: text.count) == nil, "truncated stream")
        #expect(inflate([0xFF, 0xFF, 0xFF], to: 10) == nil, "invalid block type")
    }

    /// A compressed `NODE` section rebuilt from parts with correct CRCs, so only the
    /// compression fields can be wrong.
    func packedParts() throws -> (LiteFileParts, Int) {
        var parts = try LiteFileParts(try LiteWriter().serialize(Self.model))
        let i = try #require(parts.sections.firstIndex { $0.kind == LiteFormat.SectionKind.nodes.rawValue })
        let plain = parts.sections[i].bytes
        parts.sections[i].bytes = try #require(LiteDeflate.compress(plain))
        parts.sections[i].flags |= LiteFormat.sectionDeflated
        parts.sections[i].reserved = UInt32(plain.count)
        parts.flags |= LiteFormat.flagDeflatedSections
        return (parts, i)
    }

    @Test func rebuiltCompressedSectionReads() throws {
        let (parts, _) = try packedParts()
        #expect(try LiteReader().read(parts.build()) == LiteTestModels.liteView(Self.model))
    }

    @Test func hostileCompressionFieldsAreRejected() throws {
        let (base, i) = try packedParts()
        let declared = base.sections[i].reserved

        var parts = base
        parts.flags &= ~LiteFormat.flagDeflatedSections
        #expect(expectRejected(parts.build(), "no header flag")?.message.contains("flag") == true)

        for (n, what) in [(declared - 1, "short"), (declared + 8, "long"), (0, "zero")] {
            parts = base
            parts.sections[i].reserved = n
            _ = expectRejected(parts.build(), "inflated length \(what)")
        }

        parts = base
        parts.sections[i].reserved = UInt32.max  // a bomb claim far past DEFLATE's 1032:1
        let bomb = expectRejected(parts.build(), "ratio lie")
        #expect(bomb?.message.contains("DEFLATE cannot") == true)

        parts = base
        parts.sections[i].bytes[parts.sections[i].bytes.count / 2] ^= 0x5A  // CRC recomputed
        _ = expectRejected(parts.build(), "corrupt stream")

        parts = base
        let w = try #require(parts.sections.firstIndex { $0.kind == LiteFormat.SectionKind.weights.rawValue })
        parts.sections[w].flags |= LiteFormat.sectionDeflated
        #expect(expectRejected(parts.build(), "weights compressed")?.message.contains("weights") == true)

        var small = LiteReader.Options()
        small.maxInflatedTableBytes = Int(declared) - 1
        #expect(expectRejected(base.build(), options: small, "inflation budget")?.code == .limitExceeded)
    }

    @Test func everyTruncationAndFlipOfACompressedFileThrows() throws {
        let full = try LiteWriter().serialize(Self.model)
        try #require(try LiteReader().info(full).sections.contains { $0.inflatedLength != nil })
        for n in 0..<full.count {
            _ = expectRejected(full.prefix(n), "truncated to \(n) bytes")
        }
        var state: UInt64 = 0xDEF1A7E
        for trial in 0..<1000 {
            var b = [UInt8](full)
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            b[Int((state >> 33) % UInt64(b.count))] ^= UInt8(1 + (state >> 13) % 255)
            _ = expectRejected(Data(b), options: .init(verifyWeights: true), "flip \(trial)")
        }
    }
}
