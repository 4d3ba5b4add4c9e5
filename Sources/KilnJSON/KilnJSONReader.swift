import Foundation
import KilnIR

/// Reads Kiln JSON (see `schemas/kiln-json.md`) into a `Model`.
///
/// The reader trusts nothing in the document: every key and type is checked, unknown keys are
/// rejected (except `_comment`-style keys starting with `_`), every tensor is validated
/// against its type and shape, and sidecar offsets and lengths are checked against the real
/// sidecar size. Errors are `KilnError`s whose `location.jsonPath` points at the offending
/// value (e.g. `$.graph.nodes[3].attributes[1]`); syntax errors also carry a byte offset.
/// Limits that protect against hostile input are in `Options`.
public struct KilnJSONReader: Sendable {
    /// Resource limits, in the spirit of swift-protobuf's `messageDepthLimit`. Exceeding one
    /// throws `KilnError` with code `limitExceeded`.
    public struct Options: Sendable {
        /// Maximum nesting of JSON arrays and objects. A graph nested in an attribute costs
        /// about five levels (graph, nodes, node, attributes, attribute). Default 128. The
        /// parser recurses once per level, so keep this well below ~10 000.
        public var maxNestingDepth: Int
        /// Maximum size of the JSON document in bytes. Default 2 GiB.
        public var maxDocumentBytes: Int
        /// Maximum payload of any one tensor in bytes (string tensors: sum of string
        /// lengths), checked from the shape before anything is decoded. Default 4 GiB.
        public var maxTensorBytes: Int
        /// Maximum number of nodes in the whole model, counting nodes of subgraphs and
        /// functions. Default 1 000 000.
        public var maxNodes: Int
        /// Whole-model limits (total tensor bytes, total nodes, rank, string length) checked
        /// after decoding; see `ModelLimits` for the defaults.
        public var modelLimits = ModelLimits()

        public init(
            maxNestingDepth: Int = 128, maxDocumentBytes: Int = 1 << 31,
            maxTensorBytes: Int = 1 << 32, maxNodes: Int = 1_000_000
        ) {
            self.maxNestingDepth = maxNestingDepth
            self.maxDocumentBytes = maxDocumentBytes
            self.maxTensorBytes = maxTensorBytes
            self.maxNodes = maxNodes
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Decodes a document. `sidecar` is called at most once, with the file name recorded in
    /// the document (already checked to be a plain file name), and only when some tensor is
    /// stored there; return its bytes (ideally memory-mapped; tensors slice them without
    /// copying). Errors it throws are wrapped in a `KilnError` with code `io`.
    public func read(_ json: Data, sidecar: (String) throws -> Data) throws -> Model {
        guard json.count <= options.maxDocumentBytes else {
            throw KilnError(
                .limitExceeded,
                "the document is \(json.count) bytes, over the limit of "
                    + "\(options.maxDocumentBytes) (KilnJSONReader.Options.maxDocumentBytes)",
                at: .init(jsonPath: JSONPath.root))
        }
        let root = try JSONParser.parse(json, maxDepth: options.maxNestingDepth)
        return try withoutActuallyEscaping(sidecar) { load in
            var decoder = ModelDecoder(options: options, loadSidecar: load)
            let model = try decoder.decode(root)
            try options.modelLimits.enforce(model)
            return model
        }
    }

    /// Reads the document at `url` and, when it uses one, the sidecar named in it from the
    /// same directory (memory-mapped). The sidecar must be a regular file, not a symbolic
    /// link; names with directories, `..` or absolute paths are rejected. Errors carry the
    /// file path in `location.file`.
    public func read(contentsOf url: URL) throws -> Model {
        let json: Data
        do {
            json = try MappedFile.map(url, maxBytes: options.maxDocumentBytes)
        } catch let e as KilnError {
            throw e.inFile(url.path)
        } catch {
            throw KilnError(
                .io, "cannot read the file: \(error.localizedDescription)",
                at: .init(file: url.path), underlying: error)
        }
        let directory = url.deletingLastPathComponent()
        do {
            return try read(json) { name in
                let sidecarURL = directory.appendingPathComponent(name, isDirectory: false)
                try KilnJSONReader.checkRegularFile(sidecarURL)
                // O_NOFOLLOW again at open time, so a swap after the check cannot slip through;
                // a hard link could reach a file outside the folder, as for ONNX external data.
                return try MappedFile.map(sidecarURL, allowSymlink: false, allowHardLinks: false)
            }
        } catch let e as KilnError {
            throw e.inFile(url.path)
        }
    }

    /// True when `name` is usable as a sidecar file name: non-empty, no path separators, not
    /// `.` or `..`, no NUL, at most 255 bytes.
    static func isPlainFileName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && name.utf8.count <= 255
            && !name.contains("/") && !name.contains("\\") && !name.contains("\0")
    }

    /// Refuses symbolic links and anything but a regular file.
    static func checkRegularFile(_ url: URL) throws {
        let attributes: [FileAttributeKey: Any]
        do {
            // attributesOfItem does not follow a symbolic link in the last path component.
            attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        } catch {
            throw KilnError(
                .io,
                "cannot find the sidecar file '\(url.lastPathComponent)' next to the "
                    + "document: \(error.localizedDescription)",
                at: .init(file: url.path), underlying: error)
        }
        let type = attributes[.type] as? FileAttributeType
        if type == .typeSymbolicLink {
            throw KilnError(
                .io,
                "the sidecar is a symbolic link; refusing to follow it (copy the file instead)",
                at: .init(file: url.path))
        }
        if type != .typeRegular {
            throw KilnError(.io, "the sidecar is not a regular file", at: .init(file: url.path))
        }
    }
}
