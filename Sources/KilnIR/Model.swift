/// An operator set the model depends on: a domain (`""` is the default ONNX domain) and version.
public struct OpsetImport: Sendable, Hashable {
    public var domain: String
    public var version: Int64
    public init(domain: String, version: Int64) {
        self.domain = domain
        self.version = version
    }
}

/// A whole model: header fields, the main graph and model-local functions.
public struct Model: Sendable, Equatable {
    public var irVersion: Int64
    public var opsetImports: [OpsetImport]
    public var producerName: String
    public var producerVersion: String
    public var domain: String
    public var modelVersion: Int64
    public var docString: String
    public var metadata: [MetadataEntry]
    public var graph: Graph
    public var functions: [Function]
    /// Training graphs and bindings (ONNX `training_info`), kept verbatim.
    public var trainingInfo: [TrainingInfo] = []
    /// Devices the model is configured for (ONNX `configuration`, IR 11+).
    public var deviceConfigurations: [DeviceConfiguration] = []

    public init(
        irVersion: Int64 = 10, opsetImports: [OpsetImport] = [OpsetImport(domain: "", version: 21)],
        producerName: String = "", producerVersion: String = "", domain: String = "",
        modelVersion: Int64 = 0, docString: String = "", metadata: [MetadataEntry] = [],
        graph: Graph, functions: [Function] = []
    ) {
        self.irVersion = irVersion
        self.opsetImports = opsetImports
        self.producerName = producerName
        self.producerVersion = producerVersion
        self.domain = domain
        self.modelVersion = modelVersion
        self.docString = docString
        self.metadata = metadata
        self.graph = graph
        self.functions = functions
    }

    /// The imported version of `domain` (`ai.onnx` and `""` are the same domain).
    public func opsetVersion(for domain: String) -> Int64? {
        let d = domain == "ai.onnx" ? "" : domain
        return opsetImports.first { ($0.domain == "ai.onnx" ? "" : $0.domain) == d }?.version
    }
}

/// ONNX `TrainingInfoProto`: how to initialize and update the model's state when training.
public struct TrainingInfo: Sendable, Equatable {
    public var initialization: Graph?
    public var algorithm: Graph?
    public var initializationBinding: [MetadataEntry]
    public var updateBinding: [MetadataEntry]

    public init(
        initialization: Graph? = nil, algorithm: Graph? = nil,
        initializationBinding: [MetadataEntry] = [], updateBinding: [MetadataEntry] = []
    ) {
        self.initialization = initialization
        self.algorithm = algorithm
        self.initializationBinding = initializationBinding
        self.updateBinding = updateBinding
    }
}

/// ONNX `DeviceConfigurationProto`: a named set of devices for distributed execution.
public struct DeviceConfiguration: Sendable, Equatable {
    public var name: String
    public var numDevices: Int32
    public var devices: [String]

    public init(name: String, numDevices: Int32, devices: [String]) {
        self.name = name
        self.numDevices = numDevices
        self.devices = devices
    }
}

/// A model-local function (ONNX `FunctionProto`): a named, reusable subgraph called like an op.
public struct Function: Sendable, Equatable {
    public var name: String
    public var domain: String
    public var overload: String
    public var inputs: [String]
    public var outputs: [String]
    public var attributeNames: [String]
    /// Attributes with default values (ONNX `attribute_proto`).
    public var attributeDefaults: [Attribute]
    public var nodes: [Node]
    public var opsetImports: [OpsetImport]
    public var valueInfo: [ValueInfo]
    public var docString: String
    public var metadata: [MetadataEntry]

    public init(
        name: String, domain: String, overload: String = "", inputs: [String], outputs: [String],
        attributeNames: [String] = [], attributeDefaults: [Attribute] = [], nodes: [Node],
        opsetImports: [OpsetImport] = [], valueInfo: [ValueInfo] = [], docString: String = "",
        metadata: [MetadataEntry] = []
    ) {
        self.name = name
        self.domain = domain
        self.overload = overload
        self.inputs = inputs
        self.outputs = outputs
        self.attributeNames = attributeNames
        self.attributeDefaults = attributeDefaults
        self.nodes = nodes
        self.opsetImports = opsetImports
        self.valueInfo = valueInfo
        self.docString = docString
        self.metadata = metadata
    }
}
