import Foundation
import KilnIR

/// Expands the paths given to `kiln check`: files are kept as given, directories are walked
/// recursively for model files.
///
/// In a directory, `.onnx` and `.klite` files are models; a `.json` file is one only when it
/// declares `"format": "kiln-json"` near its start, so configuration files and reports that
/// sit beside models are skipped rather than reported as unreadable. Hidden files and folders
/// (`.git`, `.build`) are skipped, symbolic links to files are followed but links to folders are
/// not (no cycles), and files are listed in byte order of their paths so reports are
/// deterministic.
enum ModelDiscovery {
    /// Extensions that are models wherever they are found.
    static let modelExtensions: Set<String> = ["onnx", "klite"]
    /// How much of a `.json` file is read to find its `format` key.
    static let jsonSniffBytes = 4096

    /// The files to check for `paths`, and how many non-model files in directories were skipped.
    static func expand(_ paths: [String]) throws -> (files: [String], skipped: Int) {
        var files: [String] = []
        var skipped = 0
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue
            else {
                files.append(path)
                continue
            }
            let found = try walk(path)
            if found.files.isEmpty {
                throw KilnError(
                    .usage, "\(path): no .onnx, .klite or Kiln JSON model files in this folder")
            }
            files += found.files
            skipped += found.skipped
        }
        return (files, skipped)
    }

    private static func walk(_ directory: String) throws -> (files: [String], skipped: Int) {
        let root = URL(fileURLWithPath: directory)
        guard
            let e = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey],
                options: [.skipsHiddenFiles])
        else { throw KilnError(.io, "\(directory): cannot list this folder") }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        var files: [String] = []
        var skipped = 0
        for case let url as URL in e {
            // Symbolic links to files count (Hugging Face caches and DVC link models to blobs);
            // links to folders are not followed.
            let target = url.resolvingSymlinksInPath()
            guard (try? target.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true
            else { continue }
            let ext = url.pathExtension.lowercased()
            // The enumerator yields paths under the resolved root; report them under the
            // spelling the user gave.
            let relative = url.path.hasPrefix(root.path + "/")
                ? String(url.path.dropFirst(root.path.count + 1)) : url.lastPathComponent
            if modelExtensions.contains(ext) || (ext == "json" && isKilnJSON(url)) {
                files.append(prefix + relative)
            } else if ext == "json" {
                skipped += 1
            }
        }
        return (files.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }, skipped)
    }

    /// True when the first bytes of the file hold `"format"` followed by `"kiln-json"`.
    static func isKilnJSON(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return true }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: jsonSniffBytes) else { return true }
        let text = String(decoding: data, as: UTF8.self)
        guard let key = text.range(of: "\"format\"") else { return false }
        let rest = text[key.upperBound...].drop { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        guard rest.first == ":" else { return false }
        let value = rest.dropFirst().drop { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        return value.hasPrefix("\"kiln-json\"")
    }
}
