/// The one public error type of Kiln: what went wrong, where, and what to do about it.
///
/// Input from outside (files, arguments, tensors) always throws a `KilnError`; broken internal
/// invariants trap with `precondition`. The CLI maps `code` to an exit status via `exitCode`.
public struct KilnError: Error, Sendable, CustomStringConvertible {
    /// An extensible error category.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        public static let malformedInput = Code(rawValue: "malformedInput")
        public static let unsupportedOp = Code(rawValue: "unsupportedOp")
        public static let unsupportedFeature = Code(rawValue: "unsupportedFeature")
        public static let shapeMismatch = Code(rawValue: "shapeMismatch")
        public static let typeMismatch = Code(rawValue: "typeMismatch")
        public static let invalidGraph = Code(rawValue: "invalidGraph")
        public static let passFailed = Code(rawValue: "passFailed")
        public static let evaluationFailed = Code(rawValue: "evaluationFailed")
        public static let limitExceeded = Code(rawValue: "limitExceeded")
        public static let usage = Code(rawValue: "usage")
        public static let io = Code(rawValue: "io")
    }

    /// Where the problem is: any subset of file, node, value, tensor, byte offset, JSON path, pass.
    public struct Location: Sendable, Hashable {
        public var file: String?
        public var node: String?
        public var value: String?
        public var byteOffset: Int?
        public var jsonPath: String?
        public var pass: String?

        public init(
            file: String? = nil, node: String? = nil, value: String? = nil, byteOffset: Int? = nil,
            jsonPath: String? = nil, pass: String? = nil
        ) {
            self.file = file
            self.node = node
            self.value = value
            self.byteOffset = byteOffset
            self.jsonPath = jsonPath
            self.pass = pass
        }

        /// `file: node 'x': value 'y': byte 12:` style prefix, empty when nothing is known.
        public var prefix: String {
            var parts: [String] = []
            if let file { parts.append(file) }
            if let pass { parts.append("pass '\(pass)'") }
            if let node { parts.append("node '\(node)'") }
            if let value { parts.append("value '\(value)'") }
            if let byteOffset { parts.append("byte \(byteOffset)") }
            if let jsonPath { parts.append("at \(jsonPath)") }
            return parts.joined(separator: ": ")
        }
    }

    public var code: Code
    public var message: String
    public var location: Location
    public var underlying: (any Error & Sendable)?

    public init(
        _ code: Code, _ message: String, at location: Location = .init(),
        underlying: (any Error & Sendable)? = nil
    ) {
        self.code = code
        self.message = message
        self.location = location
        self.underlying = underlying
    }

    /// One line: `location: message`. Names come from files, so control characters (newlines,
    /// escapes, line separators) are shown escaped and can never split or forge a line.
    public var description: String {
        let p = location.prefix
        return KilnError.oneLine(p.isEmpty ? message : "\(p): \(message)")
    }

    /// `text` with every control character (C0, DEL, C1, U+2028/U+2029) written as `\n`,
    /// `\t`, `\r` or `\u{XX}`, so the result is one line without terminal escapes.
    public static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for u in text.unicodeScalars {
            switch u {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where isControl(u): out += "\\u{" + String(u.value, radix: 16) + "}"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    private static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (0x7F...0x9F).contains(u.value) || u.value == 0x2028 || u.value == 0x2029
    }

    /// Returns a copy whose location has `file` set when it was not already known.
    public func inFile(_ file: String) -> KilnError {
        var e = self
        if e.location.file == nil { e.location.file = file }
        return e
    }

    /// Exit status for the CLI: every thrown error means unusable input or usage (2); findings
    /// and exceeded tolerances are reported, not thrown, and exit 1.
    public var exitCode: Int32 { 2 }
}
