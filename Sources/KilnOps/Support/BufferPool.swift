import Foundation
import Synchronization

/// Tensor buffers kept for reuse across runs of one plan, keyed by exact byte size.
///
/// A buffer taken from the pool is wrapped in a `Data` whose deallocator gives the memory back
/// to the pool when the last `Data` referring to it dies, so a buffer is reused only once
/// nothing can read it any more: outputs handed to a caller never alias a buffer a later run
/// writes (they return to the pool when the caller drops them). In steady state, with the same
/// input shapes, every run finds the buffers of the run before and allocates nothing big; this
/// is the buffer plan of value lifetimes, computed by the values' own lifetimes.
///
/// Kernels allocate through `BufferPool.data(count:zeroed:)`, which uses the pool of the run in
/// progress (`current`, set by `InferencePlan.run`) and plain `Data` when there is none or the
/// buffer is small (malloc is as fast as the pool there).
public final class BufferPool: Sendable {
    /// The pool of the run in progress on this task, if any.
    @TaskLocal public static var current: BufferPool?

    /// Buffers below this size are not pooled.
    public static let minimumBytes = 4096

    /// Unused buffers by size, as addresses (plain integers cross the lock's isolation).
    private struct Free: ~Copyable {
        var bySize: [Int: [Int]] = [:]
        var bytes = 0
    }

    private let free = Mutex(Free())
    /// Most bytes kept while unused; buffers given back beyond it are freed.
    public let capacityBytes: Int
    /// Most unused buffers kept per size.
    private let perSize = 8

    /// A pool that keeps at most `capacityBytes` of unused buffers.
    public init(capacityBytes: Int = 256 << 20) {
        self.capacityBytes = capacityBytes
    }

    deinit {
        free.withLock { f in
            for list in f.bySize.values {
                for a in list { Foundation.free(UnsafeMutableRawPointer(bitPattern: a)) }
            }
        }
    }

    /// `count` bytes from the current pool (zeroed when `zeroed`; otherwise the caller must
    /// write every byte), or a fresh zeroed `Data` when there is no pool or `count` is small.
    public static func data(count: Int, zeroed: Bool) -> Data {
        guard count >= minimumBytes, let pool = current else { return Data(count: count) }
        return pool.take(count, zeroed: zeroed) ?? Data(count: count)
    }

    /// Unused bytes held now (for tests).
    public var heldBytes: Int { free.withLock { $0.bytes } }

    private func take(_ count: Int, zeroed: Bool) -> Data? {
        let address = free.withLock { f -> Int? in
            guard let a = f.bySize[count]?.popLast() else { return nil }
            f.bytes -= count
            return a
        }
        var p = address.flatMap { UnsafeMutableRawPointer(bitPattern: $0) }
        if p == nil {
            var raw: UnsafeMutableRawPointer?
            guard posix_memalign(&raw, 64, count) == 0, let raw else { return nil }
            p = raw
        }
        guard let p else { return nil }
        if zeroed { memset(p, 0, count) }
        return Data(bytesNoCopy: p, count: count, deallocator: .custom { [self] q, n in
            self.recycle(q, n)
        })
    }

    private func recycle(_ p: UnsafeMutableRawPointer, _ count: Int) {
        let address = Int(bitPattern: p)
        let kept = free.withLock { f -> Bool in
            guard f.bytes + count <= capacityBytes, f.bySize[count, default: []].count < perSize
            else { return false }
            f.bySize[count, default: []].append(address)
            f.bytes += count
            return true
        }
        if !kept { Foundation.free(p) }
    }
}
