import Foundation
import SightlineCheck
import SightlineEngine
import SightlinePlan
import SightlineSynth
import TestSupport
import XCTest

/// `PlanChecker.checkKeepingScenes` (what `fix` runs, to study offending
/// cameras against the check's own scenes) gives the very report `check`
/// gives, and its session holds each camera's analysis.
final class PlanCheckerSessionTests: XCTestCase {
    private let checker = PlanChecker(toolVersion: "test", profileOption: nil, asOf: CalendarDate(iso: "2026-01-15")!, parallelism: 2)

    private func assertSameReport(_ loaded: LoadedPlan, file: StaticString = #filePath, line: UInt = #line) throws {
        let plain = try checker.check(loaded)
        let (kept, session) = try checker.checkKeepingScenes(loaded)
        XCTAssertGreaterThan(plain.findings.count, 0, file: file, line: line)
        XCTAssertEqual(plain.findings.count, kept.findings.count, file: file, line: line)
        for (a, b) in zip(plain.findings, kept.findings) {
            XCTAssertEqual(a.rule, b.rule, file: file, line: line)
            XCTAssertEqual(a.cameraID, b.cameraID, file: file, line: line)
            XCTAssertEqual(a.zoneID, b.zoneID, file: file, line: line)
            XCTAssertEqual(a.area, b.area, file: file, line: line)
        }
        XCTAssertEqual(plain.analysis.cameras.map(\.viewArea), kept.analysis.cameras.map(\.viewArea), file: file, line: line)
        for camera in loaded.plan.cameras {
            XCTAssertEqual(
                session.analysis(ofCamera: camera.id)?.viewArea, plain.analysis.cameras.first { $0.camera.id == camera.id }?.viewArea)
        }
    }

    func testTheHotelFloorsReportIsTheSame() throws {
        try assertSameReport(LoadedPlan.load(CLI.packageRoot.appendingPathComponent("Examples/hotel-floor.json").path, profileOption: nil))
    }

    func testAMallWithLowWallsAndTwoFloorsIsTheSame() throws {
        let json = MallGenerator(floors: 2, seed: 3).json()
        try assertSameReport(LoadedPlan.load(bytes: Array(json.utf8), file: "mall.json", profileOption: nil))
    }
}
