import Foundation
import KilnCheck
import KilnIR

// Small builders for hand-made (often deliberately broken) models.

func fv(_ name: String, _ e: ElementType = .float32, _ dims: [Int64] = [2, 3]) -> ValueInfo {
    ValueInfo(name: name, tensor: TensorType(e, dims))
}

func node(
    _ op: String, _ inputs: [String], _ outputs: [String], name: String = "", domain: String = "",
    _ attributes: [Attribute] = []
) -> Node {
    Node(
        name: name, opType: op, domain: domain, inputs: inputs, outputs: outputs,
        attributes: attributes)
}

func floats(_ name: String, _ shape: [Int64]) -> Tensor {
    let n = Int(shape.reduce(1, *))
    return Tensor(name: name, shape: shape, values: [Float](repeating: 1, count: n))
}

func model(
    _ nodes: [Node], inputs: [ValueInfo] = [fv("X")], outputs: [ValueInfo] = [fv("Y")],
    initializers: [Tensor] = [], valueInfo: [ValueInfo] = [], opset: Int64? = 21, ir: Int64 = 10,
    extraOpsets: [OpsetImport] = [], functions: [Function] = []
) -> Model {
    let graph = Graph(
        name: "g", inputs: inputs, outputs: outputs, initializers: initializers, nodes: nodes,
        valueInfo: valueInfo)
    let imports = (opset.map { [OpsetImport(domain: "", version: $0)] } ?? []) + extraOpsets
    return Model(irVersion: ir, opsetImports: imports, graph: graph, functions: functions)
}

func findings(_ m: Model, _ options: CheckOptions = .init()) -> [Finding] {
    ModelChecker(options: options).check(m)
}

func codes(_ m: Model, _ options: CheckOptions = .init()) -> Set<String> {
    Set(findings(m, options).map(\.code))
}

func errorCodes(_ m: Model) -> Set<String> {
    Set(findings(m).filter { $0.severity == .error }.map(\.code))
}
