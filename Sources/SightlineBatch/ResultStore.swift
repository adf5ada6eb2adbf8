import Foundation

/// One building's outcome as stored.
public struct BuildingResult: Sendable {
    public enum Status: String, Sendable { case clean, violations, invalid }
    public var path: String
    public var sha256: String
    public var profile: String
    public var toolVersion: String
    public var asOf: String
    public var status: Status
    public var errors: Int
    public var warnings: Int
    public var infos: Int
    public var cameras: Int?
    /// The same lines `check` prints on stderr, for an invalid building.
    public var inputError: String?
    public var seconds: Double
    public var checkedAt: String
    public var findings: [StoredFinding]

    /// Whether this result makes a batch exit 1: unreadable, or an error found.
    public var failsRun: Bool { status == .invalid || errors > 0 }
}

public struct StoredFinding: Sendable, Equatable {
    public var rule: String
    public var severity: String
    public var level: String?
    public var camera: String?
    public var zone: String?
    public var area: Double?
    public var dori: String?
    public var message: String
}

/// The SQLite database of a batch run (schema in Documentation/BATCH.md).
///
/// Each building is written in its own transaction, replacing any earlier
/// row for the same path, so a killed run loses at most the buildings in
/// flight and no building is ever stored twice.
final class ResultStore: @unchecked Sendable {
    let database: Database
    static let schemaVersion = "1"

    init(path: String) throws {
        database = try Database(path: path)
        try database.execute("""
            CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS buildings(
              id INTEGER PRIMARY KEY,
              path TEXT NOT NULL UNIQUE,
              sha256 TEXT NOT NULL,
              profile TEXT NOT NULL,
              tool_version TEXT NOT NULL,
              as_of TEXT NOT NULL,
              status TEXT NOT NULL CHECK (status IN ('clean', 'violations', 'invalid')),
              errors INTEGER NOT NULL,
              warnings INTEGER NOT NULL,
              infos INTEGER NOT NULL,
              cameras INTEGER,
              input_error TEXT,
              seconds REAL NOT NULL,
              checked_at TEXT NOT NULL
            );
            CREATE TABLE IF NOT EXISTS findings(
              building_id INTEGER NOT NULL REFERENCES buildings(id) ON DELETE CASCADE,
              seq INTEGER NOT NULL,
              rule TEXT NOT NULL,
              severity TEXT NOT NULL,
              level TEXT,
              camera TEXT,
              zone TEXT,
              area REAL,
              dori TEXT,
              message TEXT NOT NULL,
              PRIMARY KEY (building_id, seq)
            );
            CREATE INDEX IF NOT EXISTS findings_rule ON findings(rule);
            INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', '\(Self.schemaVersion)');
            """)
        var version: String?
        try database.prepare("SELECT value FROM meta WHERE key = 'schema'").query { version = $0.text(0) }
        guard version == Self.schemaVersion else {
            throw DatabaseError(message: "\(path): results schema \(version ?? "?") is not this version's (\(Self.schemaVersion))")
        }
        deleteBuilding = try database.prepare("DELETE FROM buildings WHERE path = ?")
        insertBuilding = try database.prepare("""
            INSERT INTO buildings(path, sha256, profile, tool_version, as_of, status, errors, warnings, infos, cameras,
                                  input_error, seconds, checked_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertFinding = try database.prepare("""
            INSERT INTO findings(building_id, seq, rule, severity, level, camera, zone, area, dori, message)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    private let deleteBuilding: Statement
    private let insertBuilding: Statement
    private let insertFinding: Statement

    /// What is already stored for one path: the rest of the resume key, and
    /// whether that result fails the run (so a skipped building still
    /// counts for the exit code without reading its findings again).
    struct StoredKey: Sendable {
        var sha256: String
        var profile: String
        var toolVersion: String
        var failing: Bool
    }

    /// What is already stored, by path.
    func existing() throws -> [String: StoredKey] {
        var out: [String: StoredKey] = [:]
        try database.prepare("SELECT path, sha256, profile, tool_version, status, errors FROM buildings").query { row in
            out[row.text(0) ?? ""] = StoredKey(sha256: row.text(1) ?? "", profile: row.text(2) ?? "", toolVersion: row.text(3) ?? "",
                                               failing: row.text(4) == BuildingResult.Status.invalid.rawValue || row.integer(5) > 0)
        }
        stored = Set(out.keys)
        return out
    }

    /// Paths known to be stored (loaded by ``existing()`` or given by the
    /// runner, grown by ``record(_:)``), so a new building needs no DELETE.
    var stored: Set<String> = []

    /// Stores one building, replacing an earlier result for its path.
    func record(_ r: BuildingResult) throws {
        try database.transaction {
            if stored.contains(r.path) { try deleteBuilding.run([.text(r.path)]) }
            try insertBuilding.run([
                .text(r.path), .text(r.sha256), .text(r.profile), .text(r.toolVersion), .text(r.asOf), .text(r.status.rawValue),
                .integer(Int64(r.errors)), .integer(Int64(r.warnings)), .integer(Int64(r.infos)),
                r.cameras.map { .integer(Int64($0)) } ?? .null, .optional(r.inputError), .real(r.seconds), .text(r.checkedAt),
            ])
            let id = database.lastInsertRowID
            for (seq, f) in r.findings.enumerated() {
                try insertFinding.run([
                    .integer(id), .integer(Int64(seq)), .text(f.rule), .text(f.severity), .optional(f.level), .optional(f.camera),
                    .optional(f.zone), .optional(f.area), .optional(f.dori), .text(f.message),
                ])
            }
        }
        stored.insert(r.path)
    }

    /// Every stored building with its findings, in path order.
    func buildings(_ visit: (BuildingResult) throws -> Void) throws {
        let findings = try database.prepare("""
            SELECT rule, severity, level, camera, zone, area, dori, message FROM findings WHERE building_id = ? ORDER BY seq
            """)
        var rows: [(Int64, BuildingResult)] = []
        try database.prepare("""
            SELECT id, path, sha256, profile, tool_version, as_of, status, errors, warnings, infos, cameras, input_error,
                   seconds, checked_at FROM buildings ORDER BY path
            """).query { row in
            rows.append((row.integer(0), BuildingResult(
                path: row.text(1) ?? "", sha256: row.text(2) ?? "", profile: row.text(3) ?? "", toolVersion: row.text(4) ?? "",
                asOf: row.text(5) ?? "", status: BuildingResult.Status(rawValue: row.text(6) ?? "") ?? .invalid,
                errors: Int(row.integer(7)), warnings: Int(row.integer(8)), infos: Int(row.integer(9)),
                cameras: row.text(10) == nil ? nil : Int(row.integer(10)), inputError: row.text(11), seconds: row.real(12) ?? 0,
                checkedAt: row.text(13) ?? "", findings: [])))
        }
        for (id, var building) in rows {
            try findings.query([.integer(id)]) { row in
                building.findings.append(StoredFinding(rule: row.text(0) ?? "", severity: row.text(1) ?? "", level: row.text(2),
                                                       camera: row.text(3), zone: row.text(4), area: row.real(5), dori: row.text(6),
                                                       message: row.text(7) ?? ""))
            }
            try visit(building)
        }
    }
}
