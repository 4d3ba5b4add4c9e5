import ArgumentParser
import Foundation
import KilnIR
import KilnLite
import KilnOps

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show a model's interface, opsets, op histogram, parameters, inferred shapes and costs.",
        discussion: """
            Formats: text (default), json (stable keys, for scripts), dot (Graphviz: \
            `kiln inspect m.onnx --format dot | dot -Tsvg > m.svg`). Text and json also list every \
            node's inferred output types, MACs, FLOPs and parameter bytes, the totals, and the peak \
            activation memory; give symbolic input dims with --dim N=1 to make them numbers. \
            Exit 0, or 2 when the model cannot be read.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, dot }

    @Argument(help: "The model to inspect (.onnx or .json).")
    var model: String

    @Option(help: "Output format: text, json or dot.")
    var format: Format = .text

    @Option(help: "How many of the largest tensors to list.")
    var largest: Int = 10

    @Flag(help: "For .klite: also check the weights' CRC-32C and the payload SHA-256.")
    var verify = false

    @OptionGroup var readerLimits: ReaderLimitOptions

    @Option(
        name: .customLong("dim"),
        help: "SYMBOL=SIZE for symbolic input dims, so costs and peak memory are numbers.")
    var dims: [String] = []

    func run() throws {
        try CLI.guarded {
            let m = try ModelFiles.load(model, limits: readerLimits.limits)
            let summary = ModelSummary(m, largest: max(0, largest))
            var symbols: [String: Int64] = [:]
            for d in dims {
                let parts = d.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, let v = Int64(parts[1]), v >= 0, !parts[0].isEmpty else {
                    throw KilnError(.usage, "--dim '\(d)' must be SYMBOL=SIZE")
                }
                symbols[String(parts[0])] = v
            }
            switch format {
            case .json:
                print(try CLI.json(Report(summary: summary, cost: ModelCost(m, dims: symbols))))
            case .text:
                print(Self.text(summary, file: model), terminator: "")
                if try ModelFiles.format(of: model) == .klite {
                    let info = try LiteReader(options: .init(verifyWeights: verify))
                        .info(contentsOf: URL(fileURLWithPath: model))
                    print(Self.liteText(info), terminator: "")
                }
                print(Self.text(ModelCost(m, dims: symbols)), terminator: "")
            case .dot: print(Self.dot(m.graph), terminator: "")
            }
        }
    }

    /// The container part of a `.klite` file: version, sections, conversion metadata.
    static func liteText(_ info: LiteFileInfo) -> String {
        var out = "\nKiln Lite \(info.versionMajor).\(info.versionMinor): \(info.fileSize) bytes, "
        out += "weights \(info.weightBytes) bytes, \(info.splatTensors) splat and "
        out += "\(info.sharedTensors) shared tensors; checksums "
        out += info.weightsVerified ? "all verified\n" : "of the structure verified (weights: --verify)\n"
        out += "  payload sha256 \(info.payloadSHA256)\n"
        for s in info.sections {
            out += "  \(s.kind)  offset \(s.offset)  length \(s.length)"
            out += String(format: "  crc32c %08x", s.crc32c)
            if let n = s.inflatedLength { out += "  deflate → \(n)" }
            out += s.known ? "\n" : "  (unknown, skipped)\n"
        }
        for m in info.metadata { out += "  \(m.key): \(m.value)\n" }
        return out
    }

    /// The JSON report: every `ModelSummary` key plus `inference` (inferred value types, per-node
    /// MACs/FLOPs/parameter bytes, totals and peak activation memory).
    struct Report: Encodable {
        var summary: ModelSummary
        var cost: ModelCost
        enum Key: String, CodingKey { case inference }
        func encode(to encoder: any Encoder) throws {
            try summary.encode(to: encoder)
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(cost, forKey: .inference)
        }
    }

    /// `1.5M`-style counts.
    static func count(_ v: Int64?) -> String {
        guard let v else { return "?" }
        let units: [(Double, String)] = [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "K")]
        for (scale, u) in units where Double(v) >= scale {
            return String(format: "%.1f%@", Double(v) / scale, u)
        }
        return String(v)
    }

    static func text(_ c: ModelCost) -> String {
        var out = "\nnodes (inferred output types; MACs, FLOPs, parameter bytes):\n"
        for n in c.nodes {
            let op = n.domain == "ai.onnx" ? n.opType : "\(n.domain)::\(n.opType)"
            let outs = n.outputs.map { "\($0.name): \($0.type)" }.joined(separator: ", ")
            var line = "  \(op) \(n.name) -> \(outs)"
            if n.macs != 0 || n.flops != 0 || n.parameterBytes != 0 {
                line += "  [MACs \(count(n.macs)), FLOPs \(count(n.flops))"
                if n.parameterBytes > 0 { line += ", params \(human(Int(n.parameterBytes)))" }
                line += "]"
            }
            out += line + "\n"
        }
        out += "total: MACs \(count(c.totalMACs)), FLOPs \(count(c.totalFLOPs)), parameter bytes "
            + "\(human(Int(c.totalParameterBytes)))"
        if c.nodesWithUnknownCost > 0 {
            out += " (\(c.nodesWithUnknownCost) nodes with unknown shapes not counted)"
        }
        out += "\n"
        let given = c.dims.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            .joined(separator: ", ")
        if let p = c.peakActivationBytes {
            out += "peak activation memory: \(human(Int(p)))"
            out += given.isEmpty ? "\n" : " (\(given))\n"
        } else {
            out += "peak activation memory: unknown (some shapes are not static; pass --dim SYMBOL=SIZE)\n"
        }
        if !c.issues.isEmpty {
            out += "inference problems:\n"
            for i in c.issues { out += "  \(i)\n" }
        }
        if !c.opsWithoutTypeRule.isEmpty {
            out += "ops without a type rule: \(c.opsWithoutTypeRule.joined(separator: ", "))\n"
        }
        return out
    }

    static func human(_ bytes: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var v = Double(bytes)
        var u = 0
        while v >= 1024 && u < units.count - 1 {
            v /= 1024
            u += 1
        }
        return u == 0 ? "\(bytes) B" : String(format: "%.1f %@", v, units[u])
    }

    static func text(_ s: ModelSummary, file: String) -> String {
        var out = "\(file)\n"
        out += "  IR version \(s.irVersion)"
        if !s.producer.isEmpty { out += ", produced by \(s.producer)" }
        out += "\n  opsets: " + s.opsets.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            .joined(separator: ", ") + "\n"
        out += "\ninputs:\n"
        for v in s.inputs { out += "  \(v.name): \(v.type)\n" }
        out += "outputs:\n"
        for v in s.outputs { out += "  \(v.name): \(v.type)\n" }
        out += "\nnodes: \(s.nodeCount)"
        if s.subgraphNodeCount > 0 { out += " (+\(s.subgraphNodeCount) in subgraphs)" }
        out += "\n"
        let width = s.ops.map { $0.opType.count + ($0.domain == "ai.onnx" ? 0 : $0.domain.count + 2) }
            .max() ?? 0
        for op in s.ops {
            let name = op.domain == "ai.onnx" ? op.opType : "\(op.domain)::\(op.opType)"
            out += "  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + "  \(op.count)\n"
        }
        out += "\nparameters: \(s.parameters) in \(human(s.parameterBytes))\n"
        for t in s.byType {
            out += "  \(t.elementType): \(t.parameters) in \(t.tensors) tensors, \(human(t.bytes))\n"
        }
        if !s.largestTensors.isEmpty {
            out += "largest tensors:\n"
            for t in s.largestTensors { out += "  \(t.name): \(t.type), \(human(t.bytes))\n" }
        }
        if !s.functions.isEmpty { out += "functions: \(s.functions.joined(separator: ", "))\n" }
        if !s.metadata.isEmpty {
            out += "metadata:\n"
            for (k, v) in s.metadata.sorted(by: { $0.key < $1.key }) { out += "  \(k): \(v)\n" }
        }
        return out
    }

    /// Graphviz: nodes as boxes, graph inputs/outputs as ellipses, edges labelled by value name.
    static func dot(_ g: Graph) -> String {
        func q(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        var out = "digraph \(q(g.name.isEmpty ? "model" : g.name)) {\n  rankdir=TB;\n"
        out += "  node [fontname=\"Helvetica\", fontsize=10];\n"
        let inits = Set(g.initializers.map(\.name))
        var producer: [String: String] = [:]
        for v in g.runtimeInputs {
            let id = "in:" + v.name
            producer[v.name] = id
            out += "  \(q(id)) [shape=ellipse, label=\(q(v.name + "\n" + (v.type?.description ?? "")))];\n"
        }
        for (i, n) in g.nodes.enumerated() {
            let id = "n\(i)"
            for o in n.outputs where !o.isEmpty { producer[o] = id }
            let label = n.name.isEmpty ? n.opType : "\(n.opType)\n\(n.name)"
            out += "  \(q(id)) [shape=box, style=rounded, label=\(q(label))];\n"
        }
        for (i, n) in g.nodes.enumerated() {
            for input in n.inputs where !input.isEmpty && !inits.contains(input) {
                if let p = producer[input] { out += "  \(q(p)) -> \(q("n\(i)")) [label=\(q(input))];\n" }
            }
        }
        for v in g.outputs {
            let id = "out:" + v.name
            out += "  \(q(id)) [shape=ellipse, label=\(q(v.name + "\n" + (v.type?.description ?? "")))];\n"
            if let p = producer[v.name] { out += "  \(q(p)) -> \(q(id));\n" }
        }
        return out + "}\n"
    }
}
