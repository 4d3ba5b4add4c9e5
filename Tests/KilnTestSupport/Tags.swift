import Testing

/// Test tags shared by every test target (`swift test --filter` / `--skip` by tag).
extension Tag {
    /// Needs Python with onnx/onnxruntime; compares Kiln with the incumbent.
    @Tag public static var interop: Self
    /// Runs over `../shared/conformance`.
    @Tag public static var conformance: Self
}
