import KilnIR

/// Makes readers of byte-identical constant initializers (same element type, shape and bytes)
/// read the first one, so the copies die. Overridable initializers (graph inputs) and graph
/// outputs are left alone. Candidates are bucketed by type, shape and a sample of their bytes;
/// only tensors in the same bucket are compared in full.
struct DeduplicateInitializers: Pass {
    let name = "deduplicate-initializers"
    let summary = "merge initializers with identical type, shape and bytes"

    private struct Key: Hashable {
        var type: ElementType
        var shape: [Int64]
        var head: [UInt8]
        var tail: [UInt8]
        var strings: [[UInt8]]
    }

    func run(on model: inout Model, context: PassContext) throws -> PassResult {
        try model.editAllGraphs(context) { g in
            var buckets: [Key: [Tensor]] = [:]
            for t in g.initializers where !g.isOverridable(t.name) && !g.isGraphOutput(t.name) {
                let key = Key(
                    type: t.elementType, shape: t.shape, head: Array(t.data.prefix(32)),
                    tail: Array(t.data.suffix(32)), strings: t.strings.prefix(4).map { Array($0) })
                if let kept = buckets[key]?.first(where: { $0.data == t.data && $0.strings == t.strings }) {
                    g.replaceAllUses(of: t.name, with: kept.name)
                    g.removeInitializer(t.name)
                    g.count("initializers-merged")
                } else {
                    buckets[key, default: []].append(t)
                }
            }
        }
    }
}
