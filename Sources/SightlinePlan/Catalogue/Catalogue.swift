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
        var out = template
        for (i, value) in values.enumerated() { out = out.replacingOccurrences(of: "{\(i)}", with: value) }
        return out
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
