import KilnIR

// MARK: - Tensors: element type, dims, byte size, sparse layout

extension CheckRun {
    /// Checks a dense tensor; returns its element count when its shape is usable.
    @discardableResult
    func checkTensor(_ t: Tensor, what: String, node: String?, path: String?) -> Int? {
        let name = t.name.isEmpty ? what : "'\(t.name)' (\(what))"
        let value = t.name.isEmpty ? nil : t.name
        if t.elementType == .undefined {
            emit(
                .undefinedElementType,
                "Tensor \(name) has element type UNDEFINED; set its data_type.", node: node,
                value: value, path: path)
            return nil
        }
        if let d = t.shape.first(where: { $0 < 0 }) {
            emit(
                .negativeDim,
                "Tensor \(name) has dims \(t.shape) with negative dimension \(d); dims must be "
                    + ">= 0.", node: node, value: value, path: path)
            return nil
        }
        var count: Int64 = 1
        for d in t.shape {
            let (p, overflow) = count.multipliedReportingOverflow(by: d)
            if overflow {
                emit(
                    .dimOverflow,
                    "Tensor \(name) has dims \(t.shape) whose product overflows int64; the shape "
                        + "is corrupt.", node: node, value: value, path: path)
                return nil
            }
            count = p
        }
        guard let elements = Int(exactly: count) else { return nil }
        let shape = "\(t.elementType.name)\(t.shape)"
        if t.elementType == .string {
            if t.strings.count != elements {
                emit(
                    .tensorSizeMismatch,
                    "String tensor \(name) holds \(t.strings.count) strings but \(shape) needs "
                        + "\(elements); fix the data or the dims.", node: node, value: value,
                    path: path)
            }
            return elements
        }
        guard let bytes = t.elementType.byteCount(elements: elements) else {
            emit(
                .dimOverflow,
                "Tensor \(name) (\(shape)) needs more bytes than can be addressed.", node: node,
                value: value, path: path)
            return nil
        }
        if t.data.count != bytes {
            emit(
                .tensorSizeMismatch,
                "Tensor \(name) holds \(t.data.count) bytes but \(shape) needs \(bytes); fix the "
                    + "data or the dims.", node: node, value: value, path: path)
        }
        return elements
    }

    func checkSparseTensor(_ s: SparseTensor, node: String?, path: String?) {
        let name = s.values.name.isEmpty ? "a sparse tensor" : "sparse tensor '\(s.values.name)'"
        let value = s.values.name.isEmpty ? nil : s.values.name
        func fail(_ why: String) {
            emit(
                .invalidSparseTensor, "In \(name), \(why).", node: node, value: value, path: path)
        }
        guard checkTensor(s.values, what: "sparse values", node: node, path: path) != nil else {
            return
        }
        guard s.values.shape.count == 1 else {
            fail("values must have rank 1 but have dims \(s.values.shape)")
            return
        }
        let nnz = s.values.shape[0]
        guard !s.dims.isEmpty else {
            fail("the dense shape must have rank > 0")
            return
        }
        guard s.dims.allSatisfy({ $0 > 0 }) else {
            fail("dense dims \(s.dims) must all be positive")
            return
        }
        let absentIndices =
            s.indices.elementType == .undefined && s.indices.shape.isEmpty
            && s.indices.data.isEmpty
        if absentIndices {
            if nnz != 0 { fail("there are \(nnz) values but no indices") }
            return
        }
        guard checkTensor(s.indices, what: "sparse indices", node: node, path: path) != nil else {
            return
        }
        guard s.indices.elementType == .int64 else {
            fail("indices must be int64, not \(s.indices.elementType.name)")
            return
        }
        guard let idx = s.indices.int64Values() else { return }
        let rank = s.dims.count
        switch s.indices.shape.count {
        case 1:
            guard s.indices.shape[0] == nnz, idx.count == Int(nnz) else {
                fail("there are \(s.indices.shape[0]) indices for \(nnz) values")
                return
            }
            var dense: Int64 = 1
            for d in s.dims {
                let (p, o) = dense.multipliedReportingOverflow(by: d)
                if o {
                    fail("the dense shape \(s.dims) overflows int64")
                    return
                }
                dense = p
            }
            var prev: Int64 = -1
            for (i, v) in idx.enumerated() {
                if v < 0 || v >= dense {
                    fail("index \(v) at position \(i) is outside [0, \(dense - 1)]")
                    return
                }
                if v <= prev {
                    fail("index at position \(i) is not in increasing order")
                    return
                }
                prev = v
            }
        case 2:
            guard s.indices.shape[0] == nnz, s.indices.shape[1] == Int64(rank),
                idx.count == Int(nnz) * rank
            else {
                fail("indices have dims \(s.indices.shape) but must be [\(nnz), \(rank)]")
                return
            }
            var prev: [Int64]? = nil
            for i in 0..<Int(nnz) {
                let tuple = Array(idx[(i * rank)..<((i + 1) * rank)])
                for (j, v) in tuple.enumerated() where v < 0 || v >= s.dims[j] {
                    fail("index \(v) at position [\(i), \(j)] is outside [0, \(s.dims[j] - 1)]")
                    return
                }
                if let p = prev, !p.lexicographicallyPrecedes(tuple) {
                    fail("index tuple at position \(i) is not in lexicographic order")
                    return
                }
                prev = tuple
            }
        default:
            fail("indices must have rank 1 or 2, not \(s.indices.shape.count)")
        }
    }
}
