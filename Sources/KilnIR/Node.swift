import Foundation

/// One operator application. Inputs and outputs are value names; an empty name marks an omitted
/// optional input or output. Attributes keep their file order; use `attribute(_:)` to look up.
public struct Node: Sendable, Equatable {
    public var name: String
    public var opType: String
    /// Operator domain; `""` (equivalently `ai.onnx`) is the default ONNX domain.
    public var domain: String
    /// Overload name for model-local functions (ONNX IR v10+), usually empty.
    public var overload: String
    public var inputs: [String]
    public var outputs: [String]
    public var attributes: [Attribute]
    public var docString: String
    public var metadata: [MetadataEntry]
    /// ONNX `NodeDeviceConfigurationProto` messages (sharding for distributed execution), kept
    /// as their serialized protobuf bytes: Kiln does not interpret them, only carries them.
    public var deviceConfigurations: [Data] = []

    public init(
        name: String = "", opType: String, domain: String = "", overload: String = "",
        inputs: [String], outputs: [String], attributes: [Attribute] = [], docString: String = "",
        metadata: [MetadataEntry] = []
    ) {
        self.name = name
        self.opType = opType
        self.domain = domain
        self.overload = overload
        self.inputs = inputs
        self.outputs = outputs
        self.attributes = attributes
        self.docString = docString
        self.metadata = metadata
    }

    /// The first attribute called `name`.
    public func attribute(_ name: String) -> Attribute? {
        attributes.first { $0.name == name }
    }

    /// Domain with `ai.onnx` normalized to `""`.
    public var normalizedDomain: String { domain == "ai.onnx" ? "" : domain }

    /// A label for messages: the node name, or `OpType#index` when the node is anonymous.
    public func label(index: Int) -> String {
        name.isEmpty ? "\(opType)#\(index)" : name
    }

    /// Every subgraph held by this node's attributes (If branches, Loop/Scan bodies).
    public var subgraphs: [Graph] {
        var out: [Graph] = []
        for a in attributes {
            switch a.value {
            case .graph(let g): out.append(g)
            case .graphs(let gs): out.append(contentsOf: gs)
            default: break
            }
        }
        return out
    }
}
