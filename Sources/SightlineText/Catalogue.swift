/// Every phrase a report shows, by key, with one catalogue per language
/// (`Catalogue+en.swift`, `Catalogue+zh.swift`): renderers and rules ask
/// for a phrase and fill its numbered slots (`{0}`, `{1}`…) with values —
/// ids, names, numbers — never with other prose. A test holds both
/// catalogues to the same keys and the same slots.
public enum Catalogue {
    /// The phrase `key` in `language`, its slots filled in order.
    public static func text(_ key: Phrase, _ language: Language, _ values: [String] = []) -> String {
        let template = (language == .zh ? zh[key] : en[key]) ?? en[key] ?? key.rawValue
        guard !values.isEmpty else { return template }
        return fill(template, values)
    }

    /// `template` with each `{n}` replaced by `values[n]`, in one pass over
    /// its UTF-8 (a slot with no value, or braces round anything but digits,
    /// stay as written). Every finding's message is built this way in each
    /// language, so this is on the check's hot path: Foundation's
    /// `replacingOccurrences`, once a slot, cost 10 % of a whole check.
    ///
    /// - Complexity: O(t + v) in the template's and the values' lengths.
    public static func fill(_ template: String, _ values: [String]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(template.utf8.count + values.reduce(0) { $0 + $1.utf8.count })
        var text = template
        text.withUTF8 { bytes in
            var copied = 0
            var k = 0
            while k < bytes.count {
                guard bytes[k] == UInt8(ascii: "{") else {
                    k += 1
                    continue
                }
                var i = k + 1
                var slot = 0
                while i < bytes.count, i - k <= 4, let d = bytes[i].asciiDigit {
                    slot = slot * 10 + d
                    i += 1
                }
                if i > k + 1, i < bytes.count, bytes[i] == UInt8(ascii: "}"), slot < values.count {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<k]))
                    var value = values[slot]
                    value.withUTF8 { out.append(contentsOf: $0) }
                    k = i + 1
                    copied = k
                } else {
                    k += 1
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The catalogue of a language.
    public static func table(_ language: Language) -> [Phrase: String] { language == .zh ? zh : en }
}

extension Language {
    /// `language.t(.key, values…)`: shorthand for ``Catalogue/text(_:_:_:)``.
    public func t(_ key: Phrase, _ values: String...) -> String { Catalogue.text(key, self, values) }

    /// A count with its noun: `1 camera`, `2 cameras`; `2 台摄像机`.
    public func count(_ n: Int, _ one: Phrase, _ many: Phrase) -> String { t(n == 1 ? one : many, String(n)) }
}

extension UInt8 {
    /// The value of an ASCII digit, else `nil`.
    fileprivate var asciiDigit: Int? { (48...57).contains(self) ? Int(self) - 48 : nil }
}
