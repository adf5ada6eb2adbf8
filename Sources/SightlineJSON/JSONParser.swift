/// A strict RFC 8259 parser over UTF-8 bytes.
///
/// Complexity: O(n) in the input size; nesting deeper than ``maxDepth`` is
/// rejected instead of overflowing the stack on hostile input.
public struct JSONParser {
    public static let maxDepth = 512

    /// The document's bytes: an array's, or a mapped file's
    /// (``MappedFile``), borrowed for the parse.
    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var depth = 0
    /// Short strings seen before (keys, kinds, types repeat thousands of
    /// times), so each is validated and allocated once.
    private var interned = [InternedString?](repeating: nil, count: 512)

    /// A short string with its bytes packed in three words for comparison.
    private struct InternedString {
        var words: (UInt64, UInt64, UInt64)
        var length: Int
        var string: String
    }

    /// Called with each element of the root object's `features` array, its
    /// index and the byte range it was parsed from, instead of keeping it
    /// (``parse(_:eachFeature:)``).
    private var featureSink: ((JSONValue, Int, Range<Int>) -> Void)?

    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        try parse(bytes, eachFeature: nil)
    }

    /// Parses a document, handing each element of the root object's
    /// `features` array to `eachFeature` as soon as it is parsed and keeping
    /// an empty array in its place: a GeoJSON plan is decoded feature by
    /// feature and its tree is never whole in memory (the tree of a
    /// 160-floor hotel was most of a check's peak). The syntax is checked
    /// exactly as by ``parse(_:)``.
    public static func parse(
        _ bytes: [UInt8], eachFeature: ((JSONValue, Int) -> Void)?
    ) throws(JSONSyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
            try parse(buffer, eachFeature: eachFeature.map { sink in { value, index, _ in sink(value, index) } })
        }
    }

    /// Parses the document in `bytes` (a mapped file's, or part of one),
    /// handing each feature to `eachFeature` with its index and the byte
    /// range of its text in `bytes`, so a later pass can parse that feature
    /// alone again (``PlanIndex``).
    ///
    /// - Parameter validated: called with each stretch of about a mebibyte
    ///   once its UTF-8 is checked, before parsing begins.
    public static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, eachFeature: ((JSONValue, Int, Range<Int>) -> Void)?,
        validated: ((Range<Int>) -> Void)? = nil
    ) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        parser.featureSink = eachFeature
        if let bad = UTF8Validation.firstInvalidOffset(bytes, afterEach: validated) {
            throw parser.error(
                "invalid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true))): the file must be UTF-8 text", at: bad)
        }
        // A UTF-8 byte order mark is tolerated, as many Windows editors write one.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.i = 3 }
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        if parser.i < bytes.count { throw parser.error("unexpected text after the end of the JSON value") }
        return value
    }

    /// Parses each of `ranges` of `bytes` as one JSON value (the features a
    /// first pass found, ``PlanIndex``), handing each to `body` with its
    /// place in `ranges`. One parser reads them all: its table of strings
    /// seen is made once, not once a feature (which cost more than the
    /// parse of a small feature).
    public static func parseEach(
        _ bytes: UnsafeBufferPointer<UInt8>, ranges: [Range<Int>], _ body: (JSONValue, Int) -> Void
    ) throws(JSONSyntaxError) {
        var parser = JSONParser(bytes: bytes)
        for (k, range) in ranges.enumerated() {
            if let bad = UTF8Validation.firstInvalidOffset(UnsafeBufferPointer(rebasing: bytes[range])) {
                throw parser.error("invalid UTF-8: the file must be UTF-8 text", at: range.lowerBound + bad)
            }
            parser.i = range.lowerBound
            let value = try parser.parseValue()
            guard parser.i == range.upperBound else { throw parser.error("the text of a value changed between two reads") }
            body(value, k)
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private func error(_ message: String, at position: Int? = nil) -> JSONSyntaxError {
        let end = min(position ?? i, bytes.count)
        var line = 1
        var column = 1
        for b in bytes[..<end] {
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
        }
        return JSONSyntaxError(message: message, line: line, column: column)
    }

    private mutating func skipWhitespace() {
        var k = i
        bytes.withUnsafeBufferPointer { buffer in
            while k < buffer.count {
                let b = buffer[k]
                guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { break }
                k += 1
            }
        }
        i = k
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        guard i < bytes.count else { throw error("unexpected end of input: a value was expected") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("unexpected character '\(Character(Unicode.Scalar(bytes[i])))': a value was expected")
        }
    }

    private mutating func literal(_ word: String) throws(JSONSyntaxError) {
        let w = Array(word.utf8)
        let n = w.count
        let ok = i + n <= bytes.count && (0..<n).allSatisfy { bytes[i + $0] == w[$0] }
        if !ok { throw error("invalid literal: expected \(word)") }
        i += n
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > Self.maxDepth { throw error("nesting deeper than \(Self.maxDepth) levels") }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        i += 1
        var members: [(key: String, value: JSONValue)] = []
        // Room for a feature's four members (type, id, properties,
        // geometry) at once, not grown 1, 2, 4: reallocation was an eighth
        // of the parse.
        members.reserveCapacity(4)
        skipWhitespace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
            i += 1
            return .object(JSONObject())
        }
        var keys = Set<String>()
        while true {
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                throw error("an object key (a string in double quotes) was expected")
            }
            let keyStart = i
            let key = try parseString()
            // Small objects are checked by scanning; big ones with a set. Keys
            // compare as Swift strings do, by canonical equivalence ("é"
            // precomposed equals "e" + U+0301), so no prefilter on byte length:
            // two spellings of one key are one key, reported here.
            let duplicate: Bool
            if members.count < 16 {
                duplicate = members.contains { $0.key == key }
                if members.count == 15 {
                    keys = Set(members.map(\.key))
                    keys.insert(key)
                }
            } else {
                duplicate = !keys.insert(key).inserted
            }
            if duplicate { throw error("duplicate key \"\(key)\" in one object", at: keyStart) }
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("':' was expected after the key \"\(key)\"") }
            i += 1
            skipWhitespace()
            if depth == 1, let featureSink, key == "features", i < bytes.count, bytes[i] == UInt8(ascii: "[") {
                members.append((key, try parseArray(handingTo: featureSink)))
            } else {
                members.append((key, try parseValue()))
            }
            skipWhitespace()
            guard i < bytes.count else { throw error("unexpected end of input inside an object") }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            if bytes[i] == UInt8(ascii: "}") {
                i += 1
                return .object(JSONObject(uniqueMembers: members))
            }
            throw error("',' or '}' was expected in an object")
        }
    }

    /// An array; with `sink`, each element is handed to it with its index
    /// as soon as it is parsed and an empty array stands in its place (the
    /// root's `features`, ``parse(_:eachFeature:)``).
    private mutating func parseArray(handingTo sink: ((JSONValue, Int, Range<Int>) -> Void)? = nil) throws(JSONSyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        i += 1
        var array: [JSONValue] = []
        skipWhitespace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
            i += 1
            return .array(array)
        }
        // Arrays of numbers only (coordinates) are kept compact.
        if sink == nil, i < bytes.count,
            bytes[i] == UInt8(ascii: "-") || (bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9"))
        {
            var numbers: [Double] = []
            // A position's two numbers in one allocation, not grown from one.
            numbers.reserveCapacity(2)
            while true {
                numbers.append(try parseNumber())
                skipWhitespace()
                guard i < bytes.count else { throw error("unexpected end of input inside an array") }
                if bytes[i] == UInt8(ascii: "]") {
                    i += 1
                    return .numbers(numbers)
                }
                guard bytes[i] == UInt8(ascii: ",") else { throw error("',' or ']' was expected in an array") }
                i += 1
                skipWhitespace()
                guard i < bytes.count else { throw error("unexpected end of input inside an array") }
                let b = bytes[i]
                if !(b == UInt8(ascii: "-") || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))) {
                    // Mixed: carry on as a general array.
                    array = numbers.map(JSONValue.number)
                    break
                }
            }
        }
        // A room's ring (five positions) in two allocations, not four.
        if array.isEmpty, sink == nil { array.reserveCapacity(4) }
        var index = 0
        while true {
            skipWhitespace()
            let start = i
            let element = try parseValue()
            if let sink {
                sink(element, index, start..<i)
                index += 1
            } else {
                array.append(element)
            }
            skipWhitespace()
            guard i < bytes.count else { throw error("unexpected end of input inside an array") }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            if bytes[i] == UInt8(ascii: "]") {
                i += 1
                return .array(array)
            }
            throw error("',' or ']' was expected in an array")
        }
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = i
        // Fast path: a plain string (no escapes), scanned with a local index.
        let end: Int? = bytes.withUnsafeBufferPointer { buffer in
            var k = start + 1
            while k < buffer.count {
                let b = buffer[k]
                if b == UInt8(ascii: "\"") { return k }
                if b == UInt8(ascii: "\\") || b < 0x20 { return nil }
                k += 1
            }
            return nil
        }
        if let end {
            i = end + 1
            return intern(start + 1, end)
        }
        i += 1
        var plainStart = i
        var scalars: [UInt8] = []
        var escaped = false
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                let text: String
                if escaped {
                    scalars.append(contentsOf: bytes[plainStart..<i])
                    text = String(decoding: scalars, as: UTF8.self)
                } else {
                    text = intern(plainStart, i)
                }
                i += 1
                return text
            }
            if b < 0x20 { throw error("control character inside a string (escape it)") }
            if b == UInt8(ascii: "\\") {
                escaped = true
                scalars.append(contentsOf: bytes[plainStart..<i])
                i += 1
                guard i < bytes.count else { break }
                switch bytes[i] {
                case UInt8(ascii: "\""): scalars.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): scalars.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "/"): scalars.append(UInt8(ascii: "/"))
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code) {
                        // A high surrogate must be followed by a low one.
                        guard i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "\\"), bytes[i + 2] == UInt8(ascii: "u") else {
                            throw error("unpaired UTF-16 surrogate in \\u escape")
                        }
                        i += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired UTF-16 surrogate in \\u escape") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(code) {
                        throw error("unpaired UTF-16 surrogate in \\u escape")
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
                    scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    throw error("invalid escape '\\\(Character(Unicode.Scalar(bytes[i])))' in a string")
                }
                i += 1
                plainStart = i
                continue
            }
            i += 1
        }
        throw error("unterminated string", at: start)
    }

    /// The string of `bytes[start..<end]`, from the intern table when it
    /// was seen before (strings up to 24 bytes).
    private mutating func intern(_ start: Int, _ end: Int) -> String {
        let length = end - start
        guard length <= 24 else { return String(decoding: bytes[start..<end], as: UTF8.self) }
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &words) { raw in
            bytes.withUnsafeBytes { source in
                raw.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[start..<end]))
            }
        }
        let mixed = (words.0 &* 0x9E37_79B9_7F4A_7C15) ^ (words.1 &* 0xC2B2_AE3D_27D4_EB4F) ^ (words.2 &* 0x1656_67B1_9E37_79F9)
        let slot = Int(truncatingIfNeeded: (mixed ^ UInt64(length)) >> 55)
        if let entry = interned[slot], entry.length == length,
            entry.words.0 == words.0, entry.words.1 == words.1, entry.words.2 == words.2
        {
            return entry.string
        }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        interned[slot] = InternedString(words: words, length: length, string: text)
        return text
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard i + 4 < bytes.count else { throw error("incomplete \\u escape") }
        var value: UInt32 = 0
        for k in 1...4 {
            let c = bytes[i + k]
            let digit: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw error("invalid hex digit in \\u escape")
            }
            value = value * 16 + digit
        }
        i += 4
        return value
    }

    /// Powers of ten exactly representable as doubles.
    private static let exactPowers: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { acc, _ in acc * 10 } }

    private mutating func parseNumber() throws(JSONSyntaxError) -> Double {
        let start = i
        var negative = false
        if bytes[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        // Mantissa digits are accumulated for Clinger's fast path: with at most
        // 15 significant digits and a power of ten of at most 22, one IEEE
        // multiplication or division is correctly rounded.
        var mantissa: UInt64 = 0
        var digitCount = 0
        var exponent = 0
        let intStart = i
        while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
            if digitCount < 19 { mantissa = mantissa * 10 + UInt64(bytes[i] - UInt8(ascii: "0")) } else { exponent += 1 }
            if mantissa > 0 { digitCount += 1 }
            i += 1
        }
        let intDigits = i - intStart
        if intDigits == 0 { throw error("a digit was expected in a number") }
        if intDigits > 1, bytes[intStart] == UInt8(ascii: "0") { throw error("leading zeros are not allowed in a number", at: intStart) }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            let fracStart = i
            while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
                if digitCount < 19 {
                    mantissa = mantissa * 10 + UInt64(bytes[i] - UInt8(ascii: "0"))
                    exponent -= 1
                    if mantissa > 0 { digitCount += 1 }
                }
                i += 1
            }
            if i == fracStart { throw error("a digit was expected after the decimal point") }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            var expNegative = false
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
                expNegative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            let expStart = i
            var e = 0
            while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
                if e < 100_000 { e = e * 10 + Int(bytes[i] - UInt8(ascii: "0")) }
                i += 1
            }
            if i == expStart { throw error("a digit was expected in the exponent") }
            exponent += expNegative ? -e : e
        }
        if digitCount <= 15, abs(exponent) <= 22 {
            var value = Double(mantissa)
            value = exponent >= 0 ? value * Self.exactPowers[exponent] : value / Self.exactPowers[-exponent]
            return negative ? -value : value
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard let value = Double(text) else { throw error("invalid number", at: start) }
        // Overflowing literals such as 1e999 parse to infinity; plans never need them.
        guard value.isFinite else { throw error("number out of range: \(text)", at: start) }
        return value
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The buffer itself, so the parser reads a borrowed buffer with the
    /// code it used on an array.
    @inline(__always)
    fileprivate func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R { try body(self) }

    @inline(__always)
    fileprivate func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(self))
    }
}
