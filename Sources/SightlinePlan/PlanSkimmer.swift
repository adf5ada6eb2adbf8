import SightlineJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The first pass of a streamed decode (``PlanIndex``) without building a
/// tree: it walks the document's structure and, of each feature, reads only
/// what the index keeps — where its text lies, its id, kind and level, a
/// zone's category — skipping the rest byte by byte. Parsing every feature
/// into a tree only to keep those was a fifth of a streamed check.
///
/// It reads only what it is sure of. Anything out of the ordinary — an
/// escape in a string it reads, an id or level written as a number, a
/// feature that is not an object or has no kind — and it gives up (`nil`),
/// and the index parses the document instead. Its strictness matters only
/// for the structure it alone reads (the root object, the `features`
/// array's brackets and commas): the root's other members are parsed by
/// ``JSONParser``, the site-wide features too, and each level's features
/// again when the level is decoded, which must end where the skimmer said.
struct PlanSkimmer {
    /// What the skimmer read of one feature.
    struct Feature {
        var range: Range<Int>
        var id: String
        var kind: RawFeature.Kind
        var level: String?
        var category: String?
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var depth = 0

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Walks the document in `bytes` (valid UTF-8), handing each feature to
    /// `feature`; the root's other members, parsed, in their order, or `nil`
    /// when the skimmer gives up.
    ///
    /// Complexity: O(n) in the document's size, no allocation for what it
    /// skips.
    static func skim(_ bytes: UnsafeBufferPointer<UInt8>, feature: (Feature, Int) -> Void) -> JSONValue? {
        var skimmer = PlanSkimmer(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { skimmer.i = 3 }
        return skimmer.root(feature)
    }

    private mutating func root(_ feature: (Feature, Int) -> Void) -> JSONValue? {
        skipWhitespace()
        guard take(UInt8(ascii: "{")) else { return nil }
        var members: [(key: String, range: Range<Int>?)] = []
        skipWhitespace()
        if !take(UInt8(ascii: "}")) {
            repeat {
                skipWhitespace()
                guard let key = plainString(), !members.contains(where: { $0.key == key }) else { return nil }
                skipWhitespace()
                guard take(UInt8(ascii: ":")) else { return nil }
                skipWhitespace()
                if key == "features", peek == UInt8(ascii: "[") {
                    guard features(feature) else { return nil }
                    members.append((key, nil))
                } else {
                    let start = i
                    guard skipValue() else { return nil }
                    members.append((key, start..<i))
                }
                skipWhitespace()
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")) else { return nil }
        }
        skipWhitespace()
        guard i == bytes.count else { return nil }
        // The other members, parsed as the parser parses them.
        var values: [JSONValue] = []
        do {
            try JSONParser.parseEach(bytes, ranges: members.compactMap(\.range)) { value, _ in values.append(value) }
        } catch {
            return nil
        }
        var next = values.makeIterator()
        return .object(JSONObject(members.map { ($0.key, $0.range == nil ? .array([]) : next.next()!) }))
    }

    /// The `features` array: each element must be a feature the skimmer
    /// can read.
    private mutating func features(_ feature: (Feature, Int) -> Void) -> Bool {
        i += 1
        skipWhitespace()
        if take(UInt8(ascii: "]")) { return true }
        var index = 0
        repeat {
            skipWhitespace()
            guard let read = self.feature() else { return false }
            feature(read, index)
            index += 1
            skipWhitespace()
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]"))
    }

    /// One feature object: its `id`, and `properties`' `kind`, `level`,
    /// `id` and `category`.
    private mutating func feature() -> Feature? {
        let start = i
        var id: String?
        var properties: Properties?
        let read = members { skimmer, key in
            if key.is("id") {
                id = skimmer.plainString()
                return id != nil
            }
            if key.is("properties") {
                properties = skimmer.properties()
                return properties != nil
            }
            return skimmer.skipValue()
        }
        // As ``PlanDecoder/idString(_:)`` takes them: a non-empty string.
        guard read, let properties, let kindText = properties.kind, let kind = RawFeature.Kind(rawValue: kindText),
            let id = id.flatMap({ $0.isEmpty ? nil : $0 }) ?? properties.id.flatMap({ $0.isEmpty ? nil : $0 })
        else { return nil }
        return Feature(range: start..<i, id: id, kind: kind, level: properties.level, category: properties.category)
    }

    /// What the index reads of a feature's `properties`.
    private struct Properties {
        var kind: String?
        var level: String?
        var id: String?
        var category: String?
    }

    private mutating func properties() -> Properties? {
        var read = Properties()
        let ok = members { skimmer, key in
            if key.is("level"), skimmer.peek == UInt8(ascii: "n") { return skimmer.skipValue() }
            guard key.is("kind") || key.is("level") || key.is("id") || key.is("category") else { return skimmer.skipValue() }
            guard let text = skimmer.plainString() else { return false }
            if key.is("kind") {
                read.kind = text
            } else if key.is("level") {
                read.level = text
            } else if key.is("id") {
                read.id = text
            } else {
                read.category = text
            }
            return !key.is("level") || !text.isEmpty
        }
        return ok ? read : nil
    }

    /// Walks an object, handing each member's key to `value`, which reads
    /// or skips the value (and says whether it could).
    private mutating func members(_ value: (inout PlanSkimmer, Key) -> Bool) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        skipWhitespace()
        if take(UInt8(ascii: "}")) { return true }
        repeat {
            skipWhitespace()
            guard let key = plainKey() else { return false }
            skipWhitespace()
            guard take(UInt8(ascii: ":")) else { return false }
            skipWhitespace()
            guard value(&self, key) else { return false }
            skipWhitespace()
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}"))
    }

    /// A key's bytes, compared with the few keys the skimmer reads without
    /// making a string of every key.
    private struct Key {
        let bytes: UnsafeBufferPointer<UInt8>

        func `is`(_ word: StaticString) -> Bool {
            word.utf8CodeUnitCount == bytes.count && memcmp(word.utf8Start, bytes.baseAddress!, bytes.count) == 0
        }
    }

    /// A key with no escape, as bytes; `nil` for anything else.
    private mutating func plainKey() -> Key? { plainBytes().map(Key.init) }

    // MARK: Tokens

    /// The byte at `k`, or 0 past the end: no JSON token holds a NUL, so
    /// the end stops every scan without a test of its own.
    @inline(__always)
    private func byte(_ k: Int) -> UInt8 { k < bytes.count ? bytes[k] : 0 }

    private var peek: UInt8 { byte(i) }

    private mutating func take(_ expected: UInt8) -> Bool {
        guard byte(i) == expected else { return false }
        i += 1
        return true
    }

    private mutating func skipWhitespace() {
        while true {
            let b = byte(i)
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            i += 1
        }
    }

    /// A string with no escape, as text; `nil` for anything else.
    private mutating func plainString() -> String? { plainBytes().map { String(decoding: $0, as: UTF8.self) } }

    /// The bytes of a string with no escape; `nil` for anything else.
    private mutating func plainBytes() -> UnsafeBufferPointer<UInt8>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = i
        while true {
            let b = byte(i)
            if b == UInt8(ascii: "\"") {
                i += 1
                return UnsafeBufferPointer(rebasing: bytes[start..<(i - 1)])
            }
            // A control character, the end (0) or an escape.
            guard b >= 0x20, b != UInt8(ascii: "\\") else { return nil }
            i += 1
        }
    }

    /// Skips a string, escapes and all.
    private mutating func skipString() -> Bool {
        guard take(UInt8(ascii: "\"")) else { return false }
        while true {
            let b = byte(i)
            i += 1
            if b == UInt8(ascii: "\"") { return true }
            if b < 0x20 { return false }
            guard b == UInt8(ascii: "\\") else { continue }
            let e = byte(i)
            i += 1
            if e == UInt8(ascii: "u") {
                for _ in 0..<4 {
                    let c = byte(i)
                    let lower = c | 0x20
                    guard (c >= 0x30 && c <= 0x39) || (lower >= 0x61 && lower <= 0x66) else { return false }
                    i += 1
                }
            } else if !"\"\\/bfnrt".utf8.contains(e) {
                return false
            }
        }
    }

    /// Skips one value of any kind, checking its structure; the parser
    /// checks its numbers and its keys when the feature is parsed.
    private mutating func skipValue() -> Bool {
        let b = peek
        switch b {
        case UInt8(ascii: "\""): return skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            depth += 1
            defer { depth -= 1 }
            guard depth <= JSONParser.maxDepth else { return false }
            let object = b == UInt8(ascii: "{")
            let close = object ? UInt8(ascii: "}") : UInt8(ascii: "]")
            i += 1
            skipWhitespace()
            if take(close) { return true }
            repeat {
                skipWhitespace()
                if object {
                    guard skipString() else { return false }
                    skipWhitespace()
                    guard take(UInt8(ascii: ":")) else { return false }
                    skipWhitespace()
                }
                guard skipValue() else { return false }
                skipWhitespace()
            } while take(UInt8(ascii: ","))
            return take(close)
        case UInt8(ascii: "t"): return skipLiteral("true")
        case UInt8(ascii: "f"): return skipLiteral("false")
        case UInt8(ascii: "n"): return skipLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            i += 1
            while true {
                let c = byte(i)
                guard
                    (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: ".") || c | 0x20 == UInt8(ascii: "e")
                        || c == UInt8(ascii: "-") || c == UInt8(ascii: "+")
                else { return true }
                i += 1
            }
        default: return false
        }
    }

    private mutating func skipLiteral(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count else { return false }
        for k in 0..<n where bytes[i + k] != word.utf8Start[k] { return false }
        i += n
        return true
    }
}
