import SightlineJSON
import SightlinePlan
import SightlineReport
import SightlineText

/// The planner's one page: HTML, CSS and script in one document, served by
/// the binary (no CDN, nothing fetched but this server's API). The page is
/// kept as real files, `Pages/planner.{html,css,js}`, and embedded by
/// `Scripts/embed-pages.sh` (``template``). Every string
/// that comes from the plan reaches the page through `textContent` or
/// `setAttribute`, never as markup.
enum PlannerPage {
    /// The page in `language`: its `lang`, and the planner's phrases of the
    /// catalogue as one JSON table the script reads (`t("plannerSave")`);
    /// nothing in the page's own text is written outside the catalogues.
    /// `token` is the session's ``PlannerAccess/token`` (hex digits only),
    /// which the script sends with every change.
    static func html(in language: Language, token: String = "") -> String {
        var w = JSONWriter(indent: 0)
        w.beginObject()
        for phrase in Phrase.allCases
        where phrase.rawValue.hasPrefix("planner") || phrase.rawValue.hasPrefix("severity")
            || phrase.rawValue.hasPrefix("type")
        {
            w.field(phrase.rawValue, language.t(phrase))
        }
        w.endObject()
        // Inside <script>, "</" would end it: JSON allows "<\/" for it.
        let phrases = w.string.replacingOccurrences(of: "</", with: "<\\/")
        return template.replacingOccurrences(of: "__LANG__", with: language == .zh ? "zh-CN" : "en")
            .replacingOccurrences(of: "__TOKEN__", with: token.filter(\.isHexDigit))
            .replacingOccurrences(of: "__PHRASES__", with: phrases)
            .replacingOccurrences(of: "__PALETTE__", with: DrawingPalette.css)
    }

}
