import KilnIR
import KilnOps

// MARK: - Shape inference rules

extension RuleInfo {
    static let inferredShapeMismatch = RuleInfo(
        "K0501", "inferred-shape-mismatch", .error,
        "Shape inference: dims that must agree do not (GEMM inner dims, broadcasting, Concat).")
    static let axisOutOfRange = RuleInfo(
        "K0502", "axis-out-of-range", .error,
        "Shape inference: an axis, perm entry or index is outside the input's rank or size.")
    static let reshapeElementCount = RuleInfo(
        "K0503", "element-count-mismatch", .error,
        "Shape inference: a Reshape (or Split) target cannot hold the input's element count.")
    static let rankMismatch = RuleInfo(
        "K0504", "rank-mismatch", .error,
        "Shape inference: an input has a rank the op does not accept.")
    static let inferredTypeMismatch = RuleInfo(
        "K0505", "inferred-type-mismatch", .error,
        "Shape inference: inputs that must share an element type do not.")
    static let declaredShapeConflict = RuleInfo(
        "K0506", "declared-shape-conflict", .warning,
        "A declared value_info or graph output type contradicts the inferred type.")
    static let inferenceFailed = RuleInfo(
        "K0507", "shape-inference-failed", .error,
        "Shape inference: an op's attributes or inputs are invalid in another way (runtime refuses).")

    static let inferenceRules: [RuleInfo] = [
        inferredShapeMismatch, axisOutOfRange, reshapeElementCount, rankMismatch,
        inferredTypeMismatch, declaredShapeConflict, inferenceFailed,
    ]

    /// The rule for an inference issue's error code.
    static func forInference(_ code: KilnError.Code) -> RuleInfo {
        switch code {
        case .shapeMismatch: return .inferredShapeMismatch
        case .axisOutOfRange: return .axisOutOfRange
        case .elementCountMismatch: return .reshapeElementCount
        case .rankMismatch: return .rankMismatch
        case .typeMismatch: return .inferredTypeMismatch
        case .declaredTypeConflict: return .declaredShapeConflict
        default: return .inferenceFailed
        }
    }
}

extension CheckRun {
    /// Runs Kiln's shape inference (the same rules the runtime's kernels apply) and reports what
    /// it rejects, located at the node. Runs only when the graph, nodes, tensors and functions
    /// have no error findings (K01xx–K04xx): those explain a broken model better, and inference
    /// would only repeat them in other words.
    func checkInference() {
        let rules = RuleInfo.inferenceRules
        guard rules.contains(where: { options.isEnabled($0) }) else { return }
        let blocking = ["K01", "K02", "K03", "K04"]
        guard
            !findings.contains(where: { f in
                f.severity == .error && blocking.contains { f.code.hasPrefix($0) }
                    && f.code != RuleInfo.unverifiableOp.code
            })
        else { return }
        let result = ShapeInference.infer(model)
        let before = findings.count
        for issue in result.issues {
            let e = issue.error
            emit(
                .forInference(e.code), e.message, node: e.location.node, value: e.location.value,
                path: issue.graphPath)
        }
        dropAttributeFindingsInferenceRepeats(Array(findings[before...]))
    }

    /// The K05xx codes that report the same problem as each K06xx rule.
    private static let inferenceEquivalents: [String: Set<String>] = [
        RuleInfo.transposePerm.code: [RuleInfo.axisOutOfRange.code],
        RuleInfo.attributeAxisOutOfRange.code: [RuleInfo.axisOutOfRange.code],
        RuleInfo.gemmInnerDim.code: [
            RuleInfo.inferredShapeMismatch.code, RuleInfo.rankMismatch.code,
        ],
        RuleInfo.attributeReshapeElementCount.code: [RuleInfo.reshapeElementCount.code],
    ]

    /// Inference owns a problem it reports: a K06xx finding (declared ranks only, kept for what
    /// inference cannot see: models with K01xx–K04xx errors, where inference does not run, and
    /// rules turned off with `--disable`) is dropped when inference reported the equivalent K05xx
    /// finding at the same node of the same graph. O(findings).
    private func dropAttributeFindingsInferenceRepeats(_ inferred: [Finding]) {
        struct Key: Hashable {
            var code: String
            var path: String?
            var node: String?
        }
        let reported = Set(inferred.map { Key(code: $0.code, path: $0.graphPath, node: $0.node) })
        guard !reported.isEmpty else { return }
        removeFindings { f in
            guard let codes = CheckRun.inferenceEquivalents[f.code] else { return false }
            return codes.contains {
                reported.contains(Key(code: $0, path: f.graphPath, node: f.node))
            }
        }
    }
}
