import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Read-only memory-mapped files and safe path handling for files named by untrusted input.
public enum MappedFile {
    /// Maps `url` read-only and returns its bytes as a `Data` that unmaps when released.
    ///
    /// Only regular files are accepted: the file is opened with `O_NONBLOCK` (so a named pipe
    /// or a device cannot block `open`) and with `O_NOFOLLOW` when `allowSymlink` is false, then
    /// checked with `fstat` on the open descriptor, so nothing can be swapped in between the
    /// check and the read. With `allowHardLinks` false, a file with more than one link is
    /// refused (it could be a link to a file outside a model's folder). Files larger than
    /// `maxBytes` are refused. Empty files give an empty `Data`.
    public static func map(
        _ url: URL, maxBytes: Int = Int.max, allowSymlink: Bool = true, allowHardLinks: Bool = true
    ) throws -> Data {
        let path = url.path
        var flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK
        if !allowSymlink { flags |= O_NOFOLLOW }
        let fd = open(path, flags)
        guard fd >= 0 else {
            let err = errno
            if err == ELOOP && !allowSymlink {
                throw KilnError(
                    .malformedInput, "refusing to follow a symbolic link", at: .init(file: path))
            }
            throw KilnError(
                .io, "cannot open: \(String(cString: strerror(err)))", at: .init(file: path))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            throw KilnError(.io, "cannot stat the file", at: .init(file: path))
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw KilnError(
                .io, "not a regular file (\(fileKind(st.st_mode))); Kiln reads only regular files",
                at: .init(file: path))
        }
        if !allowHardLinks, st.st_nlink > 1 {
            throw KilnError(
                .malformedInput,
                "is a hard link (\(st.st_nlink) links), which could point outside the model's folder; copy the file instead",
                at: .init(file: path))
        }
        let size = Int(st.st_size)
        guard size <= maxBytes else {
            throw KilnError(
                .limitExceeded, "file is \(size) bytes, above the limit of \(maxBytes)",
                at: .init(file: path))
        }
        if size == 0 { return Data() }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            // Some file systems refuse mmap: read from the same descriptor (never reopen).
            return try readAll(fd, size: size, path: path)
        }
        return Data(
            bytesNoCopy: base, count: size,
            deallocator: .custom { ptr, count in munmap(ptr, count) })
    }

    /// Reads `size` bytes from `fd` (the fallback when `mmap` is refused).
    private static func readAll(_ fd: Int32, size: Int, path: String) throws -> Data {
        var data = Data(count: size)
        var done = 0
        try data.withUnsafeMutableBytes { (raw: UnsafeMutableRawBufferPointer) in
            guard let base = raw.baseAddress else { return }
            while done < size {
                let n = read(fd, base + done, size - done)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else {
                    throw KilnError(.io, "cannot read the file", at: .init(file: path))
                }
                done += n
            }
        }
        return data
    }

    /// A word for a non-regular file type, for messages.
    static func fileKind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a named pipe"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        case S_IFLNK: return "a symbolic link"
        default: return "not a regular file"
        }
    }

    /// Metadata of a file opened without following symlinks: link count and whether it is a
    /// regular file. Used to refuse hard links that could point outside a model's folder.
    public static func linkCount(_ url: URL) -> Int? {
        var st = stat()
        guard lstat(url.path, &st) == 0 else { return nil }
        return Int(st.st_nlink)
    }

    /// Resolves `relative` (a location read from a model file) inside `root`, refusing absolute
    /// paths, `..` components, symlinks and hard links, so a hostile model cannot make Kiln read
    /// outside its folder (cf. CVE-2022-25882, CVE-2024-27318).
    public static func resolveContained(_ relative: String, in root: URL) throws -> URL {
        let bad = { (why: String) in
            KilnError(.malformedInput, "external data location '\(relative)' \(why)")
        }
        if relative.isEmpty { throw bad("is empty") }
        if relative.hasPrefix("/") || relative.hasPrefix("\\") || relative.contains(":") {
            throw bad("is an absolute path; it must be relative to the model's folder")
        }
        if relative.contains("\0") { throw bad("contains a NUL byte") }
        let parts = relative.split(
            omittingEmptySubsequences: true, whereSeparator: { $0 == "/" || $0 == "\\" })
        if parts.contains(where: { $0 == ".." }) {
            throw bad("contains '..'; it must stay inside the model's folder")
        }
        let rootReal = root.resolvingSymlinksInPath().standardizedFileURL
        var url = rootReal
        for p in parts where p != "." { url.appendPathComponent(String(p)) }
        // Refuse a symlink anywhere on the path below the root.
        var probe = rootReal
        for p in parts where p != "." {
            probe.appendPathComponent(String(p))
            var st = stat()
            if lstat(probe.path, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK {
                throw bad("goes through a symbolic link, which Kiln does not follow")
            }
        }
        let real = url.resolvingSymlinksInPath().standardizedFileURL.path
        let rootPath = rootReal.path.hasSuffix("/") ? rootReal.path : rootReal.path + "/"
        guard real.hasPrefix(rootPath) else { throw bad("resolves outside the model's folder") }
        // Hard links are refused when the file is opened (`map(allowHardLinks: false)`), after
        // `fstat` has shown it is a regular file: a directory also has several links.
        return url
    }
}

/// Writes files atomically: to a temporary file in the same folder, then renamed into place, so
/// a failure never leaves a half-written output (the temporary file is removed on error).
///
/// Set `KILN_FSYNC=1` to also flush the file to disk before the rename (durable against power
/// loss, at the cost of waiting for the disk); by default, like most converters, Kiln leaves
/// that to the operating system.
public enum AtomicFile {
    /// Writes all `parts` in order to `url` atomically.
    public static func write(_ parts: [Data], to url: URL) throws {
        let dir = url.deletingLastPathComponent()
        let tmp = dir.appendingPathComponent(
            ".\(url.lastPathComponent).kiln-tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let fd = open(tmp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw KilnError(
                .io, "cannot create a temporary file in \(dir.path): \(String(cString: strerror(errno)))",
                at: .init(file: url.relativePath))
        }
        func fail(_ what: String) -> KilnError {
            let msg = String(cString: strerror(errno))
            close(fd)
            unlink(tmp.path)
            return KilnError(.io, "\(what): \(msg)", at: .init(file: url.relativePath))
        }
        for part in parts where !part.isEmpty {
            let ok = part.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
                guard let base = raw.baseAddress else { return true }
                // Large parts (weights viewed from a mapped file) go in 64 MiB chunks whose pages
                // are handed back after writing, so memory does not grow with the output.
                var done = 0
                while done < raw.count {
                    let chunk = min(raw.count - done, 64 << 20)
                    var p = base + done
                    var left = chunk
                    while left > 0 {
                        let n = systemWrite(fd, p, left)
                        if n < 0 {
                            if errno == EINTR { continue }
                            return false
                        }
                        left -= n
                        p += n
                    }
                    AtomicFile.releasePages(UnsafeRawBufferPointer(start: base + done, count: chunk))
                    done += chunk
                }
                return true
            }
            if !ok { throw fail("cannot write") }
        }
        if ProcessInfo.processInfo.environment["KILN_FSYNC"] == "1", fsync(fd) != 0 {
            throw fail("cannot flush to disk")
        }
        guard close(fd) == 0 else {
            unlink(tmp.path)
            throw KilnError(.io, "cannot write: \(String(cString: strerror(errno)))", at: .init(file: url.relativePath))
        }
        guard rename(tmp.path, url.path) == 0 else {
            let msg = String(cString: strerror(errno))
            unlink(tmp.path)
            throw KilnError(.io, "cannot move the output into place: \(msg)", at: .init(file: url.relativePath))
        }
    }

    /// Writes `data` to `url` atomically.
    public static func write(_ data: Data, to url: URL) throws { try write([data], to: url) }
}

/// The C library's `write(2)` (named apart from Swift's own `write` overloads).
@inline(__always)
private func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.write(fd, p, n)
    #else
        return Darwin.write(fd, p, n)
    #endif
}
