import Foundation
import KilnIR

/// ONNX `Resize` (10, 11, 13, 18, 19) and `Upsample` (7, 9): separable interpolation, one axis
/// at a time, exactly as the ONNX reference does it (`_interpolate_1d_along_axis`).
///
/// For each resized axis and each output index the source coordinate `x` comes from
/// `coordinate_transformation_mode`; the mode (nearest, linear, cubic, optionally antialiased)
/// gives `n` weights for the `n` input neighbours around `x` (indices clamped to the edge);
/// `exclude_outside` zeroes and renormalizes weights of out-of-range neighbours, and
/// tf_crop_and_resize writes `extrapolation_value` where `x` leaves the input.
public struct Resize: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "Resize" }
    public init() {}

    public func run(_ context: KernelContext) throws -> [Value] {
        let r = try Self.request(context)
        return [.tensor(try ResizeMath.resize(
            context, r.x, axes: r.axes, scales: r.scales, sizes: r.sizes, roi: r.roi,
            policy: r.policy, settings: r.settings))]
    }

    /// The node's inputs and attributes, parsed as `run` reads them.
    package static func request(_ context: KernelContext) throws -> ResizeMath.Request {
        let ctx = context
        let x = try ctx.tensor(0)
        let rank = x.shape.count
        var roi: [Double]? = nil
        var scales: [Double]? = nil
        var sizes: [Int]? = nil
        if ctx.opsetVersion < 11 {
            scales = try ctx.tensor(1).doubles()
        } else {
            if let r = try ctx.optionalTensor(1), (r.elementCount ?? 0) > 0 { roi = try r.doubles() }
            if let s = try ctx.optionalTensor(2), (s.elementCount ?? 0) > 0 {
                scales = try s.doubles().map { Double(Float($0)) }
            }
            if let s = try ctx.optionalTensor(3), (s.elementCount ?? 0) > 0 {
                sizes = try NNTensor.ints(s, ctx).map { Int($0) }
            }
        }
        let legacy = ctx.opsetVersion < 11
        let settings = ResizeMath.Settings(
            mode: ctx.string("mode", default: "nearest"),
            coordinateMode: legacy
                ? "asymmetric" : ctx.string("coordinate_transformation_mode", default: "half_pixel"),
            nearestMode: legacy ? "floor" : ctx.string("nearest_mode", default: "round_prefer_floor"),
            cubicA: Double(ctx.float("cubic_coeff_a", default: -0.75)),
            excludeOutside: ctx.int("exclude_outside", default: 0) != 0,
            extrapolation: Double(ctx.float("extrapolation_value", default: 0)),
            antialias: ctx.int("antialias", default: 0) != 0)
        let axes = try ctx.ints("axes").map { try Axis.normalize($0, rank: rank, op: "Resize") }
            ?? Array(0..<rank)
        let policy = ctx.string("keep_aspect_ratio_policy", default: "stretch")
        return ResizeMath.Request(
            x: x, axes: axes, scales: scales, sizes: sizes, roi: roi, policy: policy,
            settings: settings)
    }
}

/// ONNX `Upsample` (7, 9; deprecated by Resize): scales as attribute (7) or input (9).
public struct Upsample: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "Upsample" }
    public init() {}

    public func run(_ context: KernelContext) throws -> [Value] {
        let x = try context.tensor(0)
        let scales: [Double]
        if context.opsetVersion < 9 {
            scales = (context.floats("scales") ?? []).map { Double($0) }
        } else {
            scales = try context.tensor(1).doubles()
        }
        let mode = context.string("mode", default: "nearest")
        let settings = ResizeMath.Settings(
            mode: mode == "bilinear" ? "linear" : mode, coordinateMode: "asymmetric",
            nearestMode: "floor", cubicA: -0.75, excludeOutside: false, extrapolation: 0,
            antialias: false)
        return [.tensor(try ResizeMath.resize(
            context, x, axes: Array(0..<x.shape.count), scales: scales, sizes: nil, roi: nil,
            policy: "stretch", settings: settings))]
    }
}

package enum ResizeMath {
    /// A Resize node's operands: the tensor, resized axes, scales or sizes, roi and settings.
    package struct Request {
        package var x: Tensor
        package var axes: [Int]
        package var scales: [Double]?
        package var sizes: [Int]?
        package var roi: [Double]?
        package var policy: String
        package var settings: Settings
    }

    package struct Settings {
        var mode: String
        var coordinateMode: String
        var nearestMode: String
        var cubicA: Double
        var excludeOutside: Bool
        var extrapolation: Double
        var antialias: Bool
    }

    /// Per-axis scale, output dims and full-rank roi of a resize of `dims`.
    static func geometry(
        _ ctx: KernelContext, _ dims: [Int], axes: [Int], scales: [Double]?, sizes: [Int]?,
        roi roiIn: [Double]?, policy: String
    ) throws -> (scale: [Double], out: [Int], roi: [Double]?) {
        let r = dims.count
        var scale = [Double](repeating: 1, count: r)
        var out = dims
        var roi: [Double]? = nil
        if let roiIn {
            guard roiIn.count == 2 * axes.count || roiIn.count == 2 * r else {
                throw ctx.fail("roi must have \(2 * axes.count) values")
            }
            if roiIn.count == 2 * r && axes.count == r {
                roi = roiIn
            } else {
                var full = [Double](repeating: 0, count: r) + [Double](repeating: 1, count: r)
                for (i, a) in axes.enumerated() {
                    full[a] = roiIn[i]
                    full[r + a] = roiIn[axes.count + i]
                }
                roi = full
            }
        }
        if let sizes {
            guard sizes.count == axes.count, sizes.allSatisfy({ $0 >= 0 }) else {
                throw ctx.fail("sizes must hold \(axes.count) non-negative values")
            }
            for (i, a) in axes.enumerated() {
                out[a] = sizes[i]
                scale[a] = dims[a] > 0 ? Double(sizes[i]) / Double(dims[a]) : 1
            }
            if policy != "stretch" {
                let chosen = axes.map { scale[$0] }
                guard let s = policy == "not_larger" ? chosen.min() : chosen.max(),
                    policy == "not_larger" || policy == "not_smaller"
                else { throw ctx.fail("unknown keep_aspect_ratio_policy '\(policy)'") }
                for a in axes {
                    scale[a] = s
                    out[a] = Int(s * Double(dims[a]) + 0.5)
                }
            }
        } else if let scales {
            guard scales.count == axes.count, scales.allSatisfy({ $0 >= 1e-9 && $0.isFinite }) else {
                throw ctx.fail("scales must hold \(axes.count) positive, finite values")
            }
            for (i, a) in axes.enumerated() {
                scale[a] = scales[i]
                let o = scales[i] * Double(dims[a])
                guard o < 1e12 else { throw ctx.fail("output dim is too large") }
                out[a] = Int(o)
            }
        } else {
            throw ctx.fail("one of scales or sizes is required")
        }
        guard out.allSatisfy({ $0 >= 0 }), (try? Checked.product(out.map { Int64($0) })) != nil else {
            throw ctx.fail("output shape \(out) is too large")
        }
        return (scale, out, roi)
    }

    static func resize(
        _ ctx: KernelContext, _ x: Tensor, axes: [Int], scales: [Double]?, sizes: [Int]?,
        roi roiIn: [Double]?, policy: String, settings: Settings
    ) throws -> Tensor {
        let dims = try NNTensor.dims(x, ctx)
        let r = dims.count
        let (scale, out, roi) = try geometry(
            ctx, dims, axes: axes, scales: scales, sizes: sizes, roi: roiIn, policy: policy)
        var data = try x.doubles()
        var shape = dims
        for a in axes {
            let trivialRoi = roi.map { abs($0[a]) < 1e-9 && abs($0[a + r] - 1) < 1e-9 } ?? true
            if abs(scale[a] - 1) < 1e-9 && out[a] == shape[a] && trivialRoi { continue }
            data = try axis1d(
                ctx, data, shape: shape, axis: a, scale: scale[a], outWidth: out[a],
                roi: roi.map { [$0[a], $0[a + r]] }, settings: settings)
            shape[a] = out[a]
        }
        if x.elementType.isInteger {
            data = data.map { $0.rounded(.toNearestOrEven) }
        }
        return try Tensor.fromDoubles(data, shape: shape.map { Int64($0) }, as: x.elementType)
    }

    /// Weights for one output position at fractional offset `ratio` (1 when x is integral).
    static func coefficients(_ ratio: Double, scale: Double, _ s: Settings) throws -> [Double] {
        switch s.mode {
        case "nearest":
            if ratio == 1 || ratio == ratio.rounded(.down) { return [0, 1] }
            switch s.nearestMode {
            case "round_prefer_floor": return ratio <= 0.5 ? [1, 0] : [0, 1]
            case "round_prefer_ceil": return ratio < 0.5 ? [1, 0] : [0, 1]
            case "floor": return [1, 0]
            case "ceil": return [0, 1]
            default: throw KilnError(.malformedInput, "Resize: unknown nearest_mode '\(s.nearestMode)'")
            }
        case "linear":
            if !s.antialias { return [1 - ratio, ratio] }
            let sc = min(scale, 1)
            let start = Int((-1 / sc).rounded(.down)) + 1
            let footprint = 2 - 2 * start
            var c = (0..<footprint).map { max(0, min(1, 1 - abs((Double(start + $0) - ratio) * sc))) }
            let sum = c.reduce(0, +)
            c = c.map { $0 / sum }
            return c
        case "cubic":
            let a = s.cubicA
            if !s.antialias {
                let r1 = ratio + 1
                let q = 1 - ratio
                let q1 = q + 1
                return [
                    ((a * r1 - 5 * a) * r1 + 8 * a) * r1 - 4 * a,
                    ((a + 2) * ratio - (a + 3)) * ratio * ratio + 1,
                    ((a + 2) * q - (a + 3)) * q * q + 1,
                    ((a * q1 - 5 * a) * q1 + 8 * a) * q1 - 4 * a,
                ]
            }
            let sc = min(scale, 1)
            func k(_ v: Double) -> Double {
                let x = abs(v)
                if x <= 1 { return (a + 2) * x * x * x - (a + 3) * x * x + 1 }
                if x < 2 { return a * x * x * x - 5 * a * x * x + 8 * a * x - 4 * a }
                return 0
            }
            let iStart = Int((-2 / sc).rounded(.down)) + 1
            let iEnd = 2 - iStart
            let c = (iStart..<iEnd).map { k(sc * (Double($0) - ratio)) }
            let sum = c.reduce(0, +)
            return c.map { $0 / sum }
        default:
            throw KilnError(.malformedInput, "Resize: unknown mode '\(s.mode)'")
        }
    }

    static func axis1d(
        _ ctx: KernelContext, _ data: [Double], shape: [Int], axis: Int, scale: Double,
        outWidth: Int, roi: [Double]?, settings s: Settings
    ) throws -> [Double] {
        let inWidth = shape[axis]
        let outer = shape[..<axis].reduce(1, *)
        let inner = shape[(axis + 1)...].reduce(1, *)
        var result = [Double](repeating: 0, count: outer * outWidth * inner)
        guard outWidth > 0, inWidth > 0 else { return result }
        let (taps, extrapolated) = try taps(
            ctx, inWidth: inWidth, scale: scale, outWidth: outWidth, roi: roi, settings: s)
        for o in 0..<outer {
            for y in 0..<outWidth {
                let dst = (o * outWidth + y) * inner
                if extrapolated[y] {
                    for i in 0..<inner { result[dst + i] = s.extrapolation }
                    continue
                }
                for (idx, w) in taps[y] where w != 0 {
                    let src = (o * inWidth + idx) * inner
                    for i in 0..<inner { result[dst + i] += w * data[src + i] }
                }
            }
        }
        return result
    }

    /// The input neighbours and weights of every output position along one axis, and whether
    /// the position lies outside the input (tf_crop_and_resize extrapolation).
    static func taps(
        _ ctx: KernelContext, inWidth: Int, scale: Double, outWidth: Int, roi: [Double]?,
        settings s: Settings
    ) throws -> (taps: [[(index: Int, weight: Double)]], extrapolated: [Bool]) {
        let outputWidth = scale * Double(inWidth)
        var taps: [[(index: Int, weight: Double)]] = []
        var extrapolated = [Bool](repeating: false, count: outWidth)
        for y in 0..<outWidth {
            let yd = Double(y)
            var xo: Double
            switch s.coordinateMode {
            case "align_corners":
                xo = outputWidth == 1 ? 0 : yd * Double(inWidth - 1) / (outputWidth - 1)
            case "asymmetric":
                xo = yd / scale
            case "tf_crop_and_resize":
                guard let roi else { throw ctx.fail("tf_crop_and_resize needs roi") }
                xo = outputWidth == 1
                    ? (roi[1] - roi[0]) * Double(inWidth - 1) / 2
                    : yd * (roi[1] - roi[0]) * Double(inWidth - 1) / (outputWidth - 1)
                xo += roi[0] * Double(inWidth - 1)
                extrapolated[y] = xo < 0 || xo > Double(inWidth - 1)
            case "pytorch_half_pixel":
                xo = outputWidth == 1 ? -0.5 : (yd + 0.5) / scale - 0.5
            case "half_pixel":
                xo = (yd + 0.5) / scale - 0.5
            case "half_pixel_symmetric":
                let adjustment = Double(outWidth) / outputWidth
                let center = Double(inWidth) / 2
                xo = center * (1 - adjustment) + (yd + 0.5) / scale - 0.5
            default:
                throw ctx.fail("unknown coordinate_transformation_mode '\(s.coordinateMode)'")
            }
            let xi = xo.rounded(.down)
            let ratio = xo == xi ? 1 : xo - xi
            var coeffs = try coefficients(ratio, scale: scale, s)
            let n = coeffs.count
            let pad = (n + 1) / 2
            let xp = xo + Double(pad)
            let p = xp.rounded(.down)
            let frac = xp - p
            let offset: Int
            if n % 2 == 0 {
                offset = frac == 0 ? -(n / 2) : -(n / 2) + 1
            } else {
                offset = frac <= 0.5 ? -((n - 1) / 2) : -((n - 1) / 2) + 1
            }
            guard abs(p) < 1e15 else { throw ctx.fail("source coordinate out of range") }
            let start = Int(p) + offset - pad
            if s.excludeOutside {
                for j in 0..<n where start + j < 0 || start + j >= inWidth { coeffs[j] = 0 }
                var sum = coeffs.reduce(0, +)
                if sum == 0 { sum = 1 }
                coeffs = coeffs.map { $0 / sum }
            }
            taps.append((0..<n).map { j in (min(max(start + j, 0), inWidth - 1), coeffs[j]) })
        }
        return (taps, extrapolated)
    }

    /// For a resize where every output element copies exactly one input element (nearest
    /// mode without extrapolation or renormalization), the output dims and, per axis, the
    /// source index of every output index; nil otherwise. Copying by these maps gives the
    /// same values as `resize`.
    package static func nearestIndexMaps(_ ctx: KernelContext, _ q: Request) throws
        -> (out: [Int], maps: [[Int]])?
    {
        let s = q.settings
        guard s.mode == "nearest", !s.excludeOutside, !s.antialias,
            s.coordinateMode != "tf_crop_and_resize"
        else { return nil }
        let dims = try NNTensor.dims(q.x, ctx)
        let (scale, out, roi) = try geometry(
            ctx, dims, axes: q.axes, scales: q.scales, sizes: q.sizes, roi: q.roi,
            policy: q.policy)
        var maps = dims.map { Array(0..<$0) }
        // The reference's axis passes turn -0.0 into +0.0; with no pass at all it returns X
        // as is, so that case stays with the reference.
        var resized = false
        for a in q.axes {
            let r = dims.count
            let trivialRoi = roi.map { abs($0[a]) < 1e-9 && abs($0[a + r] - 1) < 1e-9 } ?? true
            if abs(scale[a] - 1) < 1e-9 && out[a] == dims[a] && trivialRoi { continue }
            guard dims[a] > 0 else { return nil }
            guard out[a] > 0 else {
                maps[a] = []
                resized = true
                continue
            }
            let (taps, _) = try taps(
                ctx, inWidth: dims[a], scale: scale[a], outWidth: out[a],
                roi: roi.map { [$0[a], $0[a + r]] }, settings: s)
            var map: [Int] = []
            map.reserveCapacity(out[a])
            for t in taps {
                let live = t.filter { $0.weight != 0 }
                guard live.count == 1, live[0].weight == 1 else { return nil }
                map.append(live[0].index)
            }
            maps[a] = map
            resized = true
        }
        return resized ? (out, maps) : nil
    }
}
