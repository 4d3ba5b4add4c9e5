import ArgumentParser
import Foundation
import KilnIR
import KilnLite

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show a model's interface, opsets, op histogram and parameters.",
        discussion: """
            Formats: text (default), json (stable keys, for scripts), dot (Graphviz: \
            `kiln inspect m.onnx --format dot | dot -Tsvg > m.svg`). Exit 0, or 2 when the model \
            cannot be read.
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

    func run() throws {
        try CLI.guarded {
            let m = try ModelFiles.load(model)
            let summary = ModelSummary(m, largest: max(0, largest))
            switch format {
            case .json: print(try CLI.json(summary))
            case .text:
                print(Self.text(summary, file: model), terminator: "")
                if try ModelFiles.format(of: model) == .klite {
                    let info = try LiteReader(options: .init(verifyWeights: verify))
                        .info(contentsOf: URL(fileURLWithPath: model))
                    print(Self.liteText(info), terminator: "")
                }
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
            out += s.known ? "\n" : "  (unknown, skipped)\n"
        }
        for m in info.metadata { out += "  \(m.key): \(m.value)\n" }
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
