/// One rule of `kiln check`: a stable code and name, a fixed severity and a summary.
struct RuleInfo: Sendable, Hashable {
    let code: String
    let name: String
    let severity: Finding.Severity
    let summary: String

    init(_ code: String, _ name: String, _ severity: Finding.Severity, _ summary: String) {
        self.code = code
        self.name = name
        self.severity = severity
        self.summary = summary
    }
}

/// The catalog of rules `ModelChecker` applies, for documentation and `--list-rules`.
///
/// Codes are grouped: `K00xx` model header, `K01xx` graph structure, `K02xx` nodes against
/// their op schemas, `K03xx` tensors, `K04xx` model-local functions, `K05xx` shape inference,
/// `K06xx` attributes against declared input ranks and dims (`CheckRun+AttributeShapes.swift`).
/// `K0000` marks a file that
/// could not be loaded. Codes and names never change meaning; retired rules keep their code.
public enum CheckRules {
    /// Every rule, sorted by code.
    public static var all:
        [(code: String, rule: String, severity: Finding.Severity, summary: String)]
    {
        RuleInfo.all.map { ($0.code, $0.name, $0.severity, $0.summary) }
    }
}

extension RuleInfo {
    // MARK: - Loading
    static let unreadableModel = RuleInfo(
        "K0000", "unreadable-model", .error, "The file could not be read or decoded as a model.")

    // MARK: - Model header
    static let invalidIRVersion = RuleInfo(
        "K0001", "invalid-ir-version", .error, "The model's ir_version is missing or not positive.")
    static let irVersionTooNew = RuleInfo(
        "K0002", "ir-version-too-new", .error,
        "The model's ir_version is newer than the newest IR version Kiln knows.")
    static let opsetImportMissing = RuleInfo(
        "K0003", "opset-import-missing", .error,
        "IR version 3 and later require opset_import; earlier IR versions forbid it.")
    static let duplicateOpsetImport = RuleInfo(
        "K0004", "duplicate-opset-import", .warning,
        "A domain is imported more than once; readers disagree about which version wins.")
    static let unknownOpsetVersion = RuleInfo(
        "K0005", "unknown-opset-version", .error,
        "An imported opset version of a known domain is below 1 or newer than Kiln knows.")
    static let irTooOldForOpset = RuleInfo(
        "K0006", "ir-version-too-old-for-opset", .warning,
        "The ir_version predates the ONNX release that introduced the imported opset.")
    static let duplicateMetadataKey = RuleInfo(
        "K0007", "duplicate-metadata-key", .error, "metadata_props has a key more than once.")
    static let functionsNeedIR8 = RuleInfo(
        "K0008", "functions-need-ir8", .warning,
        "Model-local functions need ir_version 8 or later; older readers ignore them.")

    // MARK: - Graph structure
    static let emptyGraphName = RuleInfo(
        "K0101", "empty-graph-name", .error, "Every graph, including subgraphs, needs a name.")
    static let undefinedInput = RuleInfo(
        "K0102", "undefined-input", .error,
        "A node reads a value that no graph input, initializer or node defines.")
    static let duplicateDefinition = RuleInfo(
        "K0103", "duplicate-definition", .error,
        "A value name is assigned more than once (graphs must be in SSA form).")
    static let graphCycle = RuleInfo(
        "K0104", "graph-cycle", .error, "Nodes depend on each other in a cycle.")
    static let unsortedNodes = RuleInfo(
        "K0105", "unsorted-nodes", .error,
        "A node reads a value produced by a later node; nodes must be topologically sorted.")
    static let undefinedGraphOutput = RuleInfo(
        "K0106", "undefined-graph-output", .error,
        "A graph or function output is not produced by anything.")
    static let emptyValueName = RuleInfo(
        "K0107", "empty-value-name", .error, "A graph input, output or value_info has no name.")
    static let missingValueType = RuleInfo(
        "K0108", "missing-value-type", .error,
        "A main-graph input or output lacks a type, element type or shape field.")
    static let duplicateInitializer = RuleInfo(
        "K0109", "duplicate-initializer", .error,
        "Two initializers (dense or sparse) have the same name.")
    static let initializerNotInput = RuleInfo(
        "K0110", "initializer-not-input", .error,
        "Before IR version 4 every initializer must also be a graph input.")
    static let unnamedInitializer = RuleInfo(
        "K0111", "unnamed-initializer", .error, "An initializer has an empty name.")
    static let inputShadowsInitializer = RuleInfo(
        "K0112", "input-shadows-initializer", .warning,
        "A graph input has an initializer's name, so callers can override the constant.")
    static let unusedInitializer = RuleInfo(
        "K0113", "unused-initializer", .warning, "An initializer is never read.")
    static let unusedNodeOutput = RuleInfo(
        "K0114", "unused-node-output", .info,
        "A node output is neither read nor a graph output.")
    static let unusedGraphInput = RuleInfo(
        "K0115", "unused-graph-input", .info, "A graph input is never read.")
    static let duplicateNodeName = RuleInfo(
        "K0116", "duplicate-node-name", .warning, "Two nodes of one graph share a name.")
    static let valueInfoConflict = RuleInfo(
        "K0117", "value-info-conflict", .error,
        "A declared type (input, output, value_info) contradicts the initializer of that name.")
    static let undefinedOuterValue = RuleInfo(
        "K0118", "undefined-outer-value", .error,
        "A subgraph reads a name that no enclosing scope defines before the owning node.")
    static let negativeDeclaredDim = RuleInfo(
        "K0119", "negative-declared-dim", .warning,
        "A declared shape has a negative dimension (use a symbolic dim for unknown sizes).")
    static let subgraphTooDeep = RuleInfo(
        "K0120", "subgraph-too-deep", .error,
        "Subgraphs are nested deeper than the checker's limit; the inner graphs were not checked.")

    // MARK: - Nodes against op schemas
    static let unknownOp = RuleInfo(
        "K0201", "unknown-op", .error, "The op does not exist in its (built-in) domain.")
    static let opNotInOpset = RuleInfo(
        "K0202", "op-not-in-opset", .error,
        "The op exists, but not in the opset version the model imports.")
    static let deprecatedOp = RuleInfo(
        "K0203", "deprecated-op", .error, "The op is deprecated in the imported opset version.")
    static let unverifiableOp = RuleInfo(
        "K0204", "unverifiable-op", .warning,
        "The op's domain has no schemas in Kiln's registry, so the node cannot be verified.")
    static let missingDomainImport = RuleInfo(
        "K0205", "missing-domain-import", .error, "The node's domain has no opset_import.")
    static let inputArity = RuleInfo(
        "K0206", "input-arity", .error, "The node has too few or too many inputs for the op.")
    static let outputArity = RuleInfo(
        "K0207", "output-arity", .error, "The node has too few or too many outputs for the op.")
    static let missingRequiredValue = RuleInfo(
        "K0208", "missing-required-value", .error,
        "A non-optional input or output of the op is given as an empty name.")
    static let unknownAttribute = RuleInfo(
        "K0209", "unknown-attribute", .error, "The op has no attribute of this name.")
    static let attributeType = RuleInfo(
        "K0210", "attribute-type", .error, "An attribute has the wrong type for the op.")
    static let missingAttribute = RuleInfo(
        "K0211", "missing-attribute", .error, "A required attribute of the op is missing.")
    static let duplicateAttribute = RuleInfo(
        "K0212", "duplicate-attribute", .error, "A node has two attributes with the same name.")
    static let emptyOpType = RuleInfo(
        "K0213", "empty-op-type", .error, "A node has an empty op_type.")
    static let experimentalOp = RuleInfo(
        "K0214", "experimental-op", .warning,
        "The op is a removed experimental ONNX op; most runtimes reject it.")
    static let invalidType = RuleInfo(
        "K0215", "invalid-type", .error,
        "A declared input or output type is not allowed by the op's type constraints.")
    static let inconsistentTypes = RuleInfo(
        "K0216", "inconsistent-types", .error,
        "Values bound to the same type variable of the op have different declared types.")
    static let nonUTF8String = RuleInfo(
        "K0217", "non-utf8-string", .warning, "A string attribute is not valid UTF-8.")
    static let nodeWithoutValues = RuleInfo(
        "K0218", "node-without-values", .error, "A node has neither inputs nor outputs.")
    static let misplacedAttributeReference = RuleInfo(
        "K0219", "misplaced-attribute-reference", .error,
        "An attribute refers to a caller's attribute (ref_attr_name) outside a function body.")
    static let unnamedAttribute = RuleInfo(
        "K0220", "unnamed-attribute", .error, "An attribute has an empty name.")
    static let functionCallArity = RuleInfo(
        "K0221", "function-call-arity", .error,
        "A call of a model-local function passes more inputs or outputs than it declares.")

    // MARK: - Tensors
    static let tensorSizeMismatch = RuleInfo(
        "K0301", "tensor-size-mismatch", .error,
        "A tensor's stored bytes or strings do not match its element type and shape.")
    static let negativeDim = RuleInfo(
        "K0302", "negative-dim", .error, "A tensor has a negative dimension.")
    static let dimOverflow = RuleInfo(
        "K0303", "dim-overflow", .error, "The product of a tensor's dimensions overflows int64.")
    static let undefinedElementType = RuleInfo(
        "K0304", "undefined-element-type", .error, "A tensor's element type is UNDEFINED.")
    static let invalidSparseTensor = RuleInfo(
        "K0305", "invalid-sparse-tensor", .error,
        "A sparse tensor's values, indices or dense shape are inconsistent.")

    // MARK: - Model-local functions
    static let functionSignature = RuleInfo(
        "K0401", "function-signature", .error,
        "A function lists an input, output or attribute name more than once.")
    static let functionOpsetMismatch = RuleInfo(
        "K0402", "function-opset-mismatch", .error,
        "A function imports a version of a domain whose op semantics differ from the model's.")
    static let duplicateFunction = RuleInfo(
        "K0403", "duplicate-function", .error,
        "Two functions share domain, name and overload.")
    static let unnamedFunction = RuleInfo(
        "K0404", "unnamed-function", .error, "A function has an empty name.")

    static let all: [RuleInfo] = [
        unreadableModel, invalidIRVersion, irVersionTooNew, opsetImportMissing,
        duplicateOpsetImport, unknownOpsetVersion, irTooOldForOpset, duplicateMetadataKey,
        functionsNeedIR8, emptyGraphName, undefinedInput, duplicateDefinition, graphCycle,
        unsortedNodes, undefinedGraphOutput, emptyValueName, missingValueType,
        duplicateInitializer, initializerNotInput, unnamedInitializer, inputShadowsInitializer,
        unusedInitializer, unusedNodeOutput, unusedGraphInput, duplicateNodeName,
        valueInfoConflict, undefinedOuterValue, negativeDeclaredDim, subgraphTooDeep, unknownOp,
        opNotInOpset, deprecatedOp, unverifiableOp, missingDomainImport, inputArity, outputArity,
        missingRequiredValue, unknownAttribute, attributeType, missingAttribute,
        duplicateAttribute, emptyOpType, experimentalOp, invalidType, inconsistentTypes,
        nonUTF8String, nodeWithoutValues, misplacedAttributeReference, unnamedAttribute,
        functionCallArity, tensorSizeMismatch, negativeDim, dimOverflow, undefinedElementType,
        invalidSparseTensor, functionSignature, functionOpsetMismatch, duplicateFunction,
        unnamedFunction,
    ] + inferenceRules + attributeShapeRules
}
