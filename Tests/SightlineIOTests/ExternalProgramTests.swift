import Foundation
import SightlineIO
import XCTest

/// `ExternalProgram`: a helper that writes more than a pipe holds finishes;
/// one that ignores SIGTERM is killed with everything it started, on its
/// time limit or when the caller gives up.
final class ExternalProgramTests: XCTestCase {
    /// Running: it exists and is not a zombie (a killed child whose parent
    /// is gone may wait unreaped where PID 1 does not reap).
    private func alive(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return true }
        return !stat[close...].hasPrefix(") Z")
    }

    func testAProgramWritingMegabytesToStandardErrorFinishes() throws {
        // 2 MiB to stderr: with a pipe nobody drained, it blocked at 64 KiB until the time limit.
        let run = try ExternalProgram.run(
            "/bin/sh", ["-c", "yes xxxxxxx | head -c 2097152 >&2; echo >&2; echo last words >&2; exit 3"], timeout: 30)
        XCTAssertFalse(run.timedOut)
        XCTAssertEqual(run.status, 3)
        XCTAssertEqual(run.lastErrorLine(), "last words")
        XCTAssertLessThanOrEqual(run.errorTail.utf8.count, 4096)
    }

    func testAProgramIgnoringSIGTERMIsKilledWithItsChildrenOnTime() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sightline-ext-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pids = folder.appendingPathComponent("pids").path
        let started = Date()
        let run = try ExternalProgram.run(
            "/bin/sh", ["-c", "trap '' TERM; sleep 60 & echo $$ $! > \(pids); wait"], timeout: 0.5, grace: 0.5)
        let took = Date().timeIntervalSince(started)
        XCTAssertTrue(run.timedOut)
        XCTAssertNil(run.status, "killed, no exit status")
        XCTAssertLessThan(took, 5, "SIGKILL after the grace period")
        let both = try String(contentsOfFile: pids, encoding: .utf8).split(separator: " ").compactMap {
            Int32($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        XCTAssertEqual(both.count, 2)
        usleep(100_000)
        for pid in both { XCTAssertFalse(alive(pid), "process \(pid) of the group is gone") }
    }

    func testGivingUpEndsTheProgram() throws {
        let started = Date()
        let run = try ExternalProgram.run("/bin/sleep", ["60"], timeout: 60, grace: 0.5) { Date().timeIntervalSince(started) > 0.3 }
        XCTAssertTrue(run.cancelled)
        XCTAssertFalse(run.timedOut)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }

    func testAMissingProgramIsALaunchFailure() {
        XCTAssertThrowsError(try ExternalProgram.run("/nonexistent/pdftoppm", [], timeout: 1)) { error in
            XCTAssertTrue("\(error)".contains("/nonexistent/pdftoppm"), "\(error)")
        }
    }
}
