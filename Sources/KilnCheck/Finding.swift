/// One problem (or observation) that `ModelChecker` found in a model.
///
/// `code` (`K0102`) and `rule` (`undefined-input`) are stable across releases and are what CI
/// configurations and suppressions should refer to; `message` is an actionable sentence and may
/// be reworded. The location fields name the node (its name, or `OpType#index` when anonymous),
/// the value or tensor, and the graph (`main`, `main/Loop_3.body`, `function:dom.Name`).
public struct Finding: Sendable, Hashable, Codable {
    /// How serious a finding is. Ordered by seriousness: `info < warning < error`.
    public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
        case error, warning, info

        private var rank: Int {
            switch self {
            case .info: return 0
            case .warning: return 1
            case .error: return 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// Stable rule code such as `K0102`.
    public var code: String
    /// Stable kebab-case rule name such as `undefined-input`.
    public var rule: String
    /// What is wrong and what to do about it, in one sentence.
    public var message: String
    /// The node label: its name, or `OpType#index` (index within its graph) when unnamed.
    public var node: String?
    /// The value or tensor the finding is about.
    public var value: String?
    /// The graph holding the node or value: `main`, `main/If_1.then_branch`, `function:d.F`.
    public var graphPath: String?

    public init(
        severity: Severity, code: String, rule: String, message: String, node: String? = nil,
        value: String? = nil, graphPath: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.rule = rule
        self.message = message
        self.node = node
        self.value = value
        self.graphPath = graphPath
    }
}

/// The result of checking one file: its findings, or why it could not be read.
public struct FileReport: Sendable {
    /// The path as given by the user (rendered verbatim, and as a URI in SARIF).
    public var file: String
    /// Findings in model order (model header, then graphs in node order, then functions).
    public var findings: [Finding]
    /// One line when the file could not be read or decoded; `findings` is then usually empty.
    public var loadError: String?

    public init(file: String, findings: [Finding] = [], loadError: String? = nil) {
        self.file = file
        self.findings = findings
        self.loadError = loadError
    }

    /// Number of findings with `severity`.
    public func count(_ severity: Finding.Severity) -> Int {
        findings.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
    }

    /// True when the file could not be read or has at least one error-level finding.
    public var failed: Bool { loadError != nil || findings.contains { $0.severity == .error } }
}
