/// Every general (non-NN) op with a reference kernel, listed once for `StandardOps`.
let generalOps: [any OpDefinition] = {
    var ops: [any OpDefinition] = []
    ops += BinaryArithmeticOp.Kind.allCases.map { BinaryArithmeticOp($0) }
    ops += ComparisonOp.Kind.allCases.map { ComparisonOp($0) }
    ops += ["And", "Or", "Xor"].map { LogicalOp($0) }
    ops += ["BitShift", "BitwiseAnd", "BitwiseOr", "BitwiseXor"].map { BitwiseBinaryOp($0) }
    ops += ["IsNaN", "IsInf", "Not", "BitwiseNot"].map { PredicateOp($0) }
    ops += UnaryOp.all as [any OpDefinition]
    ops += [PowOp(), ShrinkOp(), PReluOp(), ClipOp()] as [any OpDefinition]
    ops += ShapeOps.all
    ops += IndexingOps.all
    ops += CastOps.all
    ops += ReductionOps.all
    ops += ControlFlowOps.all
    ops += MiscOps.all
    ops.append(AttentionOp())
    ops += StringAndSignalOps.all
    return ops
}()
