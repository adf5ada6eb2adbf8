import GEOS
import SightlinePlan

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Everything about one level that every camera on it shares, built once:
/// obstacle segments (walls minus see-through openings, plus closed doors and
/// frosted windows), noded and packed in an STR tree; and the level's zones,
/// valid and prepared.
///
/// A scene owns its GEOS context, so scenes of different levels can be built
/// and queried on different threads at the same time.
final class LevelScene {
    let level: Level
    let context: GEOSContext
    /// Noded obstacle segments: none crosses another except at end points.
    let segments: [Segment]
    let segmentIndex: STRTree<Int>
    /// Walls lower than the ceiling, with heights (2.5-D shadows).
    let lowSegments: [LowSegment]
    let lowIndex: STRTree<Int>
    /// Solid wall bodies (thick or polygon walls after cuts), to find lenses
    /// drawn inside a wall.
    let solid: SolidBodies?
    let zones: [SceneZone]
    /// The level's `void` zones (open to the levels above and below).
    let voids: [SceneZone]
    let zoneIndex: STRTree<Int>
    let site: SiteFeatures
    private(set) var problems: [PlanProblem] = []

    /// A zone of the level. Its GEOS geometry is made on first use: most
    /// rooms are never entered by any view, and a rectangle's intersection
    /// with a view is first tested in Swift.
    final class SceneZone {
        let zone: Zone
        let isProhibited: Bool
        let box: Box
        /// An axis-aligned rectangle: tested in Swift, clipped with `GEOSClipByRect`.
        let isRectangle: Bool
        private let context: GEOSContext
        private var cachedGeometry: Geometry?
        private var cachedPrepared: PreparedGeometry?

        init(zone: Zone, geometry: Geometry?, isProhibited: Bool, box: Box, isRectangle: Bool, context: GEOSContext) {
            self.zone = zone
            self.cachedGeometry = geometry
            self.isProhibited = isProhibited
            self.box = box
            self.isRectangle = isRectangle
            self.context = context
        }

        /// The zone as a valid GEOS geometry.
        func geometry() throws -> Geometry {
            if let cachedGeometry { return cachedGeometry }
            let g = try context.multiPolygon(zone.polygons)
            cachedGeometry = g
            return g
        }

        /// The zone prepared for repeated predicates.
        func prepared() throws -> PreparedGeometry {
            if let cachedPrepared { return cachedPrepared }
            let p = try geometry().prepared()
            cachedPrepared = p
            return p
        }
    }

    init(level: Level, contents: LevelContents, plan: Plan, prohibited: Set<ZoneCategory>, context: GEOSContext? = nil) throws {
        self.level = level
        let ctx = context ?? GEOSContext()
        self.context = ctx
        var problems: [PlanProblem] = []
        let file = plan.file

        // Zones.
        var zones: [SceneZone] = []
        for zone in contents.zones {
            // A convex ring is valid by construction; anything else is checked
            // (and repaired) now, so the warning is given whether or not a view
            // ever reaches the zone.
            var geometry: Geometry?
            if !(zone.polygons.count == 1 && zone.polygons[0].isConvex) {
                var repairs: [String] = []
                geometry = try Self.zoneGeometry(zone.polygons, context: ctx, repairs: &repairs)
                for repair in repairs {
                    problems.append(PlanProblem(.warning, file: file, feature: zone.id, property: "geometry", message: repair))
                }
            }
            guard let box = try geometry?.bounds ?? Box(covering: zone.polygons) else { continue }
            let rectangle = zone.polygons.count == 1 && zone.polygons[0].isAxisAlignedRectangle
            zones.append(
                SceneZone(
                    zone: zone, geometry: geometry, isProhibited: prohibited.contains(zone.category) || zone.occupiedByOthers,
                    box: box, isRectangle: rectangle, context: ctx))
        }
        self.zones = zones
        self.voids = zones.filter { $0.zone.category == .void }
        self.zoneIndex = STRTree(boxes: zones.map { $0.box })
        self.site = try SiteFeatures(plan: plan, context: ctx)

        // Walls as GEOS geometry: zero-thickness lines stay lines, the rest are bodies.
        let builder = try ObstacleBuilder(level: level, contents: contents, plan: plan, context: ctx)
        problems += builder.problems
        let obstacles = try builder.build()
        self.segments = obstacles.segments
        self.segmentIndex = obstacles.index
        self.lowSegments = obstacles.low
        self.lowIndex = obstacles.lowIndex
        self.solid = try SolidBodies(obstacles.solidBodies)
        self.problems = problems
    }

    /// A zone's area as GEOS geometry: each part made valid on its own, then
    /// the parts unioned when they overlap. A MultiPolygon whose second part
    /// lies inside the first (a stall drawn inside its room) is invalid, and
    /// GEOSMakeValid on the whole would turn the stall into a hole, so a
    /// camera in the stall would stand outside the toilet; a zone's parts
    /// are all zone, never holes.
    static func zoneGeometry(_ polygons: [PolygonRings], context ctx: GEOSContext, repairs: inout [String]) throws -> Geometry {
        var parts: [Geometry] = []
        for (i, polygon) in polygons.enumerated() {
            var part = try ctx.polygon(polygon)
            if let reason = try part.validityReason {
                part = try part.madeValid()
                repairs.append("invalid polygon\(polygons.count > 1 ? " (part \(i + 1))" : "") (\(reason)); repaired with GEOSMakeValid")
            }
            parts.append(part)
        }
        guard parts.count > 1 else { return parts[0] }
        // A repaired part may be a MultiPolygon itself: union as a collection.
        if !repairs.isEmpty { return try ctx.collection(.collection, parts).unaryUnion() }
        let whole = try ctx.collection(.multiPolygon, parts)
        guard let reason = try whole.validityReason else { return whole }
        repairs.append("parts overlap or nest (\(reason)); unioned into one area, so no part becomes a hole")
        return try whole.unaryUnion()
    }

    /// Low wall pieces whose boxes reach within `radius` of `p`.
    func lowSegments(near p: Point2, radius: Double) -> [LowSegment] {
        var out: [LowSegment] = []
        lowIndex.query(Box(around: p, radius: radius)) { out.append(lowSegments[$0]) }
        return out
    }

    /// Obstacle segments whose boxes reach within `radius` of `p`.
    func segments(near p: Point2, radius: Double) -> [Segment] {
        var out: [Segment] = []
        segmentIndex.query(Box(around: p, radius: radius)) { out.append(segments[$0]) }
        return out
    }
}
