import Foundation
import KilnIR
import KilnOps

// MARK: - Nodes: attributes, op resolution and schema verification

extension CheckRun {
    /// Ops that ONNX once shipped as experimental and then removed; onnx's checker only warns.
    static let experimentalOps: Set<String> = [
        "ATen", "Affine", "ConstantFill", "Crop", "DynamicSlice", "GRUUnit", "GivenTensorFill",
        "ImageScaler", "ParametricSoftplus", "Scale", "ScaledTanh",
    ]

    func checkNode(_ node: Node, index: Int, label: String, _ ctx: GraphContext, scopes: [Scope]) {
        let path = ctx.path
        if node.opType.isEmpty {
            emit(.emptyOpType, "Node '\(label)' has an empty op_type.", node: label, path: path)
        }
        if node.inputs.isEmpty && node.outputs.isEmpty {
            emit(
                .nodeWithoutValues,
                "Node '\(label)' has neither inputs nor outputs; remove it.", node: label,
                path: path)
        }
        var seen = Set<String>()
        for attr in node.attributes {
            if attr.name.isEmpty {
                emit(
                    .unnamedAttribute, "Node '\(label)' has an attribute with an empty name.",
                    node: label, path: path)
            } else if !seen.insert(attr.name).inserted {
                emit(
                    .duplicateAttribute,
                    "Node '\(label)' sets attribute '\(attr.name)' more than once; keep one.",
                    node: label, value: attr.name, path: path)
            }
            if let ref = attr.referenceName, !ref.isEmpty, !ctx.isFunction {
                emit(
                    .misplacedAttributeReference,
                    "Attribute '\(attr.name)' of node '\(label)' refers to caller attribute '\(ref)', "
                        + "which only function bodies may do; give it a value.", node: label,
                    value: attr.name, path: path)
            }
            checkAttributeValue(attr, label: label, ctx, scopes: scopes)
        }
        // A node without values is reported once; its arity against the schema adds nothing.
        guard !node.opType.isEmpty, !(node.inputs.isEmpty && node.outputs.isEmpty) else { return }
        resolveAndVerify(node, label: label, ctx, scopes: scopes)
        checkAttributeShapes(node, label: label, ctx, scopes: scopes)
    }

    private func checkAttributeValue(
        _ attr: Attribute, label: String, _ ctx: GraphContext, scopes: [Scope]
    ) {
        let path = ctx.path
        func utf8(_ d: Data) {
            if String(data: d, encoding: .utf8) == nil {
                emit(
                    .nonUTF8String,
                    "String attribute '\(attr.name)' of node '\(label)' is not valid UTF-8; "
                        + "re-encode it.", node: label, value: attr.name, path: path)
            }
        }
        let what = "attribute '\(attr.name)' of node '\(label)'"
        switch attr.value {
        case .string(let d): utf8(d)
        case .strings(let ds): for d in ds { utf8(d) }
        case .tensor(let t): checkTensor(t, what: what, node: label, path: path)
        case .tensors(let ts): for t in ts { checkTensor(t, what: what, node: label, path: path) }
        case .sparseTensor(let s): checkSparseTensor(s, node: label, path: path)
        case .sparseTensors(let ss): for s in ss { checkSparseTensor(s, node: label, path: path) }
        case .graph(let g):
            checkSubgraph(g, path: "\(path)/\(label).\(attr.name)", label: label, ctx, scopes)
        case .graphs(let gs):
            for (k, g) in gs.enumerated() {
                checkSubgraph(
                    g, path: "\(path)/\(label).\(attr.name)[\(k)]", label: label, ctx, scopes)
            }
        default: break
        }
    }

    private func checkSubgraph(
        _ g: Graph, path: String, label: String, _ ctx: GraphContext, _ scopes: [Scope]
    ) {
        guard ctx.depth < options.maxSubgraphDepth else {
            emit(
                .subgraphTooDeep,
                "Subgraph '\(path)' is nested more than \(options.maxSubgraphDepth) levels deep; "
                    + "it was not checked.", node: label, path: ctx.path)
            return
        }
        let inner = GraphContext(
            path: path, outer: scopes, isMain: false, isFunction: ctx.isFunction,
            opsets: ctx.opsets, depth: ctx.depth + 1)
        checkGraph(g, inner)
    }

    // MARK: - Op resolution

    private func resolveAndVerify(
        _ node: Node, label: String, _ ctx: GraphContext, scopes: [Scope]
    ) {
        let path = ctx.path
        let domain = CheckRun.normalize(node.domain)
        let shown = CheckRun.display(domain)
        guard let version = ctx.opsets[domain] else {
            emit(
                .missingDomainImport,
                "Node '\(label)' (\(node.opType)) uses domain '\(shown)', which has no "
                    + "opset_import; add one.", node: label, value: shown, path: path)
            return
        }
        if let fn = functionTable[CheckRun.functionKey(domain, node.opType, node.overload)] {
            checkFunctionCall(node, fn, label: label, path: path)
            return
        }
        if domain.isEmpty && CheckRun.experimentalOps.contains(node.opType) {
            emit(
                .experimentalOp,
                "Node '\(label)' uses '\(node.opType)', a removed experimental ONNX op; replace it "
                    + "with standard ops.", node: label, path: path)
            return
        }
        guard
            registryDomains.contains(domain)
                || OpSchemas.isKnown(domain: domain, opType: node.opType)
        else {
            if options.strictCustomDomains {
                emit(
                    .unknownOp,
                    "Node '\(label)' uses '\(node.opType)' of domain '\(shown)', which has no "
                        + "known schema or model-local function.", node: label, path: path)
            } else if reportedUnverifiable.insert(shown + "::" + node.opType).inserted {
                emit(
                    .unverifiableOp,
                    "Op '\(node.opType)' of custom domain '\(shown)' has no schema in Kiln's "
                        + "registry, so its nodes cannot be verified (first at '\(label)').",
                    node: label, path: path)
            }
            return
        }
        guard
            let schema = OpSchemas.lookup(
                domain: domain, opType: node.opType, opsetVersion: version)
        else {
            let versions = OpSchemas.versions(domain: domain, opType: node.opType)
            if let first = versions.first, first > version {
                emit(
                    .opNotInOpset,
                    "Node '\(label)' uses '\(node.opType)', which was introduced in opset \(first) "
                        + "of '\(shown)', but the model imports version \(version); raise the opset "
                        + "import or replace the op.", node: label, path: path)
            } else if !versions.isEmpty {
                emit(
                    .opNotInOpset,
                    "Node '\(label)' uses '\(node.opType)', which has no definition in opset "
                        + "\(version) of '\(shown)'.", node: label, path: path)
            } else {
                emit(
                    .unknownOp,
                    "Node '\(label)' uses op '\(node.opType)', which does not exist in domain "
                        + "'\(shown)'; check the spelling and the domain.", node: label, path: path)
            }
            return
        }
        if schema.deprecated {
            emit(
                .deprecatedOp,
                "Node '\(label)' uses '\(node.opType)', which is deprecated since opset "
                    + "\(schema.sinceVersion) of '\(shown)' (the model imports \(version)); "
                    + "replace it with its successor.", node: label, path: path)
            return
        }
        verify(node, schema, label: label, version: version, path: path, scopes: scopes)
    }

    // MARK: - Schema verification (onnx OpSchema::Verify + type constraints)

    private func verify(
        _ node: Node, _ schema: OpSchema, label: String, version: Int64, path: String,
        scopes: [Scope]
    ) {
        let op = "\(node.opType) (opset \(version))"
        func range(_ lo: Int, _ hi: Int) -> String {
            if lo == hi { return "exactly \(lo)" }
            if hi >= Int(Int32.max) { return "at least \(lo)" }
            return "\(lo) to \(hi)"
        }
        checkArity(
            node.inputs, params: schema.inputs, min: schema.minInputs, max: schema.maxInputs,
            kind: "input", rule: .inputArity, op: op, label: label, path: path, range: range)
        checkArity(
            node.outputs, params: schema.outputs, min: schema.minOutputs, max: schema.maxOutputs,
            kind: "output", rule: .outputArity, op: op, label: label, path: path, range: range)

        for attr in node.attributes where !attr.name.isEmpty && !attr.name.hasPrefix("__") {
            guard let spec = schema.attribute(attr.name) else {
                let known = schema.attributes.map(\.name).sorted()
                let hint =
                    known.isEmpty ? "it takes none" : "known: \(known.joined(separator: ", "))"
                emit(
                    .unknownAttribute,
                    "Node '\(label)' has attribute '\(attr.name)', which \(op) does not define "
                        + "(\(hint)).", node: label, value: attr.name, path: path)
                continue
            }
            if attr.value.kind != spec.kind {
                emit(
                    .attributeType,
                    "Attribute '\(attr.name)' of node '\(label)' is \(attr.value.kind.name) but "
                        + "\(op) expects \(spec.kind.name).", node: label, value: attr.name,
                    path: path)
            }
        }
        for spec in schema.attributes where spec.required && node.attribute(spec.name) == nil {
            emit(
                .missingAttribute,
                "Node '\(label)' lacks attribute '\(spec.name)', which \(op) requires.",
                node: label, value: spec.name, path: path)
        }
        checkTypes(node, schema, op: op, label: label, path: path, scopes: scopes)
    }

    private func checkArity(
        _ names: [String], params: [OpSchema.Parameter], min: Int, max: Int, kind: String,
        rule: RuleInfo, op: String, label: String, path: String, range: (Int, Int) -> String
    ) {
        let count = names.count
        let variadicTail = params.last?.option == .variadic
        if count < min || count > max {
            emit(
                rule,
                "Node '\(label)' has \(count) \(kind)s but \(op) takes \(range(min, max)).",
                node: label, path: path)
        } else if count > params.count && !variadicTail {
            emit(
                rule,
                "Node '\(label)' has \(count) \(kind)s but \(op) declares only \(params.count).",
                node: label, path: path)
        }
        for (k, name) in names.enumerated() where k < params.count {
            if name.isEmpty && params[k].option == .single {
                emit(
                    .missingRequiredValue,
                    "\(kind.capitalized) \(k) ('\(params[k].name)') of node '\(label)' is required "
                        + "by \(op) but is given as an empty name.", node: label, path: path)
            }
        }
    }

    /// Declared types of inputs and outputs against the schema's type constraints.
    private func checkTypes(
        _ node: Node, _ schema: OpSchema, op: String, label: String, path: String,
        scopes: [Scope]
    ) {
        func declaredType(_ name: String) -> ValueType? {
            for s in scopes.reversed() { if let t = s.types[name] { return t } }
            return nil
        }
        var bound: [String: (type: String, value: String)] = [:]
        func check(_ names: [String], _ params: [OpSchema.Parameter], kind: String) {
            guard let lastParam = params.last else { return }
            for (k, name) in names.enumerated() where !name.isEmpty {
                let param = k < params.count ? params[k] : lastParam
                if k >= params.count && lastParam.option != .variadic { break }
                guard let type = declaredType(name), let rendered = CheckTypeString.render(type)
                else {
                    continue
                }
                let constraint = schema.typeConstraints.first { $0.name == param.typeString }
                let allowed = constraint?.allowedTypes ?? [param.typeString]
                guard CheckTypeString.matches(type, allowed: allowed) else {
                    let list = allowed.prefix(8).joined(separator: ", ")
                    let more = allowed.count > 8 ? ", ..." : ""
                    let variable = constraint.map { "\($0.name) in " } ?? ""
                    emit(
                        .invalidType,
                        "\(kind.capitalized) '\(name)' of node '\(label)' is declared \(rendered), "
                            + "but \(op) allows \(variable){\(list)\(more)} for '\(param.name)'; "
                            + "cast it or fix the declaration.", node: label, value: name,
                        path: path)
                    continue
                }
                guard let constraint, param.isHomogeneous else { continue }
                if let prior = bound[constraint.name] {
                    if prior.type != rendered {
                        emit(
                            .inconsistentTypes,
                            "\(kind.capitalized) '\(name)' of node '\(label)' is declared "
                                + "\(rendered) but '\(prior.value)' binds \(constraint.name) of "
                                + "\(op) to \(prior.type); the types must match.", node: label,
                            value: name, path: path)
                    }
                } else {
                    bound[constraint.name] = (rendered, name)
                }
            }
        }
        check(node.inputs, schema.inputs, kind: "input")
        check(node.outputs, schema.outputs, kind: "output")
    }

    private func checkFunctionCall(_ node: Node, _ fn: Function, label: String, path: String) {
        if node.inputs.count > fn.inputs.count || node.outputs.count > fn.outputs.count {
            emit(
                .functionCallArity,
                "Node '\(label)' calls function '\(fn.name)' with \(node.inputs.count) inputs and "
                    + "\(node.outputs.count) outputs, but it declares \(fn.inputs.count) and "
                    + "\(fn.outputs.count).", node: label, path: path)
        }
    }
}
