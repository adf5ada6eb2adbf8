import SightlineIO

/// A streaming JSON writer with fixed decimal places, so reports are
/// byte-for-byte stable across runs and platforms, and fast on large plans.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]
    private let indentStep: Int
    private var depth = 0

    /// Where a streaming writer hands its bytes (``init(indent:streamingTo:chunk:)``).
    private var output: ByteOutput?
    /// A streaming writer passes its bytes on once it holds this many.
    private var chunk = Int.max

    /// `indent` spaces per level; 0 writes compact JSON. `capacity` bytes
    /// are reserved up front (a report is tens of kilobytes at least).
    public init(indent: Int = 2, capacity: Int = 1 << 16) {
        self.indentStep = indent
        bytes.reserveCapacity(capacity)
    }

    /// A writer that hands its bytes to `output` about `chunk` bytes at a
    /// time (between two values), so a report of tens of megabytes (every
    /// camera's view on a 160-floor hotel) is never whole in memory;
    /// ``finish()`` writes the rest.
    public init(indent: Int = 2, streamingTo output: ByteOutput, chunk: Int = 1 << 20) {
        self.init(indent: indent, capacity: min(chunk, 1 << 24) + (1 << 16))
        self.output = output
        self.chunk = max(chunk, 1)
    }

    /// A writer of array elements that another writer places
    /// (``element(_:)``): its values are indented `depth` levels, as that
    /// writer's array's elements are, and the first starts with no
    /// separator, which the placing writer writes. A streamed report renders
    /// each level's findings and cameras this way and places them later.
    public init(elementsAtDepth depth: Int, indent: Int = 2) {
        self.init(indent: indent, capacity: 1 << 12)
        self.depth = depth
        // As if after a key: the first value opens with no separator.
        pendingKey = true
    }

    /// Starts a new run of elements: the next value opens with no separator,
    /// so each run can be placed on its own.
    public mutating func restartElements() { pendingKey = true }

    /// Places elements another writer made (``init(elementsAtDepth:indent:)``,
    /// at this writer's depth) as the next elements of the open array.
    public mutating func elements(_ fragment: UnsafeRawBufferPointer) {
        beginValue()
        bytes.append(contentsOf: fragment)
    }

    /// The bytes written, handed over, and the writer emptied.
    public mutating func takeBytes() -> [UInt8] {
        var out: [UInt8] = []
        swap(&out, &bytes)
        return out
    }

    /// Hands what is written so far to the output of a streaming writer.
    @inline(__always)
    private mutating func passOnIfFull() {
        guard bytes.count >= chunk, let output else { return }
        bytes.withUnsafeBytes { output.write($0) }
        bytes.removeAll(keepingCapacity: true)
    }

    /// Ends a streaming writer's document: the closing newline and every
    /// byte not yet passed on go to its output.
    public mutating func finish() {
        bytes.append(0x0A)
        if let output { bytes.withUnsafeBytes { output.write($0) } }
        bytes.removeAll()
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The document's bytes and a closing newline, as a file holds it, and
    /// the writer emptied: the buffer is handed over, not copied (a copy
    /// was a second report in memory at the peak, 34 MB on a 160-floor
    /// hotel), and no String is made, so megabytes are not validated as
    /// UTF-8 again (it was 4 % of a whole check).
    public mutating func takeFileBytes() -> [UInt8] {
        bytes.append(0x0A)
        var out: [UInt8] = []
        swap(&out, &bytes)
        return out
    }

    private mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private static var spaces: StaticString { "                                                                " }

    private mutating func newline() {
        guard indentStep > 0 else { return }
        bytes.append(0x0A)
        // Runs of a constant row of spaces: a memory copy, where a repeated
        // element was appended one byte at a time through generic code.
        var indent = depth * indentStep
        Self.spaces.withUTF8Buffer { row in
            while indent > 0 {
                let run = min(indent, row.count)
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: row[..<run]))
                indent -= run
            }
        }
    }

    private mutating func separate() {
        passOnIfFull()
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

    public mutating func beginObject() {
        beginValue()
        bytes.append(UInt8(ascii: "{"))
        depth += 1
        needsComma.append(false)
    }
    public mutating func endObject() {
        let had = needsComma.removeLast()
        depth -= 1
        if had { newline() }
        bytes.append(UInt8(ascii: "}"))
    }
    public mutating func beginArray() {
        beginValue()
        bytes.append(UInt8(ascii: "["))
        depth += 1
        needsComma.append(false)
    }
    public mutating func endArray() {
        let had = needsComma.removeLast()
        depth -= 1
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

    /// A coordinate pair on one line, `[x,y]`, with no array made for it
    /// (reports write tens of thousands).
    public mutating func inlinePair(_ x: Double, _ y: Double, decimals: Int) {
        beginValue()
        bytes.append(UInt8(ascii: "["))
        appendNumber(x, decimals: decimals)
        bytes.append(UInt8(ascii: ","))
        appendNumber(y, decimals: decimals)
        bytes.append(UInt8(ascii: "]"))
    }

    public mutating func string(_ s: String) {
        beginValue()
        appendString(s)
    }

    /// A number in its shortest round-trip form (`2.5`, `1000`, `0.1`).
    mutating func rawNumber(_ v: Double) {
        beginValue()
        appendShortest(v)
    }

    /// Opens an inline array of numbers (a coordinate pair) on one line.
    mutating func beginValueInline() {
        beginValue()
        bytes.append(UInt8(ascii: "["))
    }

    mutating func appendRaw(_ s: StaticString) { raw(s) }

    mutating func appendShortest(_ v: Double) {
        if v == v.rounded(), abs(v) < 1e15 {
            bytes.append(contentsOf: Array(String(Int64(v)).utf8))
        } else {
            bytes.append(contentsOf: Array(String(v).utf8))
        }
    }
    public mutating func number(_ v: Double, decimals: Int) {
        beginValue()
        appendNumber(v, decimals: decimals)
    }
    public mutating func integer(_ v: Int) {
        beginValue()
        bytes.append(contentsOf: Array(String(v).utf8))
    }
    public mutating func bool(_ v: Bool) {
        beginValue()
        if v { raw("true") } else { raw("false") }
    }
    public mutating func null() {
        beginValue()
        raw("null")
    }

    public mutating func string(_ s: String?) { if let s { string(s) } else { null() } }

    /// `key: value` shorthands.
    public mutating func field(_ k: String, _ s: String?) {
        key(k)
        string(s)
    }
    public mutating func field(_ k: String, _ v: Double, decimals: Int) {
        key(k)
        number(v, decimals: decimals)
    }
    public mutating func field(_ k: String, _ v: Int) {
        key(k)
        integer(v)
    }
    public mutating func field(_ k: String, _ v: Bool) {
        key(k)
        bool(v)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Whether a byte must be escaped: quotes, backslashes, control
    /// characters, and `<`, `>`, `&` so a report pasted into HTML cannot open
    /// a tag.
    ///
    /// One bit a byte below 128 (every byte to escape is ASCII): bits 0–31
    /// for the control characters, then `"` (0x22), `&` (0x26), `<`
    /// (0x3C), `>` (0x3E) in the low word and `\` (0x5C) in the high one.
    @inline(__always)
    private static func needsEscape(_ b: UInt8) -> Bool {
        let low: UInt64 = 0xFFFF_FFFF | 1 << 0x22 | 1 << 0x26 | 1 << 0x3C | 1 << 0x3E
        let high: UInt64 = 1 << (0x5C - 64)
        if b < 64 { return (low >> UInt64(b)) & 1 != 0 }
        if b < 128 { return (high >> UInt64(b - 64)) & 1 != 0 }
        return false
    }

    /// Whether any of eight bytes must be escaped (``needsEscape(_:)``), by
    /// word arithmetic: a byte below 0x20, or one equal to `"`, `&`, `<`,
    /// `>` or `\`. Exact as a yes/no (the classic "has zero byte" and "has
    /// byte less than" tests); bytes of 0x80 and above never count.
    @inline(__always)
    private static func anyNeedsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        let below = (word &- ones &* 0x20) & ~word & highs != 0
        return below || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x26)) || hasZero(word ^ (ones &* 0x3C))
            || hasZero(word ^ (ones &* 0x3E)) || hasZero(word ^ (ones &* 0x5C))
    }

    /// A string in quotes, escaped: runs that need no escape are copied
    /// whole, eight bytes tested at a time (reports are mostly messages).
    private mutating func appendString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = s
        text.withUTF8 { utf8 in
            var start = 0
            var i = 0
            let n = utf8.count
            let base = UnsafeRawPointer(utf8.baseAddress)
            while i < n {
                if let base, i + 8 <= n, !Self.anyNeedsEscape(base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                    i += 8
                    continue
                }
                let b = utf8[i]
                guard Self.needsEscape(b) else {
                    i += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                switch b {
                case UInt8(ascii: "\""): raw("\\\"")
                case UInt8(ascii: "\\"): raw("\\\\")
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0x09: raw("\\t")
                default:
                    raw("\\u00")
                    bytes.append(Self.hexDigits[Int(b >> 4)])
                    bytes.append(Self.hexDigits[Int(b & 0xF)])
                }
                i += 1
                start = i
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Fixed-point: rounded half away from zero to `decimals` places,
    /// trailing zeros trimmed (``DecimalText/append(_:places:trimmingZeros:to:)``).
    private mutating func appendNumber(_ v: Double, decimals: Int) {
        DecimalText.append(v, places: decimals, trimmingZeros: true, to: &bytes)
    }
}

extension JSONWriter {
    /// Writes a parsed document back, members in their original order and
    /// numbers in their shortest exact form, so a rewritten plan differs from
    /// its source only where it was changed (and in whitespace).
    public mutating func value(_ v: JSONValue) {
        switch v {
        case .null: null()
        case .bool(let b): bool(b)
        case .number(let n): rawNumber(n)
        case .string(let s): string(s)
        case .numbers(let list):
            beginValueInline()
            for (i, n) in list.enumerated() {
                if i > 0 { appendRaw(",") }
                appendShortest(n)
            }
            appendRaw("]")
        case .array(let list):
            beginArray()
            for item in list { value(item) }
            endArray()
        case .object(let o):
            beginObject()
            for member in o.members {
                key(member.key)
                value(member.value)
            }
            endObject()
        }
    }
}
