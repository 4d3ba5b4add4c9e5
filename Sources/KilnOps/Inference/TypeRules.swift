import KilnIR

/// A type rule: one `ValueType?` per node output from an ``InferenceContext``.
public typealias TypeRule = @Sendable (InferenceContext) throws -> [ValueType?]

/// Type rules of ops whose kernels are table entries (`ClosureOp`, op families built from a
/// `Kind`), keyed like `OpRegistry` (`domain::opType`). Each family contributes its rules from
/// a `+Types.swift` file next to its kernels; ops that are their own types (`Gemm`, `Conv`)
/// implement ``OpDefinition/inferTypes(_:)`` directly instead.
public enum TypeRules {
    /// Every table rule.
    public static let table: [String: TypeRule] = {
        var t: [String: TypeRule] = [:]
        for family in families {
            for (k, rule) in family {
                let key = k.contains("::") ? k : "::" + k
                precondition(t[key] == nil, "TypeRules: two rules for \(key)")
                t[key] = rule
            }
        }
        return t
    }()

    static var families: [[String: TypeRule]] {
        [
            elementwiseRules, shapeRules, indexingRules, reductionRules, castRules, miscRules,
            controlFlowRules, sequenceRules, nnRules, contribRules, extraRules,
        ]
    }

    /// Output types all unknown.
    static func unknown(_ ctx: InferenceContext) -> [ValueType?] {
        [ValueType?](repeating: nil, count: ctx.node.outputs.count)
    }
}

extension OpDefinition {
    public func inferTypes(_ context: InferenceContext) throws -> [ValueType?] {
        guard let rule = TypeRules.table[OpRegistry.key(domain, opType)] else {
            return TypeRules.unknown(context)
        }
        return try rule(context)
    }

    public var hasTypeRule: Bool { TypeRules.table[OpRegistry.key(domain, opType)] != nil }
}
