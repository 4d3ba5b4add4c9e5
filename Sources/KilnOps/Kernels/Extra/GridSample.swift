import Foundation
import KilnIR

/// ONNX `GridSample` (16, 20, 22): samples `X` [N, C, D1…Dr] at the normalized locations of
/// `grid` [N, O1…Or, r] (last axis ordered x, y, z…, i.e. reversed spatial dims).
///
/// Modes: `nearest` (round half to even, as PyTorch), `linear`/`bilinear` and
/// `cubic`/`bicubic` (Keys, α = −0.75), separable over any number of spatial dims. Padding:
/// `zeros`, `border`, `reflection`; `align_corners` maps ±1 to pixel centers of the corners.
/// Computes in Double and rounds to X's type.
public struct GridSample: OpDefinition {
    public var domain: String { "" }
    public var opType: String { "GridSample" }
    public init() {}

    enum Interpolation { case nearest, linear, cubic }
    enum Padding { case zeros, border, reflection }

    public func run(_ context: KernelContext) throws -> [Value] {
        let x = try context.tensor(0)
        let grid = try context.tensor(1)
        let xd = x.dims
        let gd = grid.dims
        let r = xd.count - 2
        guard r >= 1 else { throw context.fail("X must have rank >= 3, got \(xd)") }
        guard gd.count == r + 2, gd[0] == xd[0], gd[r + 1] == r else {
            throw context.fail("grid shape \(gd) does not match X shape \(xd)")
        }
        let interpolation: Interpolation
        switch context.string("mode", default: context.opsetVersion >= 20 ? "linear" : "bilinear")
        {
        case "nearest": interpolation = .nearest
        case "linear", "bilinear": interpolation = .linear
        case "cubic", "bicubic": interpolation = .cubic
        case let m: throw context.fail("unknown mode '\(m)'")
        }
        let padding: Padding
        switch context.string("padding_mode", default: "zeros") {
        case "zeros": padding = .zeros
        case "border": padding = .border
        case "reflection": padding = .reflection
        case let m: throw context.fail("unknown padding_mode '\(m)'")
        }
        let align = context.int("align_corners", default: 0) != 0
        let (n, c) = (xd[0], xd[1])
        let spatial = Array(xd[2...])
        let outSpatial = Array(gd[1...r])
        let inSize = try Checked.product(spatial.map(Int64.init))
        let outSize = try Checked.product(outSpatial.map(Int64.init))
        let outShape = [n, c] + outSpatial
        _ = try Checked.product(outShape.map(Int64.init))
        let xv = try x.doubles()
        let gv = try grid.doubles()
        let strides = rowMajorStrides(spatial)
        var y = [Double](repeating: 0, count: n * c * outSize)
        var taps: [(offset: Int, weight: Double)] = []
        for b in 0..<n {
            for p in 0..<outSize {
                let g = (b * outSize + p) * r
                var perDim: [[(Int, Double)]] = []
                perDim.reserveCapacity(r)
                for i in 0..<r {
                    perDim.append(
                        Self.taps(
                            gv[g + r - 1 - i], size: spatial[i], align: align,
                            interpolation: interpolation, padding: padding
                        ).map { ($0.index * strides[i], $0.weight) })
                }
                // Cartesian product of the per-dim taps; a dim with no in-range tap zeroes all.
                taps.removeAll(keepingCapacity: true)
                taps.append((0, 1))
                for dimTaps in perDim {
                    var next: [(offset: Int, weight: Double)] = []
                    next.reserveCapacity(taps.count * dimTaps.count)
                    for t in taps {
                        for (o, w) in dimTaps { next.append((t.offset + o, t.weight * w)) }
                    }
                    taps = next
                }
                for ch in 0..<c {
                    let base = (b * c + ch) * inSize
                    var s = 0.0
                    for t in taps { s += xv[base + t.offset] * t.weight }
                    y[(b * c + ch) * outSize + p] = s
                }
            }
        }
        let out = try Tensor.fromDoubles(y, shape: outShape.map(Int64.init), as: x.elementType)
        return [.tensor(out)]
    }

    /// The input indices along one axis of length `size` and their weights for normalized
    /// coordinate `g`; indices outside the input are dropped (zeros padding) or remapped.
    static func taps(
        _ g: Double, size: Int, align: Bool, interpolation: Interpolation, padding: Padding
    ) -> [(index: Int, weight: Double)] {
        let d = Double(size)
        let lo = align ? 0 : -0.5
        let hi = align ? d - 1 : d - 0.5
        var x = align ? (g + 1) / 2 * (d - 1) : ((g + 1) * d - 1) / 2
        // Non-finite or far-away coordinates only ever read padding; keep them finite.
        if x.isNaN { x = lo - d - 4 }
        x = Swift.min(Swift.max(x, lo - 2 * d - 8), hi + 2 * d + 8)
        if interpolation == .nearest { x.round(.toNearestOrEven) }
        if x < lo || x > hi {
            switch padding {
            case .border: x = Swift.min(Swift.max(x, 0), d - 1)
            case .reflection: x = reflect(x, lo, hi)
            case .zeros: break
            }
        }
        func pixel(_ i: Int) -> Int? {
            switch padding {
            case .zeros: return i >= 0 && i < size ? i : nil
            case .border: return Swift.min(Swift.max(i, 0), size - 1)
            case .reflection:
                let j = Int(reflect(Double(i), lo, hi).rounded(.towardZero))
                return Swift.min(Swift.max(j, 0), size - 1)
            }
        }
        var out: [(index: Int, weight: Double)] = []
        switch interpolation {
        case .nearest:
            if let i = pixel(Int(x.rounded(.towardZero))) { out.append((i, 1)) }
        case .linear:
            let x0 = x.rounded(.down)
            let t = x - x0
            let i0 = Int(x0)
            if let i = pixel(i0) { out.append((i, 1 - t)) }
            if let i = pixel(i0 + 1) { out.append((i, t)) }
        case .cubic:
            let x0 = x.rounded(.down)
            let i0 = Int(x0)
            let w = cubicCoefficients(x - x0)
            for k in 0..<4 {
                if let i = pixel(i0 - 1 + k) { out.append((i, w[k])) }
            }
        }
        return out
    }

    /// Reflects `x` by the nearer border until it lies in `[lo, hi]`.
    static func reflect(_ x: Double, _ lo: Double, _ hi: Double) -> Double {
        let range = hi - lo
        guard range > 0 else { return lo }
        if x < lo {
            let dx = lo - x
            let k = (dx / range).rounded(.towardZero)
            let rem = dx - k * range
            return k.truncatingRemainder(dividingBy: 2) == 0 ? lo + rem : hi - rem
        }
        if x > hi {
            let dx = x - hi
            let k = (dx / range).rounded(.towardZero)
            let rem = dx - k * range
            return k.truncatingRemainder(dividingBy: 2) == 0 ? hi - rem : lo + rem
        }
        return x
    }

    /// Keys cubic convolution weights (α = −0.75) for taps at −1, 0, 1, 2 around fraction `t`.
    static func cubicCoefficients(_ t: Double) -> [Double] {
        let a = -0.75
        let x = abs(t)
        let c0 = ((a * (x + 1) - 5 * a) * (x + 1) + 8 * a) * (x + 1) - 4 * a
        let c1 = ((a + 2) * x - (a + 3)) * x * x + 1
        let c2 = ((a + 2) * (1 - x) - (a + 3)) * (1 - x) * (1 - x) + 1
        let c3 = ((a * (2 - x) - 5 * a) * (2 - x) + 8 * a) * (2 - x) - 4 * a
        return [c0, c1, c2, c3]
    }
}
