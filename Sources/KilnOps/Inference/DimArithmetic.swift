import KilnIR

/// Arithmetic on `Dim`s that keeps symbolic sizes symbolic where the result is exact.
///
/// A symbolic dim is a `Dim.symbol` whose name is read as a small polynomial over symbol names
/// with rational coefficients (`N`, `N*2`, `N*H/2`, `S+1`, `N*C-3`); names that do not parse as
/// such (`batch size`, `floor(x)`) are opaque atoms. Results are written back in one canonical,
/// deterministic form (atoms sorted, constant last), so `N*2` computed twice is the same symbol
/// and unifies with itself. Anything involving `.unknown`, an overflow, more than
/// ``maxTerms`` terms, or a division that is not exact gives `.unknown` — never a wrong value.
///
///     DimMath.product([.symbol("N"), .known(2)])        // N*2
///     DimMath.quotient(.symbol("N*6"), .known(3))       // N*2
///     DimMath.floorQuotient(.symbol("H-1"), .known(2))  // unknown (H may be even)
public enum DimMath {
    /// Most terms a symbolic expression may have before it is given up as unknown.
    public static let maxTerms = 8

    /// The product of `dims`; `.known` when every factor is known (unknown on overflow).
    public static func product(_ dims: [Dim]) -> Dim {
        var acc = Poly.constant(1)
        for d in dims {
            if d == .known(0) { return .known(0) }
            guard let p = Poly(d), let r = acc.times(p) else { return .unknown }
            acc = r
        }
        return acc.dim
    }

    /// `a + b`.
    public static func sum(_ a: Dim, _ b: Dim) -> Dim {
        guard let p = Poly(a), let q = Poly(b), let r = p.plus(q) else { return .unknown }
        return r.dim
    }

    /// `a - b`.
    public static func difference(_ a: Dim, _ b: Dim) -> Dim {
        guard let p = Poly(a), let q = Poly(b), let nq = q.scaled(Rational(-1)),
            let r = p.plus(nq)
        else { return .unknown }
        return r.dim
    }

    /// `a / b` for a division the op guarantees to be exact (Reshape's `-1`, an even split):
    /// `N*6 / 3 = N*2`, `N*H / H = N`, `N / 2 = N/2`. Unknown when `b` is not a single term
    /// whose symbols all appear in every term of `a`.
    public static func quotient(_ a: Dim, _ b: Dim) -> Dim {
        if case .known(let x) = a, case .known(let y) = b {
            return y != 0 && x % y == 0 ? .known(x / y) : .unknown
        }
        guard let p = Poly(a), let q = Poly(b), let r = p.divided(by: q) else { return .unknown }
        return r.dim
    }

    /// `floor(a / b)` for integer division (pooling and convolution output sizes): exact only
    /// when every symbolic term of `a / b` has an integer coefficient, e.g. `(H*2+1)/2 = H`.
    public static func floorQuotient(_ a: Dim, _ b: Dim) -> Dim {
        if case .known(let x) = a, case .known(let y) = b {
            guard y > 0 else { return .unknown }
            return .known(floorDiv(x, y))
        }
        guard let p = Poly(a), let q = Poly(b), let r = p.divided(by: q) else { return .unknown }
        return r.floored(up: false)?.dim ?? .unknown
    }

    /// `ceil(a / b)`, exact under the same condition as ``floorQuotient(_:_:)``.
    public static func ceilQuotient(_ a: Dim, _ b: Dim) -> Dim {
        if case .known(let x) = a, case .known(let y) = b {
            guard y > 0 else { return .unknown }
            return .known(-floorDiv(-x, y))
        }
        guard let p = Poly(a), let q = Poly(b), let r = p.divided(by: q) else { return .unknown }
        return r.floored(up: true)?.dim ?? .unknown
    }

    /// Floor division of integers (rounds toward negative infinity).
    static func floorDiv(_ x: Int64, _ y: Int64) -> Int64 {
        let (q, r) = x.quotientAndRemainder(dividingBy: y)
        return (r != 0 && (r < 0) != (y < 0)) ? q - 1 : q
    }

    /// The canonical spelling of a symbolic dim (`2*N` → `N*2`); other dims unchanged.
    public static func canonical(_ d: Dim) -> Dim {
        guard case .symbol = d, let p = Poly(d) else { return d }
        return p.dim
    }
}

// MARK: - Rationals

/// A reduced fraction with overflow-checked operations (`nil` on overflow).
struct Rational: Hashable {
    var num: Int64
    var den: Int64

    init(_ n: Int64) {
        num = n
        den = 1
    }

    init?(_ n: Int64, _ d: Int64) {
        guard d != 0 else { return nil }
        var (n, d) = (n, d)
        if d < 0 {
            guard n != .min, d != .min else { return nil }
            (n, d) = (-n, -d)
        }
        let g = Rational.gcd(n.magnitude, d.magnitude)
        num = n / Int64(g)
        den = d / Int64(g)
    }

    static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a == 0 ? 1 : a
    }

    func times(_ o: Rational) -> Rational? {
        let (n, o1) = num.multipliedReportingOverflow(by: o.num)
        let (d, o2) = den.multipliedReportingOverflow(by: o.den)
        return o1 || o2 ? nil : Rational(n, d)
    }

    func plus(_ o: Rational) -> Rational? {
        let (a, o1) = num.multipliedReportingOverflow(by: o.den)
        let (b, o2) = o.num.multipliedReportingOverflow(by: den)
        let (d, o3) = den.multipliedReportingOverflow(by: o.den)
        let (n, o4) = a.addingReportingOverflow(b)
        return o1 || o2 || o3 || o4 ? nil : Rational(n, d)
    }

    func inverse() -> Rational? { Rational(den, num) }

    var isInteger: Bool { den == 1 }
}

// MARK: - Polynomials over symbol names

/// A sum of terms `coefficient * atom1 * atom2 …`; the empty atom list is the constant term.
struct Poly: Equatable {
    /// Sorted atom list → non-zero coefficient.
    var terms: [[String]: Rational]

    static func constant(_ v: Int64) -> Poly { Poly(terms: v == 0 ? [:] : [[]: Rational(v)]) }

    init(terms: [[String]: Rational]) { self.terms = terms }

    /// Reads a dim; `nil` for `.unknown` and negative known dims.
    init?(_ d: Dim) {
        switch d {
        case .known(let v):
            guard v >= 0 else { return nil }
            self = .constant(v)
        case .symbol(let s):
            guard !s.isEmpty, s != "?" else { return nil }
            var parser = PolyParser(Array(s.utf8))
            if let p = parser.parseAll() { self = p } else { self.init(terms: [[s]: Rational(1)]) }
        case .unknown:
            return nil
        }
    }

    var isConstant: Bool { terms.keys.allSatisfy(\.isEmpty) }

    func plus(_ o: Poly) -> Poly? {
        var t = terms
        for (k, c) in o.terms {
            if let old = t[k] {
                guard let s = old.plus(c) else { return nil }
                t[k] = s.num == 0 ? nil : s
            } else {
                t[k] = c
            }
        }
        return t.count <= DimMath.maxTerms ? Poly(terms: t) : nil
    }

    func scaled(_ r: Rational) -> Poly? {
        if r.num == 0 { return Poly(terms: [:]) }
        var t: [[String]: Rational] = [:]
        for (k, c) in terms {
            guard let s = c.times(r) else { return nil }
            t[k] = s
        }
        return Poly(terms: t)
    }

    func times(_ o: Poly) -> Poly? {
        var acc = Poly(terms: [:])
        for (k1, c1) in terms {
            for (k2, c2) in o.terms {
                guard let c = c1.times(c2), let s = acc.plus(Poly(terms: [(k1 + k2).sorted(): c]))
                else { return nil }
                acc = s
            }
        }
        return acc
    }

    /// Exact division by a single-term polynomial (or by an identical polynomial).
    func divided(by q: Poly) -> Poly? {
        if q == self, !terms.isEmpty { return .constant(1) }
        guard q.terms.count == 1, let (qk, qc) = q.terms.first, let inv = qc.inverse() else {
            return nil
        }
        var t: [[String]: Rational] = [:]
        for (k, c) in terms {
            var rest = k
            for atom in qk {
                guard let i = rest.firstIndex(of: atom) else { return nil }
                rest.remove(at: i)
            }
            guard let s = c.times(inv) else { return nil }
            t[rest] = s
        }
        return Poly(terms: t)
    }

    /// Floor (or ceiling) when only the constant term may be fractional; `nil` otherwise.
    func floored(up: Bool) -> Poly? {
        var t = terms
        for (k, c) in terms where !k.isEmpty {
            guard c.isInteger else { return nil }
        }
        if let c = terms[[]], !c.isInteger {
            let f = DimMath.floorDiv(c.num, c.den)
            let v = up ? f + 1 : f
            t[[]] = v == 0 ? nil : Rational(v)
        }
        return Poly(terms: t)
    }

    /// The dim this polynomial denotes: known for integer constants, else a canonical symbol.
    var dim: Dim {
        if terms.isEmpty { return .known(0) }
        if isConstant, let c = terms[[]] { return c.isInteger ? .known(c.num) : .unknown }
        if terms.count == 1, let (k, c) = terms.first, k.count == 1, c == Rational(1) {
            return .symbol(k[0])
        }
        return .symbol(text)
    }

    /// Canonical text: non-constant terms by sorted atoms, then the constant.
    var text: String {
        let keys = terms.keys.filter { !$0.isEmpty }.sorted { $0.joined(separator: "*") < $1.joined(separator: "*") }
        var out = ""
        for k in keys + (terms[[]] != nil ? [[]] : []) {
            guard let c = terms[k] else { continue }
            let negative = c.num < 0
            let mag = c.num.magnitude
            var body = k.map(Poly.spell).joined(separator: "*")
            if body.isEmpty {
                body = String(mag)
            } else if mag != 1 {
                body += "*\(mag)"
            }
            if c.den != 1 { body += "/\(c.den)" }
            if out.isEmpty {
                out = negative ? "-" + body : body
            } else {
                out += (negative ? "-" : "+") + body
            }
        }
        return out
    }

    /// An atom as written inside an expression: parenthesized when it holds operator chars.
    static func spell(_ atom: String) -> String {
        atom.contains(where: { "+-*/() ".contains($0) }) ? "(\(atom))" : atom
    }
}

/// Parses `expr := ['-'] term (('+'|'-') term)*`, `term := factor (('*' factor) | ('/' int))*`,
/// `factor := int | name | '(' expr ')'`; a parenthesized text that does not parse is an atom.
struct PolyParser {
    let s: [UInt8]
    var i = 0

    init(_ s: [UInt8]) { self.s = s }

    mutating func parseAll() -> Poly? {
        guard let p = expr(), i == s.count else { return nil }
        return p
    }

    mutating func expr() -> Poly? {
        var negate = false
        if peek == UInt8(ascii: "-") {
            negate = true
            i += 1
        }
        guard var acc = term() else { return nil }
        if negate { guard let n = acc.scaled(Rational(-1)) else { return nil }; acc = n }
        while let c = peek, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
            i += 1
            guard var t = term() else { return nil }
            if c == UInt8(ascii: "-") { guard let n = t.scaled(Rational(-1)) else { return nil }; t = n }
            guard let s = acc.plus(t) else { return nil }
            acc = s
        }
        return acc
    }

    mutating func term() -> Poly? {
        guard var acc = factor() else { return nil }
        while let c = peek, c == UInt8(ascii: "*") || c == UInt8(ascii: "/") {
            i += 1
            if c == UInt8(ascii: "*") {
                guard let f = factor(), let r = acc.times(f) else { return nil }
                acc = r
            } else {
                guard let n = integer(), n > 0, let inv = Rational(1, n), let r = acc.scaled(inv)
                else { return nil }
                acc = r
            }
        }
        return acc
    }

    mutating func factor() -> Poly? {
        guard let c = peek else { return nil }
        if c == UInt8(ascii: "(") {
            var depth = 0
            var j = i
            while j < s.count {
                if s[j] == UInt8(ascii: "(") { depth += 1 }
                if s[j] == UInt8(ascii: ")") {
                    depth -= 1
                    if depth == 0 { break }
                }
                j += 1
            }
            guard j < s.count else { return nil }
            let inner = Array(s[(i + 1)..<j])
            i = j + 1
            var sub = PolyParser(inner)
            if let p = sub.parseAll() { return p }
            guard !inner.isEmpty else { return nil }
            return Poly(terms: [[String(decoding: inner, as: UTF8.self)]: Rational(1)])
        }
        if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
            guard let n = integer() else { return nil }
            return .constant(n)
        }
        let start = i
        while let c = peek, !"+-*/() ".utf8.contains(c) { i += 1 }
        guard i > start else { return nil }
        return Poly(terms: [[String(decoding: s[start..<i], as: UTF8.self)]: Rational(1)])
    }

    mutating func integer() -> Int64? {
        let start = i
        var v: Int64 = 0
        while let c = peek, c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(c - UInt8(ascii: "0")))
            guard !o1, !o2 else { return nil }
            v = a
            i += 1
        }
        return i > start ? v : nil
    }

    var peek: UInt8? { i < s.count ? s[i] : nil }
}
