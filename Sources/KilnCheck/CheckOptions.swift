/// What `ModelChecker` reports and how.
public struct CheckOptions: Sendable {
    /// When non-nil, only these rules run. Entries are codes (`K0102`) or names (`undefined-input`).
    public var enabledRules: Set<String>?
    /// Rules that never report. Entries are codes or names; wins over `enabledRules`.
    public var disabledRules: Set<String>
    /// Report warnings with severity `error` (for CI that must fail on warnings).
    public var warningsAsErrors: Bool
    /// Findings below this severity are dropped (`.info` keeps everything).
    public var minimumSeverity: Finding.Severity
    /// Report ops of custom domains that the schema registry does not know as errors instead of
    /// `unverifiable-op` warnings (onnx's `check_custom_domain`).
    public var strictCustomDomains: Bool
    /// Maximum nesting depth of subgraphs (If/Loop/Scan bodies) that is descended into.
    public var maxSubgraphDepth: Int

    public init(
        enabledRules: Set<String>? = nil, disabledRules: Set<String> = [],
        warningsAsErrors: Bool = false, minimumSeverity: Finding.Severity = .info,
        strictCustomDomains: Bool = false, maxSubgraphDepth: Int = 64
    ) {
        self.enabledRules = enabledRules
        self.disabledRules = disabledRules
        self.warningsAsErrors = warningsAsErrors
        self.minimumSeverity = minimumSeverity
        self.strictCustomDomains = strictCustomDomains
        self.maxSubgraphDepth = maxSubgraphDepth
    }

    /// Whether `rule` reports at all under these options.
    func isEnabled(_ rule: RuleInfo) -> Bool {
        if disabledRules.contains(rule.code) || disabledRules.contains(rule.name) { return false }
        if let enabled = enabledRules {
            return enabled.contains(rule.code) || enabled.contains(rule.name)
        }
        return true
    }
}
