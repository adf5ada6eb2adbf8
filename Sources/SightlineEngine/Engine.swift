import Foundation
import GEOS
import SightlinePlan

/// Computes view regions and Art. 8 overlaps for a plan.
///
/// Levels are independent: each is analysed with its own GEOS context and
/// scene, so levels (and whole plans) may run on several threads at once.
public struct Engine: Sendable {
    /// Zone categories whose overlap with a view counts as an intrusion.
    public var prohibited: Set<ZoneCategory>
    /// How many levels to analyse at once (1: on the calling thread).
    public var parallelism: Int
    /// When set, how much of each ordinary zone the cameras see is measured
    /// against this area (m²) for the signage rule; `nil` skips it.
    public var zoneViewThreshold: Double?
    public var sweep = RadialSweep()

    public init(prohibited: Set<ZoneCategory>, parallelism: Int = 1, zoneViewThreshold: Double? = nil) {
        self.prohibited = prohibited
        self.parallelism = max(1, parallelism)
        self.zoneViewThreshold = zoneViewThreshold
    }

    /// Analyses every camera of the plan.
    ///
    /// - Parameter contents: the plan's features by level
    ///   (``Plan/contentsByLevel()``), when the caller has grouped them
    ///   already for other work (the rules).
    /// - Throws: ``PlanError`` when the plan's geometry cannot be used (an
    ///   opening on no wall), or ``GeometryError`` when GEOS fails.
    public func analyze(_ plan: Plan, contents grouped: [String: LevelContents]? = nil) throws -> PlanAnalysis {
        let levels = plan.levels
        let contents = grouped ?? plan.contentsByLevel()
        let below = Self.levelsBelow(levels)
        var results = [Result<LevelResult, Error>?](repeating: nil, count: levels.count)
        if parallelism == 1 || levels.count == 1 {
            for (i, level) in levels.enumerated() {
                results[i] = Result { try analyze(level: level, contents: contents, below: below, of: plan) }
            }
        } else {
            let lock = NSLock()
            let box = UnsafeSendableBox(results)
            DispatchQueue.concurrentPerform(iterations: levels.count) { i in
                let r = Result { try analyze(level: levels[i], contents: contents, below: below, of: plan) }
                lock.lock()
                box.value[i] = r
                lock.unlock()
            }
            results = box.value
        }
        return try Self.combine(results.compactMap { $0 }, of: plan, cameraCount: plan.cameras.count)
    }

    /// Analyses the cameras of one level of `plan` (a streamed check
    /// decodes and analyses one level at a time).
    ///
    /// - Parameter contents: the level's features, and those of the level
    ///   below it (``levelsBelow(_:)``) when the level has voids.
    /// - Throws: as ``analyze(_:contents:)``.
    public func analyze(level: Level, of plan: Plan, contents: [String: LevelContents], below: [String: Level]) throws
        -> PlanAnalysis
    {
        let result = Result { try analyze(level: level, contents: contents, below: below, of: plan) }
        return try Self.combine([result], of: plan, cameraCount: contents[level.id]?.cameras.count ?? 0)
    }

    /// The levels' results as one analysis: cameras and coverage in file
    /// order, warnings in level order; the first failure, or every error
    /// problem, thrown.
    private static func combine(_ results: [Result<LevelResult, Error>], of plan: Plan, cameraCount: Int) throws -> PlanAnalysis {
        var cameras: [CameraAnalysis] = []
        cameras.reserveCapacity(cameraCount)
        var problems: [PlanProblem] = []
        var errors: [PlanProblem] = []
        var zoneViewAreas: [String: Double] = [:]
        var coverage: [CoverageMeasure] = []
        for r in results {
            switch r {
            case .success(let level):
                cameras += level.cameras
                zoneViewAreas.merge(level.zoneViewAreas) { $1 }
                coverage += level.coverage
                problems += level.problems.filter { $0.severity == .warning }
                errors += level.problems.filter { $0.severity == .error }
            case .failure(let error): throw error
            }
        }
        if !errors.isEmpty { throw PlanError(errors) }
        cameras.sort { $0.camera.info.index < $1.camera.info.index }
        coverage.sort { $0.zone.info.index < $1.zone.info.index }
        return PlanAnalysis(plan: plan, cameras: cameras, problems: problems, zoneViewAreas: zoneViewAreas, coverage: coverage)
    }

    private struct LevelResult {
        var cameras: [CameraAnalysis]
        var problems: [PlanProblem]
        var zoneViewAreas: [String: Double]
        var coverage: [CoverageMeasure]
    }

    /// For each level, the nearest lower floor by elevation (the first in
    /// file order among equals): what its voids look down on.
    ///
    /// Complexity: O(L log L), once per plan (a search per level was O(L²)).
    public static func levelsBelow(_ levels: [Level]) -> [String: Level] {
        let sorted = levels.enumerated().sorted { ($0.element.elevation, $0.offset) < ($1.element.elevation, $1.offset) }
        var out: [String: Level] = [:]
        var lowerStart = 0 // first index of the nearest lower elevation group
        var groupStart = 0
        for i in sorted.indices {
            if i > 0, sorted[i].element.elevation > sorted[i - 1].element.elevation {
                lowerStart = groupStart
                groupStart = i
            }
            if groupStart > 0 { out[sorted[i].element.id] = sorted[lowerStart].element }
        }
        return out
    }

    private func analyze(level: Level, contents: [String: LevelContents], below levelsBelow: [String: Level], of plan: Plan) throws
        -> LevelResult
    {
        let session = try LevelSession(plan: plan, level: level, contents: contents, below: levelsBelow, engine: self)
        let cameras = contents[level.id]?.cameras ?? []
        let out = try cameras.map { try session.analyze($0) }
        let measures = try session.measures(cameras: cameras, results: out, zoneViewThreshold: zoneViewThreshold)
        return LevelResult(cameras: out, problems: session.problems, zoneViewAreas: measures.zoneViewAreas, coverage: measures.coverage)
    }
}

/// A mutable box to gather results from `concurrentPerform` under a lock.
final class UnsafeSendableBox<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}
