import Foundation
import KilnIR
import KilnTestSupport
import Testing

@testable import KilnLite

/// Corrupt and hostile `.klite` files: every one must throw a `KilnError`, never crash or read
/// out of bounds (run under the address sanitizer to check the latter:
/// `swift test --sanitize=address --filter LiteHostileTests`).
@Suite struct LiteHostileTests {
    static let small: Data = {
        // Small but with a subgraph, a splat, strings and a function.
        (try? LiteWriter().serialize(LiteTestModels.everything())) ?? Data()
    }()

    @Test func everyTruncationThrows() throws {
        let full = Self.small
        try #require(full.count > 1000)
        for n in 0..<full.count {
            _ = expectRejected(full.prefix(n), "truncated to \(n) bytes")
        }
    }

    @Test func seededByteFlipsNeverCrash() throws {
        let full = [UInt8](Self.small)
        var state: UInt64 = 0x5EED
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        var rejectedByDefault = 0
        for trial in 0..<3000 {
            var b = full
            let flips = 1 + Int(next() % 3)
            for _ in 0..<flips {
                b[Int(next() % UInt64(b.count))] ^= UInt8(1 + next() % 255)
            }
            // With weight verification every byte is covered by a checksum: always rejected.
            _ = expectRejected(Data(b), options: .init(verifyWeights: true), "flip trial \(trial)")
            // By default weight bytes and padding are not hashed: either an error or a model.
            do {
                _ = try LiteReader().read(Data(b))
            } catch is KilnError {
                rejectedByDefault += 1
            }
        }
        #expect(rejectedByDefault > 2000, "most flips hit checksummed structure")
        print("klite byte flips: \(rejectedByDefault) of 3000 rejected without weight hashing, all with it (\(full.count)-byte file)")
    }

    @Test func checksumMismatchNamesTheSectionAndOffset() throws {
        let parts = try LiteFileParts(Self.small)
        let good = parts.build()
        // Find NODE in the rebuilt file and flip a byte in it without fixing its CRC.
        let entries = try LiteReader().info(good).sections
        let node = try #require(entries.first { $0.kind == "NODE" })
        var b = [UInt8](good)
        b[Int(node.offset) + 12] ^= 0x40
        let e = expectRejected(Data(b), "NODE flipped")
        #expect(e?.message.contains("NODE") == true)
        #expect(e?.message.contains("checksum") == true)
        #expect(e?.location.byteOffset == Int(node.offset))
    }

    @Test func unknownMajorVersionIsRejected() throws {
        var parts = try LiteFileParts(Self.small)
        parts.major = 2
        parts.minor = 0
        let e = expectRejected(parts.build(), "major 2")
        #expect(e?.code == .unsupportedFeature)
        #expect(e?.message.contains("2.0") == true)
    }

    @Test func unknownRequiredFlagIsRejected() throws {
        var parts = try LiteFileParts(Self.small)
        parts.flags = 0x0002  // bit 0 (compressed sections, 1.1) is known; bit 1 is not
        #expect(expectRejected(parts.build(), "required flag")?.code == .unsupportedFeature)
        parts.flags = 0x0001_0000  // optional hint: ignored
        #expect(throws: Never.self) { try LiteReader().read(parts.build()) }
    }

    @Test func newerMinorWithUnknownSectionIsAccepted() throws {
        var parts = try LiteFileParts(Self.small)
        parts.minor = 7
        parts.sections.append(.init(kind: LiteFormat.SectionKind("XTRA").rawValue, flags: 0, bytes: [1, 2, 3, 4, 5]))
        let model = try LiteReader().read(parts.build())
        #expect(model == LiteTestModels.liteView(LiteTestModels.everything()))
        // The same section marked required is refused.
        parts.sections[parts.sections.count - 1].flags = 1
        let e = expectRejected(parts.build(), "unknown required section")
        #expect(e?.message.contains("XTRA") == true)
    }

    @Test func largerRecordsFromANewerMinorAreReadByPrefix() throws {
        var parts = try LiteFileParts(Self.small)
        parts.minor = 1
        // Grow every NODE record by 8 bytes of future fields.
        let old = parts[.nodes]
        let count = Int(old.u32(at: 0))
        var grown: [UInt8] = []
        grown += old[0..<4]
        grown += [64, 0, 0, 0]
        for i in 0..<count {
            grown += old[8 + 56 * i..<8 + 56 * (i + 1)]
            grown += [UInt8](repeating: 0xAB, count: 8)
        }
        parts[.nodes] = grown
        let model = try LiteReader().read(parts.build())
        #expect(model.graph.nodes == LiteTestModels.everything().graph.nodes)
    }

    @Test func hugeCountsAreRejected() throws {
        for kind in [LiteFormat.SectionKind.tensors, .nodes, .uint32Pool, .int64Pool, .attributes] {
            var parts = try LiteFileParts(Self.small)
            var s = parts[kind]
            s.setU32(0xFFFF_FFFF, at: 0)
            parts[kind] = s
            _ = expectRejected(parts.build(), "huge count in \(kind)")
        }
        var parts = try LiteFileParts(Self.small)
        var strs = parts[.strings]
        strs.setU32(0x7FFF_FFFF, at: 0)
        parts[.strings] = strs
        _ = expectRejected(parts.build(), "huge string count")
    }

    @Test func outOfRangeAndOverlappingSectionsAreRejected() throws {
        let parts = try LiteFileParts(Self.small)
        let n = parts.sections.count
        // Offset past the end of the file.
        _ = expectRejected(parts.build(offsetEdits: [n - 1: (1 << 40, 8)]), "offset past end")
        // Length that wraps around.
        _ = expectRejected(parts.build(offsetEdits: [1: (128, UInt64.max - 64)]), "wrapping length")
        // Two sections at the same place.
        let good = try LiteReader().info(parts.build()).sections
        _ = expectRejected(
            parts.build(offsetEdits: [2: (good[1].offset, good[2].length)]), "overlapping sections")
        // Inside the header.
        _ = expectRejected(parts.build(offsetEdits: [3: (8, 8)]), "section in the header")
    }

    @Test func tensorDataOutsideWeightsIsRejected() throws {
        var parts = try LiteFileParts(Self.small)
        var tens = parts[.tensors]
        let original = tens
        tens.setU64(1 << 50, at: 8 + 24)  // record 0 data_offset
        parts[.tensors] = tens
        let e = expectRejected(parts.build(), "tensor data past the end")
        #expect(e?.message.contains("weights region") == true)
        // Partial overlap: tensor 0 starts 64 bytes into the following tensor's data.
        tens = original
        tens.setU64(64, at: 8 + 24)
        parts[.tensors] = tens
        _ = expectRejected(parts.build(), "shifted tensor")
    }

    @Test func subgraphLoopsAndSharingAreRejected() throws {
        let base = try LiteFileParts(Self.small)
        let attrs = base[.attributes]
        let count = Int(attrs.u32(at: 0))
        // Find the If's then_branch (kind 5 = graph).
        let graphAttrs = (0..<count).filter { attrs[8 + 32 * $0 + 12] == 5 }
        try #require(graphAttrs.count >= 2)
        for (target, what) in [(UInt32(0), "points at the main graph"), (UInt32(attrs.u32(at: 8 + 32 * graphAttrs[1] + 16)), "shares a graph")] {
            var parts = base
            var a = attrs
            a.setU64(UInt64(target), at: 8 + 32 * graphAttrs[0] + 16)
            parts[.attributes] = a
            _ = expectRejected(parts.build(), what)
        }
    }

    @Test func sharedRangesCannotMultiplyWork() throws {
        // Point every node's input list at the same range: each range is in bounds, but their
        // sum exceeds the pool, so the reader refuses instead of doing quadratic work.
        var parts = try LiteFileParts(Self.small)
        var nodes = parts[.nodes]
        let count = Int(nodes.u32(at: 0))
        let first = (nodes.u32(at: 8 + 24), nodes.u32(at: 8 + 28))
        for i in 0..<count {
            nodes.setU32(first.0, at: 8 + 56 * i + 24)
            nodes.setU32(first.1 + 3, at: 8 + 56 * i + 28)
        }
        parts[.nodes] = nodes
        _ = expectRejected(parts.build(), "shared ranges")
    }

    @Test func typeLoopsAreRejected() throws {
        var parts = try LiteFileParts(Self.small)
        var types = parts[.types]
        let count = Int(types.u32(at: 0))
        guard let seq = (0..<count).first(where: { [3, 4, 5].contains(types[8 + 16 * $0]) && types[8 + 16 * $0 + 2] & 2 != 0 }) else {
            Issue.record("no nested type in the sample")
            return
        }
        types.setU32(UInt32(seq), at: 8 + 16 * seq + 4)  // inner = itself
        parts[.types] = types
        let e = expectRejected(parts.build(), "type loop")
        #expect(e?.message.contains("no loops") == true)
    }

    @Test func unknownOpCodeAndElementTypeAreRejected() throws {
        var parts = try LiteFileParts(Self.small)
        var nodes = parts[.nodes]
        nodes.setU32(999_999, at: 8)
        parts[.nodes] = nodes
        #expect(expectRejected(parts.build(), "op code")?.code == .unsupportedFeature)
        parts = try LiteFileParts(Self.small)
        var tens = parts[.tensors]
        tens[8 + 8] = 200
        parts[.tensors] = tens
        _ = expectRejected(parts.build(), "element type")
    }
}
