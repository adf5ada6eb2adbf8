/// A streaming JSON writer with fixed decimal places, so reports are
/// byte-for-byte stable across runs and platforms, and fast on large plans.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]
    private let indentStep: Int
    private var depth = 0

    /// `indent` spaces per level; 0 writes compact JSON.
    public init(indent: Int = 2) {
        self.indentStep = indent
        bytes.reserveCapacity(1 << 16)
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func newline() {
        guard indentStep > 0 else { return }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: depth * indentStep))
    }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
        if depth > 0 { newline() }
    }

    public mutating func key(_ k: String) {
        separate()
        appendString(k)
        bytes.append(UInt8(ascii: ":"))
        if indentStep > 0 { bytes.append(0x20) }
        needsComma[needsComma.count - 1] = false
        pendingKey = true
    }

    private var pendingKey = false

    private mutating func beginValue() {
        if pendingKey {
            pendingKey = false
            needsComma[needsComma.count - 1] = true
        } else {
            separate()
        }
    }

    public mutating func beginObject() { beginValue(); bytes.append(UInt8(ascii: "{")); depth += 1; needsComma.append(false) }
    public mutating func endObject() {
        let had = needsComma.removeLast(); depth -= 1
        if had { newline() }
        bytes.append(UInt8(ascii: "}"))
    }
    public mutating func beginArray() { beginValue(); bytes.append(UInt8(ascii: "[")); depth += 1; needsComma.append(false) }
    public mutating func endArray() {
        let had = needsComma.removeLast(); depth -= 1
        if had { newline() }
        bytes.append(UInt8(ascii: "]"))
    }

    /// An array of numbers on one line, e.g. a coordinate pair.
    public mutating func inlineNumbers(_ values: [Double], decimals: Int) {
        beginValue()
        bytes.append(UInt8(ascii: "["))
        for (i, v) in values.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            appendNumber(v, decimals: decimals)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    public mutating func string(_ s: String) { beginValue(); appendString(s) }
    public mutating func number(_ v: Double, decimals: Int) { beginValue(); appendNumber(v, decimals: decimals) }
    public mutating func integer(_ v: Int) { beginValue(); bytes.append(contentsOf: Array(String(v).utf8)) }
    public mutating func bool(_ v: Bool) { beginValue(); if v { raw("true") } else { raw("false") } }
    public mutating func null() { beginValue(); raw("null") }

    public mutating func string(_ s: String?) { if let s { string(s) } else { null() } }

    /// `key: value` shorthands.
    public mutating func field(_ k: String, _ s: String?) { key(k); string(s) }
    public mutating func field(_ k: String, _ v: Double, decimals: Int) { key(k); number(v, decimals: decimals) }
    public mutating func field(_ k: String, _ v: Int) { key(k); integer(v) }
    public mutating func field(_ k: String, _ v: Bool) { key(k); bool(v) }

    private mutating func appendString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                raw("\\u00")
                bytes.append(hex[Int(b >> 4)]); bytes.append(hex[Int(b & 0xF)])
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                // Escaped so a report pasted into HTML cannot open a tag.
                raw("\\u00")
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(hex[Int(b >> 4)]); bytes.append(hex[Int(b & 0xF)])
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Fixed-point formatting without Foundation: round half away from zero
    /// to `decimals` places, trailing zeros trimmed.
    private mutating func appendNumber(_ v: Double, decimals: Int) {
        guard v.isFinite else { raw("null"); return }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(v) * scale).rounded()
        guard scaled < 9e15 else { bytes.append(contentsOf: Array(String(v).utf8)); return }
        var n = Int64(scaled)
        if n == 0 { bytes.append(UInt8(ascii: "0")); return }
        if v < 0 { bytes.append(UInt8(ascii: "-")) }
        let divisor = Int64(scale)
        let whole = n / divisor
        n %= divisor
        bytes.append(contentsOf: Array(String(whole).utf8))
        if n > 0 {
            var digits = [UInt8](repeating: UInt8(ascii: "0"), count: decimals)
            var k = decimals - 1
            var f = n
            while f > 0 { digits[k] = UInt8(ascii: "0") + UInt8(f % 10); f /= 10; k -= 1 }
            while digits.last == UInt8(ascii: "0") { digits.removeLast() }
            bytes.append(UInt8(ascii: "."))
            bytes.append(contentsOf: digits)
        }
    }
}
