import GEOS
import SightlinePlan

/// Turns a level's walls and openings into noded obstacle segments.
///
/// - Opaque walls block; glass walls do not. Walls drawn as lines with a
///   thickness become bodies (flat-capped, mitred buffers), so a thick wall
///   narrows what is seen through its doorways as the real jambs do.
/// - A see-through opening (open door, passage, clear window) cuts every wall
///   it lies on along its length, through the wall's full thickness, and
///   nothing else: a wall that meets the opening at an angle — at its end or
///   across it — stays whole (``Segment/removing(runningAlong:tolerance:)``
///   for thin walls, `bandCut` for bodies).
/// - A closed door or frosted window adds its own line as an obstacle, so a
///   door drawn in a gap between walls closes the gap.
/// - Opaque walls lower than the level's ceiling are kept apart, with their
///   heights, for the 2.5-D shadows of ``LowWallShadows``; openings cut them
///   like any wall.
/// A piece of a wall lower than the ceiling, with its height in metres.
struct LowSegment: Sendable {
    var segment: Segment
    var height: Double
}

/// What the builder hands the level scene.
struct Obstacles {
    /// Full-height blockers, noded.
    var segments: [Segment]
    var index: STRTree<Int>
    /// Low walls, for 2.5-D shadows.
    var low: [LowSegment]
    var lowIndex: STRTree<Int>
    /// Solid wall bodies, not unioned (``SolidBodies``).
    var solidBodies: [Geometry]
}

struct ObstacleBuilder {
    /// A wall as the builder holds it: infinitely thin lines are cut
    /// exactly in Swift (the common case, and the fast one); bodies with
    /// thickness stay in GEOS.
    private enum Shape {
        case thin([Segment])
        case body(Geometry, cuts: [Geometry])
    }

    private struct Wall2 {
        let wall: Wall
        var shape: Shape
        /// How far a cut must reach either side of an opening's line to go
        /// through this wall's full thickness.
        let reach: Double
        /// Opaque and full height: part of the swept obstacles.
        let blocks: Bool
        /// Opaque but lower than the ceiling: casts 2.5-D shadows.
        let lowHeight: Double?
        /// The wall's bounding box grown by the snap tolerance.
        let box: Box
    }

    let level: Level
    let plan: Plan
    let context: GEOSContext
    private(set) var problems: [PlanProblem] = []
    private var walls: [Wall2] = []
    private var wallIndex = STRTree<Int>([])
    private var closedLines: [Segment] = []

    /// Openings snap to walls within this distance (the spec's 0.05 m).
    static let snapTolerance = 0.05

    init(level: Level, contents: LevelContents, plan: Plan, context ctx: GEOSContext) throws {
        self.level = level
        self.plan = plan
        self.context = ctx
        for wall in contents.walls {
            let partial = wall.heightMetres.map { $0 < level.height } ?? false
            let blocks = wall.material == .opaque && !partial
            let lowHeight = wall.material == .opaque && partial ? wall.heightMetres : nil
            switch wall.shape {
            case .lines(let lines):
                let box = Self.box(lines.flatMap { $0 }, grownBy: wall.thicknessMetres / 2 + Self.snapTolerance)
                if wall.thicknessMetres > 0 {
                    let g = try ctx.collection(.multiLineString, lines.map { try ctx.lineString($0) })
                        .buffer(wall.thicknessMetres / 2, cap: .flat, join: .mitre)
                    walls.append(
                        Wall2(
                            wall: wall, shape: .body(g, cuts: []), reach: Self.snapTolerance + wall.thicknessMetres,
                            blocks: blocks, lowHeight: lowHeight, box: box))
                } else {
                    let segments = lines.flatMap { l in zip(l, l.dropFirst()).map { Segment($0, $1) } }
                    walls.append(
                        Wall2(
                            wall: wall, shape: .thin(segments), reach: Self.snapTolerance, blocks: blocks,
                            lowHeight: lowHeight, box: box))
                }
            case .polygons(let polygons):
                var g = try ctx.multiPolygon(polygons)
                if let reason = try g.validityReason {
                    g = try g.madeValid()
                    problems.append(
                        PlanProblem(
                            .warning, file: plan.file, feature: wall.id, property: "geometry",
                            message: "invalid polygon (\(reason)); repaired with GEOSMakeValid"))
                }
                // 2·area/perimeter estimates a wall body's thickness; twice that
                // reaches through it from either face.
                let thickness = 2 * (try g.area) / max(try g.boundary().length, 1e-9)
                walls.append(
                    Wall2(
                        wall: wall, shape: .body(g, cuts: []), reach: Self.snapTolerance + 2 * thickness,
                        blocks: blocks, lowHeight: lowHeight,
                        box: Self.box(polygons.flatMap(\.shell), grownBy: Self.snapTolerance)))
            }
        }
        wallIndex = STRTree(boxes: walls.map { $0.box })
        for opening in contents.openings {
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
            guard let snapped = try snap(p, width: width) else {
                problems.append(
                    PlanProblem(
                        file: plan.file, feature: opening.id, property: "geometry",
                        message:
                            "the opening is near no wall on level `\(level.id)` (the nearest wall must be within max(thickness/2, 0.05 m))")
                )
                return
            }
            line = snapped
        }
        let pieces = zip(line, line.dropFirst()).map { Segment($0, $1) }
        guard let lineBox = Box(covering: line) else { return }
        var lineGeometry: Geometry?
        var touched: [Int] = []
        for i in wallIndex.query(lineBox).sorted() {
            switch walls[i].shape {
            case .thin(let segments):
                let near = segments.contains { s in pieces.contains { s.distance(to: $0) <= Self.snapTolerance + 1e-9 } }
                if near { touched.append(i) }
            case .body(let g, _):
                if lineGeometry == nil { lineGeometry = try context.lineString(line) }
                if try g.distance(lineGeometry!) <= Self.snapTolerance + 1e-9 { touched.append(i) }
            }
        }
        if touched.isEmpty {
            problems.append(
                PlanProblem(
                    file: plan.file, feature: opening.id, property: "geometry",
                    message: "the opening lies on no wall of level `\(level.id)` (no wall within 0.05 m)"))
            return
        }
        guard opening.isSeeThrough else {
            closedLines += pieces
            return
        }
        for i in touched where walls[i].blocks || walls[i].lowHeight != nil {
            switch walls[i].shape {
            case .thin(let segments):
                var kept = segments
                for cut in pieces { kept = kept.flatMap { $0.removing(runningAlong: cut, tolerance: walls[i].reach) } }
                walls[i].shape = .thin(kept)
            case .body(let g, let cuts):
                walls[i].shape = .body(g, cuts: cuts + (try pieces.flatMap { try bandCut(through: g, along: $0, reach: walls[i].reach) }))
            }
        }
    }

    /// The part of the band of half-width `reach` along `piece` (flat ends)
    /// that an opening cuts out of a wall body: all of it, except across the
    /// stretches where the body reaches beyond the band's long sides. There
    /// the body is a wall meeting the opening at an angle — a partition at a
    /// door's end, the other arm of a room's corner — which the opening does
    /// not lie on, so it stays whole.
    ///
    /// - Complexity: two GEOS line–polygon intersections, O(v log v) in the
    ///   body's v vertices.
    private func bandCut(through body: Geometry, along piece: Segment, reach: Double) throws -> [Geometry] {
        let axis = piece.b - piece.a
        let length = axis.length
        guard length > 0 else { return [] }
        let u = axis * (1 / length)
        let n = Point2(-u.y, u.x) * reach
        var blocked: [(Double, Double)] = []
        for side in [n, n * -1] {
            let crossing = try body.intersection(context.lineString([piece.a + side, piece.b + side]))
            for part in try crossing.parts() where !(try part.isEmpty) {
                let along = try part.kind == .polygon ? part.polygons().flatMap(\.shell) : part.vertices()
                let t = along.map { ($0 - piece.a).dot(u) }
                if let lo = t.min(), let hi = t.max() { blocked.append((lo, hi)) }
            }
        }
        var free: [(Double, Double)] = []
        var start = 0.0
        for (lo, hi) in blocked.sorted(by: { $0.0 < $1.0 }) {
            if lo > start { free.append((start, min(lo, length))) }
            start = max(start, hi)
            if start >= length { break }
        }
        if start < length { free.append((start, length)) }
        return try free.filter { $0.1 - $0.0 > 1e-9 }.map { lo, hi in
            let p = piece.a + u * lo
            let q = piece.a + u * hi
            return try context.polygon(PolygonRings(shell: [p - n, q - n, q + n, p + n]))
        }
    }

    /// A Point opening of `width` centred on the nearest wall, along it.
    private func snap(_ p: Point2, width: Double) throws -> [Point2]? {
        var best: (distance: Double, point: Point2, along: Point2)?
        for i in wallIndex.query(Box(around: p, radius: 0)) {
            let wall = walls[i]
            let tolerance = max(wall.wall.thicknessMetres / 2, Self.snapTolerance)
            let pieces: [Segment]
            switch wall.wall.shape {
            case .lines(let lines): pieces = lines.flatMap { l in zip(l, l.dropFirst()).map { Segment($0, $1) } }
            case .polygons(let polys): pieces = polys.flatMap(\.edges)
            }
            var inside = false
            if case .body(let g, _) = wall.shape, case .polygons = wall.wall.shape { inside = try g.covers(context.point(p)) }
            for s in pieces {
                let d = s.distance(to: p)
                guard d <= tolerance || inside else { continue }
                if best == nil || d < best!.distance {
                    let dir = s.b - s.a
                    best = (d, s.closestPoint(to: p), dir * (1 / dir.length))
                }
            }
        }
        guard let best else { return nil }
        return [best.point - best.along * (width / 2), best.point + best.along * (width / 2)]
    }

    private static func box(_ points: [Point2], grownBy margin: Double) -> Box {
        var b = Box(covering: points) ?? Box(minX: 0, minY: 0, maxX: 0, maxY: 0)
        b.minX -= margin
        b.minY -= margin
        b.maxX += margin
        b.maxY += margin
        return b
    }

    /// The noded segments of every blocking wall and closed opening, and the
    /// solid wall bodies.
    ///
    /// Noding (`GEOSNode`, robust) runs only when two segments properly
    /// cross: walls that meet end to end or in T-junctions need none, because
    /// the sweep treats every end point as a critical angle anyway.
    func build() throws -> Obstacles {
        var segments: [Segment] = closedLines
        var low: [LowSegment] = []
        var solids: [Geometry] = []
        for wall in walls where wall.blocks || wall.lowHeight != nil {
            var pieces: [Segment]
            switch wall.shape {
            case .thin(let thin):
                pieces = thin
            case .body(var g, let cuts):
                if !cuts.isEmpty {
                    g = try g.difference(cuts.count == 1 ? cuts[0] : try context.collection(.collection, cuts).unaryUnion())
                }
                if wall.blocks { solids.append(g) }
                pieces = try g.polygons().flatMap(\.edges)
            }
            if let height = wall.lowHeight {
                low += pieces.filter { $0.a != $0.b }.map { LowSegment(segment: $0, height: height) }
            } else {
                segments += pieces
            }
        }
        segments.removeAll { $0.a == $0.b }
        var index = Self.index(segments)
        if Self.anyProperCrossing(segments, index) {
            let all = try context.collection(.multiLineString, segments.map { try context.lineString([$0.a, $0.b]) })
            segments = []
            for l in try all.noded().lines() {
                for (a, b) in zip(l, l.dropFirst()) where a != b { segments.append(Segment(a, b)) }
            }
            index = Self.index(segments)
        }
        let lowIndex = STRTree(boxes: low.map { $0.segment.box })
        return Obstacles(segments: segments, index: index, low: low, lowIndex: lowIndex, solidBodies: solids)
    }

    private static func index(_ segments: [Segment]) -> STRTree<Int> {
        STRTree(boxes: segments.map { $0.box })
    }

    /// Whether any two segments cross at a point interior to both.
    static func anyProperCrossing(_ segments: [Segment], _ tree: STRTree<Int>) -> Bool {
        for (i, s) in segments.enumerated() {
            var found = false
            tree.query(s.box) { j in if j > i, !found, s.properlyCrosses(segments[j]) { found = true } }
            if found { return true }
        }
        return false
    }
}
