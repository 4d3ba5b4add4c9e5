import Dispatch

/// How `Conv` runs its images and groups through an `NNKernels.ConvGemm`: per image, the
/// groups and, when that leaves threads idle, column (or row) blocks of each group's output,
/// as independent parts on up to `threads` threads. Every part writes its own block of Y and
/// an element's value does not depend on the block it is computed in, so the output is
/// bit-identical for any thread count.
struct ConvGemmShape {
    var images: Int
    var group: Int
    /// Input and output channels per group.
    var cg: Int
    var mg: Int
    /// GEMM depth: `cg` × kernel taps.
    var kDim: Int
    /// Spatial elements of one input and one output plane.
    var inSize: Int
    var outSize: Int
    /// `ConvGemm`'s plane geometry, nil for a 1×1 stride-1 unpadded kernel.
    var plane: [Int]?

    /// Below about this many multiply-adds per part, a fork/join costs more than it saves.
    static let workPerPart = 1e6

    func run(
        _ convGemm: @escaping NNKernels.ConvGemm, x: UnsafePointer<Float>,
        w: UnsafePointer<Float>, bias: UnsafePointer<Float>?, y: UnsafeMutablePointer<Float>,
        threads: Int
    ) {
        let work = Double(group) * Double(mg) * Double(outSize) * Double(kDim)
        let parts = min(max(threads, 1), max(1, Int(work / Self.workPerPart)))
        // Blocks per group so that the parts spread evenly over the threads.
        let splits = parts > 1 ? parts / Self.gcd(group, parts) : 1
        let (byColumns, chunk) = Self.blocking(rows: mg, columns: outSize, splits: splits)
        let extent = byColumns ? outSize : mg
        let (blocks, step) = ((extent + chunk - 1) / chunk, chunk)
        let items = group * blocks
        let (c, m) = (cg * group, mg * group)
        let shape = self
        // Raw addresses cross the concurrency boundary; each part writes a disjoint block of Y.
        let (xAddr, wAddr, yAddr) = (Int(bitPattern: x), Int(bitPattern: w), Int(bitPattern: y))
        let bAddr = bias.map { Int(bitPattern: $0) }
        (plane ?? []).withUnsafeBufferPointer { pp in
            let pAddr = plane == nil ? nil : pp.baseAddress.map { Int(bitPattern: $0) }
            for img in 0..<images {
                let part: @Sendable (Int) -> Void = { item in
                    guard let x = UnsafePointer<Float>(bitPattern: xAddr),
                        let w = UnsafePointer<Float>(bitPattern: wAddr),
                        let y = UnsafeMutablePointer<Float>(bitPattern: yAddr)
                    else { return }
                    let plane = pAddr.flatMap { UnsafePointer<Int>(bitPattern: $0) }
                    let bias = bAddr.flatMap { UnsafePointer<Float>(bitPattern: $0) }
                    let (g, s) = (item / blocks, item % blocks)
                    let lo = s * step
                    let len = min(extent - lo, step)
                    let xg = x + (img * c + g * shape.cg) * shape.inSize
                    let yg = y + (img * m + g * shape.mg) * shape.outSize
                    let wg = w + g * shape.mg * shape.kDim
                    let bg = bias.map { $0 + g * shape.mg }
                    if byColumns {
                        convGemm(
                            shape.mg, len, shape.kDim, wg, xg, plane, shape.outSize, lo, bg,
                            yg + lo, shape.outSize)
                    } else {
                        convGemm(
                            len, shape.outSize, shape.kDim, wg + lo * shape.kDim, xg, plane,
                            shape.outSize, 0, bg.map { $0 + lo }, yg + lo * shape.outSize,
                            shape.outSize)
                    }
                }
                if parts <= 1 || items <= 1 {
                    for item in 0..<items { part(item) }
                } else {
                    DispatchQueue.concurrentPerform(iterations: items, execute: part)
                }
            }
        }
    }

    /// Splits a `rows` × `columns` output into about `splits` blocks of whole micro-tiles
    /// (16 columns or 14 rows: AVX-512 tiles are 14 × 32 and 14 × 16 edge tiles run at nearly
    /// full speed), along the dimension whose largest block is smallest (the load balance of
    /// two threads on 49 or 196 positions depends on it). Returns the dimension and block size.
    static func blocking(rows: Int, columns: Int, splits: Int) -> (byColumns: Bool, chunk: Int) {
        guard splits > 1 else { return (true, max(columns, 1)) }
        func block(_ extent: Int, _ align: Int) -> Int {
            ((extent + splits - 1) / splits + align - 1) / align * align
        }
        let (colChunk, rowChunk) = (block(columns, 16), block(rows, 14))
        // The largest block's share of the work: chunk × the other dimension.
        let byColumns = min(colChunk, columns) * rows <= min(rowChunk, rows) * columns
        return byColumns ? (true, colChunk) : (false, rowChunk)
    }

    static func gcd(_ a: Int, _ b: Int) -> Int {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }
}
