import Foundation
import XCTest

/// No prose a person reads in a report is written outside the catalogues:
/// every string literal of the sources that make the human-facing outputs
/// (text, Markdown, HTML, PDF, the filing record, fix advice, the findings'
/// messages) is scanned, and one that holds a Chinese character or two
/// English words in a row fails the test, naming its file and line.
/// Markup, CSS, identifiers and format keys pass: they are not prose; a
/// value that only looks like words (a JSON value such as `filed late`, CSS
/// classes) carries a `// not prose:` comment saying what it is. Input and
/// file diagnostics are English by design (ARCHITECTURE.md), as are the
/// command line's `--help` and usage errors, which ArgumentParser prints.
final class CatalogueCoverageTests: XCTestCase {
    /// The sources that write what people read, relative to `Sources/`.
    /// The machine formats (JSON, GeoJSON, SARIF, GeoPackage) keep English
    /// for tools by design and are not listed.
    static let humanFacing = [
        "SightlineReport/TextReportRenderer.swift",
        "SightlineReport/MarkdownReportRenderer.swift",
        "SightlineReport/HTMLReportRenderer.swift",
        "SightlineReport/DrawingSetRenderer.swift",
        "SightlineReport/PlanDrawing.swift",
        "SightlineReport/LabelPlacer.swift",
        "SightlineRules/PrivacyChecks.swift",
        "SightlineRules/SiteChecks.swift",
        "SightlineRules/FilingChecks.swift",
        "SightlineRules/FilingRecord.swift",
        "SightlineRules/CoverageCheck.swift",
        "SightlineRules/RuleEngine.swift",
        "SightlineRules/Consequence+Summary.swift",
        "SightlineFix/FixPlanner.swift",
        "SightlineFix/FixApplication.swift",
        "sightline/Filing.swift",
        "sightline/Fix.swift",
        "sightline/Check.swift",
        "sightline/PlanLoading.swift",
        "SightlineRules/Finding.swift",
        "SightlineRules/SignageIndex.swift",
    ]

    private static var sources: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
    }

    /// Prose: a CJK character, or two English words of two or more letters
    /// separated by spaces, once tags, entities and CSS are taken out.
    static func isProse(_ literal: String) -> Bool {
        // An ideograph is a word; full-width punctuation alone is not.
        if literal.unicodeScalars.contains(where: { (0x3400...0x9FFF).contains($0.value) }) { return true }
        // A style sheet is not prose.
        if literal.range(of: "\\{[a-z-]+:", options: .regularExpression) != nil { return false }
        // Attributes are markup, but for those people read (a tooltip, a label):
        // their values are kept as text, the rest of every tag goes.
        let read = try! NSRegularExpression(pattern: "(?:aria-label|title|alt|placeholder)=\"([^\"]*)\"")
        let whole = NSRange(literal.startIndex..., in: literal)
        let attributes = read.matches(in: literal, range: whole).map { (literal as NSString).substring(with: $0.range(at: 1)) }
        var text = literal.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: "[A-Za-z-]+=\"[^\"]*\"", with: " ", options: .regularExpression)
        text = ([text] + attributes).joined(separator: " | ")
        text = text.replacingOccurrences(of: "&[a-z]+;", with: " ", options: .regularExpression)
        // CSS rules are markup, not words.
        text = text.replacingOccurrences(of: "\\{[^}]*\\}", with: " ", options: .regularExpression)
        return text.range(of: "\\b[A-Za-z]{2,}[\\s,;:]+[A-Za-z]{2,}\\b", options: .regularExpression) != nil
    }

    func testNoReportProseOutsideTheCatalogues() throws {
        var outside: [String] = []
        for file in Self.humanFacing {
            let source = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            let lexed = SwiftStringLiterals(source: source)
            for literal in lexed.literals where Self.isProse(literal.text) && !lexed.markedLines.contains(literal.line) {
                // The command line's own help and usage errors are the one
                // exception: ArgumentParser prints them, in English.
                if literal.before.range(
                    of: "(help|abstract|discussion): *$|(ArgumentHelp|ValidationError)\\($", options: .regularExpression)
                    != nil
                {
                    continue
                }
                outside.append("Sources/\(file):\(literal.line): \"\(literal.text.prefix(100))\"")
            }
        }
        XCTAssertTrue(outside.isEmpty, "prose outside the catalogues:\n" + outside.joined(separator: "\n"))
    }

    /// The scanner itself: what it calls prose, and what it does not.
    func testTheScannerTellsProseFromMarkup() {
        let source = #"""
            let a = "camera \(id) sees"  // a comment "not a literal"
            let b = "<span class=\"key\"></span>"
            let c = ".note{color:#555;font-size:8pt} table.title-block{position:absolute}"
            let d = "\(x) m²"
            let e = """
                摄像机
                """
            let f = "outer \(g("inner words here")) end"
            """#
        let literals = SwiftStringLiterals(source: source).literals
        XCTAssertEqual(
            literals.map(\.text),
            [
                "camera   sees", "<span class=\"key\"></span>", ".note{color:#555;font-size:8pt} table.title-block{position:absolute}",
                "  m²", "\n    摄像机\n    ", "inner words here", "outer   end",
            ])
        XCTAssertEqual(literals.map { Self.isProse($0.text) }, [true, false, false, false, true, true, true])
        XCTAssertEqual(literals.map(\.line), [1, 2, 3, 4, 5, 8, 8])
        // A tooltip or label people read is prose even inside a tag; other attributes are not.
        XCTAssertTrue(Self.isProse("<svg role=\"img\" aria-label=\"Plan of level  \">"))
        XCTAssertTrue(Self.isProse("<title>camera  : heading  °</title>"))
        XCTAssertFalse(Self.isProse("<text class=\"zone label\" x=\"1\" font-size=\"2\">  </text>"))
    }
}
