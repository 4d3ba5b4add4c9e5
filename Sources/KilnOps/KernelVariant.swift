import KilnIR

/// A faster kernel for some cases of one op (say float32 with a simple broadcast), an entry of
/// that op's row in the dispatch table (`OpRegistry.addVariant(_:)`).
///
/// A variant owns no semantics: for every case it accepts it must produce what the op's
/// reference kernel produces (tests check each variant against it), and it declines every other
/// case by returning `nil`, which hands the node to the next variant and finally to the
/// reference kernel in `KilnOps`.
public protocol KernelVariant: Sendable {
    /// Domain of the op this is a variant of (`""` for default ONNX).
    var domain: String { get }
    /// Type of the op this is a variant of.
    var opType: String { get }
    /// Runs the node when this variant supports its case; `nil` declines it.
    func run(ifSupported context: KernelContext) throws -> [Value]?
}

/// One row of the dispatch table: an op's reference definition and its fast variants, tried
/// in order before the reference kernel. Shape and type rules are the reference op's.
public struct DispatchedOp: OpDefinition {
    /// The op whose semantics this row implements (and whose kernel is the last resort).
    public let reference: any OpDefinition
    /// The variants, tried in order.
    public let variants: [any KernelVariant]

    public init(reference: any OpDefinition, variants: [any KernelVariant]) {
        self.reference = reference
        self.variants = variants
    }

    public var domain: String { reference.domain }
    public var opType: String { reference.opType }
    public var hasTypeRule: Bool { reference.hasTypeRule }

    public func inferTypes(_ context: InferenceContext) throws -> [ValueType?] {
        try reference.inferTypes(context)
    }

    public func run(_ context: KernelContext) throws -> [Value] {
        for variant in variants {
            if let outputs = try variant.run(ifSupported: context) { return outputs }
        }
        return try reference.run(context)
    }
}

extension OpRegistry {
    /// Appends `variant` to its op's row (tried after the variants added before it, before the
    /// reference kernel). Does nothing when the op is not registered; registering the op again
    /// later replaces the whole row.
    public mutating func addVariant(_ variant: any KernelVariant) {
        guard let op = lookup(domain: variant.domain, opType: variant.opType) else { return }
        if let row = op as? DispatchedOp {
            register(DispatchedOp(reference: row.reference, variants: row.variants + [variant]))
        } else {
            register(DispatchedOp(reference: op, variants: [variant]))
        }
    }
}
