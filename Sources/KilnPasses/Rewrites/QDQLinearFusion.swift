import Foundation
import KilnIR
import KilnOps

/// A quantize–dequantize (QDQ) convolution or matmul ⇒ its integer op, the form onnxruntime
/// runs for QDQ models (its QDQ selector/action transformers):
///
///     DequantizeLinear(x_q, x_s, x_zp) ─┐
///     DequantizeLinear(W_q, w_s, w_zp) ─┼→ Conv [→ Relu] → QuantizeLinear(y_s, y_zp) → y_q
///     [DequantizeLinear(B_q, x_s·w_s) | B] ┘
///       ⇒ QLinearConv(x_q, x_s, x_zp, W_q, w_s, w_zp, y_s, y_zp, B_q) → y_q
///
///     DequantizeLinear(a_q) · DequantizeLinear(B_q) → MatMul → QuantizeLinear
///       ⇒ QLinearMatMul(a_q, a_s, a_zp, B_q, b_s, b_zp, y_s, y_zp)
///
/// A Relu before the QuantizeLinear is absorbed when y's zero point is its type's minimum
/// (saturation then clips exactly as the Relu would). x and y are per-tensor 8-bit; W is a constant
/// 8-bit tensor, per tensor or per output channel (Conv: DequantizeLinear axis 0; MatMul: 2-D B per
/// column, axis 1, with one zero point). A float32 bias is quantized to int32 with scale `x_s·w_s`
/// (round half to even, as onnxruntime's quantizer does); a dequantized int32 bias whose scale is
/// exactly `x_s·w_s` is used as it is. The integer op rounds once, after exact integer
/// accumulation, so results may differ from the float graph by one quantization step where the
/// float sum rounded differently (as in onnxruntime). The result is standard ONNX (opset ≥ 10).
struct QDQLinearFusion: RewriteRule {
    /// `"Conv"` or `"MatMul"`.
    let opType: String
    var name: String { opType == "Conv" ? "qdq-conv" : "qdq-matmul" }
    let root = OpKey(opType: "QuantizeLinear")
    let benefit = 2

    func apply(at ref: NodeRef, in g: inout GraphEditor) -> Bool {
        let q = g[ref]
        // A Relu between the op and the quantization is implied by saturation when the zero
        // point is the type's minimum: Q(relu(v)) = Q(v) for every v.
        let relu = q.inputs.isEmpty ? nil : g.absorbable(q.inputs[0], "Relu")
        let produced = relu.map { g[$0].inputs.first ?? "" } ?? q.inputs.first ?? ""
        guard (g.opsetVersion() ?? 0) >= 10, q.inputs.count >= 2, q.outputs.count == 1,
            let op = g.absorbable(produced, opType),
            q.attribute("output_dtype").map({ $0.int == 2 }) ?? true,
            let y = Self.quantParams(
                q.inputs[1], q.inputs.count > 2 ? q.inputs[2] : "",
                type: q.inputs.count > 2
                    ? g.constant(q.inputs[2])?.elementType ?? .undefined : .uint8,
                in: g),
            y.perTensor,
            relu == nil || Self.isTypeMinimum(q.inputs.count > 2 ? q.inputs[2] : "", in: g)
        else { return false }
        let n = g[op]
        guard n.inputs.count >= 2, !g.isGraphOutput(n.outputs[0]),
            let x = Self.dequantized(n.inputs[0], in: g),
            let xp = Self.quantParams(x.scale, x.zeroPoint, type: x.type, in: g), xp.perTensor,
            let w = Self.dequantized(n.inputs[1], in: g), let wT = g.constant(w.value),
            wT.elementType == .int8 || wT.elementType == .uint8,
            let wp = Self.weightParams(w, type: wT.elementType, in: g)
        else { return false }
        let fused: Node
        if opType == "Conv" {
            guard wT.shape.count >= 3, let m = Int(exactly: wT.shape[0]),
                wp.scales.count == 1 || (wp.scales.count == m && w.axis == 0),
                wp.zeroPointCount == 1 || wp.zeroPointCount == m
            else { return false }
            var bias: Bias?
            if n.inputs.count > 2, !n.inputs[2].isEmpty {
                let scales = (0..<m).map { xp.scales[0] * wp.scales[wp.scales.count == 1 ? 0 : $0] }
                guard let b = Self.quantizedBias(n.inputs[2], scales: scales, in: g) else {
                    return false
                }
                bias = b
            }
            var inputs = [
                x.value, xp.scaleName, xp.name(in: &g), w.value, wp.scale(in: &g),
                wp.name(in: &g), y.scaleName, y.name(in: &g),
            ]
            switch bias {
            case .existing(let name)?: inputs.append(name)
            case .new(let t)?: inputs.append(g.addConstant(t, base: n.inputs[2] + "_quantized"))
            case nil: break
            }
            fused = Node(
                name: n.name, opType: "QLinearConv", inputs: inputs, outputs: q.outputs,
                attributes: n.attributes)
        } else {
            guard n.inputs.count == 2, wT.shape.count == 2, let cols = Int(exactly: wT.shape[1]),
                wp.scales.count == 1 || (wp.scales.count == cols && (w.axis == 1 || w.axis == -1)),
                let bZero = Self.uniformZeroPoint(wp, in: g)
            else { return false }
            // QLinearMatMul takes one b zero point: a per-column one whose values all agree
            // becomes a scalar.
            let bZeroName =
                wp.zeroPointCount == 1
                ? wp.name(in: &g) : g.addConstant(bZero, base: wp.scaleName + "_zero_point")
            fused = Node(
                name: n.name, opType: "QLinearMatMul",
                inputs: [
                    x.value, xp.scaleName, xp.name(in: &g), w.value, wp.scale(in: &g),
                    bZeroName, y.scaleName, y.name(in: &g),
                ],
                outputs: q.outputs)
        }
        g.remove(ref)
        if let relu { g.remove(relu) }
        g.update(op, fused)
        return true
    }

    /// The single zero point of `p` as a scalar tensor (its values must all agree), or nil.
    static func uniformZeroPoint(_ p: QuantParams, in g: GraphEditor) -> Tensor? {
        guard let name = p.zeroPointName else {
            return p.type == .uint8
                ? Tensor(shape: [], values: [UInt8(0)]) : Tensor(shape: [], values: [Int8(0)])
        }
        guard let z = g.constant(name) else { return nil }
        if z.elementType == .uint8, let v = z.values(as: UInt8.self), Set(v).count == 1 {
            return Tensor(shape: [], values: [v[0]])
        }
        if z.elementType == .int8, let v = z.values(as: Int8.self), Set(v).count == 1 {
            return Tensor(shape: [], values: [v[0]])
        }
        return nil
    }

    /// True when the zero point `name` (empty: uint8 0) is its type's minimum (0 or -128).
    static func isTypeMinimum(_ name: String, in g: GraphEditor) -> Bool {
        guard !name.isEmpty else { return true }
        guard let z = g.constant(name), z.elementCount == 1 else { return false }
        if z.elementType == .uint8 { return z.values(as: UInt8.self) == [0] }
        if z.elementType == .int8 { return z.values(as: Int8.self) == [-128] }
        return false
    }

    /// A DequantizeLinear's input, scale, zero point (may be empty), axis and input type.
    struct Dequantized {
        let value: String
        let scale: String
        let zeroPoint: String
        let axis: Int64
        let type: ElementType
        /// The scales of the `Mul(Cast(W_q), s)` form as a flat list (one value, or one per
        /// slice along `axis`): `scale` then names a broadcast-shaped tensor such as
        /// `[M, 1, 1, 1]` that the integer ops cannot take as it is.
        var flatScale: [Float]? = nil
    }

    /// The DequantizeLinear feeding `value`, or the opset < 13 per-channel form of a constant
    /// weight `Mul(Cast(W_q, to float), s)` (`s` constant: a scalar, or one value per slice
    /// along one axis of `W_q` in broadcast shape), which is DequantizeLinear with zero point 0.
    static func dequantized(_ value: String, in g: GraphEditor) -> Dequantized? {
        guard let p = g.producer(of: value) else { return nil }
        guard g[p].opType == "DequantizeLinear" else { return castDequantized(p, in: g) }
        guard g[p].normalizedDomain.isEmpty, g[p].inputs.count >= 2, g[p].outputs.count == 1,
            g[p].attribute("block_size") == nil,
            let type = quantizedType(of: g[p].inputs[0], in: g), type == .uint8 || type == .int8
        else { return nil }
        let n = g[p]
        return Dequantized(
            value: n.inputs[0], scale: n.inputs[1],
            zeroPoint: n.inputs.count > 2 ? n.inputs[2] : "",
            axis: n.attribute("axis")?.int ?? 1, type: type)
    }

    /// `Mul(Cast(W_q), s)` or `Mul(s, Cast(W_q))` with `W_q` an 8-bit constant, as
    /// `Dequantized` with an empty zero point and the scales flattened.
    static func castDequantized(_ mul: NodeRef, in g: GraphEditor) -> Dequantized? {
        let m = g[mul]
        guard m.opType == "Mul", m.normalizedDomain.isEmpty, m.inputs.count == 2,
            m.outputs.count == 1
        else { return nil }
        return castDequantized(m.inputs[0], scale: m.inputs[1], in: g)
            ?? castDequantized(m.inputs[1], scale: m.inputs[0], in: g)
    }

    /// The 8-bit constant `node` casts to float32 (or, with `float16`, also to float16), if it
    /// is such a `Cast`: the dequantization of opsets before 13. Also what `fold-constants`
    /// never folds (`FoldConstants.dequantizes`).
    static func eightBitConstantCast(_ node: Node, in g: GraphEditor, float16: Bool = false)
        -> String?
    {
        // (`attribute("to")?.int == …` in a guard crashes Swift 6.3.1's optimizer.)
        let to = node.attributes.first { $0.name == "to" }.flatMap { a -> Int64? in
            if case .int(let v) = a.value { return v }
            return nil
        }
        guard node.opType == "Cast", node.normalizedDomain.isEmpty, node.inputs.count == 1,
            to == Int64(ElementType.float32.rawValue)
                || (float16 && to == Int64(ElementType.float16.rawValue)),
            let t = g.constant(node.inputs[0])?.elementType, t == .int8 || t == .uint8
        else { return nil }
        return node.inputs[0]
    }

    private static func castDequantized(_ casted: String, scale s: String, in g: GraphEditor)
        -> Dequantized?
    {
        guard let cast = g.producer(of: casted),
            let qName = Self.eightBitConstantCast(g[cast], in: g), let q = g.constant(qName),
            let scale = g.constant(s), let values = g.floatConstant(s), !values.isEmpty,
            scale.shape.count <= q.shape.count
        else { return nil }
        // Right-aligned broadcast: at most one dim of s is not 1, and it spans W's dim.
        let offset = q.shape.count - scale.shape.count
        let wide = scale.shape.indices.filter { scale.shape[$0] != 1 }
        if wide.isEmpty {
            return Dequantized(
                value: qName, scale: s, zeroPoint: "", axis: 1, type: q.elementType,
                flatScale: [values[0]])
        }
        guard wide.count == 1 else { return nil }
        let axis = wide[0] + offset
        guard scale.shape[wide[0]] == q.shape[axis] else { return nil }
        return Dequantized(
            value: qName, scale: s, zeroPoint: "", axis: Int64(axis), type: q.elementType,
            flatScale: values)
    }

    /// The parameters of weight `w`: its DequantizeLinear's, or (Cast·Mul form) its flattened
    /// scales, added as a 1-D constant when the rewrite commits.
    static func weightParams(_ w: Dequantized, type: ElementType, in g: GraphEditor)
        -> QuantParams?
    {
        guard let flat = w.flatScale else {
            return quantParams(w.scale, w.zeroPoint, type: type, in: g)
        }
        guard flat.allSatisfy({ $0 > 0 && $0.isFinite }) else { return nil }
        return QuantParams(
            scales: flat, scaleName: w.scale, zeroPointName: nil, zeroPointCount: 1, type: type,
            flatScale: true)
    }

    /// Constant scales and zero points; an omitted zero point is made, when the rewrite
    /// commits, as a zero constant of `type` (QLinearConv and QLinearMatMul need one).
    struct QuantParams {
        let scales: [Float]
        let scaleName: String
        let zeroPointName: String?
        let zeroPointCount: Int
        let type: ElementType
        /// `scaleName` is broadcast-shaped: `scale(in:)` adds `scales` as a 1-D constant.
        var flatScale = false
        var perTensor: Bool { scales.count == 1 && zeroPointCount == 1 }

        /// The scale input of an integer op: `scaleName`, or a new 1-D (or scalar) constant.
        func scale(in g: inout GraphEditor) -> String {
            guard flatScale else { return scaleName }
            let shape: [Int64] = scales.count == 1 ? [] : [Int64(scales.count)]
            return g.addConstant(Tensor(shape: shape, values: scales), base: scaleName + "_flat")
        }

        /// The zero point's name, adding the zero constant when there was none.
        func name(in g: inout GraphEditor) -> String {
            if let zeroPointName { return zeroPointName }
            let zero =
                type == .uint8
                ? Tensor(shape: [], values: [UInt8(0)]) : Tensor(shape: [], values: [Int8(0)])
            return g.addConstant(zero, base: scaleName + "_zero_point")
        }
    }

    static func quantParams(
        _ scale: String, _ zeroPoint: String, type: ElementType, in g: GraphEditor
    ) -> QuantParams? {
        guard let s = g.floatConstant(scale), !s.isEmpty,
            s.allSatisfy({ $0 > 0 && $0.isFinite }),
            (g.constant(scale)?.shape.count ?? 2) <= 1
        else { return nil }
        if zeroPoint.isEmpty {
            guard type == .uint8 || type == .int8 else { return nil }
            return QuantParams(
                scales: s, scaleName: scale, zeroPointName: nil, zeroPointCount: 1, type: type)
        }
        guard let z = g.constant(zeroPoint), z.elementType == type, let count = z.elementCount,
            count >= 1, z.shape.count <= 1
        else { return nil }
        return QuantParams(
            scales: s, scaleName: scale, zeroPointName: zeroPoint, zeroPointCount: count,
            type: type)
    }

    /// The element type of a value that feeds a DequantizeLinear: as the graph declares it, or
    /// read off the QuantizeLinear / QLinear op that makes it (its zero point's type).
    static func quantizedType(of value: String, in g: GraphEditor) -> ElementType? {
        if let t = g.elementType(of: value) { return t }
        guard let p = g.producer(of: value) else { return nil }
        let n = g[p]
        let zp: Int
        switch n.opType {
        case "DynamicQuantizeLinear": return n.outputs.first == value ? .uint8 : nil
        case "QuantizeLinear": zp = 2
        case "QLinearConv", "QLinearMatMul": zp = 7
        default: return nil
        }
        if n.inputs.count > zp, !n.inputs[zp].isEmpty {
            return g.constant(n.inputs[zp])?.elementType
        }
        return n.opType == "QuantizeLinear" && n.attribute("output_dtype") != nil ? nil : .uint8
    }

    /// A bias input: an int32 constant already at the right scale, or a new one.
    enum Bias {
        case existing(String)
        case new(Tensor)
    }

    /// The int32 bias for `bias` at scales `scales` (one per output channel).
    static func quantizedBias(_ bias: String, scales: [Float], in g: GraphEditor) -> Bias? {
        if let p = g.producer(of: bias), g[p].opType == "DequantizeLinear",
            g[p].inputs.count >= 2, let bq = g.constant(g[p].inputs[0]),
            bq.elementType == .int32, bq.elementCount == scales.count,
            let bs = g.floatConstant(g[p].inputs[1]),
            bs.count == scales.count || bs.count == 1
        {
            let zeroFree =
                g[p].inputs.count < 3 || g[p].inputs[2].isEmpty
                || (g.constant(g[p].inputs[2])?.values(as: Int32.self)?.allSatisfy { $0 == 0 }
                    ?? false)
            let same = scales.indices.allSatisfy { bs[bs.count == 1 ? 0 : $0] == scales[$0] }
            if zeroFree && same { return .existing(g[p].inputs[0]) }
        }
        guard let b = Self.floatBias(bias, count: scales.count, in: g) else { return nil }
        var q = [Int32](repeating: 0, count: b.count)
        for i in b.indices {
            let v = (b[i] / scales[i]).rounded(.toNearestOrEven)
            guard v.isFinite, abs(v) < 2_147_483_520 else { return nil }
            q[i] = Int32(v)
        }
        return .new(Tensor(shape: [Int64(q.count)], values: q))
    }

    /// A float32 bias known without running the model: a constant, or a DequantizeLinear of
    /// constants (dequantized here as the reference kernel would).
    static func floatBias(_ name: String, count: Int, in g: GraphEditor) -> [Float]? {
        if let b = g.floatValues(name, limit: count), b.count == count { return b }
        guard let p = g.producer(of: name), g[p].opType == "DequantizeLinear",
            g[p].inputs.count >= 2, let raw = g.constant(g[p].inputs[0]),
            raw.elementCount == count, let values = try? raw.doubles(),
            let s = g.floatConstant(g[p].inputs[1]), s.count == 1 || s.count == count
        else { return nil }
        var zp = [Double](repeating: 0, count: 1)
        if g[p].inputs.count > 2, !g[p].inputs[2].isEmpty {
            guard let z = g.constant(g[p].inputs[2]), let zv = try? z.doubles(),
                zv.count == 1 || zv.count == count
            else { return nil }
            zp = zv
        }
        return (0..<count).map { i in
            Float(values[i] - zp[zp.count == 1 ? 0 : i]) * s[s.count == 1 ? 0 : i]
        }
    }
}
