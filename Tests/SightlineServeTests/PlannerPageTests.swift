import Foundation
import SightlineReport
import TestSupport
import XCTest

@testable import SightlineServe

/// The planner's page is kept as `Pages/planner.{html,css,js}` and served
/// from the Swift `Scripts/embed-pages.sh` generates; this fails when the
/// files were edited and the script not run (or the generated file edited).
final class PlannerPageTests: XCTestCase {
    func testTheEmbeddedPageIsThePagesFiles() throws {
        let pages = CLI.packageRoot.appendingPathComponent("Pages")
        func read(_ name: String) throws -> String { try String(contentsOf: pages.appendingPathComponent(name), encoding: .utf8) }
        let html = try read("planner.html")
        XCTAssertEqual(html.components(separatedBy: "__STYLE__").count, 2, "one __STYLE__ in planner.html")
        XCTAssertEqual(html.components(separatedBy: "__SCRIPT__").count, 2, "one __SCRIPT__ in planner.html")
        var page = html.replacingOccurrences(of: "__STYLE__", with: try read("planner.css"))
            .replacingOccurrences(of: "__SCRIPT__", with: try read("planner.js"))
        // The shell's $(…) drops the trailing newlines, and Swift the last before the closing delimiter.
        while page.hasSuffix("\n") { page.removeLast() }
        XCTAssertTrue(PlannerPage.template == page, "Pages/planner.* and the embedded page differ: run Scripts/embed-pages.sh")
    }

    /// The page's own markup holds no words: every label comes from the
    /// catalogue through `data-t` (and the script's `t(…)`).
    func testThePageMarkupHoldsNoWords() throws {
        let html = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Pages/planner.html"), encoding: .utf8)
        let text = html.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "__STYLE__", with: "").replacingOccurrences(of: "__SCRIPT__", with: "")
        XCTAssertEqual(text.trimmingCharacters(in: .whitespacesAndNewlines), "")
    }

    /// The planner draws in the report's colours: the page declares
    /// ``DrawingPalette``'s properties, and its stylesheet writes none of
    /// those colours itself (it names them: `var(--intrusion)`).
    func testThePlannerDrawsInTheReportsColours() throws {
        XCTAssertTrue(PlannerPage.html(in: .en).contains(DrawingPalette.css))
        let css = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Pages/planner.css"), encoding: .utf8)
        // The walls' greys are common greys (text, outlines); every other colour is the drawing's own.
        for (name, value) in DrawingPalette.colours where !name.hasPrefix("wall") {
            XCTAssertFalse(css.contains(value + ";") || css.contains(value + " "), "planner.css writes \(value) itself: use var(--\(name))")
        }
        for name in ["intrusion", "sign", "door-open", "door-closed", "glass", "prohibited", "camera"] {
            XCTAssertTrue(css.contains("var(--\(name))"), "planner.css draws with var(--\(name))")
        }
    }

    /// Every placeholder the page holds is filled per request.
    func testThePageInALanguageHasNoPlaceholderLeft() {
        let page = PlannerPage.html(in: .zh, token: "00ff")
        XCTAssertFalse(page.contains("__"), "a __PLACEHOLDER__ left in the page")
        XCTAssertTrue(page.contains("<html lang=\"zh-CN\">"))
        XCTAssertTrue(page.contains("<meta name=\"sightline-token\" content=\"00ff\">"))
    }
}
