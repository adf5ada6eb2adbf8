import SightlinePlan
import SightlineRules
import SightlineText
import XCTest

/// A date as each language writes it in a report.
final class CalendarDateLanguageTests: XCTestCase {
    func testADateInEachLanguage() {
        XCTAssertEqual(Language.zh.date(CalendarDate(year: 2026, month: 1, day: 15)), "2026年1月15日")
        XCTAssertEqual(Language.en.date(CalendarDate(year: 2026, month: 1, day: 15)), "2026-01-15")
    }
}
