import Foundation

/// Combines shard databases into one. A building found in several inputs is
/// kept once: the most recently checked result wins.
public enum ResultMerge {
    /// - Returns: how many buildings the output holds.
    public static func merge(_ inputs: [String], into output: String) throws -> Int {
        let fm = FileManager.default
        for input in inputs where !fm.fileExists(atPath: input) { throw BatchError("\(input): no such database") }
        let target = try ResultStore(path: output)
        var newest: [String: BuildingResult] = [:]
        for input in inputs {
            let source = try ResultStore(path: input)
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
