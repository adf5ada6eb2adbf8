import XCTest

@testable import SightlineBatch

/// CSV cells decided on bytes: CRLF is one Swift Character and used to
/// slip past the quoting test and start a row holding a formula.
final class CSVCellTests: XCTestCase {
    func testCRLFIsQuotedSoNoRowStartsWithAFormula() {
        XCTAssertEqual(CSVCell.escaped("x\r\n=1+1"), "\"x\r\n=1+1\"")
    }

    func testCellsThatSpreadsheetsWouldRunAreNeutralised() {
        for lead in ["=", "+", "-", "@", "\t", "\r"] {
            XCTAssertTrue(CSVCell.escaped(lead + "SUM(A1)").hasPrefix(lead == "\r" ? "\"'" : "'"), "\(lead.debugDescription)")
        }
        XCTAssertEqual(CSVCell.escaped("plain"), "plain")
        XCTAssertEqual(CSVCell.escaped("a,\"b\""), "\"a,\"\"b\"\"\"")
    }
}
