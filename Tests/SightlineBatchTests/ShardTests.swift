import SightlineBatch
import XCTest

final class ShardTests: XCTestCase {
    func testEveryKeyBelongsToExactlyOneShard() throws {
        let keys = (0..<500).map { "part-\($0 / 100)/building-\($0).json" }
        let shards = try (0..<3).map { try Shard(index: $0, count: 3) }
        for key in keys { XCTAssertEqual(shards.filter { $0.contains(key) }.count, 1) }
        // Roughly even: each shard within 25 % of a third.
        for shard in shards { XCTAssertEqual(Double(keys.filter { shard.contains($0) }.count), 500.0 / 3, accuracy: 42) }
    }

    func testParsingAndSchedulers() throws {
        XCTAssertEqual(try Shard(parsing: "2/4"), try Shard(index: 2, count: 4))
        XCTAssertThrowsError(try Shard(parsing: "4/4"))
        XCTAssertThrowsError(try Shard(parsing: "one/two"))
        XCTAssertEqual(try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "3"], shards: 8), try Shard(index: 3, count: 8))
        XCTAssertThrowsError(try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "3"], shards: nil), "Kubernetes needs --shards")
        // Slurm arrays may start at 1: the index is relative to SLURM_ARRAY_TASK_MIN.
        XCTAssertEqual(
            try Shard.fromEnvironment(
                ["SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "8"], shards: nil),
            try Shard(index: 4, count: 8))
        XCTAssertNil(try Shard.fromEnvironment([:], shards: 4))
    }
}
