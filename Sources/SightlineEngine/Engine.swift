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
    public var sweep = RadialSweep()

    public init(prohibited: Set<ZoneCategory>, parallelism: Int = 1) {
        self.prohibited = prohibited
        self.parallelism = max(1, parallelism)
    }

    /// Analyses every camera of the plan.
    ///
    /// - Throws: ``PlanError`` when the plan's geometry cannot be used (an
    ///   opening on no wall), or ``GeometryError`` when GEOS fails.
    public func analyze(_ plan: Plan) throws -> PlanAnalysis {
        let levels = plan.levels
        var results = [Result<LevelResult, Error>?](repeating: nil, count: levels.count)
        if parallelism == 1 || levels.count == 1 {
            for (i, level) in levels.enumerated() { results[i] = Result { try analyze(level: level, of: plan) } }
        } else {
            let lock = NSLock()
            let box = UnsafeSendableBox(results)
            DispatchQueue.concurrentPerform(iterations: levels.count) { i in
                let r = Result { try analyze(level: levels[i], of: plan) }
                lock.lock(); box.value[i] = r; lock.unlock()
            }
            results = box.value
        }
        var cameras: [CameraAnalysis] = []
        var problems: [PlanProblem] = []
        var errors: [PlanProblem] = []
        for r in results {
            switch r {
            case .success(let level)?:
                cameras += level.cameras
                problems += level.problems.filter { $0.severity == .warning }
                errors += level.problems.filter { $0.severity == .error }
            case .failure(let error)?: throw error
            case nil: break
            }
        }
        if !errors.isEmpty { throw PlanError(errors) }
        cameras.sort { $0.camera.info.index < $1.camera.info.index }
        return PlanAnalysis(plan: plan, cameras: cameras, problems: problems)
    }

    private struct LevelResult {
        var cameras: [CameraAnalysis]
        var problems: [PlanProblem]
    }

    private func analyze(level: Level, of plan: Plan) throws -> LevelResult {
        let scene = try LevelScene(level: level, plan: plan, prohibited: prohibited)
        let personHeight = plan.metadata.defaults.personHeight
        var out: [CameraAnalysis] = []
        for camera in plan.cameras where camera.info.level == level.id {
            out.append(try analyze(camera, in: scene, personHeight: personHeight))
        }
        return LevelResult(cameras: out, problems: scene.problems)
    }

    func analyze(_ camera: Camera, in scene: LevelScene, personHeight: Double) throws -> CameraAnalysis {
        let optics = CameraOptics(camera: camera, personHeight: personHeight)
        var notes: [String] = []
        var eye = camera.position
        let axis = Point2.unit(bearingDegrees: camera.heading)
        var nearby = optics.isEmpty ? [] : scene.segments(near: eye, radius: optics.farLimit)

        // A lens drawn inside a wall body sits, physically, on its face.
        if let solid = scene.solid, !nearby.isEmpty, try solid.containsProperly(eye) {
            if let exit = Self.firstHit(from: eye, direction: axis, segments: nearby) {
                eye = eye + axis * (exit + 1e-7)
                notes.append("the lens is drawn inside a wall; analysed from the wall face \(String(format: "%.3f", exit)) m along its heading")
                nearby = scene.segments(near: eye, radius: optics.farLimit)
            }
        }

        var view: [PolygonRings] = []
        if !optics.isEmpty {
            let obstacles = ObstacleSet(eye: eye, segments: nearby)
            let wedge = RadialSweep.AngularDomain(
                start: (90 - optics.bearingFrom - optics.bearingSweep) * .pi / 180,
                width: optics.bearingSweep * .pi / 180)
            for domain in obstacles.restrictDomain(wedge, heading: axis) {
                view += sweep.region(eye: eye, domain: domain, near: optics.nearLimit, far: optics.farLimit,
                                     segments: obstacles.segments)
            }
        }
        let viewArea = view.reduce(0) { $0 + $1.area }

        // Prohibited zones: the camera inside one, and the view entering one.
        var inside: [Zone] = []
        for index in scene.zoneIndex.query(Box(around: camera.position, radius: 0)) {
            let z = scene.zones[index]
            guard z.isProhibited else { continue }
            if try z.prepared.containsProperly(camera.position)
                || (try z.prepared.covers(camera.position) && z.prepared.containsProperly(camera.position + axis * 1e-3)) {
                inside.append(z.zone)
            }
        }
        let intrusions = try overlaps(of: view, seenFrom: eye, in: scene)
        return CameraAnalysis(camera: camera, optics: optics, view: view, viewArea: viewArea,
                              insideZones: inside, intrusions: intrusions, notes: notes)
    }

    /// How far the view probe is pulled back towards the eye (metres).
    ///
    /// A view usually ends exactly on a prohibited zone's edge (the zone is
    /// drawn to the wall the view stops at), and "touching" must not cost an
    /// exact overlay per zone. So candidates are first tested against the view
    /// with every vertex pulled this far towards the eye: a view that only
    /// touches a zone no longer meets it, while any real intrusion deeper than
    /// 0.01 mm still does (a sliver thinner than that would have to be a
    /// kilometre long to reach the 0.01 m² threshold). The area and polygon
    /// reported come from the exact view.
    static let probePullback = 1e-5

    private func overlaps(of view: [PolygonRings], seenFrom eye: Point2, in scene: LevelScene) throws -> [Intrusion] {
        let probe = view.map { polygon in
            PolygonRings(shell: polygon.shell.map { Self.pulledBack($0, towards: eye) },
                         holes: polygon.holes.map { $0.map { Self.pulledBack($0, towards: eye) } })
        }
        guard let probeBox = Box(covering: probe.flatMap(\.shell)) else { return [] }
        var intrusions: [Intrusion] = []
        var probeGeometry: Geometry?
        var viewGeometry: Geometry?
        for index in scene.zoneIndex.query(probeBox).sorted() {
            let z = scene.zones[index]
            guard z.isProhibited else { continue }
            if probeGeometry == nil { probeGeometry = try scene.context.multiPolygon(probe) }
            guard try z.prepared.intersects(probeGeometry!) else { continue }
            if viewGeometry == nil { viewGeometry = try scene.context.multiPolygon(view) }
            let overlap = z.isRectangle ? try viewGeometry!.clipped(to: z.box) : try z.geometry.intersection(viewGeometry!)
            let area = try overlap.area
            if area > 0 { intrusions.append(Intrusion(zone: z.zone, area: area, polygons: try overlap.polygons())) }
        }
        return intrusions
    }

    private static func pulledBack(_ p: Point2, towards eye: Point2) -> Point2 {
        let d = p - eye
        let length = d.length
        if length <= probePullback { return eye }
        return eye + d * (1 - probePullback / length)
    }

    /// Distance along a ray to the nearest segment it meets.
    static func firstHit(from p: Point2, direction u: Point2, segments: [Segment]) -> Double? {
        var best: Double?
        for s in segments {
            let d = s.b - s.a
            let denom = u.cross(d)
            if denom == 0 { continue }
            let t = (s.a - p).cross(d) / denom
            let k = (s.a - p).cross(u) / denom
            if t > 0, k >= 0, k <= 1, t < (best ?? .infinity) { best = t }
        }
        return best
    }
}

/// A mutable box to gather results from `concurrentPerform` under a lock.
final class UnsafeSendableBox<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}
