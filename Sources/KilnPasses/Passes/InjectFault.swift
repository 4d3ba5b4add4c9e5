import KilnIR

/// A deliberately wrong pass, for testing `kiln optimize --verify`'s bisection (never part of a
/// pipeline unless a test asks for it): negates the first float32 value that other nodes read,
/// by inserting `Neg` in front of its readers, once per pipeline run.
package struct InjectFault: Pass {
    package let name = "inject-fault"
    package let summary = "test only: negate the first float32 intermediate value (a wrong rewrite)"

    package init() {}

    package func run(on model: inout Model, context: PassContext) throws -> PassResult {
        // Once per pipeline run: negating again in a later iteration could undo the fault.
        if context.statistics[name]?["values-negated"] != nil { return .unchanged }
        return try model.edit(context) { g in
            let order = g.orderedNodes()
            let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
            for ref in order {
                let y = g.output(ref, 0)
                guard !y.isEmpty, !g.isGraphOutput(y), g.elementType(of: y) == .float32,
                    let first = g.uses(of: y).min(by: { position[$0, default: 0] < position[$1, default: 0] })
                else { continue }
                let negated = g.freshName(y + "_negated")
                g.replaceAllUses(of: y, with: negated)
                g.insert(Node(opType: "Neg", inputs: [y], outputs: [negated]), before: first)
                g.count("values-negated")
                return
            }
        }
    }
}
