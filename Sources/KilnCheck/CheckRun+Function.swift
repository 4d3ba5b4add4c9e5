import KilnIR
import KilnOps

// MARK: - Model-local functions

extension CheckRun {
    func checkFunctions() {
        let functions = model.functions
        guard !functions.isEmpty else { return }
        if model.irVersion > 0 && model.irVersion < 8 {
            emit(
                .functionsNeedIR8,
                "The model has \(functions.count) local function(s) but ir_version "
                    + "\(model.irVersion); raise ir_version to 8 or readers will ignore them.")
        }
        var seen = Set<String>()
        for f in functions {
            let path = "function:\(CheckRun.display(CheckRun.normalize(f.domain))).\(f.name)"
            if f.name.isEmpty {
                emit(.unnamedFunction, "A function in domain '\(f.domain)' has an empty name.")
                continue
            }
            if !seen.insert(CheckRun.functionKey(f.domain, f.name, f.overload)).inserted {
                emit(
                    .duplicateFunction,
                    "Function '\(f.name)' of domain '\(f.domain)' (overload '\(f.overload)') is "
                        + "defined more than once; keep one.", path: path)
            }
            for (list, kind) in [(f.outputs, "output"), (f.attributeNames, "attribute")] {
                var names = Set<String>()
                for n in list where !names.insert(n).inserted {
                    emit(
                        .functionSignature,
                        "Function '\(f.name)' lists \(kind) '\(n)' more than once.", value: n,
                        path: path)
                }
            }
            let opsets = checkOpsetImports(f.opsetImports, owner: f.name)
            checkOpsetCompatibility(f, opsets: opsets, path: path)
            let body = Graph(
                name: f.name, inputs: f.inputs.map { ValueInfo(name: $0, type: nil) },
                outputs: f.outputs.map { ValueInfo(name: $0, type: nil) }, nodes: f.nodes,
                valueInfo: f.valueInfo)
            let ctx = GraphContext(
                path: path, outer: [], isMain: false, isFunction: true, opsets: opsets, depth: 0)
            checkGraph(body, ctx)
        }
    }

    /// onnx `check_opset_compatibility`: a function may import another version of a domain than
    /// the model only when every op it uses has the same definition in both.
    private func checkOpsetCompatibility(_ f: Function, opsets: [String: Int64], path: String) {
        for (i, node) in f.nodes.enumerated() {
            let d = CheckRun.normalize(node.domain)
            guard let fv = opsets[d], let mv = modelOpsets[d], fv != mv else { continue }
            let a = OpSchemas.lookup(domain: d, opType: node.opType, opsetVersion: mv)
            let b = OpSchemas.lookup(domain: d, opType: node.opType, opsetVersion: fv)
            if a == nil && b == nil { continue }
            if a?.sinceVersion != b?.sinceVersion {
                let label = node.label(index: i)
                emit(
                    .functionOpsetMismatch,
                    "Function '\(f.name)' imports '\(CheckRun.display(d))' version \(fv) but the "
                        + "model imports \(mv), and '\(node.opType)' differs between them; import "
                        + "the model's version in the function.", node: label, path: path)
            }
        }
    }
}
