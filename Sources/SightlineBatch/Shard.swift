/// A deterministic share of a portfolio: input `key` belongs to shard
/// `index` of `count` when FNV-1a-64(key) mod count == index. Every machine
/// computes the same split from the same keys, without talking to the others.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 0-based.
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) throws {
        guard count >= 1 else { throw BatchError("a shard count must be at least 1, found \(count)") }
        guard (0..<count).contains(index) else { throw BatchError("shard index \(index) is outside 0…\(count - 1)") }
        self.index = index
        self.count = count
    }

    /// `K/N`, 0-based K.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
            throw BatchError("--shard expects K/N with 0 ≤ K < N, e.g. 0/4, found `\(text)`")
        }
        try self.init(index: k, count: n)
    }

    /// The shard a scheduler assigned, from its environment: a Kubernetes
    /// Indexed Job (`JOB_COMPLETION_INDEX`, with `shards`), or a Slurm job
    /// array (`SLURM_ARRAY_TASK_ID` less `SLURM_ARRAY_TASK_MIN`, with
    /// `SLURM_ARRAY_TASK_COUNT` or `shards`). `nil` when neither is present.
    public static func fromEnvironment(_ env: [String: String], shards: Int?) throws -> Shard? {
        if let text = env["JOB_COMPLETION_INDEX"] {
            guard let index = Int(text) else { throw BatchError("JOB_COMPLETION_INDEX is not a number: `\(text)`") }
            guard let count = shards else {
                throw BatchError("JOB_COMPLETION_INDEX is set: give the number of shards (the Job's completions) with --shards N")
            }
            return try Shard(index: index, count: count)
        }
        if let text = env["SLURM_ARRAY_TASK_ID"] {
            guard let id = Int(text) else { throw BatchError("SLURM_ARRAY_TASK_ID is not a number: `\(text)`") }
            let minimum = env["SLURM_ARRAY_TASK_MIN"].flatMap(Int.init) ?? 0
            guard let count = shards ?? env["SLURM_ARRAY_TASK_COUNT"].flatMap(Int.init) else {
                throw BatchError("SLURM_ARRAY_TASK_ID is set but neither SLURM_ARRAY_TASK_COUNT nor --shards N gives the number of shards")
            }
            return try Shard(index: id - minimum, count: count)
        }
        return nil
    }

    public func contains(_ key: String) -> Bool {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return Int(hash % UInt64(count)) == index
    }

    public var description: String { "\(index)/\(count)" }
}
