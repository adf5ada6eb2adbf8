/// The language of what people read: reports, drawings, messages. Chosen
/// by `--lang`, else the plan's `site.locale`, else the `LANG` (or
/// `LC_ALL`, `LC_MESSAGES`) of the environment, else Chinese for a
/// Chinese (`cn-*`) rulebook and English for any other.
public enum Language: String, CaseIterable, Sendable {
    case zh, en

    /// The language a locale tag names (`zh`, `zh-CN`, `zh_CN.UTF-8`,
    /// `en-GB`…); `nil` for one Sightline has no catalogue for, or `C`/`POSIX`.
    public init?(locale tag: String) {
        let lower = tag.lowercased()
        if lower.hasPrefix("zh") { self = .zh } else if lower.hasPrefix("en") { self = .en } else { return nil }
    }

    /// The language to use, by the order above.
    public static func resolve(option: Language?, siteLocale: String?, environment: [String: String], profileID: String) -> Language {
        if let option { return option }
        if let site = siteLocale.flatMap(Language.init(locale:)) { return site }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                if let language = Language(locale: value) { return language }
                break // a set but foreign locale (C, de_DE): the rulebook decides
            }
        }
        return profileID.hasPrefix("cn-") ? .zh : .en
    }

}
