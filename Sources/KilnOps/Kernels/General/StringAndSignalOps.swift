import Foundation
import KilnIR

/// StringConcat, StringNormalizer, StringSplit, RegexFullMatch, BitCast and the window
/// generators (HannWindow, HammingWindow, BlackmanWindow).
enum StringAndSignalOps {
    static func text(_ d: Data) -> String { String(decoding: d, as: UTF8.self) }

    static let all: [any OpDefinition] = [
        ClosureOp("StringConcat") { c in
            let a = try c.tensor(0)
            let b = try c.tensor(1)
            let (v, s) = try Broadcast.apply(a.strings, a.shape, b.strings, b.shape) { $0 + $1 }
            return [.tensor(Tensor(elementType: .string, shape: s, strings: v))]
        },
        ClosureOp("RegexFullMatch") { c in
            let x = try c.tensor(0)
            let pattern = c.string("pattern", default: "")
            let re: NSRegularExpression
            do { re = try NSRegularExpression(pattern: "^(?:" + pattern + ")$") } catch {
                throw c.fail("invalid pattern '\(pattern)'")
            }
            let r = x.strings.map { d -> Bool in
                let s = text(d)
                return re.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
            }
            return [.tensor(Tensor(shape: x.shape, elements: r))]
        },
        ClosureOp("StringNormalizer") { c in
            let x = try c.tensor(0)
            let action = c.string("case_change_action", default: "NONE")
            let sensitive = c.int("is_case_sensitive", default: 0) != 0
            let stop = c.node.attribute("stopwords")?.strings ?? []
            let stopSet = Set(sensitive ? stop : stop.map { $0.lowercased() })
            var kept = x.strings.map(text).filter { s in
                !stopSet.contains(sensitive ? s : s.lowercased())
            }
            kept = kept.map {
                action == "LOWER" ? $0.lowercased() : (action == "UPPER" ? $0.uppercased() : $0)
            }
            if kept.isEmpty { kept = [""] }
            let shape: [Int64] = x.shape.count == 2 ? [1, Int64(kept.count)] : [Int64(kept.count)]
            return [
                .tensor(
                    Tensor(elementType: .string, shape: shape, strings: kept.map { Data($0.utf8) }))
            ]
        },
        ClosureOp("StringSplit") { c in
            let x = try c.tensor(0)
            let delimiter = c.string("delimiter", default: "")
            let maxSplit = c.int("maxsplit").map { Int($0) }
            let parts: [[String]] = x.strings.map { d in
                let s = text(d)
                if delimiter.isEmpty {
                    var out = s.split(
                        omittingEmptySubsequences: true, whereSeparator: { $0 == " " }
                    )
                    .map(String.init)
                    if let m = maxSplit, out.count > m + 1 {
                        // Re-join the tail after maxsplit splits.
                        let head = Array(out[..<m])
                        var rest = s[...]
                        for h in head {
                            if let r = rest.range(of: h) { rest = rest[r.upperBound...] }
                        }
                        out = head + [String(rest.drop(while: { $0 == " " }))]
                    }
                    return out
                }
                var out = s.components(separatedBy: delimiter)
                if let m = maxSplit, out.count > m + 1 {
                    out = Array(out[..<m]) + [out[m...].joined(separator: delimiter)]
                }
                return out
            }
            let width = parts.map(\.count).max() ?? 0
            var flat: [Data] = []
            for p in parts {
                flat += p.map { Data($0.utf8) }
                flat += [Data](repeating: Data(), count: width - p.count)
            }
            return [
                .tensor(
                    Tensor(elementType: .string, shape: x.shape + [Int64(width)], strings: flat)),
                .tensor(Tensor(shape: x.shape, elements: parts.map { Int64($0.count) })),
            ]
        },
        ClosureOp("BitCast") { c in
            let x = try c.tensor(0)
            guard let to = c.int("to").flatMap({ ElementType(rawValue: Int32($0)) }),
                let wi = x.elementType.bitWidth, let wo = to.bitWidth, wi == wo
            else { throw c.fail("BitCast needs types of equal bit width") }
            var t = x
            t.elementType = to
            t.name = ""
            return [.tensor(t)]
        },
        window("HannWindow") { n, N in 0.5 - 0.5 * cos(2 * .pi * n / N) },
        window("HammingWindow") { n, N in 25.0 / 46 - 21.0 / 46 * cos(2 * .pi * n / N) },
        window("BlackmanWindow") { n, N in
            0.42 - 0.5 * cos(2 * .pi * n / N) + 0.08 * cos(4 * .pi * n / N)
        },
    ]

    static func window(_ name: String, _ f: @escaping @Sendable (Double, Double) -> Double)
        -> ClosureOp
    {
        ClosureOp(name) { c in
            let size = Int(try c.tensor(0).scalarInt64())
            guard size >= 0, size <= Checked.maxElements else {
                throw c.fail("size must be between 0 and \(Checked.maxElements)")
            }
            let periodic = c.int("periodic", default: 1) != 0
            let type =
                ElementType(rawValue: Int32(c.int("output_datatype", default: 1))) ?? .float32
            let N = Double(periodic ? size : size - 1)
            let v = (0..<size).map { f(Double($0), N) }
            return [.tensor(try Tensor.fromDoubles(v, shape: [Int64(size)], as: type))]
        }
    }
}
