import GEOS
import SightlinePlan

/// Turns a level's walls and openings into noded obstacle segments.
///
/// - Opaque walls block; glass walls do not. Walls drawn as lines with a
///   thickness become bodies (flat-capped, mitred buffers), so a thick wall
///   narrows what is seen through its doorways as the real jambs do.
/// - A see-through opening (open door, passage, clear window) cuts every wall
///   it lies on along its length, through the wall's full thickness.
/// - A closed door or frosted window adds its own line as an obstacle, so a
///   door drawn in a gap between walls closes the gap.
/// - Walls lower than the level's ceiling are not yet modelled in 2.5D; they
///   are treated as see-over (the conservative choice for a privacy check)
///   and reported as a warning.
struct ObstacleBuilder {
    private struct Body {
        let wall: Wall
        var geometry: Geometry
        /// How far a cut must reach either side of an opening's line to go
        /// through this wall's full thickness.
        let reach: Double
        let blocks: Bool
    }

    let level: Level
    let plan: Plan
    let context: GEOSContext
    private(set) var problems: [PlanProblem] = []
    private var bodies: [Body] = []
    private var closedLines: [[Point2]] = []

    /// Openings snap to walls within this distance (the spec's 0.05 m).
    static let snapTolerance = 0.05

    init(level: Level, plan: Plan, context ctx: GEOSContext) throws {
        self.level = level
        self.plan = plan
        self.context = ctx
        for wall in plan.walls where wall.info.level == level.id {
            let partial = wall.heightMetres.map { $0 < level.height } ?? false
            if partial, wall.material == .opaque {
                problems.append(PlanProblem(.warning, file: plan.file, feature: wall.id, property: "properties.height",
                                            message: "walls lower than the ceiling are treated as see-over in this version (conservative)"))
            }
            let blocks = wall.material == .opaque && !partial
            switch wall.shape {
            case .lines(let lines):
                var g = try ctx.collection(.multiLineString, lines.map { try ctx.lineString($0) })
                var reach = Self.snapTolerance
                if wall.thicknessMetres > 0 {
                    g = try g.buffer(wall.thicknessMetres / 2, cap: .flat, join: .mitre)
                    reach += wall.thicknessMetres
                }
                bodies.append(Body(wall: wall, geometry: g, reach: reach, blocks: blocks))
            case .polygons(let polygons):
                var g = try ctx.multiPolygon(polygons)
                if let reason = try g.validityReason {
                    g = try g.madeValid()
                    problems.append(PlanProblem(.warning, file: plan.file, feature: wall.id, property: "geometry",
                                                message: "invalid polygon (\(reason)); repaired with GEOSMakeValid"))
                }
                // 2·area/perimeter estimates a wall body's thickness; twice that
                // reaches through it from either face.
                let thickness = 2 * (try g.area) / max(try g.boundary().length, 1e-9)
                bodies.append(Body(wall: wall, geometry: g, reach: Self.snapTolerance + 2 * thickness, blocks: blocks))
            }
        }
        for opening in plan.openings where opening.info.level == level.id {
            try apply(opening)
        }
    }

    /// Cuts or closes walls for one opening.
    private mutating func apply(_ opening: Opening) throws {
        let line: [Point2]
        switch opening.shape {
        case .line(let points):
            line = points
        case .point(let p, let width):
            guard let snapped = snap(p, width: width) else {
                problems.append(PlanProblem(file: plan.file, feature: opening.id, property: "geometry",
                                            message: "the opening is near no wall on level `\(level.id)` (nearest wall must be within max(thickness/2, 0.05 m))"))
                return
            }
            line = snapped
        }
        let lineGeometry = try context.lineString(line)
        var touched: [Int] = []
        for (i, body) in bodies.enumerated() where try body.geometry.distance(lineGeometry) <= Self.snapTolerance + 1e-9 {
            touched.append(i)
        }
        if touched.isEmpty {
            problems.append(PlanProblem(file: plan.file, feature: opening.id, property: "geometry",
                                        message: "the opening lies on no wall of level `\(level.id)` (no wall within 0.05 m)"))
            return
        }
        if opening.isSeeThrough {
            for i in touched where bodies[i].blocks {
                let cut = try lineGeometry.buffer(bodies[i].reach, cap: .flat, join: .mitre)
                bodies[i].geometry = try bodies[i].geometry.difference(cut)
            }
        } else {
            closedLines.append(line)
        }
    }

    /// A Point opening of `width` centred on the nearest wall, along it.
    private func snap(_ p: Point2, width: Double) -> [Point2]? {
        var best: (distance: Double, point: Point2, along: Point2)?
        for body in bodies {
            let tolerance = max(body.wall.thicknessMetres / 2, Self.snapTolerance)
            let pieces: [Segment]
            switch body.wall.shape {
            case .lines(let lines): pieces = lines.flatMap { l in zip(l, l.dropFirst()).map { Segment($0, $1) } }
            case .polygons(let polys): pieces = polys.flatMap(\.edges)
            }
            for s in pieces {
                let d = s.distance(to: p)
                let inside = (try? body.geometry.covers(context.point(p))) ?? false
                guard d <= tolerance || inside else { continue }
                if best == nil || d < best!.distance {
                    let dir = s.b - s.a
                    best = (d, s.closestPoint(to: p), dir * (1 / dir.length))
                }
            }
        }
        guard let best else { return nil }
        let centre = best.point
        return [centre - best.along * (width / 2), centre + best.along * (width / 2)]
    }

    /// The noded segments of every blocking wall and closed opening, and the
    /// union of the solid wall bodies.
    func build() throws -> (segments: [Segment], solid: Geometry?) {
        var lines: [[Point2]] = closedLines
        var solids: [Geometry] = []
        for body in bodies where body.blocks {
            switch body.geometry.kind {
            case .polygon, .multiPolygon:
                solids.append(body.geometry)
                for polygon in try body.geometry.polygons() {
                    for ring in [polygon.shell] + polygon.holes { lines.append(ring + [ring[0]]) }
                }
            case .collection:
                for polygon in try body.geometry.polygons() {
                    for ring in [polygon.shell] + polygon.holes { lines.append(ring + [ring[0]]) }
                }
                lines += try body.geometry.lines()
            default:
                lines += try body.geometry.lines()
            }
        }
        lines = lines.filter { $0.count >= 2 }
        guard !lines.isEmpty else { return ([], nil) }
        let all = try context.collection(.multiLineString, lines.map { try context.lineString($0) })
        var segments: [Segment] = []
        for l in try all.noded().lines() {
            for (a, b) in zip(l, l.dropFirst()) where a != b { segments.append(Segment(a, b)) }
        }
        let solid = solids.isEmpty ? nil : try context.collection(.collection, solids).unaryUnion()
        return (segments, solid)
    }
}
