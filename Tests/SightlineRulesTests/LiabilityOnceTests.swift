import Foundation
import SightlineEngine
import SightlinePlan
import SightlineRules
import TestSupport
import XCTest

/// One installation, one liability; and no consequence where nothing was
/// installed.
final class LiabilityOnceTests: XCTestCase {
    /// A camera 2 m from a 4 × 4 m toilet, looking into it through an open
    /// passage, its microphone (5 m) reaching it too.
    private func listeningCamera() -> PlanBuilder {
        var b = PlanBuilder()
        b.wall("front", [[0, -2], [0, 2]])
        b.opening("p", "passage", [[0, -1], [0, 1]])
        b.zone("wc", "toilet", [[0, -2], [4, -2], [4, 2], [0, 2]])
        b.camera("cam", at: [-2, 0], ["heading": 90, "hfov": 90, "mountHeight": 2.5, "audio": ["enabled": true, "range": 5]])
        return b
    }

    func testViewAndMicrophoneIntoOneRoomStateArticle27Once() throws {
        let (_, findings) = try listeningCamera().check()
        let view = try XCTUnwrap(findings.rule("art8-view-intrusion").first)
        let audio = try XCTUnwrap(findings.rule("art8-audio-intrusion").first)
        XCTAssertEqual(view.consequence.article, "Art. 27 ¶1")
        XCTAssertFalse(view.consequence.fines.isEmpty, "the error states the liability")
        XCTAssertEqual(audio.consequence.article, "Art. 27 ¶1")
        XCTAssertTrue(audio.consequence.fines.isEmpty && audio.consequence.measures.isEmpty, audio.consequenceSummary)
        XCTAssertTrue(
            audio.consequenceSummary.contains("stated once, on this camera's cn-2025/art8-view-intrusion finding"), audio.consequenceSummary
        )
        XCTAssertTrue(audio.consequenceSummary(in: .zh).contains("一次安装只承担一次责任"), audio.consequenceSummary(in: .zh))
        let counted = findings.flatMap(\.consequences).filter { $0.article == "Art. 27 ¶1" && !$0.fines.isEmpty }
        XCTAssertEqual(counted.count, 1)
    }

    /// The microphone alone (the passage closed by a door): the audio
    /// finding states Art. 27 ¶1 itself.
    func testTheMicrophoneAloneStatesItsOwnLiability() throws {
        var b = listeningCamera()
        b.features[1]["properties"] = ["kind": "opening", "openingType": "door", "state": "closed"]
        let (_, findings) = try b.check()
        XCTAssertTrue(findings.rule("art8-view-intrusion").isEmpty)
        let audio = try XCTUnwrap(findings.rule("art8-audio-intrusion").first)
        XCTAssertFalse(audio.consequence.fines.isEmpty)
    }

    /// A "non-public" homestay with a guest room no camera is in or sees:
    /// the classification is flagged with no measure and no fine (Art. 27
    /// ¶1 attaches to installing), and the plan passes.
    func testAGuestRoomNoCameraSeesCarriesNoConsequence() throws {
        var b = PlanBuilder()
        var site = b.plan["site"] as? [String: Any] ?? [:]
        site["placeCategory"] = "non-public"
        b.plan["site"] = site
        b.zone("room", "guest_room", [[0, 0], [4, 0], [4, 4], [0, 4]])
        b.zone("yard", "corridor", [[10, 0], [20, 0], [20, 10], [10, 10]])
        b.camera("yard-cam", at: [15, 9], ["heading": 180, "hfov": 60, "range": 8])
        let (_, findings) = try b.check()
        let flagged = try XCTUnwrap(findings.rule("art8-non-public-with-guest-rooms").first)
        XCTAssertEqual(flagged.severity, .warning)
        XCTAssertTrue(flagged.consequence.measures.isEmpty && flagged.consequence.fines.isEmpty, flagged.consequenceSummary)
        XCTAssertTrue(flagged.consequenceSummary.contains("none for the classification itself"), flagged.consequenceSummary)
        XCTAssertFalse(findings.contains { $0.severity == .error }, "\(findings.map(\.rule))")
    }
}
