import Foundation
import KilnIR
import KilnONNX

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Refuses to let a command write over one of its own inputs (`kiln check a.onnx -o a.onnx`,
/// `kiln run m.onnx --input in.npz -o in.npz`): the output would replace data the user still
/// needs. `--force` allows it; the write still goes to a temporary file renamed into place, so
/// the input stays intact until the new file is complete.
enum OutputSafety {
    /// Throws `usage` (exit 2) when `output` names the same file as any of `inputs` (same
    /// path after resolving symlinks, or the same device and inode, e.g. a hard link).
    static func check(output: String, inputs: [String], force: Bool) throws {
        guard !force else { return }
        for input in inputs where sameFile(output, input) {
            throw KilnError(
                .usage,
                "refusing to write over '\(input)', an input of this command; choose another output or pass --force",
                at: .init(file: output))
        }
    }

    /// Checks a model write: `output` against the input model and every file it reads (a Kiln
    /// JSON input's `.bin` sidecar, an ONNX input's external data files), which `--force` lifts;
    /// then the file the write creates beside `output` without the user naming it (a JSON
    /// output's `.bin` sidecar) against the same inputs, which `--force` lifts only for an
    /// in-place rewrite (`-o` the input itself): `kiln convert a.onnx -o a.json --force` must not
    /// replace the external data `a.bin` that `a.onnx` still needs.
    static func checkModelWrite(
        output: String, format: ModelFormat?, input: String, inputFormat: ModelFormat?,
        force: Bool, onnxOptions: ONNXReader.Options = .init()
    ) throws {
        // An ONNX output's `.data` file is not listed: it is written only above 2 GiB, and beside
        // an in-place rewrite (`-o` the input, with --force) it is the input's own data file.
        var companions: [String] = []
        if (try? ModelFiles.format(of: output, override: format)) == .json {
            companions.append(JSONModelFile.sidecarPath(for: output))
        }
        var inputs = [input]
        switch try? ModelFiles.format(of: input, override: inputFormat) {
        case .json:
            inputs.append(JSONModelFile.sidecarPath(for: input))
        case .onnx:
            // Decoding the model to list its external data is only worth it when a file this
            // write creates already exists (otherwise nothing can be overwritten). A model that
            // cannot be read is reported by the load that follows.
            let paths = [output] + companions
            if paths.contains(where: { FileManager.default.fileExists(atPath: $0) }),
                let files = try? ONNXReader(options: onnxOptions).externalDataFiles(
                    contentsOf: URL(fileURLWithPath: input))
            {
                inputs += files.map(\.path)
            }
        default:
            break
        }
        try check(output: output, inputs: inputs, force: force)
        // A forced in-place rewrite (`kiln convert m.json -o m.json --force`) replaces the model
        // and, with it, its own sidecar: that is what the user asked for.
        if force && sameFile(output, input) { return }
        for companion in companions {
            for input in inputs where sameFile(companion, input) {
                let name = URL(fileURLWithPath: companion).lastPathComponent
                throw KilnError(
                    .usage,
                    "refusing to write the sidecar '\(name)' of this output: it would replace "
                        + "'\(input)', which this command reads (--force does not allow that); "
                        + "choose another output name",
                    at: .init(file: output))
            }
        }
    }

    static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat()
        var sb = stat()
        if stat(a, &sa) == 0, stat(b, &sb) == 0 {
            return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
        }
        let ra = URL(fileURLWithPath: a).resolvingSymlinksInPath().standardizedFileURL.path
        let rb = URL(fileURLWithPath: b).resolvingSymlinksInPath().standardizedFileURL.path
        return ra == rb
    }
}
