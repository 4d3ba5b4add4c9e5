import KilnIR

/// One version of a standard ONNX operator's signature: its inputs, outputs, attributes and type
/// constraints, as declared by the ONNX schema registry.
///
/// Schemas are generated from the `onnx` Python package (see `scripts/gen-op-schemas.py`) and
/// looked up through ``OpSchemas``. A schema describes the op from `sinceVersion` up to (but not
/// including) the next version's `sinceVersion`.
public struct OpSchema: Sendable {
    /// How many values a formal input or output takes.
    public enum ParameterOption: String, Sendable {
        /// Exactly one value.
        case single
        /// Zero or one value (an empty name in a node omits it).
        case optional
        /// One or more values (`minArity` or more); only the last parameter may be variadic.
        case variadic
    }

    /// A formal input or output.
    public struct Parameter: Sendable, Hashable {
        /// The formal name (`X`, `W`, ...), used in documentation and error messages.
        public var name: String
        /// A type parameter name (`T`) bound by a ``TypeConstraint``, or a concrete type string
        /// such as `tensor(int64)`. Resolve it with ``OpSchema/allowedTypes(for:)``.
        public var typeString: String
        /// Single, optional or variadic.
        public var option: ParameterOption
        /// For variadic parameters: whether all values must share one type.
        public var isHomogeneous: Bool
        /// For variadic parameters: the minimum number of values.
        public var minArity: Int

        /// Creates a parameter.
        public init(
            name: String, typeString: String, option: ParameterOption, isHomogeneous: Bool = true,
            minArity: Int = 1
        ) {
            self.name = name
            self.typeString = typeString
            self.option = option
            self.isHomogeneous = isHomogeneous
            self.minArity = minArity
        }
    }

    /// A declared attribute.
    public struct AttributeSpec: Sendable, Equatable {
        /// The attribute name.
        public var name: String
        /// The value kind a node must use for this attribute.
        public var kind: AttributeKind
        /// Whether a node must set it.
        public var required: Bool
        /// The value ONNX uses when a node omits the attribute, if the schema declares one.
        /// Only scalar and list kinds of ints, floats and strings have defaults.
        public var defaultValue: AttributeValue?

        /// Creates an attribute spec.
        public init(
            name: String, kind: AttributeKind, required: Bool, defaultValue: AttributeValue? = nil
        ) {
            self.name = name
            self.kind = kind
            self.required = required
            self.defaultValue = defaultValue
        }
    }

    /// The types a type parameter (`T`) may stand for.
    public struct TypeConstraint: Sendable, Hashable {
        /// The type parameter name used by ``Parameter/typeString``.
        public var name: String
        /// ONNX type strings such as `tensor(float)`, `seq(tensor(int64))`, `map(string, float)`.
        /// Test a Kiln type against one with ``OpSchema/matches(_:typeString:)``.
        public var allowedTypes: [String]

        /// Creates a type constraint.
        public init(name: String, allowedTypes: [String]) {
            self.name = name
            self.allowedTypes = allowedTypes
        }
    }

    /// The op's domain: `""` for the default ONNX domain (never `"ai.onnx"`), `"ai.onnx.ml"`, ...
    public var domain: String
    /// The op type (`Conv`).
    public var name: String
    /// The opset version of `domain` that introduced this version of the op.
    public var sinceVersion: Int64
    /// True when the op was removed at `sinceVersion` (for example `Upsample` at opset 10):
    /// a model importing that opset or later must not use it.
    public var deprecated: Bool
    /// Formal inputs in order.
    public var inputs: [Parameter]
    /// Formal outputs in order.
    public var outputs: [Parameter]
    /// Fewest inputs a node may have.
    public var minInputs: Int
    /// Most inputs a node may have; `Int.max` when unbounded.
    public var maxInputs: Int
    /// Fewest outputs a node may have.
    public var minOutputs: Int
    /// Most outputs a node may have; `Int.max` when unbounded.
    public var maxOutputs: Int
    /// Declared attributes, sorted by name.
    public var attributes: [AttributeSpec]
    /// Type constraints in declaration order.
    public var typeConstraints: [TypeConstraint]
    /// True when ONNX defines the op as a function with a fixed body (it can be expanded into
    /// other ops).
    public var hasFunctionBody: Bool
    /// True when ONNX builds a function body per node (it depends on the node's attributes or
    /// input types), as for `SoftmaxCrossEntropyLoss`. Independent of ``hasFunctionBody``.
    public var hasContextDependentFunction: Bool

    /// Creates a schema.
    public init(
        domain: String, name: String, sinceVersion: Int64, deprecated: Bool = false,
        inputs: [Parameter], outputs: [Parameter], minInputs: Int, maxInputs: Int,
        minOutputs: Int, maxOutputs: Int, attributes: [AttributeSpec] = [],
        typeConstraints: [TypeConstraint] = [], hasFunctionBody: Bool = false,
        hasContextDependentFunction: Bool = false
    ) {
        self.domain = domain
        self.name = name
        self.sinceVersion = sinceVersion
        self.deprecated = deprecated
        self.inputs = inputs
        self.outputs = outputs
        self.minInputs = minInputs
        self.maxInputs = maxInputs
        self.minOutputs = minOutputs
        self.maxOutputs = maxOutputs
        self.attributes = attributes
        self.typeConstraints = typeConstraints
        self.hasFunctionBody = hasFunctionBody
        self.hasContextDependentFunction = hasContextDependentFunction
    }

    /// The declared attribute called `name`, or `nil`.
    public func attribute(_ name: String) -> AttributeSpec? {
        attributes.first { $0.name == name }
    }

    /// The type constraint for the type parameter `name` (`T`), or `nil`.
    public func typeConstraint(_ name: String) -> TypeConstraint? {
        typeConstraints.first { $0.name == name }
    }

    /// The type strings `parameter` accepts: its constraint's allowed types, or the parameter's
    /// own type string when that is concrete (`tensor(int64)`).
    public func allowedTypes(for parameter: Parameter) -> [String] {
        typeConstraint(parameter.typeString)?.allowedTypes ?? [parameter.typeString]
    }

    /// Whether a value of `type` may be passed as `parameter` (see ``matches(_:typeString:)``
    /// for how unknown parts of `type` are treated).
    public func allows(_ type: ValueType, for parameter: Parameter) -> Bool {
        allowedTypes(for: parameter).contains { OpSchema.matches(type, typeString: $0) }
    }

    /// Whether `type` is an instance of the ONNX type string `typeString` (`tensor(float)`,
    /// `seq(tensor(int64))`, `optional(tensor(float))`, `map(string, float)`, ...).
    ///
    /// Shapes are ignored. Parts of `type` that are unknown (a `nil` sequence, optional or map
    /// value type, or the `undefined` element type) match anything in that position. Type
    /// parameter names (`T`) and strings naming element types Kiln does not have (`float6e2m3`)
    /// never match.
    public static func matches(_ type: ValueType, typeString: String) -> Bool {
        guard let pattern = TypeString.parse(typeString) else { return false }
        return TypeString.matches(type, pattern)
    }
}

/// Finds ONNX op schemas by domain, op type and opset version.
///
/// The catalog holds every version of every op in the standard domains (`""`, `ai.onnx.ml`,
/// `ai.onnx.preview`, `ai.onnx.preview.training`); it is parsed from generated data on first use
/// (a few milliseconds) and shared afterwards. Domain `"ai.onnx"` is accepted as `""`.
///
/// Lookups in `com.microsoft` use a second catalog, onnxruntime's contrib op schemas
/// (`scripts/gen-contrib-schemas.py`), so its ops get attribute defaults and verification too;
/// ``all`` and ``latestOpset`` stay exactly onnx's standard catalog.
public enum OpSchemas {
    /// Schema in force for an opset: the highest since_version <= opsetVersion ("ai.onnx" == "").
    ///
    /// The result may be ``OpSchema/deprecated``: the op no longer exists at that opset.
    public static func lookup(domain: String, opType: String, opsetVersion: Int64) -> OpSchema? {
        let key = OpSchemaCatalog.Key(domain, opType)
        let catalog = OpSchemaCatalog.catalog(for: key)
        guard let indices = catalog.index[key] else { return nil }
        for i in indices.reversed() where catalog.schemas[i].sinceVersion <= opsetVersion {
            return catalog.schemas[i]
        }
        return nil
    }

    /// The since_versions of every version of the op, ascending; empty when unknown.
    public static func versions(domain: String, opType: String) -> [Int64] {
        let key = OpSchemaCatalog.Key(domain, opType)
        let catalog = OpSchemaCatalog.catalog(for: key)
        let indices = catalog.index[key] ?? []
        return indices.map { catalog.schemas[$0].sinceVersion }
    }

    /// Whether any version of the op exists in the domain.
    public static func isKnown(domain: String, opType: String) -> Bool {
        let key = OpSchemaCatalog.Key(domain, opType)
        return OpSchemaCatalog.catalog(for: key).index[key] != nil
    }

    /// Every `com.microsoft` contrib op schema Kiln knows, sorted by op type and since_version.
    public static var contrib: [OpSchema] { OpSchemaCatalog.contrib.schemas }

    /// The version of onnxruntime the contrib catalog was generated from.
    public static var contribOnnxruntimeVersion: String { ContribOpSchemaData.onnxruntimeVersion }

    /// Highest opset version known per domain ("" for default).
    public static var latestOpset: [String: Int64] { OpSchemaCatalog.shared.latestOpset }

    /// Every schema, sorted by domain, op type and since_version.
    public static var all: [OpSchema] { OpSchemaCatalog.shared.schemas }

    /// The version of the `onnx` package the catalog was generated from.
    public static var onnxVersion: String { OpSchemaData.onnxVersion }
}
