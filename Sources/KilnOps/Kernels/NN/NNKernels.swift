import KilnIR

/// The inner loops that the NN ops (Conv, ConvTranspose, Gemm, MatMul, RNNs) delegate to.
///
/// The op files own the semantics (shapes, padding, attributes); these functions only multiply
/// and unfold. `reference` is plain Swift; `KilnRuntime.FastOps` swaps in the packed C GEMM.
/// Both must produce the same result up to float rounding, which the runtime tests check.
public struct NNKernels: Sendable {
    /// Row-major `C[m×n] = alpha · op(A)[m×k] · op(B)[k×n] + beta · C` (C is not read when
    /// beta is 0). Leading dimensions are row strides of the matrices as stored. `threads` is a
    /// hint (1 = single-threaded).
    public typealias Gemm = @Sendable (
        _ transA: Bool, _ transB: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Float,
        _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
        _ beta: Float, _ c: UnsafeMutablePointer<Float>, _ ldc: Int, _ threads: Int
    ) -> Void

    /// Unfolds one group of one image `x[channels, in...]` into
    /// `col[channels·prod(kernel), prod(out)]` (zero outside the image).
    public typealias Im2col = @Sendable (
        _ x: UnsafePointer<Float>, _ channels: Int, _ geometry: ConvGeometry,
        _ col: UnsafeMutablePointer<Float>
    ) -> Void

    /// Direct depthwise 2-D convolution of `images` × `channels` planes (one input and one
    /// output channel per group): `y[i, c] = bias[c] + x[i, c] ⊛ w[c]`. Returns false when it
    /// did not run (the caller then uses the Swift loop).
    public typealias Depthwise2D = @Sendable (
        _ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>, _ bias: UnsafePointer<Float>?,
        _ images: Int, _ channels: Int, _ geometry: ConvGeometry, _ y: UnsafeMutablePointer<Float>
    ) -> Bool

    /// One image group of a convolution as one GEMM with bias, overwriting `y`:
    /// `y[m×n] (rows ldy apart) = w[m×k] · im2col(x)[:, colLo ..< colLo + n] + bias[m]` (0 when
    /// bias is nil). `plane` is the 2-D geometry `ih, iw, oh, ow, kh, kw, sh, sw, dh, dw, ph, pw`
    /// (x is `[k / (kh·kw), ih, iw]`), or nil when x is the `[k × ldx]` matrix itself (1×1,
    /// stride 1, no padding). An element's value must not depend on which columns or rows a
    /// call computes: `Conv` splits both across threads.
    public typealias ConvGemm = @Sendable (
        _ m: Int, _ n: Int, _ k: Int, _ w: UnsafePointer<Float>, _ x: UnsafePointer<Float>,
        _ plane: UnsafePointer<Int>?, _ ldx: Int, _ colLo: Int, _ bias: UnsafePointer<Float>?,
        _ y: UnsafeMutablePointer<Float>, _ ldy: Int
    ) -> Void

    /// 2-D col2im of ConvTranspose: adds the `prod(kernel)` rows of `col` (one per kernel tap,
    /// `prod(geometry.output)` columns, one per input position) into the image `image` of dims
    /// `geometry.input`, skipping out-of-image targets, in the order of `ConvTranspose.col2im`.
    public typealias Col2im2D = @Sendable (
        _ col: UnsafePointer<Float>, _ geometry: ConvGeometry, _ image: UnsafeMutablePointer<Float>
    ) -> Void

    /// Integer GEMM `C[m×n] = A[m×k] · B[k×n]` with wrapping 32-bit accumulation; A row-major
    /// int16 (rows `lda` apart), B a `PackedInt16Matrix`'s values, C row-major int32 (rows
    /// `ldc` apart, overwritten).
    public typealias Int16Gemm = @Sendable (
        _ m: Int, _ n: Int, _ k: Int, _ a: UnsafePointer<Int16>, _ lda: Int,
        _ bPacked: UnsafePointer<Int16>, _ c: UnsafeMutablePointer<Int32>, _ ldc: Int
    ) -> Void

    /// Integer GEMM `C[m×n] = (A[m×k] − aZero) · B` on uint8 A (rows `lda` apart) and a
    /// `PackedInt8Matrix` B, wrapping 32-bit accumulation; C row-major (rows `ldc` apart,
    /// overwritten). Equal to `int16Gemm` on the zero-point-subtracted values.
    public typealias U8S8Gemm = @Sendable (
        _ m: Int, _ a: UnsafePointer<UInt8>, _ lda: Int, _ aZero: Int32, _ b: PackedInt8Matrix,
        _ c: UnsafeMutablePointer<Int32>, _ ldc: Int
    ) -> Void

    /// onnxruntime's dynamic uint8 quantization of `x[0..<n]` into `q` (`DynamicQuant`):
    /// returns the scale and zero point; every implementation is bit-identical.
    public typealias QuantizeU8 = @Sendable (
        _ x: UnsafePointer<Float>, _ n: Int, _ q: UnsafeMutablePointer<UInt8>
    ) -> (scale: Float, zeroPoint: Int32)

    public var name: String
    public var gemm: Gemm
    public var im2col: Im2col
    /// Optional depthwise path; nil uses `Conv`'s Swift loop.
    public var depthwise2D: Depthwise2D?
    /// Optional 2-D col2im; nil uses `ConvTranspose.col2im`.
    public var col2im2D: Col2im2D?
    /// Optional fused im2col + GEMM + bias for 1-D and 2-D convolutions; nil uses `im2col`
    /// and `gemm`.
    public var convGemm: ConvGemm?
    /// In-place float32 activation over `n` values.
    public typealias VectorActivation = @Sendable (_ x: UnsafeMutablePointer<Float>, _ n: Int) -> Void

    /// Integer GEMM for the quantized kernels.
    public var int16Gemm: Int16Gemm
    /// MLAS's logistic (`MlasMath.logistic`), in place; every implementation is bit-identical.
    public var mlasLogistic: VectorActivation
    /// MLAS's tanh (`MlasMath.tanh`), in place; every implementation is bit-identical.
    public var mlasTanh: VectorActivation
    /// The dot-product integer GEMM, where the CPU has it (nil: quantized kernels use
    /// `int16Gemm`).
    public var u8s8Gemm: U8S8Gemm?
    /// Dynamic uint8 quantization.
    public var quantizeU8: QuantizeU8

    public init(
        name: String, gemm: @escaping Gemm, im2col: @escaping Im2col,
        depthwise2D: Depthwise2D? = nil,
        col2im2D: Col2im2D? = nil,
        convGemm: ConvGemm? = nil,
        int16Gemm: @escaping Int16Gemm = PackedInt16Matrix.referenceGemm,
        mlasLogistic: @escaping VectorActivation = { x, n in
            for i in 0..<n { x[i] = MlasMath.logistic(x[i]) }
        },
        mlasTanh: @escaping VectorActivation = { x, n in
            for i in 0..<n { x[i] = MlasMath.tanh(x[i]) }
        },
        u8s8Gemm: U8S8Gemm? = nil,
        quantizeU8: QuantizeU8? = nil
    ) {
        self.name = name
        self.gemm = gemm
        self.im2col = im2col
        self.depthwise2D = depthwise2D
        self.col2im2D = col2im2D
        self.convGemm = convGemm
        self.int16Gemm = int16Gemm
        self.mlasLogistic = mlasLogistic
        self.mlasTanh = mlasTanh
        self.u8s8Gemm = u8s8Gemm
        self.quantizeU8 = quantizeU8 ?? DynamicQuant.quantizeU8
    }

    /// Plain Swift loops: the definition the fast kernels are tested against.
    public static let reference = NNKernels(
        name: "reference", gemm: referenceGemm, im2col: referenceIm2col)

    // MARK: - Reference implementations

    static let referenceGemm: Gemm = {
        transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, _ in
        for i in 0..<m {
            let crow = c + i * ldc
            if beta == 0 {
                crow.update(repeating: 0, count: n)
            } else if beta != 1 {
                for j in 0..<n { crow[j] *= beta }
            }
            for p in 0..<k {
                let av = alpha * (transA ? a[p * lda + i] : a[i * lda + p])
                if transB {
                    for j in 0..<n { crow[j] += av * b[j * ldb + p] }
                } else {
                    let brow = b + p * ldb
                    for j in 0..<n { crow[j] += av * brow[j] }
                }
            }
        }
    }

    static let referenceIm2col: Im2col = { x, channels, g, col in
        let rank = g.rank
        let inSize = g.input.reduce(1, *)
        let outSize = g.output.reduce(1, *)
        let kSize = g.kernel.reduce(1, *)
        var kidx = [Int](repeating: 0, count: rank)
        var oidx = [Int](repeating: 0, count: rank)
        for c in 0..<channels {
            let img = x + c * inSize
            for i in 0..<rank { kidx[i] = 0 }
            for kf in 0..<kSize {
                let dst = col + (c * kSize + kf) * outSize
                for i in 0..<rank { oidx[i] = 0 }
                for of in 0..<outSize {
                    var src = 0
                    var inside = true
                    for d in 0..<rank {
                        let p = oidx[d] * g.strides[d] - g.padsBegin[d] + kidx[d] * g.dilations[d]
                        if p < 0 || p >= g.input[d] {
                            inside = false
                            break
                        }
                        src = src * g.input[d] + p
                    }
                    dst[of] = inside ? img[src] : 0
                    var d = rank - 1
                    while d >= 0 {
                        oidx[d] += 1
                        if oidx[d] < g.output[d] { break }
                        oidx[d] = 0
                        d -= 1
                    }
                }
                var d = rank - 1
                while d >= 0 {
                    kidx[d] += 1
                    if kidx[d] < g.kernel[d] { break }
                    kidx[d] = 0
                    d -= 1
                }
            }
        }
    }
}

/// Spatial geometry of a convolution or pooling window over one image.
public struct ConvGeometry: Sendable, Equatable {
    /// Input spatial dims.
    public var input: [Int]
    /// Output spatial dims.
    public var output: [Int]
    public var kernel: [Int]
    public var strides: [Int]
    public var dilations: [Int]
    public var padsBegin: [Int]
    public var padsEnd: [Int]

    public var rank: Int { input.count }

    public init(
        input: [Int], output: [Int], kernel: [Int], strides: [Int], dilations: [Int],
        padsBegin: [Int], padsEnd: [Int]
    ) {
        self.input = input
        self.output = output
        self.kernel = kernel
        self.strides = strides
        self.dilations = dilations
        self.padsBegin = padsBegin
        self.padsEnd = padsEnd
    }

    /// Resolves pads and output dims from the ONNX window attributes (`auto_pad`, `pads`,
    /// `strides`, `dilations`) of Conv and the pooling ops. `ceilMode` rounds the output up
    /// (pooling only), dropping a last window that would start inside the end padding.
    package static func resolve(
        _ ctx: KernelContext, input: [Int], kernel: [Int], ceilMode: Bool = false
    ) throws -> ConvGeometry {
        let r = input.count
        let strides = try ctx.ints("strides", count: r, default: 1)
        let dilations = try ctx.ints("dilations", count: r, default: 1)
        guard strides.allSatisfy({ $0 > 0 }), dilations.allSatisfy({ $0 > 0 }),
            kernel.allSatisfy({ $0 > 0 })
        else { throw ctx.fail("strides, dilations and kernel dims must be positive") }
        // Every window quantity is bounded by the per-tensor element limit, so the products and
        // sums below cannot overflow (2^30 · 2^30 < 2^63) whatever the model's attributes say.
        let bound = Checked.maxElements
        guard strides.allSatisfy({ $0 <= bound }), dilations.allSatisfy({ $0 <= bound }),
            kernel.allSatisfy({ $0 <= bound }), input.allSatisfy({ $0 >= 0 && $0 <= bound })
        else {
            throw KilnError(
                .limitExceeded,
                "\(ctx.node.opType): strides \(strides), dilations \(dilations) and kernel \(kernel) must be at most \(bound)",
                at: ctx.location)
        }
        var pb = [Int](repeating: 0, count: r)
        var pe = [Int](repeating: 0, count: r)
        var out = [Int](repeating: 0, count: r)
        let autoPad = ctx.string("auto_pad", default: "NOTSET")
        for i in 0..<r {
            let ext = (kernel[i] - 1) * dilations[i] + 1
            switch autoPad {
            case "SAME_UPPER", "SAME_LOWER":
                out[i] = (input[i] + strides[i] - 1) / strides[i]
                let total = max(0, (out[i] - 1) * strides[i] + ext - input[i])
                pb[i] = autoPad == "SAME_UPPER" ? total / 2 : total - total / 2
                pe[i] = total - pb[i]
            case "VALID":
                out[i] = input[i] >= ext ? (input[i] - ext) / strides[i] + 1 : 0
            case "NOTSET", "":
                if let pads = ctx.ints("pads") {
                    guard pads.count == 2 * r, pads.allSatisfy({ $0 >= 0 && $0 <= Int64(bound) })
                    else {
                        throw ctx.fail("pads must hold \(2 * r) values between 0 and \(bound)")
                    }
                    pb[i] = Int(pads[i])
                    pe[i] = Int(pads[i + r])
                }
                let span = input[i] + pb[i] + pe[i] - ext
                guard span >= 0 else {
                    throw ctx.fail("window extent \(ext) exceeds padded input \(span + ext)")
                }
                if ceilMode {
                    out[i] = (span + strides[i] - 1) / strides[i] + 1
                    // The last window must start inside the input or the begin padding.
                    if (out[i] - 1) * strides[i] >= input[i] + pb[i] { out[i] -= 1 }
                } else {
                    out[i] = span / strides[i] + 1
                }
            default:
                throw ctx.fail("unknown auto_pad '\(autoPad)'")
            }
        }
        // The output must itself be a tensor Kiln can hold (its product is then overflow-free).
        do {
            _ = try Checked.product(out.map(Int64.init))
        } catch var e as KilnError {
            e.message = "\(ctx.node.opType): output window \(out): \(e.message)"
            e.location = ctx.location
            throw e
        }
        return ConvGeometry(
            input: input, output: out, kernel: kernel, strides: strides, dilations: dilations,
            padsBegin: pb, padsEnd: pe)
    }
}
