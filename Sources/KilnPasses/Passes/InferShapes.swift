import KilnIR

/// Runs the shape-inference engine (`PassOptions.shapeInference`) so that later passes see
/// static shapes in `valueInfo` (shape folding, no-op detection, MatMul → Gemm). Without an
/// engine plugged in it does nothing; plugging one in is one line in `PassOptions.init`, once
/// KilnOps has the engine:
///
///     shapeInference = { m in let r = ShapeInference.infer(m).model; defer { m = r }; return r != m }
struct InferShapes: Pass {
    let name = "infer-shapes"
    let summary = "record inferred value types and shapes (needs the inference engine)"

    func run(on model: inout Model, context: PassContext) throws -> PassResult {
        guard let infer = context.options.shapeInference else { return .unchanged }
        let learned = try infer(&model)
        if learned { context.count("runs-with-new-facts") }
        return PassResult(learned)
    }
}
