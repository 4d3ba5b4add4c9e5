import Foundation
import KilnIR

/// The per-layer report of `kiln quantize --report`: where accuracy went.
///
/// - `tensors`: every quantized tensor with its float range, scale and zero point, and the
///   error of quantizing that tensor alone (float vs dequantized values on the calibration
///   data: SQNR in dB, cosine).
/// - `layers`: every quantized node's output in the quantized model against the float model on
///   the same samples (the error accumulated up to that layer).
/// - `outputs`: the graph outputs, compared the same way.
public struct QuantizationReport: Sendable, Encodable {
    public var format = "kiln-quantize-report/1"
    public var mode: QuantizationMode
    public var samples: Int
    public var keptFloat: [String]
    public var outputs: [OutputEntry]
    public var layers: [LayerEntry]
    public var tensors: [TensorEntry]

    public struct OutputEntry: Sendable, Encodable {
        public var name: String
        public var agreement: Agreement
    }

    public struct LayerEntry: Sendable, Encodable {
        public var node: String
        public var opType: String
        public var output: String
        public var agreement: Agreement
    }

    public struct TensorEntry: Sendable, Encodable {
        public var name: String
        /// `weight`, `activation` (calibrated) or `dynamic-activation` (range per run; the
        /// scale and zero point shown are those of the whole calibration range).
        public var kind: String
        public var node: String
        public var min: Double
        public var max: Double
        /// Per-tensor scale, or the smallest and largest per-channel scales.
        public var scale: Float
        public var scaleMax: Float
        public var channels: Int
        public var zeroPoint: Int
        public var type: String
        public var agreement: Agreement
    }

    /// Writes the JSON to `path` and an SVG bar chart of per-layer SQNR beside it
    /// (`path` with `.svg` instead of `.json`), both atomically.
    public func write(to path: String) throws {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(try enc.encode(self) + Data("\n".utf8), to: URL(fileURLWithPath: path))
        let url = URL(fileURLWithPath: path)
        let svg =
            url.pathExtension.lowercased() == "json"
            ? url.deletingPathExtension().appendingPathExtension("svg")
            : url.appendingPathExtension("svg")
        try AtomicFile.write(Data(chart().utf8), to: svg)
    }

    /// A horizontal bar chart, one row per layer: accumulated SQNR (dark) and the SQNR of the
    /// layer's own quantized inputs (light), so the layer that loses accuracy stands out.
    public func chart() -> String {
        let own = Dictionary(
            tensors.map { ($0.node, $0.agreement.sqnr) }, uniquingKeysWith: { Swift.min($0, $1) })
        let rows = layers
        let width = 900.0
        let left = 260.0
        let rowHeight = 18.0
        let top = 56.0
        let height = top + Double(rows.count) * rowHeight + 40
        let maxDB = 60.0
        func clamp(_ v: Double) -> Double {
            v.isFinite ? Swift.min(Swift.max(v, 0), maxDB) : (v > 0 ? maxDB : 0)
        }
        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
                of: "<", with: "&lt;"
            )
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(
                of: "\"", with: "&quot;")
        }
        let scale = (width - left - 80) / maxDB
        var s = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" font-family="sans-serif" font-size="11">
            <rect width="100%" height="100%" fill="white"/>
            <text x="10" y="20" font-size="14" font-weight="bold">Per-layer SQNR (\(mode.rawValue), \(samples) samples) — higher is better</text>
            <text x="10" y="38" fill="#555">dark: quantized model vs float at the layer output (accumulated); light: the layer's own quantized tensors; red: below 20 dB</text>

            """
        for db in stride(from: 0.0, through: maxDB, by: 10) {
            let x = left + db * scale
            s +=
                "<line x1=\"\(x)\" y1=\"\(top - 6)\" x2=\"\(x)\" y2=\"\(height - 30)\" stroke=\"#ddd\"/>"
            s += "<text x=\"\(x - 8)\" y=\"\(height - 16)\">\(Int(db)) dB</text>\n"
        }
        for (i, r) in rows.enumerated() {
            let y = top + Double(i) * rowHeight
            let acc = r.agreement.sqnr
            let color = acc < 20 ? "#c0392b" : "#2c3e50"
            s +=
                "<text x=\"\(left - 6)\" y=\"\(y + 12)\" text-anchor=\"end\">\(esc(String(r.node.prefix(40))))</text>"
            if let o = own[r.node] {
                s +=
                    "<rect x=\"\(left)\" y=\"\(y + 2)\" width=\"\(clamp(o) * scale)\" height=\"14\" fill=\"#aed6f1\"/>"
            }
            s +=
                "<rect x=\"\(left)\" y=\"\(y + 6)\" width=\"\(clamp(acc) * scale)\" height=\"6\" fill=\"\(color)\"/>"
            let label =
                acc.isFinite
                ? String(format: "%.1f dB  cos %.5f", acc, r.agreement.cosine) : "exact"
            s +=
                "<text x=\"\(left + clamp(acc) * scale + 4)\" y=\"\(y + 12)\" fill=\"#333\">\(label)</text>\n"
        }
        s += "</svg>\n"
        return s
    }
}
