import KilnIR
import KilnOps

extension Value {
    /// The runtime value for a value read from a data file.
    ///
    /// The runtime holds tensors, sequences of tensors and absent optionals; a present optional
    /// becomes its content. Maps and sequences of non-tensors throw `unsupportedFeature`.
    public init(_ data: DataValue) throws {
        switch data {
        case .tensor(let t):
            self = .tensor(t)
        case .optional(nil):
            self = .none
        case .optional(let inner?):
            self = try Value(inner)
        case .sequence(let elements):
            var tensors: [Tensor] = []
            tensors.reserveCapacity(elements.count)
            for e in elements {
                guard case .tensor(let t) = e else {
                    throw KilnError(
                        .unsupportedFeature,
                        "a sequence of \(e.kindDescription) values is not supported by the runtime")
                }
                tensors.append(t)
            }
            self = .sequence(tensors)
        case .map:
            throw KilnError(.unsupportedFeature, "map values are not supported by the runtime")
        }
    }
}
