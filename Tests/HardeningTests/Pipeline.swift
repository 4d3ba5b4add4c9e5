import Foundation
import KilnCheck
import KilnIR
import KilnJSON
import KilnONNX
import KilnRuntime

/// The whole path a file takes through Kiln (read → verify → check → plan → run on small
/// seeded random inputs), with limits small enough that a hostile file is refused quickly.
/// Every failure must be a `KilnError`; anything else (or a crash) is a bug.
enum Pipeline {
    /// How far one input got.
    enum Stage: String, CaseIterable, Comparable {
        case read, verify, check, plan, run, ran
        static func < (a: Stage, b: Stage) -> Bool {
            (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
        }
    }

    /// Where it stopped, and the error that stopped it (nil when it ran to the end).
    struct Outcome {
        var stage: Stage
        var error: (any Error)?
        /// True when the error is not a `KilnError` (a bug: every failure must be one).
        var foreignError: Bool { error != nil && !(error is KilnError) }
    }

    static let modelLimits = ModelLimits(
        maxTotalTensorBytes: 1 << 26, maxTotalNodes: 100_000, maxRank: 16, maxStringBytes: 1 << 16)

    static var onnxOptions: ONNXReader.Options {
        var o = ONNXReader.Options()
        o.maxTensorBytes = 1 << 24
        o.maxNodes = 100_000
        o.messageDepthLimit = 32
        o.modelLimits = modelLimits
        return o
    }

    static var jsonOptions: KilnJSONReader.Options {
        var o = KilnJSONReader.Options(
            maxNestingDepth: 64, maxDocumentBytes: 1 << 24, maxTensorBytes: 1 << 24, maxNodes: 100_000)
        o.modelLimits = modelLimits
        return o
    }

    static func exerciseONNX(_ data: Data, seed: UInt64 = 1) -> Outcome {
        let model: Model
        do {
            model = try ONNXReader(options: onnxOptions).read(data, externalDataRoot: nil)
        } catch {
            return Outcome(stage: .read, error: error)
        }
        return exercise(model, seed: seed)
    }

    static func exerciseJSON(_ data: Data, sidecar: Data?, seed: UInt64 = 1) -> Outcome {
        let model: Model
        do {
            model = try KilnJSONReader(options: jsonOptions).read(data) { _ in
                guard let sidecar else { throw KilnError(.io, "no sidecar") }
                return sidecar
            }
        } catch {
            return Outcome(stage: .read, error: error)
        }
        return exercise(model, seed: seed)
    }

    /// Verify, check, plan and run `model` (a run gets a 5 s budget and 10,000 iterations).
    static func exercise(_ model: Model, seed: UInt64) -> Outcome {
        do { try Verifier().verify(model) } catch { return Outcome(stage: .verify, error: error) }
        _ = ModelChecker().check(model)
        var options = InferenceOptions()
        options.limits = RuntimeLimits(
            maxLoopIterations: 10_000, timeBudget: .seconds(5), maxTensorElements: 1 << 24)
        let plan: InferencePlan
        do { plan = try InferencePlan(model: model, options: options) } catch {
            return Outcome(stage: .plan, error: error)
        }
        do {
            let feeds = try randomFeeds(model.graph, seed: seed)
            _ = try plan.run(feeds)
        } catch {
            return Outcome(stage: .run, error: error)
        }
        return Outcome(stage: .ran, error: nil)
    }

    /// Small random tensors for every runtime input (symbolic and unknown dims are 2; known
    /// dims above 256 or more than 4,096 elements refuse, like a user who would not feed them).
    static func randomFeeds(_ g: Graph, seed: UInt64) throws -> [String: Value] {
        var rng = SeededGenerator(seed: seed)
        var feeds: [String: Value] = [:]
        for info in g.runtimeInputs {
            guard case .tensor(let tt)? = info.type else {
                throw KilnError(.usage, "input '\(info.name)' is not a tensor")
            }
            var shape: [Int64] = []
            for d in tt.shape ?? [] {
                switch d {
                case .known(let v):
                    guard v >= 0, v <= 256 else { throw KilnError(.usage, "input dim \(v) too large for a test") }
                    shape.append(v)
                case .symbol, .unknown: shape.append(2)
                }
            }
            guard let n = Tensor.elementCount(shape), n <= 4096,
                tt.elementType != .string, tt.elementType != .undefined,
                let bytes = tt.elementType.byteCount(elements: n)
            else { throw KilnError(.usage, "input '\(info.name)' cannot be made at random") }
            var data = Data(count: bytes)
            if tt.elementType.isInteger || tt.elementType == .bool {
                // Small values (0...7 in the lowest byte of each element): integer inputs are sizes and
                // indices, and a random int32 would ask for ~2^31 elements (within Kiln's 2^30-element
                // cap after a check, but a multi-GiB allocation for every such input).
                let width = Swift.max(1, bytes / Swift.max(n, 1))
                for e in 0..<n where e * width < bytes {
                    data[e * width] = UInt8(truncatingIfNeeded: rng.next()) & (tt.elementType == .bool ? 1 : 7)
                }
            } else {
                for i in 0..<bytes { data[i] = UInt8(truncatingIfNeeded: rng.next()) }
            }
            feeds[info.name] = .tensor(Tensor(name: info.name, elementType: tt.elementType, shape: shape, data: data))
        }
        return feeds
    }
}

/// SplitMix64: seeded, so every corruption case is reproducible from its number.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
