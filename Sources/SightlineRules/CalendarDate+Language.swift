import SightlinePlan
import SightlineText

extension Language {
    /// A date in the language's style: `2026年1月15日`, or ISO 8601 in English.
    public func date(_ d: CalendarDate) -> String {
        switch self {
        case .zh: "\(d.year)年\(d.month)月\(d.day)日"
        case .en: d.description
        }
    }
}
