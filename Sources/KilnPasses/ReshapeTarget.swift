import KilnIR

/// The constant target of a `Reshape` (with `allowzero` unset) from an input of shape `from`
/// to an output of shape `to`, both as inference knows them: the known size where `to` has
/// one, `0` where `to`'s dim is the same symbol as `from`'s dim at the same position, and `-1`
/// for at most one remaining dim. `nil` when two or more dims are neither.
enum ReshapeTarget {
    static func constant(from: [Dim], to: [Dim]) -> [Int64]? {
        var values: [Int64] = []
        var free = 0
        for (i, d) in to.enumerated() {
            if let v = d.value {
                // A literal 0 would copy the input's dim (allowzero unset).
                guard v > 0 || (i < from.count && from[i] == .known(0)) else { return nil }
                values.append(v)
            } else if d.value == nil, d != .unknown, i < from.count, d == from[i] {
                values.append(0)
            } else {
                free += 1
                values.append(-1)
            }
        }
        return free <= 1 ? values : nil
    }
}
