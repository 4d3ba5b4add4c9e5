import Foundation
import KilnIR
import KilnOps

/// A convolution or matmul of dequantized 8-bit operands whose output stays float ⇒ the
/// integer op and one float scaling of its int32 result:
///
///     Conv(DequantizeLinear(x_q, x_s, x_zp), DequantizeLinear(W_q, w_s, w_zp)[, B])
///       ⇒ Add(DequantizeLinear(ConvInteger(x_q, W_q, x_zp, w_zp), x_s·w_s, axis 1), B)
///     MatMul(DequantizeLinear(a_q, ...), DequantizeLinear(B_q, ...))
///       ⇒ DequantizeLinear(MatMulInteger(a_q, B_q, a_zp, b_zp), a_s·b_s, axis -1)
///
/// x may be quantized at run time (`DynamicQuantizeLinear` gives its scale and zero point);
/// W is a constant 8-bit tensor, per tensor or per output channel (Conv: axis 0; MatMul: 2-D B
/// per column). The bias must be known (a constant or a dequantized constant). When the
/// output is quantized next (directly or through a Relu), `QDQLinearFusion` makes a
/// QLinearConv/QLinearMatMul instead, so this rule leaves it. Integer accumulation is exact;
/// the float result differs from the float graph only by the rounding of the sums.
struct QDQIntegerFusion: RewriteRule {
    /// `"Conv"` or `"MatMul"`.
    let opType: String
    var name: String { opType == "Conv" ? "qdq-conv-integer" : "qdq-matmul-integer" }
    var root: OpKey { OpKey(opType: opType) }
    let benefit = 1

    func apply(at ref: NodeRef, in g: inout GraphEditor) -> Bool {
        let n = g[ref]
        guard (g.opsetVersion() ?? 0) >= 10, n.inputs.count >= 2, n.outputs.count == 1,
            !quantizedNext(n.outputs[0], in: g),
            let x = QDQLinearFusion.dequantized(n.inputs[0], in: g),
            let w = QDQLinearFusion.dequantized(n.inputs[1], in: g),
            let wT = g.constant(w.value), wT.elementType == .int8 || wT.elementType == .uint8,
            let ws = w.flatScale ?? g.floatConstant(w.scale), ws.allSatisfy({ $0.isFinite }),
            w.flatScale != nil || (g.constant(w.scale)?.shape.count ?? 2) <= 1,
            Self.zeroPointFits(w.zeroPoint, type: wT.elementType, count: ws.count, in: g),
            Self.zeroPointFits(x.zeroPoint, type: x.type, count: 1, in: g, runtime: true)
        else { return false }
        let xScale = g.floatConstant(x.scale)
        guard xScale.map({ $0.count == 1 }) ?? Self.isScalarValue(x.scale, in: g) else {
            return false
        }
        // Scale shape: a scalar, or one value per output channel (Conv) / column (MatMul);
        // before opset 13 a per-channel Conv scale is `[M, 1, 1]` for a broadcast Mul.
        let legacy = ws.count > 1 && (g.opsetVersion() ?? 0) < 13
        let scaleShape: [Int64]
        var bias: [Float]?
        if opType == "Conv" {
            guard wT.shape.count >= 3, let m = Int(exactly: wT.shape[0]),
                ws.count == 1 || (ws.count == m && w.axis == 0), n.inputs.count <= 3
            else { return false }
            scaleShape =
                ws.count == 1
                ? [] : [Int64(m)] + [Int64](repeating: 1, count: legacy ? wT.shape.count - 2 : 0)
            if n.inputs.count == 3, !n.inputs[2].isEmpty {
                guard let b = QDQLinearFusion.floatBias(n.inputs[2], count: m, in: g) else {
                    return false
                }
                bias = b
            }
        } else {
            guard n.inputs.count == 2, wT.shape.count == 2, let cols = Int(exactly: wT.shape[1]),
                ws.count == 1 || (ws.count == cols && (w.axis == 1 || w.axis == -1))
            else { return false }
            scaleShape = ws.count == 1 ? [] : [Int64(cols)]
        }
        let out = n.outputs[0]
        let base = n.name.isEmpty ? out : n.name
        let acc = g.freshName(out + "_int32")
        // A per-channel weight zero point whose values agree (symmetric int8: all 0) becomes a
        // scalar: onnxruntime's CPU ConvInteger takes only a per-tensor one.
        var wZeroPoint = w.zeroPoint
        if !wZeroPoint.isEmpty, (g.constant(wZeroPoint)?.elementCount ?? 1) > 1,
            let wp = QDQLinearFusion.quantParams(
                w.scale, wZeroPoint, type: wT.elementType, in: g),
            let scalar = QDQLinearFusion.uniformZeroPoint(wp, in: g)
        {
            wZeroPoint = g.addConstant(scalar, base: wZeroPoint + "_scalar")
        }
        var integerInputs = [x.value, w.value, x.zeroPoint, wZeroPoint]
        while integerInputs.last == "" { integerInputs.removeLast() }
        g.insert(
            Node(
                name: g.freshName(base + "_integer"),
                opType: opType == "Conv" ? "ConvInteger" : "MatMulInteger",
                inputs: integerInputs, outputs: [acc],
                attributes: opType == "Conv" ? n.attributes : []),
            before: ref)
        // int32 → float32 with the combined scale: DequantizeLinear (per axis: the output
        // channel of a Conv, the last axis of a MatMul).
        let last = bias == nil ? out : g.freshName(out + "_scaled")
        let scale: String
        if let xs = xScale {
            scale = g.addConstant(
                Tensor(shape: scaleShape, values: ws.map { Float(xs[0] * $0) }),
                base: base + "_scale")
        } else {
            let c = g.addConstant(Tensor(shape: scaleShape, values: ws), base: base + "_w_scale")
            scale = g.freshName(base + "_scale")
            g.insert(
                Node(
                    name: g.freshName(base + "_scale_mul"), opType: "Mul", inputs: [x.scale, c],
                    outputs: [scale]),
                before: ref)
        }
        if legacy {
            // DequantizeLinear has no axis before opset 13: Cast·Mul computes the same
            // float32 values, `float(acc) · scale`, with the scale in broadcast shape.
            let float = g.freshName(acc + "_float")
            g.insert(
                Node(
                    name: g.freshName(base + "_cast"), opType: "Cast", inputs: [acc],
                    outputs: [float],
                    attributes: [
                        Attribute(name: "to", value: .int(Int64(ElementType.float32.rawValue)))
                    ]),
                before: ref)
            g.insert(
                Node(
                    name: g.freshName(base + "_dequantize"), opType: "Mul",
                    inputs: [float, scale], outputs: [last]),
                before: ref)
        } else {
            var dq = Node(
                name: g.freshName(base + "_dequantize"), opType: "DequantizeLinear",
                inputs: [acc, scale], outputs: [last])
            if ws.count > 1 {
                dq.attributes = [Attribute(name: "axis", value: .int(opType == "Conv" ? 1 : -1))]
            }
            g.insert(dq, before: ref)
        }
        if let bias {
            let b = g.addConstant(
                Tensor(
                    shape: [Int64(bias.count)] + [Int64](repeating: 1, count: wT.shape.count - 2),
                    values: bias),
                base: base + "_bias")
            g.insert(
                Node(
                    name: g.freshName(base + "_bias_add"), opType: "Add", inputs: [last, b],
                    outputs: [out]),
                before: ref)
        }
        g.remove(ref)
        return true
    }

    /// Whether `value` is quantized next (directly, or after a Relu), where
    /// `QDQLinearFusion` applies instead.
    func quantizedNext(_ value: String, in g: GraphEditor) -> Bool {
        guard g.hasSingleUse(value), !g.isGraphOutput(value), let u = g.uses(of: value).first
        else { return false }
        if g[u].opType == "QuantizeLinear" { return true }
        guard g[u].opType == "Relu", let out = g[u].outputs.first, g.hasSingleUse(out),
            !g.isGraphOutput(out), let v = g.uses(of: out).first
        else { return false }
        return g[v].opType == "QuantizeLinear"
    }

    /// An omitted zero point, or one of `type` with 1 or `count` values: a constant, or (with
    /// `runtime`) a computed scalar such as DynamicQuantizeLinear's.
    static func zeroPointFits(
        _ name: String, type: ElementType, count: Int, in g: GraphEditor, runtime: Bool = false
    ) -> Bool {
        if name.isEmpty { return true }
        if let z = g.constant(name) {
            return z.elementType == type && (z.elementCount == 1 || z.elementCount == count)
                && z.shape.count <= 1
        }
        return runtime && isScalarValue(name, in: g)
    }

    /// A computed scalar: an output of DynamicQuantizeLinear (scale or zero point).
    static func isScalarValue(_ name: String, in g: GraphEditor) -> Bool {
        guard let p = g.producer(of: name) else { return false }
        return g[p].opType == "DynamicQuantizeLinear" && g[p].outputs.dropFirst().contains(name)
    }
}
