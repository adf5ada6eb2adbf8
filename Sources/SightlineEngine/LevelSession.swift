import GEOS
import PlanarGeometry
import SightlinePlan

/// One level's scene, built once, against which any camera on the level is
/// analysed on demand: the check runs every camera of the level through it,
/// the live planner re-checks only the camera being dragged, and `fix`
/// studies each offending camera against the same scene (the questions it
/// asks are in `LevelSession+Study.swift`).
///
/// The scene lives in the session's own GEOS context, so a session must be
/// used from one thread at a time (levels in parallel each have their own).
///
/// - Complexity: building is O(n log n) in the level's features (noding,
///   STR trees); a camera then costs O(k log k) in the k wall segments within
///   its range, plus one overlay per prohibited zone its view enters.
public final class LevelSession {
    public let level: Level
    let scene: LevelScene
    /// The nearest lower level and what it holds, when this level has voids:
    /// what its cameras see through them, built on the first camera (a level
    /// without cameras never needs it; the planner may add one later).
    private let lower: (level: Level, contents: LevelContents, plan: Plan)?
    private var lowerScene: LevelScene?
    /// The plan's person height (m): the top of the band a camera must not see.
    public let personHeight: Double
    let sweep: RadialSweep
    /// The level's walls as drawn (``nearestAllowedSpot(to:)`` keeps clear of them).
    let walls: [Wall]

    /// Warnings found while building the scene (repaired polygons, openings
    /// on no wall are errors and throw).
    public var problems: [PlanProblem] { scene.problems }

    /// Builds the scene of `level` of `plan` with `engine`'s prohibited
    /// categories.
    public convenience init(plan: Plan, level: Level, engine: Engine) throws {
        try self.init(
            plan: plan, level: level, contents: plan.contentsByLevel(), below: Engine.levelsBelow(plan.levels),
            engine: engine)
    }

    /// A session built from contents already grouped by level
    /// (`plan.contentsByLevel()`) and the levels below each
    /// (``Engine/levelsBelow(_:)``), when several are built at once.
    public init(plan: Plan, level: Level, contents: [String: LevelContents], below levelsBelow: [String: Level], engine: Engine) throws {
        self.level = level
        personHeight = plan.metadata.defaults.personHeight
        sweep = engine.sweep
        let own = contents[level.id] ?? LevelContents()
        walls = own.walls
        let scene: LevelScene
        do { scene = try LevelScene(level: level, contents: own, plan: plan, prohibited: engine.prohibited) } catch let error
            as GeometryError
        {
            throw GeometryError("level \(level.id): \(error.message)")
        }
        self.scene = scene
        prohibited = engine.prohibited
        if !scene.voids.isEmpty, let lowerLevel = levelsBelow[level.id] {
            lower = (lowerLevel, contents[lowerLevel.id] ?? LevelContents(), plan)
        } else {
            lower = nil
        }
    }

    private let prohibited: Set<ZoneCategory>

    /// The scene seen through this level's voids, built once when first needed.
    private func below() throws -> LevelScene? {
        if let lowerScene { return lowerScene }
        guard let lower else { return nil }
        let built = try LevelScene(
            level: lower.level, contents: lower.contents, plan: lower.plan, prohibited: prohibited,
            context: scene.context)
        lowerScene = built
        return built
    }

    func analyzer(_ camera: Camera) throws -> CameraAnalyzer {
        CameraAnalyzer(camera: camera, scene: scene, below: try below(), personHeight: personHeight, sweep: sweep)
    }

    /// Everything the engine finds for one camera of this level.
    ///
    /// - Throws: ``GeometryError`` naming the camera and level when GEOS fails
    ///   or an area comes out non-finite.
    public func analyze(_ camera: Camera) throws -> CameraAnalysis {
        do {
            let result = try analyzer(camera).run()
            // A non-finite number would silently read as an empty view.
            guard result.viewArea.isFinite, result.intrusions.allSatisfy({ $0.area.isFinite }) else {
                throw GeometryError("internal error: a non-finite area")
            }
            return result
        } catch let error as GeometryError {
            throw GeometryError("camera \(camera.id) on level \(level.id): \(error.message)")
        }
    }

    /// How many obstacle segments (full-height and low) lie within `radius`
    /// of `p`: the k the per-camera cost grows with.
    public func segmentCount(near p: Point2, radius: Double) -> Int {
        scene.segments(near: p, radius: radius).count + scene.lowSegments(near: p, radius: radius).count
    }

    /// The level-wide measures after its cameras are analysed: ordinary
    /// zones' seen areas against `zoneViewThreshold` (signs), and coverage.
    func measures(cameras: [Camera], results: [CameraAnalysis], zoneViewThreshold: Double?)
        throws -> (zoneViewAreas: [String: Double], coverage: [CoverageMeasure])
    {
        let measures = LevelMeasures(scene: scene, analyzers: try cameras.map(analyzer), results: results)
        return (try zoneViewThreshold.map { try measures.zoneViewAreas(threshold: $0) } ?? [:], try measures.coverage())
    }
}
