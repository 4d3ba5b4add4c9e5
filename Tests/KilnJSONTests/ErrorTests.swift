import Foundation
import KilnIR
import Testing

@testable import KilnJSON

@Suite struct ErrorTests {
    @Test func everyTruncationThrows() throws {
        let (json, _) = try KilnJSONWriter(options: .inline).write(
            SampleModels.smallMLP(), sidecarName: "m.bin")
        // The document ends in "}\n"; dropping only the newline leaves a valid document.
        let end = try #require(json.lastIndex(of: UInt8(ascii: "}")))
        var failures = 0
        for n in 0..<end {
            do {
                _ = try KilnJSONReader().read(json.prefix(n)) { _ in Data() }
                failures += 1
                Issue.record("a document truncated to \(n) bytes was accepted")
            } catch is KilnError {
            } catch {
                Issue.record("truncation to \(n) bytes threw a non-Kiln error: \(error)")
            }
            if failures > 3 { break }
        }
    }

    @Test func randomCorruptionNeverCrashes() throws {
        let (json, sidecar) = try KilnJSONWriter(options: .init(sidecarThreshold: 64))
            .write(SampleModels.everything(), sidecarName: "m.bin")
        var rng = SeededGenerator(seed: 42)
        var accepted = 0
        for _ in 0..<600 {
            var bytes = [UInt8](json)
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes[i] = UInt8.random(in: 0...255, using: &rng)
                case 1: bytes.remove(at: i)
                default:
                    bytes.insert(Array("{}[],:\"0-e".utf8).randomElement(using: &rng) ?? 0, at: i)
                }
            }
            do {
                _ = try KilnJSONReader().read(Data(bytes)) { _ in sidecar ?? Data() }
                accepted += 1
            } catch is KilnError {
            } catch {
                Issue.record("non-Kiln error: \(error)")
            }
        }
        // Some mutations land in doc strings or names and stay valid; most must be caught.
        #expect(accepted < 300)
    }

    @Test(arguments: [
        // (document, expected JSON path, words the message must contain)
        (
            document(attribute: #"{"name": "a", "ints": [1, "2"]}"#),
            "$.graph.nodes[1].attributes[1].ints[1]", "integer"
        ),
        (
            document(attribute: #"{"name": "a", "float": "fast"}"#),
            "$.graph.nodes[1].attributes[1].float", "\"NaN\""
        ),
        (document(attribute: #"{"name": "a"}"#), "$.graph.nodes[1].attributes[1]", "no value"),
        (
            document(attribute: #"{"name": "a", "int": 1, "float": 2}"#),
            "$.graph.nodes[1].attributes[1]", "exactly one"
        ),
        (document(attribute: #"{"int": 1}"#), "$.graph.nodes[1].attributes[1]", "\"name\""),
        (
            document(attribute: #"{"name": "a", "int": 1.5}"#),
            "$.graph.nodes[1].attributes[1].int", "fraction"
        ),
        (
            document(attribute: #"{"name": "a", "int": 9223372036854775808}"#),
            "$.graph.nodes[1].attributes[1].int", "int64"
        ),
        (
            document(attribute: #"{"name": "a", "int": 1, "dcoString": ""}"#),
            "$.graph.nodes[1].attributes[1].dcoString", "unknown key"
        ),
        (
            document(attribute: #"{"name": "a", "string": {"base64": "!!"}}"#),
            "$.graph.nodes[1].attributes[1].string.base64", "base64"
        ),
        (
            document(attribute: #"{"name": "a", "type": {"tensor": {"elementType": "float99"}}}"#),
            "$.graph.nodes[1].attributes[1].type.tensor.elementType", "unknown element type"
        ),
        (
            document(
                attribute:
                    #"{"name": "a", "type": {"tensor": {"elementType": "int8", "shape": [true]}}}"#),
            "$.graph.nodes[1].attributes[1].type.tensor.shape[0]", "dimension"
        ),
        (
            document(graph: #"{"nodes": [{"inputs": [], "outputs": []}]}"#),
            "$.graph.nodes[0]", "\"opType\""
        ),
        (
            document(graph: #"{"nodes": [{"opType": "X", "inputs": "x"}]}"#),
            "$.graph.nodes[0].inputs", "array"
        ),
        (document(graph: #"{"nodes": {}}"#), "$.graph.nodes", "array"),
        (document(graph: #"[]"#), "$.graph", "object"),
        (
            document(tensor: #"{"elementType": "float32", "shape": [2], "values": [1]}"#),
            "$.graph.initializers[0].values", "needs 2"
        ),
        (
            document(tensor: #"{"elementType": "float32", "shape": [2], "base64": "AAAA"}"#),
            "$.graph.initializers[0]", "needs 8"
        ),
        (
            document(tensor: #"{"elementType": "int8", "shape": [1], "values": [128]}"#),
            "$.graph.initializers[0].values[0]", "out of range"
        ),
        (
            document(tensor: #"{"elementType": "float16", "shape": [1], "values": [1]}"#),
            "$.graph.initializers[0].values", "base64"
        ),
        (
            document(tensor: #"{"elementType": "float32", "shape": [-1], "values": []}"#),
            "$.graph.initializers[0]", "shape"
        ),
        (
            document(tensor: #"{"elementType": "float32", "shape": [1]}"#),
            "$.graph.initializers[0]", "exactly one"
        ),
        (
            document(tensor: #"{"elementType": "string", "shape": [1], "values": [1]}"#),
            "$.graph.initializers[0].values", "\"strings\""
        ),
        (
            document(tensor: #"{"elementType": "undefined", "shape": [1], "base64": ""}"#),
            "$.graph.initializers[0].elementType", "undefined"
        ),
        (
            document(tensor: #"{"elementType": "float32", "shape": [1], "values": [1e39]}"#),
            "$.graph.initializers[0].values[0]", "too large"
        ),
        (
            document(
                tensor:
                    #"{"elementType": "float32", "shape": [1], "external": {"offset": 0, "length": 4}}"#
            ),
            "$.graph.initializers[0].external", "sidecar"
        ),
        (#"{"format": "kiln-json", "version": 2}"#, "$.version", "version 2"),
        (#"{"format": "onnx", "version": 1}"#, "$.format", "not a Kiln JSON"),
        (#"{"version": 1}"#, "$.format", "not a Kiln JSON"),
        (
            #"{"format": "kiln-json", "version": 1, "irVersion": 10, "graph": {}}"#,
            "$", "\"opsetImports\""
        ),
        (
            #"{"format": "kiln-json", "version": 1, "opsetImports": [], "graph": {}}"#,
            "$", "\"irVersion\""
        ),
        (
            #"{"format": "kiln-json", "version": 1, "irVersion": 10, "opsetImports": []}"#,
            "$", "\"graph\""
        ),
    ])
    func badDocumentsNameThePathAndTheProblem(json: String, path: String, words: String) {
        let e = kilnError { _ = try read(json) }
        #expect(e?.code == .malformedInput, "\(e?.description ?? "")")
        #expect(e?.location.jsonPath == path, "\(e?.description ?? "")")
        #expect(e?.message.contains(words) == true, "message: \(e?.message ?? "")")
    }

    @Test(arguments: [
        ("", "empty"),
        ("{", "ends inside an object"),
        (#"{"a": 1,}"#, "quoted key"),
        (#"{"a": 01}"#, "leading zeros"),
        (#"{"a": 1} x"#, "after the end"),
        (#"{"a": "\ud800"}"#, "surrogate"),
        (#"{"a": "\q"}"#, "unknown escape"),
        ("{\"a\": \"\u{1}\"}", "control character"),
        (#"{"a": 1, "a": 2}"#, "duplicate key"),
        (#"{"a": tru}"#, "true"),
        (#"{"a": [1 2]}"#, "',' or ']'"),
        (#"{"a": -}"#, "digit"),
        (#"{"a": 1.}"#, "digit after '.'"),
    ])
    func syntaxErrorsGiveLineColumnAndOffset(json: String, words: String) {
        let e = kilnError { _ = try read(json) }
        #expect(e?.code == .malformedInput)
        #expect(e?.message.contains(words) == true, "message: \(e?.message ?? "")")
        #expect(e?.message.contains("line 1, column") == true)
        #expect(e?.location.byteOffset != nil)
    }

    @Test func syntaxErrorsReportThePathReached() {
        let json =
            "{\n  \"graph\": {\"nodes\": [{}, {\"opType\": \"X\", \"inputs\": [\"a\" \"b\"]}]}}"
        let e = kilnError { _ = try read(json) }
        #expect(e?.location.jsonPath == "$.graph.nodes[1].inputs[0]")
        #expect(e?.message.contains("line 2") == true)
    }

    @Test func invalidUTF8IsRejected() {
        var bytes = Array(#"{"format": "kiln-json", "version": 1, "docString": "ab"}"#.utf8)
        bytes.insert(0xFF, at: bytes.count - 3)
        let e = kilnError { _ = try KilnJSONReader().read(Data(bytes)) { _ in Data() } }
        #expect(e?.message.contains("UTF-8") == true)
    }

    @Test func sidecarRangesAreCheckedAgainstTheRealFile() throws {
        let sidecar = Data(count: 64)
        let ok = document(
            tensor:
                #"{"elementType": "float32", "shape": [2], "external": {"offset": 56, "length": 8}}"#,
            extra: #", "sidecar": {"file": "s.bin", "length": 64}"#)
        #expect(try read(ok, sidecar: sidecar).graph.initializers[0].data.count == 8)

        for (tensor, words) in [
            (#""external": {"offset": 60, "length": 8}"#, "past the end"),
            (#""external": {"offset": 9223372036854775807, "length": 8}"#, "past the end"),
            (#""external": {"offset": -8, "length": 8}"#, ">= 0"),
            (#""external": {"offset": 0, "length": 4}"#, "needs 8"),
            (#""external": {"offset": 0}"#, "\"length\""),
        ] {
            let json = document(
                tensor: #"{"elementType": "float32", "shape": [2], "# + tensor + "}",
                extra: #", "sidecar": {"file": "s.bin", "length": 64}"#)
            let e = kilnError { _ = try read(json, sidecar: sidecar) }
            #expect(e?.message.contains(words) == true, "\(tensor): \(e?.message ?? "")")
            #expect(e?.location.jsonPath?.hasPrefix("$.graph.initializers[0]") == true)
        }

        // A sidecar of the wrong size does not belong to the document.
        let e = kilnError { _ = try read(ok, sidecar: Data(count: 63)) }
        #expect(e?.message.contains("do not belong together") == true)
        #expect(e?.location.jsonPath == "$.sidecar")

        // Sidecar names that leave the directory are refused before any file is touched.
        for bad in ["../s.bin", "/etc/passwd", "a/b", ".."] {
            let json = document(
                tensor:
                    #"{"elementType": "float32", "shape": [2], "external": {"offset": 0, "length": 8}}"#,
                extra: #", "sidecar": {"file": "\#(bad)", "length": 64}"#)
            var called = false
            let e = kilnError {
                _ = try KilnJSONReader().read(Data(json.utf8)) { _ in
                    called = true
                    return sidecar
                }
            }
            #expect(!called)
            #expect(e?.location.jsonPath == "$.sidecar.file")
        }

        // Errors thrown by the sidecar closure become io errors.
        struct Boom: Error {}
        let io = kilnError { _ = try KilnJSONReader().read(Data(ok.utf8)) { _ in throw Boom() } }
        #expect(io?.code == .io)
    }

    @Test func limitsAreEnforced() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let e1 = kilnError { _ = try read(deep) }
        #expect(e1?.code == .limitExceeded)

        let model = SampleModels.smallMLP()
        let (json, _) = try KilnJSONWriter(options: .inline).write(model, sidecarName: "m.bin")
        let text = String(decoding: json, as: UTF8.self)
        let e2 = kilnError { _ = try read(text, options: .init(maxDocumentBytes: 100)) }
        #expect(e2?.code == .limitExceeded)
        let e3 = kilnError { _ = try read(text, options: .init(maxTensorBytes: 1000)) }
        #expect(e3?.code == .limitExceeded)
        #expect(e3?.location.jsonPath == "$.graph.initializers[0]")
        let e4 = kilnError { _ = try read(text, options: .init(maxNodes: 2)) }
        #expect(e4?.code == .limitExceeded)
        #expect(e4?.location.jsonPath == "$.graph.nodes")
        // A shape claiming a huge tensor is refused before anything is allocated.
        let e5 = kilnError {
            _ = try read(
                document(
                    tensor: #"{"elementType": "float32", "shape": [1000000000000], "values": []}"#))
        }
        #expect(e5?.code == .limitExceeded)
        // The same documents read fine within the limits.
        #expect(try read(text) == model)
    }

    @Test func commentsAndKeyOrderAreFree() throws {
        let json = """
            {"graph": {"_comment": "free text", "nodes": [{"outputs": ["y"], "opType": "Relu",
              "inputs": ["x"], "_note": [1, 2]}]},
             "opsetImports": [{"version": 21}], "irVersion": 9, "version": 1,
             "format": "kiln-json", "_generator": "by hand"}
            """
        let m = try read(json)
        #expect(m.irVersion == 9)
        #expect(m.opsetImports == [OpsetImport(domain: "", version: 21)])
        #expect(m.graph.nodes == [Node(opType: "Relu", inputs: ["x"], outputs: ["y"])])
    }
}

/// SplitMix64, so the corruption test is reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
