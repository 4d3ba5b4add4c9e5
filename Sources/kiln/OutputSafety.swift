import Foundation
import KilnIR

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
