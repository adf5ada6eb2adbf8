/// The statute's punctuation. The regulation texts this project quotes
/// from (`shared/regulations/`) were converted with half-width marks; the
/// published statute uses full-width ones, and so do Sightline's Chinese
/// quotations (the profiles' `zh` texts, and the Chinese a profile
/// brackets in an English gloss).
public enum ChinesePunctuation {
    static let fullWidth: [Character: Character] = [",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"]

    /// `text` with its half-width `,:;()!?` made full-width.
    public static func fullWidth(_ text: String) -> String { String(text.map { fullWidth[$0] ?? $0 }) }

    /// `text` with full-width marks made half-width: for comparing a
    /// quotation with a source converted that way.
    public static func halfWidth(_ text: String) -> String {
        let back = Dictionary(uniqueKeysWithValues: fullWidth.map { ($1, $0) })
        return String(text.map { back[$0] ?? $0 })
    }
}
