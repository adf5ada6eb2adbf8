import SightlineJSON
import XCTest

/// The one decimal formatter: half away from zero, no locale.
final class DecimalTextTests: XCTestCase {
    func testFixedWritesEveryPlace() {
        XCTAssertEqual(DecimalText.fixed(5.5, 2), "5.50")
        XCTAssertEqual(DecimalText.fixed(0, 3), "0.000")
        XCTAssertEqual(DecimalText.fixed(-0.0004, 3), "0.000", "rounds to zero: no minus sign")
        XCTAssertEqual(DecimalText.fixed(-1.25, 1), "-1.3", "half away from zero")
        XCTAssertEqual(DecimalText.fixed(2.5, 0), "3")
        XCTAssertEqual(DecimalText.fixed(1234.5678, 2), "1234.57")
        XCTAssertEqual(DecimalText.fixed1(0.05), "0.1")
        XCTAssertEqual(DecimalText.fixed2(10), "10.00")
    }

    func testTrimmedDropsTrailingZeros() {
        XCTAssertEqual(DecimalText.trimmed(5.5, 2), "5.5")
        XCTAssertEqual(DecimalText.trimmed(6, 4), "6")
        XCTAssertEqual(DecimalText.trimmed(-0.0001, 2), "0")
        XCTAssertEqual(DecimalText.trimmed(0.125, 2), "0.13")
        XCTAssertEqual(DecimalText.trimmed(-20.1, 3), "-20.1")
    }

    func testWhatIsNotADecimal() {
        XCTAssertEqual(DecimalText.fixed(.infinity, 2), "null")
        XCTAssertEqual(DecimalText.trimmed(.nan, 2), "null")
        XCTAssertEqual(DecimalText.trimmed(1e17, 2), "1e+17", "beyond 2^53 the shortest form")
    }
}
