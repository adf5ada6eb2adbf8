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
    /// Where the building is, WGS 84 longitude and latitude (the plan's
    /// origin), when its plan is geographic or has a lon/lat georeference.
    public var site: (lon: Double, lat: Double)? = nil

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
    /// Its place in WGS 84 as WKT (the intruding polygons, else its
    /// camera's point), when the building is placed on the map.
    public var wkt: String? = nil
}

/// The SQLite database of a batch run (schema in Documentation/BATCH.md).
///
/// Each building is written in its own transaction, replacing any earlier
/// row for the same path, so a killed run loses at most the buildings in
/// flight, two runs on one file record each building once, and no building
/// is ever stored twice.
///
/// A Sightline database is marked (`PRAGMA application_id` and a `format`
/// row in `meta`); any other SQLite file is refused before anything is
/// written to it, and an unmarked database of schema 1 (Sightline before
/// the mark) is migrated explicitly.
final class ResultStore: @unchecked Sendable {
    enum Access { case write, read }

    let database: Database
    /// "SLN1" as a big-endian integer, in the database header.
    static let applicationID: Int64 = 0x534C_4E31
    static let formatName = "sightline-results"
    static let schemaVersion = "3"

    private static let schema = """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE buildings(
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
          checked_at TEXT NOT NULL,
          site_lon REAL,
          site_lat REAL
        );
        CREATE TABLE findings(
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
          wkt TEXT,
          PRIMARY KEY (building_id, seq)
        );
        CREATE INDEX findings_rule ON findings(rule);
        """

    /// Opens (and with `.write`, creates or migrates) a results database.
    ///
    /// - Throws: ``DatabaseError`` for a file that is not a Sightline
    ///   results database, naming what it holds, before writing anything.
    init(path: String, access: Access = .write) throws {
        if access == .read, !FileManager.default.fileExists(atPath: path) { throw DatabaseError(message: "\(path): no such database") }
        let db = try Database(path: path, readOnly: access == .read)
        placed = try Self.identify(db, path: path, access: access)
        database = db
        if access == .write { try database.useWriteAheadLog() }
        // A reader prepares no writes: an older schema lacks the columns they name.
        if access == .write {
            writes = (
                try database.prepare("DELETE FROM buildings WHERE path = ?"),
                try database.prepare(
                    """
                    INSERT INTO buildings(path, sha256, profile, tool_version, as_of, status, errors, warnings, infos, cameras,
                                          input_error, seconds, checked_at, site_lon, site_lat)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """),
                try database.prepare(
                    """
                    INSERT INTO findings(building_id, seq, rule, severity, level, camera, zone, area, dori, message, wkt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            )
        } else {
            writes = nil
        }
        selectKey = try database.prepare("SELECT sha256, profile, tool_version, status, errors FROM buildings WHERE path = ?")
    }

    /// Accepts a marked database of this schema, creates one in an empty
    /// file, migrates schema 2 (and an unmarked schema 1) when writing, reads
    /// them as they are, and refuses anything else. A writer decides under a
    /// write lock (BEGIN IMMEDIATE), so two runs starting on one new file do
    /// not both create the schema.
    ///
    /// - Returns: whether the map columns of schema 3 are there (an older
    ///   database opened to read has none: its buildings are not placed).
    private static func identify(_ db: Database, path: String, access: Access) throws -> Bool {
        if access == .write { return try db.transaction { try classify(db, path: path, access: access) } }
        return try classify(db, path: path, access: access)
    }

    /// Schema 3 adds where a building and its findings lie (WGS 84), for
    /// `batch report --format gpkg`; older rows have none.
    private static let placementColumns = [
        "ALTER TABLE buildings ADD COLUMN site_lon REAL", "ALTER TABLE buildings ADD COLUMN site_lat REAL",
        "ALTER TABLE findings ADD COLUMN wkt TEXT",
    ]

    private static func migrate(_ db: Database) throws {
        for statement in placementColumns { try db.execute(statement) }
        try db.execute("PRAGMA application_id = \(Self.applicationID)")
        try db.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('format', '\(Self.formatName)'), ('schema', '\(Self.schemaVersion)')")
    }

    private static func classify(_ db: Database, path: String, access: Access) throws -> Bool {
        let mark = try db.integer("PRAGMA application_id")
        let tables = try db.tableNames()
        if mark == Self.applicationID {
            let version = try Self.meta(db, "schema")
            if version == "2" {
                if access == .write { try migrate(db) }
                return access == .write
            }
            guard version == Self.schemaVersion else {
                throw DatabaseError(
                    message:
                        "\(path): a Sightline results database of schema \(version ?? "?"); this version reads schemas 1–\(Self.schemaVersion)"
                )
            }
            return true
        } else if mark == 0, tables.isEmpty, access == .write {
            try db.execute(Self.schema)
            try db.execute("PRAGMA application_id = \(Self.applicationID)")
            try db.execute("INSERT INTO meta(key, value) VALUES ('format', '\(Self.formatName)'), ('schema', '\(Self.schemaVersion)')")
            return true
        } else if mark == 0, tables == ["buildings", "findings", "meta"], try Self.meta(db, "schema") == "1" {
            // Schema 1 is schema 2 without the mark: same tables and columns.
            if access == .write { try migrate(db) }
            return access == .write
        } else {
            let holds = tables.isEmpty ? "no tables" : "tables \(tables.prefix(8).joined(separator: ", "))\(tables.count > 8 ? ", …" : "")"
            throw DatabaseError(
                message:
                    "\(path): not a Sightline results database (application_id \(mark), \(holds)); nothing was written to it: give a new file or a Sightline results database"
            )
        }
    }

    private static func meta(_ db: Database, _ key: String) throws -> String? {
        guard try db.tableNames().contains("meta") else { return nil }
        var value: String?
        try db.prepare("SELECT value FROM meta WHERE key = '\(key)'").query { value = $0.text(0) }
        return value
    }

    /// Whether the database has schema 3's map columns.
    private let placed: Bool
    /// Deleting a building, inserting one and inserting a finding (write access only).
    private let writes: (deleteBuilding: Statement, insertBuilding: Statement, insertFinding: Statement)?
    private let selectKey: Statement

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
            out[row.text(0) ?? ""] = StoredKey(
                sha256: row.text(1) ?? "", profile: row.text(2) ?? "", toolVersion: row.text(3) ?? "",
                failing: row.text(4) == BuildingResult.Status.invalid.rawValue || row.integer(5) > 0)
        }
        return out
    }

    /// What is stored for one path now: another process sharing the file
    /// may have checked it since this run started.
    func key(for path: String) throws -> StoredKey? {
        var key: StoredKey?
        try selectKey.query([.text(path)]) { row in
            key = StoredKey(
                sha256: row.text(0) ?? "", profile: row.text(1) ?? "", toolVersion: row.text(2) ?? "",
                failing: row.text(3) == BuildingResult.Status.invalid.rawValue || row.integer(4) > 0)
        }
        return key
    }

    /// Stores one building, replacing an earlier result for its path (an
    /// upsert: whichever of two processes commits last wins, and the path
    /// is stored once).
    func record(_ r: BuildingResult) throws {
        guard let (deleteBuilding, insertBuilding, insertFinding) = writes else {
            throw DatabaseError(message: "internal error: the results database was opened to read")
        }
        try database.transaction {
            try deleteBuilding.run([.text(r.path)])
            try insertBuilding.run([
                .text(r.path), .text(r.sha256), .text(r.profile), .text(r.toolVersion), .text(r.asOf), .text(r.status.rawValue),
                .integer(Int64(r.errors)), .integer(Int64(r.warnings)), .integer(Int64(r.infos)),
                r.cameras.map { .integer(Int64($0)) } ?? .null, .optional(r.inputError), .real(r.seconds), .text(r.checkedAt),
                r.site.map { .real($0.lon) } ?? .null, r.site.map { .real($0.lat) } ?? .null,
            ])
            let id = database.lastInsertRowID
            for (seq, f) in r.findings.enumerated() {
                try insertFinding.run([
                    .integer(id), .integer(Int64(seq)), .text(f.rule), .text(f.severity), .optional(f.level), .optional(f.camera),
                    .optional(f.zone), .optional(f.area), .optional(f.dori), .text(f.message), .optional(f.wkt),
                ])
            }
        }
    }

    /// Every stored building with its findings, in path order.
    func buildings(_ visit: (BuildingResult) throws -> Void) throws {
        let wkt = placed ? "wkt" : "NULL"
        let site = placed ? "site_lon, site_lat" : "NULL, NULL"
        let findings = try database.prepare(
            """
            SELECT rule, severity, level, camera, zone, area, dori, message, \(wkt) FROM findings WHERE building_id = ? ORDER BY seq
            """)
        var rows: [(Int64, BuildingResult)] = []
        try database.prepare(
            """
            SELECT id, path, sha256, profile, tool_version, as_of, status, errors, warnings, infos, cameras, input_error,
                   seconds, checked_at, \(site) FROM buildings ORDER BY path
            """
        ).query { row in
            rows.append(
                (
                    row.integer(0),
                    BuildingResult(
                        path: row.text(1) ?? "", sha256: row.text(2) ?? "", profile: row.text(3) ?? "", toolVersion: row.text(4) ?? "",
                        asOf: row.text(5) ?? "", status: BuildingResult.Status(rawValue: row.text(6) ?? "") ?? .invalid,
                        errors: Int(row.integer(7)), warnings: Int(row.integer(8)), infos: Int(row.integer(9)),
                        cameras: row.text(10) == nil ? nil : Int(row.integer(10)), inputError: row.text(11), seconds: row.real(12) ?? 0,
                        checkedAt: row.text(13) ?? "", findings: [],
                        site: row.real(14).flatMap { lon in row.real(15).map { (lon, $0) } })
                ))
        }
        for (id, var building) in rows {
            try findings.query([.integer(id)]) { row in
                building.findings.append(
                    StoredFinding(
                        rule: row.text(0) ?? "", severity: row.text(1) ?? "", level: row.text(2),
                        camera: row.text(3), zone: row.text(4), area: row.real(5), dori: row.text(6),
                        message: row.text(7) ?? "", wkt: row.text(8)))
            }
            try visit(building)
        }
    }
}
