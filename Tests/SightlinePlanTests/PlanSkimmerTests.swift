import SightlineJSON
import SightlineSynth
import XCTest

@testable import SightlinePlan

/// The skimmer (``PlanSkimmer``) gathers for the index exactly what parsing
/// every feature gathers, on every plan it reads, and gives up on what it
/// is not sure of, so the index parses instead.
final class PlanSkimmerTests: XCTestCase {
    private func passes(_ text: String) -> (skimmed: PlanIndex.FirstPass?, parsed: PlanIndex.FirstPass?) {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            (
                PlanIndex.FirstPass.skimming(buffer, file: "plan.json", release: { _ in }),
                PlanIndex.FirstPass.parsing(buffer, file: "plan.json", release: { _ in })
            )
        }
    }

    private func assertSame(_ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let (skimmed, parsed) = passes(text)
        let skim = try XCTUnwrap(skimmed, "\(what): the skimmer gave up", file: file, line: line)
        let parse = try XCTUnwrap(parsed, "\(what): not parsed", file: file, line: line)
        XCTAssertEqual(skim.root, parse.root, what, file: file, line: line)
        XCTAssertEqual(skim.levelNames, parse.levelNames, what, file: file, line: line)
        XCTAssertEqual(skim.named, parse.named, what, file: file, line: line)
        XCTAssertEqual(skim.unnamed, parse.unnamed, what, file: file, line: line)
        XCTAssertEqual(skim.categories, parse.categories, what, file: file, line: line)
        XCTAssertEqual(skim.siteRaws.map(\.id), parse.siteRaws.map(\.id), what, file: file, line: line)
        XCTAssertEqual(skim.repeatedID, parse.repeatedID, what, file: file, line: line)
        XCTAssertTrue(skim.log.problems.isEmpty && parse.log.problems.isEmpty, what, file: file, line: line)
        XCTAssertGreaterThan(skim.named.reduce(0) { $0 + $1.count }, 0, what, file: file, line: line)
    }

    func testGeneratedAndRandomPlansAreSkimmedAsParsed() throws {
        try assertSame(HotelGenerator(floors: 3, roomsPerSide: 5, seed: 1).json(), "hotel")
        try assertSame(MallGenerator(floors: 2, seed: 2).json(), "mall")
        for seed in UInt64(0)..<30 { try assertSame(RandomPlanGenerator(seed: seed).json(), "random plan \(seed)") }
        // Whitespace everywhere the grammar allows it, and a byte order mark.
        var w = JSONWriter(indent: 3)
        w.value(try JSONParser.parse(Array(RandomPlanGenerator(seed: 99).json().utf8)))
        try assertSame("\u{FEFF}\r\n" + w.string + " \t\n", "indented plan")
    }

    private let level = #"{"type":"FeatureCollection","plan":{"levels":[{"id":"G"}]},"features":[%@]}"#
    private func plan(_ features: String) -> String { level.replacingOccurrences(of: "%@", with: features) }
    private let camera =
        #"{"type":"Feature","id":"c1","properties":{"kind":"camera","level":"G"},"geometry":{"type":"Point","coordinates":[1,2]}}"#

    func testWhatItIsNotSureOfIsLeftToTheParser() {
        XCTAssertNotNil(passes(plan(camera)).skimmed)
        let doubtful = [
            camera.replacingOccurrences(of: #""id":"c1""#, with: #""id":7"#),
            camera.replacingOccurrences(of: #""id":"c1""#, with: #""id":"c\u0031""#),
            camera.replacingOccurrences(of: #""level":"G""#, with: #""level":1"#),
            camera.replacingOccurrences(of: #""kind":"camera""#, with: #""kind":"ca\u006dera""#),
            camera.replacingOccurrences(of: #""kind":"camera","#, with: ""),
            camera.replacingOccurrences(of: #""kind":"camera""#, with: #""kind":"lamp""#),
            "[1]",
        ]
        for feature in doubtful { XCTAssertNil(passes(plan(feature)).skimmed, feature) }
    }

    func testBrokenStructureIsNeverSkimmed() {
        for text in [
            plan(camera + ","), plan("," + camera), plan(camera + " " + camera), plan(camera) + "x", "{" + plan(camera),
            plan(camera).replacingOccurrences(of: #""plan":"#, with: #""features":[],"plan":"#),
            plan(camera).replacingOccurrences(of: #""type":"FeatureCollection","#, with: #""type":"FeatureCollection""#),
            plan(camera.replacingOccurrences(of: "[1,2]", with: "[1,2")),
            plan(camera.replacingOccurrences(of: #""c1""#, with: "\"c\u{01}\"")),
        ] {
            XCTAssertNil(passes(text).skimmed, text)
        }
    }
}
