import SightlineEngine
import SightlineJSON
import SightlinePlan
import TestSupport
import XCTest

@testable import SightlineImport

/// What an import does with openings `check` would refuse, on a 10 m wall
/// along y = 0: a door line 0.20 m beside it and parallel is moved onto it
/// (0.20 m, named); one 0.10 m off but across it (a leaf drawn across the
/// doorway) cannot be moved and is dropped, named apart; one 3 m away has
/// nothing to cut and is dropped. What is written, `check` accepts.
final class ImportRepairTests: XCTestCase {
    func testOpeningsBesideAcrossAndFarFromTheirWall() throws {
        var b = PlanBuilder()
        b.wall("wall", [[0, 0], [10, 0]])
        b.opening("beside", "door", [[2, 0.2], [3, 0.2]])
        b.opening("across", "door", [[5, 0.1], [5, 1.1]])
        b.opening("far", "door", [[7, 3], [8, 3]])
        let document = try JSONParser.parse(b.json())
        let repaired = ImportRepair.repairingOpenings(ImportResult(document: document, summary: []), file: "t.json")
        XCTAssertEqual(
            repaired.summary,
            [
                "  repaired: 1 opening moved onto the wall it lies beside: beside 0.20 m onto wall",
                "  repaired: 1 opening with no wall within 0.5 m dropped (nothing to cut): far",
                "  repaired: 1 opening near a wall it does not run along dropped (a leaf drawn across its doorway? where the wall runs on, a door may be missing: check the drawing): across",
            ])
        let plan = try PlanDecoder.decode(bytes: Array(repaired.json.utf8), file: "t.json")
        XCTAssertEqual(plan.openings.map(\.id), ["beside"])
        XCTAssertNoThrow(try Engine(prohibited: [.toilet]).analyze(plan), "check accepts what the import writes")
        guard case .line(let moved) = plan.openings[0].shape else { return XCTFail("a line") }
        XCTAssertEqual(moved.map(\.y), [0, 0])
        XCTAssertEqual(moved.map(\.x), [2, 3])
    }
}
