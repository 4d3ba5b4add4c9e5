import Dispatch

/// Runs a loop over `0..<count` as up to `threads` contiguous, disjoint ranges on as many
/// threads, for kernels whose iterations write disjoint outputs (so the result is the same for
/// any thread count). With one range the body runs inline on the calling thread.
public enum ParallelRanges {
    /// Calls `body` once per range; ranges hold at least `minimumPerRange` iterations.
    public static func run(
        _ count: Int, threads: Int, minimumPerRange: Int = 1, _ body: (Range<Int>) -> Void
    ) {
        let parts = min(max(threads, 1), max(1, count / max(minimumPerRange, 1)))
        if parts <= 1 {
            if count > 0 { body(0..<count) }
            return
        }
        let chunk = (count + parts - 1) / parts
        withoutActuallyEscaping(body) { escaping in
            // Only this call uses the closure, and each range writes its own outputs.
            nonisolated(unsafe) let work = escaping
            DispatchQueue.concurrentPerform(iterations: parts) { p in
                let lo = p * chunk
                let hi = min(count, lo + chunk)
                if lo < hi { work(lo..<hi) }
            }
        }
    }
}
