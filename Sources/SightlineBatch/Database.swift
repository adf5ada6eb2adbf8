internal import CSQLite
import Foundation

/// An error SQLite reported, with the statement it came from.
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}

/// A SQLite connection, used from one thread at a time (each batch worker
/// has its own).
final class Database {
    private var handle: OpaquePointer?
    let path: String

    /// Opens `path`. Read-only connections never create the file, change
    /// its journal mode or write to it; on read-only media (where a WAL
    /// database's shared-memory file cannot be made) they fall back to
    /// SQLite's `immutable` URI mode.
    init(path: String, readOnly: Bool = false) throws {
        self.path = path
        if readOnly {
            try open(path, SQLITE_OPEN_READONLY)
            if (try? execute("SELECT count(*) FROM sqlite_master")) == nil {
                sqlite3_close_v2(handle)
                handle = nil
                try open("file:\(Self.uriEscaped(path))?immutable=1", SQLITE_OPEN_READONLY | SQLITE_OPEN_URI)
            }
        } else {
            try open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        }
        // Another process may be writing (two pods, a second terminal):
        // wait for its transaction rather than fail.
        sqlite3_busy_timeout(handle, 60_000)
        try execute("PRAGMA foreign_keys = ON")
    }

    private func open(_ name: String, _ flags: Int32) throws {
        if sqlite3_open_v2(name, &handle, flags | SQLITE_OPEN_NOMUTEX, nil) != SQLITE_OK {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(handle)
            handle = nil
            throw DatabaseError(message: "\(path): cannot open the database: \(message)")
        }
    }

    /// Switches a writable connection to WAL, so readers (a report run
    /// while a batch goes on) never block the writer.
    func useWriteAheadLog() throws {
        try execute("PRAGMA journal_mode = WAL")
        try execute("PRAGMA synchronous = NORMAL")
    }

    /// A path as a `file:` URI path: `%`, `?` and `#` percent-encoded.
    private static func uriEscaped(_ path: String) -> String {
        var out = ""
        for ch in path.unicodeScalars {
            switch ch {
            case "%": out += "%25"
            case "?": out += "%3f"
            case "#": out += "%23"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// The single integer a statement returns (`PRAGMA application_id`, counts).
    func integer(_ sql: String) throws -> Int64 {
        var value: Int64 = 0
        try prepare(sql).query { value = $0.integer(0) }
        return value
    }

    /// The names of the database's tables.
    func tableNames() throws -> [String] {
        var names: [String] = []
        try prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").query { names.append($0.text(0) ?? "") }
        return names
    }

    deinit { sqlite3_close_v2(handle) }

    private func error(_ what: String) -> DatabaseError {
        DatabaseError(message: "\(path): \(what): \(String(cString: sqlite3_errmsg(handle)))")
    }

    /// Runs SQL with no results (several statements allowed).
    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(handle, sql, nil, nil, &message) != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(message)
            throw DatabaseError(message: "\(path): \(text) in: \(sql.prefix(80))")
        }
    }

    func prepare(_ sql: String) throws -> Statement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw error("cannot prepare \(sql.prefix(60))")
        }
        return Statement(handle: statement, database: self)
    }

    private lazy var begin = try? prepare("BEGIN IMMEDIATE")
    private lazy var commit = try? prepare("COMMIT")

    /// Runs `body` in one transaction: all of it is committed, or none.
    /// BEGIN and COMMIT are prepared once: a portfolio run commits once per
    /// building, and re-parsing them each time was a measurable share of the
    /// writer's work.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        if let begin { try begin.run([]) } else { try execute("BEGIN IMMEDIATE") }
        do {
            let value = try body()
            if let commit { try commit.run([]) } else { try execute("COMMIT") }
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    fileprivate func stepError(_ sql: String) -> DatabaseError { error("cannot run \(sql.prefix(60))") }
}

/// A prepared statement; values are bound by position (1-based, as in SQLite).
final class Statement {
    private let handle: OpaquePointer
    private let database: Database

    fileprivate init(handle: OpaquePointer, database: Database) {
        self.handle = handle
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    enum Value {
        case null
        case integer(Int64)
        case real(Double)
        case text(String)
    }

    /// Binds values, runs to completion, and resets for the next use.
    func run(_ values: [Value]) throws {
        try bind(values)
        defer { sqlite3_reset(handle) }
        guard sqlite3_step(handle) == SQLITE_DONE else { throw database.stepError(String(cString: sqlite3_sql(handle))) }
    }

    /// Binds values and calls `row` for each result row.
    func query(_ values: [Value] = [], _ row: (Row) throws -> Void) throws {
        try bind(values)
        defer { sqlite3_reset(handle) }
        while true {
            let rc = sqlite3_step(handle)
            if rc == SQLITE_DONE { return }
            guard rc == SQLITE_ROW else { throw database.stepError(String(cString: sqlite3_sql(handle))) }
            try row(Row(handle: handle))
        }
    }

    private func bind(_ values: [Value]) throws {
        sqlite3_clear_bindings(handle)
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            let rc: Int32
            switch value {
            case .null: rc = sqlite3_bind_null(handle, index)
            case .integer(let v): rc = sqlite3_bind_int64(handle, index, v)
            case .real(let v): rc = sqlite3_bind_double(handle, index, v)
            case .text(let v):
                // SQLITE_TRANSIENT: SQLite copies the text before the call returns.
                rc = sqlite3_bind_text(handle, index, v, -1, unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self))
            }
            guard rc == SQLITE_OK else { throw database.stepError("bind \(index)") }
        }
    }
}

/// One result row; columns by position (0-based, as in SQLite).
struct Row {
    fileprivate let handle: OpaquePointer

    func text(_ i: Int32) -> String? {
        guard sqlite3_column_type(handle, i) != SQLITE_NULL, let p = sqlite3_column_text(handle, i) else { return nil }
        return String(cString: p)
    }

    func integer(_ i: Int32) -> Int64 { sqlite3_column_int64(handle, i) }
    func real(_ i: Int32) -> Double? { sqlite3_column_type(handle, i) == SQLITE_NULL ? nil : sqlite3_column_double(handle, i) }
}

extension Statement.Value {
    static func optional(_ s: String?) -> Statement.Value { s.map { .text($0) } ?? .null }
    static func optional(_ d: Double?) -> Statement.Value { d.map { .real($0) } ?? .null }
}
