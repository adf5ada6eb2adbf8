import GEOS
import SightlinePlan

/// A whole plan held live: a ``LevelSession`` per level and every camera's
/// last analysis, so a change to one camera re-analyses that camera alone
/// against its level's cached scene (the live planner's drag), and the
/// level's measures and the plan's analysis are reassembled from the cache.
///
/// Not thread-safe (each level session owns a GEOS context): keep it behind
/// one actor or lock.
public final class PlanSession {
    public private(set) var plan: Plan
    public let engine: Engine
    private var levels: [String: LevelSession] = [:]
    /// By camera id.
    private var analyses: [String: CameraAnalysis] = [:]
    private var measures: [String: (zoneViewAreas: [String: Double], coverage: [CoverageMeasure])] = [:]

    /// Builds every level's scene and analyses every camera.
    public init(plan: Plan, engine: Engine) throws {
        self.plan = plan
        self.engine = engine
        try rebuild(plan)
    }

    /// Starts over from `plan`: every scene and camera (walls, zones or
    /// openings changed).
    public func rebuild(_ plan: Plan) throws {
        self.plan = plan
        let contents = plan.contentsByLevel()
        let below = Engine.levelsBelow(plan.levels)
        levels = [:]
        analyses = [:]
        measures = [:]
        for level in plan.levels {
            let session = try Self.session(plan, level, contents, below, engine)
            levels[level.id] = session
            let cameras = contents[level.id]?.cameras ?? []
            for camera in cameras { analyses[camera.id] = try session.analyze(camera) }
            try remeasure(level.id, cameras: cameras)
        }
    }

    /// A level's session; the errors its scene finds (an opening on no
    /// wall) throw, as ``Engine/analyze(_:)`` throws them.
    private static func session(
        _ plan: Plan, _ level: Level, _ contents: [String: LevelContents], _ below: [String: Level],
        _ engine: Engine
    ) throws -> LevelSession {
        let session = try LevelSession(plan: plan, level: level, contents: contents, below: below, engine: engine)
        let errors = session.problems.filter { $0.severity == .error }
        if !errors.isEmpty { throw PlanError(errors) }
        return session
    }

    /// Takes `plan`, whose walls, zones, openings or signs changed on the
    /// levels `changed` (a wall drawn, a zone traced): rebuilds those
    /// levels' scenes and the scenes of the levels that see them through a
    /// void, re-analyses their cameras, and treats every other camera as
    /// ``updateCameras(_:)`` does. A changed list of levels starts over.
    ///
    /// - Complexity: the scene builds of the affected levels and their
    ///   cameras; other levels are untouched.
    public func rebuild(_ plan: Plan, levels changed: Set<String>) throws {
        guard plan.levels.map(\.id) == self.plan.levels.map(\.id), plan.levels.map(\.elevation) == self.plan.levels.map(\.elevation) else {
            try rebuild(plan)
            return
        }
        let contents = plan.contentsByLevel()
        let below = Engine.levelsBelow(plan.levels)
        let affected = plan.levels.filter { level in
            changed.contains(level.id) || below[level.id].map { changed.contains($0.id) } == true
        }
        for level in affected {
            let session = try Self.session(plan, level, contents, below, engine)
            levels[level.id] = session
            for camera in contents[level.id]?.cameras ?? [] { analyses[camera.id] = try session.analyze(camera) }
        }
        try updateCameras(plan)
        for level in affected { try remeasure(level.id, cameras: contents[level.id]?.cameras ?? []) }
    }

    /// Takes `plan`, which differs from the current one only in its cameras
    /// (moved, re-aimed, added, removed): re-analyses the cameras whose
    /// values differ, and the measures of the levels they are on or left.
    ///
    /// - Returns: the ids of the cameras re-analysed.
    @discardableResult
    public func updateCameras(_ plan: Plan) throws -> Set<String> {
        let before = Dictionary(self.plan.cameras.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.plan = plan
        var changed: Set<String> = []
        var touchedLevels: Set<String> = []
        let now = Dictionary(plan.cameras.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (id, old) in before where now[id] == nil {
            analyses[id] = nil
            touchedLevels.insert(old.info.level)
        }
        for camera in plan.cameras {
            if let old = before[camera.id], Self.same(old, camera), var cached = analyses[camera.id] {
                // Unchanged; only its place in the file may have moved.
                cached.camera = camera
                analyses[camera.id] = cached
                continue
            }
            guard let session = levels[camera.info.level] else { continue }
            analyses[camera.id] = try session.analyze(camera)
            changed.insert(camera.id)
            touchedLevels.insert(camera.info.level)
            if let old = before[camera.id] { touchedLevels.insert(old.info.level) }
        }
        let contents = plan.contentsByLevel()
        for level in touchedLevels where levels[level] != nil {
            try remeasure(level, cameras: contents[level]?.cameras ?? [])
        }
        return changed
    }

    private func remeasure(_ level: String, cameras: [Camera]) throws {
        guard let session = levels[level] else { return }
        let results = cameras.compactMap { analyses[$0.id] }
        measures[level] = try session.measures(cameras: cameras, results: results, zoneViewThreshold: engine.zoneViewThreshold)
    }

    /// The plan's analysis from the cache, cameras in file order: the same
    /// value ``Engine/analyze(_:)`` gives for the current plan.
    public func analysis() -> PlanAnalysis {
        let cameras = plan.cameras.compactMap { analyses[$0.id] }.sorted { $0.camera.info.index < $1.camera.info.index }
        var zoneViewAreas: [String: Double] = [:]
        var coverage: [CoverageMeasure] = []
        var problems: [PlanProblem] = []
        for level in plan.levels {
            if let m = measures[level.id] {
                zoneViewAreas.merge(m.zoneViewAreas) { $1 }
                coverage += m.coverage
            }
            problems += levels[level.id]?.problems.filter { $0.severity == .warning } ?? []
        }
        coverage.sort { $0.zone.info.index < $1.zone.info.index }
        return PlanAnalysis(plan: plan, cameras: cameras, problems: problems, zoneViewAreas: zoneViewAreas, coverage: coverage)
    }

    /// The level session of a level, e.g. to study a camera for `fix`.
    public func level(_ id: String) -> LevelSession? { levels[id] }

    /// A camera's last analysis, by id.
    public func analysis(ofCamera id: String) -> CameraAnalysis? { analyses[id] }

    /// Whether two decoded cameras have the same value in every property
    /// but their place in the file (`info`'s index and line): `Camera`'s
    /// synthesized `==`, so a new stored property cannot be forgotten here.
    /// (It compared their descriptions, printed through reflection: 0.1 ms
    /// a camera, so every edit of a 40-floor hotel spent 60 ms on it.)
    static func same(_ a: Camera, _ b: Camera) -> Bool {
        var x = a
        x.info = b.info
        return x == b
    }
}
