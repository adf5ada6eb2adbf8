import Foundation
import SightlineCheck
import SightlineIO
import SightlineJSON
import SightlinePlan
import SightlineReport
import SightlineText
import TestSupport
import XCTest

/// `--format pdf`: the drawing set printed by headless Chromium, read back
/// with poppler (pdfinfo, pdftotext, pdftoppm) — skipped where either is
/// missing; `.ci/run` installs both.
final class DrawingSetTests: XCTestCase {

    private func requirePrinting() throws {
        try XCTSkipUnless(PDFPrinter.browser != nil, "no Chromium to print with")
        for name in ["pdfinfo", "pdftotext", "pdftoppm"] {
            try XCTSkipUnless(Executable.find(name) != nil, "\(name) (poppler-utils) is not installed")
        }
    }

    /// Runs a poppler tool; its standard error must be empty (no warnings).
    private func poppler(_ name: String, _ arguments: [String]) throws -> String {
        let r = try CLI.launch(URL(fileURLWithPath: Executable.find(name)!), arguments)
        XCTAssertEqual(r.status, 0, "\(name): \(r.stderr)")
        XCTAssertEqual(r.stderr, "", "\(name) warns about the PDF")
        return r.stdout
    }

    /// The scale is the largest standard one at which the drawing fits:
    /// 45.2 m across in 314 mm needs 1:144 or smaller, so 1:150; 20 m in
    /// 314 mm needs 1:63.7, so 1:100; 3.5 km needs more than 1:10000:
    /// the exact 1:12000 (3,500,000 mm / 314 mm = 11,146, rounded up to a
    /// thousand).
    func testTheDrawingScaleIsTheLargestStandardScaleThatFits() {
        XCTAssertEqual(DrawingSetRenderer.scale(width: 45.2, height: 17, areaWidth: 314, areaHeight: 230), 150)
        XCTAssertEqual(DrawingSetRenderer.scale(width: 20, height: 10, areaWidth: 314, areaHeight: 230), 100)
        XCTAssertEqual(DrawingSetRenderer.scale(width: 20, height: 46, areaWidth: 314, areaHeight: 230), 200)
        XCTAssertEqual(DrawingSetRenderer.scale(width: 3500, height: 100, areaWidth: 314, areaHeight: 230), 12000)
    }

    /// The hotel floor in Chinese: cover, its one level, the schedule with
    /// findings, the appendix — 4 A3 pages, not one per finding; the text
    /// searchable (the toilet's category, 卫生间, in the findings table).
    func testTheHotelFloorDrawingSetHasFourSearchableA3Sheets() throws {
        try requirePrinting()
        let folder = try ScratchFolder("pdf")
        defer { folder.remove() }
        let pdf = folder.url.appendingPathComponent("hotel.pdf").path
        let r = try CLI.run(["check", "Examples/hotel-floor.json", "--format", "pdf", "-o", pdf, "--as-of", "2026-01-15", "--lang", "zh"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stdout, "不符合：2 项错误，其他 0 项结果；报告已写入 \(pdf)\n", "the verdict line in the report's language")
        let info = try poppler("pdfinfo", [pdf])
        XCTAssertTrue(info.contains("Pages:           4"), info)
        XCTAssertTrue(info.contains("(A3)"), info)
        let text = try poppler("pdftotext", ["-layout", pdf, "-"])
        for needle in [
            "隐私合规审查图册", "卫生间", "F-01", "F-02", "cam-lobby", "1:150 (A3)", "S-02 / 4", "审核人签字",
            "禁止在公共场所的下列区域", "C-1", "附录：引用条文", "第4页共4页", "2026年1月15日",
        ] {
            XCTAssertTrue(text.contains(needle), "the PDF's text lacks \(needle)")
        }
        _ = try poppler("pdftoppm", ["-r", "30", "-png", pdf, folder.url.appendingPathComponent("sheet").path])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix("sheet") }.count, 4)
    }

    /// A generated 3-floor hotel on A4: one sheet per level (S-02 … S-04 of
    /// 6), and far fewer pages than findings.
    func testAThreeFloorHotelHasOneSheetPerLevel() throws {
        try requirePrinting()
        let folder = try ScratchFolder("pdf3")
        defer { folder.remove() }
        let plan = folder.url.appendingPathComponent("hotel3.json").path
        let pdf = folder.url.appendingPathComponent("hotel3.pdf").path
        XCTAssertEqual(try CLI.run(["generate", "hotel", "--floors", "3", "--rooms", "12", "--seed", "3", "-o", plan]).status, 0)
        let json = try CLI.run(["check", plan, "--format", "json", "--as-of", "2026-01-15"])
        let findings = try JSONParser.parse(Array(json.stdout.utf8)).objectValue?["findings"]?.arrayValue?.count ?? 0
        let r = try CLI.run(["check", plan, "--format", "pdf", "--paper", "a4", "-o", pdf, "--as-of", "2026-01-15"])
        XCTAssertTrue([0, 1].contains(r.status), r.stderr)
        let info = try poppler("pdfinfo", [pdf])
        let pages = Int(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "") ?? 0
        XCTAssertTrue(info.contains("(A4)"), info)
        XCTAssertGreaterThanOrEqual(pages, 6)
        XCTAssertLessThan(pages, 6 + max(4, findings / 4), "\(pages) pages for \(findings) findings")
        let text = try poppler("pdftotext", ["-layout", pdf, "-"])
        for sheet in 1...6 { XCTAssertTrue(text.contains("S-0\(sheet) / 6"), "sheet S-0\(sheet) / 6 missing") }
    }

    /// The same sheets in English.
    func testTheDrawingSetInEnglish() throws {
        try requirePrinting()
        let folder = try ScratchFolder("pdf-en")
        defer { folder.remove() }
        let pdf = folder.url.appendingPathComponent("hotel.pdf").path
        XCTAssertEqual(
            try CLI.run(["check", "Examples/hotel-floor.json", "--format", "pdf", "-o", pdf, "--as-of", "2026-01-15", "--lang", "en"])
                .status, 1)
        let text = try poppler("pdftotext", ["-layout", pdf, "-"])
        for needle in ["Inspector's signature", "Appendix: provisions cited", "page 4 of 4", "Third floor plan", "toilet"] {
            XCTAssertTrue(text.contains(needle), "the PDF's text lacks \(needle)")
        }
        XCTAssertFalse(text.contains("审核人签字"), "no Chinese labels in the English set")
    }

    /// The print HTML of the hotel floor in both languages, byte for byte
    /// (what Chromium lays out; a change is reviewed here, not in a PDF diff).
    func testGoldenDrawingSetHTML() throws {
        let loaded = try LoadedPlan.load(CLI.packageRoot.appendingPathComponent("Examples/hotel-floor.json").path, profileOption: nil)
        var report = try PlanChecker(toolVersion: "golden", profileOption: nil, asOf: CalendarDate(iso: "2026-01-15")!, parallelism: 1)
            .check(loaded)
        report.analysis.plan.file = "Examples/hotel-floor.json"
        for language in Language.allCases {
            report.language = language
            let html = DrawingSetRenderer(paper: .a3).render(report)
            let golden = CLI.packageRoot.appendingPathComponent(
                "Tests/SightlineCLITests/Golden/hotel-floor.drawing-set.\(language.rawValue).html")
            if ProcessInfo.processInfo.environment["SIGHTLINE_RECORD"] == "1" {
                try Data(html.utf8).write(to: golden)
                continue
            }
            XCTAssertEqual(
                html, try String(contentsOf: golden, encoding: .utf8), "\(language): re-record with SIGHTLINE_RECORD=1 if intended")
        }
    }
}
