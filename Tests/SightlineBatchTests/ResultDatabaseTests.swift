import Foundation
import SightlinePlan
import TestSupport
import XCTest

@testable import SightlineBatch

/// Results databases: marked, never confused with another application's
/// SQLite file, read without writing, shared by concurrent runs.
final class ResultDatabaseTests: XCTestCase {
    private var folder: ScratchFolder!

    override func setUpWithError() throws { folder = try ScratchFolder("db") }

    override func tearDownWithError() throws { folder.remove() }

    private func path(_ name: String) -> String { folder.url.appendingPathComponent(name).path }

    private func plans(_ count: Int) throws -> String {
        let root = path("plans")
        XCTAssertEqual(try CLI.run(["generate", "portfolio", "--count", "\(count)", "--seed", "3", "-o", root]).status, 0)
        return root
    }

    /// Another application's database with its own `buildings` table: the
    /// batch refuses it before creating a table or deleting a row.
    func testAForeignDatabaseIsRefusedUntouched() throws {
        let foreign = path("crm.sqlite")
        do {
            let db = try Database(path: foreign)
            try db.execute(
                "CREATE TABLE buildings(path TEXT PRIMARY KEY, owner TEXT); INSERT INTO buildings VALUES ('hotel-0001.json', 'ACME')")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: foreign))
        let r = try CLI.run(["batch", try plans(3), "--db", foreign, "--as-of", "2026-01-15"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(
            r.stderr.contains(
                "\(foreign): not a Sightline results database (application_id 0, tables buildings); nothing was written to it"), r.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: foreign)), before, "not a byte changed")
        for command in [["batch", "report", foreign], ["batch", "merge", foreign, "-o", path("out.sqlite")]] {
            let refused = try CLI.run(command)
            XCTAssertEqual(refused.status, 2, command.joined(separator: " "))
            XCTAssertTrue(refused.stderr.contains("not a Sightline results database"), refused.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("out.sqlite")), "a refused merge leaves no output")
    }

    func testANewDatabaseIsMarked() throws {
        let store = try ResultStore(path: path("new.sqlite"))
        XCTAssertEqual(try store.database.integer("PRAGMA application_id"), 0x534C_4E31)
        var format: String?
        try store.database.prepare("SELECT value FROM meta WHERE key = 'format'").query { format = $0.text(0) }
        XCTAssertEqual(format, "sightline-results")
    }

    /// A database written before the mark (schema 1) is migrated, its rows kept.
    func testSchemaOneIsMigratedExplicitly() throws {
        let old = path("v1.sqlite")
        do {
            let db = try Database(path: old)
            try db.execute(
                """
                CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE buildings(id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL, profile TEXT NOT NULL,
                  tool_version TEXT NOT NULL, as_of TEXT NOT NULL, status TEXT NOT NULL, errors INTEGER NOT NULL, warnings INTEGER NOT NULL,
                  infos INTEGER NOT NULL, cameras INTEGER, input_error TEXT, seconds REAL NOT NULL, checked_at TEXT NOT NULL);
                CREATE TABLE findings(building_id INTEGER NOT NULL REFERENCES buildings(id) ON DELETE CASCADE, seq INTEGER NOT NULL,
                  rule TEXT NOT NULL, severity TEXT NOT NULL, level TEXT, camera TEXT, zone TEXT, area REAL, dori TEXT,
                  message TEXT NOT NULL, PRIMARY KEY (building_id, seq));
                INSERT INTO meta VALUES ('schema', '1');
                INSERT INTO buildings VALUES (1, 'a.json', 'abc', 'cn-2025', '0.1.0', '2026-01-15', 'clean', 0, 0, 0, 1, NULL, 0.1, '2026-01-15T00:00:00Z');
                """)
        }
        // Read-only access reads it as it is…
        XCTAssertEqual(try ResultStore(path: old, access: .read).existing().keys.sorted(), ["a.json"])
        XCTAssertEqual(try Database(path: old).integer("PRAGMA application_id"), 0, "a reader does not migrate")
        // …a writer migrates it.
        let store = try ResultStore(path: old)
        XCTAssertEqual(try store.database.integer("PRAGMA application_id"), 0x534C_4E31)
        XCTAssertEqual(try store.existing().keys.sorted(), ["a.json"])
    }

    /// `report` and `merge` read their inputs without changing them.
    func testReportAndMergeDoNotWriteTheirInputs() throws {
        let results = path("results.sqlite")
        _ = try CLI.run(["batch", try plans(4), "--db", results, "--as-of", "2026-01-15"])
        // Fold the log into the file, so the file alone is the database.
        try Database(path: results).execute("PRAGMA wal_checkpoint(TRUNCATE)")
        let before = try Data(contentsOf: URL(fileURLWithPath: results))
        XCTAssertEqual(try CLI.run(["batch", "report", results]).status, 1)
        XCTAssertEqual(try CLI.run(["batch", "merge", results, "-o", path("merged.sqlite")]).status, 0)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: results)), before)
        XCTAssertEqual(try ResultStore(path: path("merged.sqlite"), access: .read).existing().count, 4)
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.contains("merged.sqlite.sightline") }, [],
            "the merge's temporary file is renamed or removed")
    }

    /// Two runs started together on one database (two terminals, two pods)
    /// both finish, and every building is recorded once.
    func testTwoRunsOnOneDatabaseRecordEveryBuildingOnce() throws {
        let root = try plans(200)
        let database = path("shared.sqlite")
        let runs = (0..<2).map { _ in
            let p = Process()
            p.executableURL = CLI.executable
            p.arguments = ["batch", root, "--db", database, "--quiet", "--as-of", "2026-01-15"]
            p.standardError = FileHandle.nullDevice
            return p
        }
        for p in runs { try p.run() }
        for p in runs { p.waitUntilExit() }
        XCTAssertEqual(runs.map(\.terminationStatus).filter { $0 == 2 }, [], "neither run dies")
        let store = try ResultStore(path: database, access: .read)
        XCTAssertEqual(try store.existing().count, 200)
        XCTAssertEqual(try store.database.integer("SELECT count(*) FROM buildings"), 200)
    }
}
