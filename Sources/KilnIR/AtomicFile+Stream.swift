import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension AtomicFile {
    /// An output written piece by piece to a temporary file beside its destination and renamed
    /// into place by `commit()`; dropped without `commit()`, the temporary file is removed.
    ///
    /// Used by writers that stream data larger than memory (Kiln Lite streams weights from their
    /// memory-mapped source). Small writes are buffered; `patch(_:at:)` rewrites bytes already
    /// written (e.g. a header whose checksum is known only at the end).
    public final class Stream {
        private let url: URL
        private let tmp: URL
        private var fd: Int32
        private var buffer: [UInt8] = []
        /// Bytes written so far (the current end of the file).
        public private(set) var position: Int = 0
        private static let bufferLimit = 1 << 20

        /// Creates the temporary file for `url`.
        public init(to url: URL) throws {
            self.url = url
            let dir = url.deletingLastPathComponent()
            tmp = dir.appendingPathComponent(
                ".\(url.lastPathComponent).kiln-tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            fd = open(tmp.path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw KilnError(
                    .io, "cannot create a temporary file in \(dir.path): \(String(cString: strerror(errno)))",
                    at: .init(file: url.relativePath))
            }
        }

        deinit {
            if fd >= 0 {
                close(fd)
                unlink(tmp.path)
            }
        }

        private func failure(_ what: String) -> KilnError {
            KilnError(.io, "\(what): \(String(cString: strerror(errno)))", at: .init(file: url.relativePath))
        }

        /// Appends `bytes`.
        public func write(_ bytes: UnsafeRawBufferPointer) throws {
            guard bytes.count > 0 else { return }
            if buffer.count + bytes.count <= Stream.bufferLimit {
                buffer.append(contentsOf: bytes)
            } else {
                try flush()
                try writeAll(bytes)
            }
            position += bytes.count
        }

        /// Appends `data`.
        public func write(_ data: Data) throws {
            try data.withUnsafeBytes { try write($0) }
        }

        /// Appends `count` zero bytes.
        public func writeZeros(_ count: Int) throws {
            guard count > 0 else { return }
            try [UInt8](repeating: 0, count: count).withUnsafeBytes { try write($0) }
        }

        /// Overwrites bytes at `offset` (which must already have been written).
        public func patch(_ bytes: [UInt8], at offset: Int) throws {
            precondition(offset >= 0 && offset + bytes.count <= position, "patch past the end")
            try flush()
            let n = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(offset)) }
            guard n == bytes.count else { throw failure("cannot write") }
        }

        /// Flushes, optionally syncs (`KILN_FSYNC=1`) and renames the file into place.
        public func commit() throws {
            try flush()
            if ProcessInfo.processInfo.environment["KILN_FSYNC"] == "1", fsync(fd) != 0 {
                throw failure("cannot flush to disk")
            }
            let rc = close(fd)
            fd = -1
            guard rc == 0 else {
                unlink(tmp.path)
                throw failure("cannot write")
            }
            guard rename(tmp.path, url.path) == 0 else {
                let e = failure("cannot move the output into place")
                unlink(tmp.path)
                throw e
            }
        }

        private func flush() throws {
            guard !buffer.isEmpty else { return }
            try buffer.withUnsafeBytes { try writeAll($0) }
            buffer.removeAll(keepingCapacity: true)
        }

        private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
            guard var p = bytes.baseAddress else { return }
            var left = bytes.count
            while left > 0 {
                #if canImport(Glibc)
                    let n = Glibc.write(fd, p, left)
                #else
                    let n = Darwin.write(fd, p, left)
                #endif
                if n < 0 {
                    if errno == EINTR { continue }
                    throw failure("cannot write")
                }
                left -= n
                p += n
            }
        }
    }

    /// Tells the kernel that the pages under `bytes` will not be read again soon, so a pass over
    /// a memory-mapped file larger than memory does not keep it all resident. Contents are
    /// preserved (`MADV_PAGEOUT`; a no-op where unsupported), so this is safe on any memory.
    public static func releasePages(_ bytes: UnsafeRawBufferPointer) {
        #if os(Linux)
            guard let base = bytes.baseAddress, bytes.count >= 1 << 20 else { return }
            let page = Int(sysconf(Int32(_SC_PAGESIZE)))
            let start = (Int(bitPattern: base) + page - 1) / page * page
            let end = (Int(bitPattern: base) + bytes.count) / page * page
            guard end > start, let p = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(p, end - start, 21)  // MADV_PAGEOUT (Linux 5.4+)
        #endif
    }
}
