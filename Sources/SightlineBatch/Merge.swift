import Foundation

/// Combines shard databases into one. A building found in several inputs is
/// kept once: the most recently checked result wins.
public enum ResultMerge {
    /// - Returns: how many buildings the output holds.
    ///
    /// Inputs are opened read-only (they may be on read-only media, and
    /// are never changed). A new output is built beside its final name and
    /// renamed into place when complete; an existing one is updated in
    /// SQLite transactions, one per building.
    public static func merge(_ inputs: [String], into output: String) throws -> Int {
        var sources: [ResultStore] = []
        for input in inputs { sources.append(try ResultStore(path: input, access: .read)) }
        if FileManager.default.fileExists(atPath: output) { return try merge(sources, into: output) }
        let temporary = "\(output).sightline-\(getpid())"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary + suffix) } }
        let count = try merge(sources, into: temporary, checkpoint: true)
        guard rename(temporary, output) == 0 else {
            throw BatchError("\(output): cannot write: \(String(cString: strerror(errno)))")
        }
        return count
    }

    /// - Parameter checkpoint: fold the write-ahead log into the file at the
    ///   end, so the file alone is the whole database (it is then renamed).
    private static func merge(_ sources: [ResultStore], into output: String, checkpoint: Bool = false) throws -> Int {
        let target = try ResultStore(path: output)
        defer { if checkpoint { try? target.database.execute("PRAGMA wal_checkpoint(TRUNCATE)") } }
        var newest: [String: BuildingResult] = [:]
        for source in sources {
            try source.buildings { b in
                if let kept = newest[b.path], kept.checkedAt >= b.checkedAt { return }
                newest[b.path] = b
            }
        }
        let existing = try target.existing()
        for b in newest.values.sorted(by: { $0.path < $1.path }) {
            if let e = existing[b.path], e.sha256 == b.sha256, e.profile == b.profile, e.toolVersion == b.toolVersion {
                continue
            }
            try target.record(b)
        }
        return try target.existing().count
    }
}
