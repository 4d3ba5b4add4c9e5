import Foundation
import KilnIR
import KilnOps
import KilnRuntime
import Testing

/// The float32 nearest-mode Resize gather against the reference Resize, bit for bit.
@Suite struct FastResizeTests {
    struct Case: Sendable, CustomStringConvertible {
        var shape: [Int64]
        var scales: [Float]? = nil
        var sizes: [Int64]? = nil
        var coordinate: String
        var nearest: String
        var axes: [Int64]? = nil
        var description: String {
            "\(shape) scales \(scales ?? []) sizes \(sizes ?? []) \(coordinate) \(nearest) axes \(axes ?? [])"
        }
    }

    @Test(arguments: [
        Case(shape: [1, 3, 6, 10], scales: [1, 1, 2, 2], coordinate: "asymmetric", nearest: "floor"),
        Case(shape: [2, 2, 5, 7], scales: [1, 1, 1.5, 0.6], coordinate: "half_pixel", nearest: "round_prefer_floor"),
        Case(shape: [1, 2, 4, 4], sizes: [1, 2, 7, 9], coordinate: "align_corners", nearest: "round_prefer_ceil"),
        Case(shape: [1, 1, 3, 8], scales: [1, 1, 3, 0.5], coordinate: "pytorch_half_pixel", nearest: "ceil"),
        Case(shape: [1, 1, 5, 5], sizes: [3, 11], coordinate: "half_pixel_symmetric", nearest: "floor", axes: [2, 3]),
        Case(shape: [6], scales: [2.5], coordinate: "asymmetric", nearest: "round_prefer_floor"),
        Case(shape: [1, 3, 4, 4], scales: [1, 1, 1, 1], coordinate: "asymmetric", nearest: "floor"),
    ])
    func nearestMatchesReference(_ c: Case) throws {
        let n = Int(c.shape.reduce(1, *))
        var values = (0..<n).map { Float(($0 * 37 + 5) % 23) - 11.5 }
        values[0] = -0.0
        let x = Tensor(shape: c.shape, values: values)
        var inputs: [Value?] = [.tensor(x), nil]
        var names = ["x", ""]
        if let s = c.scales {
            inputs.append(.tensor(Tensor(shape: [Int64(s.count)], values: s)))
            names.append("scales")
        } else if let s = c.sizes {
            inputs += [nil, .tensor(Tensor(shape: [Int64(s.count)], values: s))]
            names += ["", "sizes"]
        }
        var attrs = [
            Attribute(name: "mode", value: .string(Data("nearest".utf8))),
            Attribute(name: "coordinate_transformation_mode", value: .string(Data(c.coordinate.utf8))),
            Attribute(name: "nearest_mode", value: .string(Data(c.nearest.utf8))),
        ]
        if let axes = c.axes { attrs.append(Attribute(name: "axes", value: .ints(axes))) }
        let node = Node(opType: "Resize", inputs: names, outputs: ["y"], attributes: attrs)
        let ctx = KernelContext(node: node, opsetVersion: 19, inputs: inputs)
        let fastOp = try #require(FastOps.registry.lookup(domain: "", opType: "Resize"))
        let refOp = try #require(StandardOps.registry.lookup(domain: "", opType: "Resize"))
        let got = try #require(try fastOp.run(ctx).first?.tensor)
        let want = try #require(try refOp.run(ctx).first?.tensor)
        #expect(got.shape == want.shape, "\(c)")
        #expect(got.data == want.data, "\(c)")
    }
}
