import KilnIR
import KilnOps

/// Validates a model the way `onnx.checker.check_model(full_check: true)` does, and more.
///
/// The checker never throws and never stops at the first problem: it returns every finding, in
/// model order (header, main graph in node order with subgraphs where their node is, then
/// model-local functions). Rules and their codes are listed in `CheckRules.all`.
///
///     model header ─▶ main graph ─▶ nodes ─▶ op schema, attributes ─▶ subgraphs (recursive)
///                                         └▶ tensors (initializers, tensor attributes)
///                  ─▶ functions ─▶ body (same graph rules, the function's own opsets)
public struct ModelChecker: Sendable {
    /// Which rules run and how findings are reported.
    public var options: CheckOptions

    public init(options: CheckOptions = .init()) {
        self.options = options
    }

    /// Every finding for `model`, deterministic for a given model and options.
    public func check(_ model: Model) -> [Finding] {
        let run = CheckRun(model: model, options: options)
        run.checkModel()
        run.checkInference()
        return run.findings
    }

    /// The newest ONNX IR version this checker understands (onnx 1.23: IR 14).
    public static let latestIRVersion: Int64 = 14
}

/// One lexical scope: the names defined so far and the declared types visible in it.
struct Scope {
    var names: Set<String> = []
    var types: [String: ValueType] = [:]
    /// Initializers by name (constant shapes for the K06xx rules).
    var constants: [String: Tensor] = [:]
}

/// Where a graph sits and what it may see.
struct GraphContext {
    /// `main`, `main/If_1.then_branch`, `function:dom.Name`.
    var path: String
    /// Enclosing scopes, innermost last (empty for the main graph and function bodies).
    var outer: [Scope]
    var isMain: Bool
    var isFunction: Bool
    /// Imported opset version by normalized domain (`""` is the default ONNX domain).
    var opsets: [String: Int64]
    var depth: Int
}

/// The mutable state of one `check` call. Not shared across calls or threads.
final class CheckRun {
    let model: Model
    let options: CheckOptions
    private(set) var findings: [Finding] = []
    /// Domains the schema registry knows (normalized).
    let registryDomains: Set<String>
    /// Model-local functions by `domain|name|overload`.
    var functionTable: [String: Function] = [:]
    /// `domain::opType` pairs already reported as unverifiable (one finding per model).
    var reportedUnverifiable: Set<String> = []
    /// Imported opsets of the model (normalized domains).
    var modelOpsets: [String: Int64] = [:]

    init(model: Model, options: CheckOptions) {
        self.model = model
        self.options = options
        var domains = Set(OpSchemas.latestOpset.keys.map(CheckRun.normalize))
        domains.insert("")
        registryDomains = domains
    }

    // MARK: - Reporting

    func emit(
        _ rule: RuleInfo, _ message: String, node: String? = nil, value: String? = nil,
        path: String? = nil
    ) {
        guard options.isEnabled(rule) else { return }
        var severity = rule.severity
        if options.warningsAsErrors && severity == .warning { severity = .error }
        guard severity >= options.minimumSeverity else { return }
        findings.append(
            Finding(
                severity: severity, code: rule.code, rule: rule.name, message: message, node: node,
                value: value, graphPath: path))
    }

    /// Drops the findings `drop` selects (used when a later rule reports the same problem).
    func removeFindings(where drop: (Finding) -> Bool) {
        findings.removeAll(where: drop)
    }

    // MARK: - Helpers

    /// `ai.onnx` and `""` are the same domain.
    static func normalize(_ domain: String) -> String { domain == "ai.onnx" ? "" : domain }

    /// The domain as users write it in messages.
    static func display(_ domain: String) -> String { domain.isEmpty ? "ai.onnx" : domain }

    static func functionKey(_ domain: String, _ name: String, _ overload: String) -> String {
        normalize(domain) + "|" + name + "|" + overload
    }

    // MARK: - Model header

    func checkModel() {
        let ir = model.irVersion
        if ir <= 0 {
            emit(
                .invalidIRVersion,
                "The model's ir_version is \(ir); set it to the IR version the model was written "
                    + "for (e.g. 10 for opset 21).")
        } else if ir > ModelChecker.latestIRVersion {
            emit(
                .irVersionTooNew,
                "The model's ir_version \(ir) is newer than the newest Kiln knows "
                    + "(\(ModelChecker.latestIRVersion)); upgrade Kiln or re-export with an older IR."
            )
        }
        var seenKeys = Set<String>()
        for entry in model.metadata where !seenKeys.insert(entry.key).inserted {
            emit(
                .duplicateMetadataKey,
                "metadata_props has key '\(entry.key)' more than once; keep one entry per key.",
                value: entry.key)
        }
        modelOpsets = checkOpsetImports(model.opsetImports, owner: nil)
        if ir >= 3 && model.opsetImports.isEmpty {
            emit(
                .opsetImportMissing,
                "The model has no opset_import, which IR version 3 and later require; import the "
                    + "default domain (e.g. ai.onnx version 21).")
        } else if ir > 0 && ir < 3 && !model.opsetImports.isEmpty {
            emit(
                .opsetImportMissing,
                "IR version \(ir) models cannot have opset_import; raise ir_version to 3 or more.")
        }
        if ir > 0 && ir < 3 && model.opsetImports.isEmpty { modelOpsets[""] = 1 }
        for f in model.functions {
            functionTable[CheckRun.functionKey(f.domain, f.name, f.overload)] = f
        }
        let ctx = GraphContext(
            path: "main", outer: [], isMain: true, isFunction: false, opsets: modelOpsets,
            depth: 0)
        checkGraph(model.graph, ctx)
        checkFunctions()
    }

    /// Checks opset imports of the model (`owner == nil`) or a function and returns them as a
    /// map by normalized domain (first entry wins on duplicates).
    func checkOpsetImports(_ imports: [OpsetImport], owner: String?) -> [String: Int64] {
        let whose = owner.map { "Function '\($0)'" } ?? "The model"
        var map: [String: Int64] = [:]
        for imp in imports {
            let d = CheckRun.normalize(imp.domain)
            if let prior = map[d] {
                emit(
                    .duplicateOpsetImport,
                    "\(whose) imports domain '\(CheckRun.display(d))' twice (versions \(prior) and "
                        + "\(imp.version)); keep a single opset_import entry.",
                    value: CheckRun.display(d))
                continue
            }
            map[d] = imp.version
            guard registryDomains.contains(d) else { continue }
            let latest = OpSchemas.latestOpset[d] ?? OpSchemas.latestOpset[imp.domain]
            if imp.version < 1 || (latest.map { imp.version > $0 } ?? false) {
                let known = latest.map { "1...\($0)" } ?? "1 or more"
                emit(
                    .unknownOpsetVersion,
                    "\(whose) imports opset \(imp.version) of domain '\(CheckRun.display(d))', "
                        + "but only versions \(known) exist; fix the opset_import.",
                    value: CheckRun.display(d))
            } else if owner == nil, model.irVersion > 0,
                let need = CheckRun.minimumIRVersion(domain: d, opset: imp.version),
                model.irVersion < need
            {
                emit(
                    .irTooOldForOpset,
                    "Opset \(imp.version) of '\(CheckRun.display(d))' was released with IR version "
                        + "\(need), but the model declares ir_version \(model.irVersion); raise "
                        + "ir_version to \(need) or more.",
                    value: CheckRun.display(d))
            }
        }
        return map
    }

    /// The IR version of the ONNX release that introduced `opset` of `domain` (from
    /// `onnx.helper.VERSION_TABLE`), or `nil` when unknown.
    static func minimumIRVersion(domain: String, opset: Int64) -> Int64? {
        switch domain {
        case "":
            let table: [Int64: Int64] = [
                9: 4, 10: 5, 11: 6, 12: 7, 13: 7, 14: 7, 15: 8, 16: 8, 17: 8, 18: 8, 19: 9,
                20: 9, 21: 10, 22: 10, 23: 11, 24: 12, 25: 13, 26: 13, 27: 13, 28: 14,
            ]
            if opset <= 8 { return 3 }
            return table[opset]
        case "ai.onnx.ml":
            let table: [Int64: Int64] = [1: 3, 2: 6, 3: 8, 4: 9, 5: 10]
            return table[opset]
        default:
            return nil
        }
    }
}
