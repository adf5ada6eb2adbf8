import Foundation
import OGR
import PlanarGeometry

/// Doors a drawing draws instead of inserting a door block: a leaf and its
/// swing arc (FreeCAD, hand drafting: 4 of 7 real drawings tried), or a
/// doorway outline on a door layer (Azure Maps Creator packages).
///
/// A doorway outline is a thin rectangle on a door layer whose two short
/// sides meet walls (the jambs): the doorway runs through its middle, along
/// its length. A thin rectangle free at one end is a leaf drawn open, not a
/// doorway, and is left alone.
///
/// A swing door is an arc of 60–100° whose radius is a door's width
/// (0.5–1.6 m) and a leaf: lines or a thin outline lying along one radius,
/// from the arc's centre (the hinge) to one end of the arc (the leaf's tip,
/// the door drawn open). The arc's other end is where the leaf closes, on
/// the far jamb, so the doorway runs from the hinge to that end. Without a
/// leaf the drawing does not say which end is which, and the arc is left
/// as it is (and named). The arc and the leaf are the door, not walls: left
/// as walls they would close the doorway they draw.
///
/// Complexity: O(E log E + A·(log E + k)) for E entities and A arcs, with k
/// the short entities within a door's reach of an arc (an ``STRTree`` holds
/// the entities no longer than that reach).
struct DXFDrawnDoors {
    /// A doorway: the line across the gap, hinge to far jamb.
    struct Doorway {
        var ends: [Point2]
        var layer: String
        /// The arc's entity handle, for the summary.
        var handle: String?
    }

    /// Doors are 0.5–1.6 m wide (a leaf of a double door to a wide single).
    static let leafWidths = 0.5...1.6
    /// A swing drawn open at a right angle, give or take.
    static let sweeps = 60.0...100.0

    private(set) var doorways: [Doorway] = []
    /// How many of ``doorways`` (the first) are outlines; the rest are swings.
    private(set) var outlineDoorways = 0
    /// The records (by index) that drew them — swing arcs and leaf lines —
    /// which are therefore not walls.
    private(set) var consumed: Set<Int> = []
    /// Arcs shaped like a swing with no leaf along either radius.
    private(set) var unreadArcs: [String] = []

    /// Finds the swing doors among `records` on layers whose role (`roles`)
    /// is doors or walls.
    init(records: [OGRRecord], roles: (String) -> DXFLayerRole?, unitMetres: Double) {
        let maxReach = Self.leafWidths.upperBound / unitMetres * 1.25
        var arcs: [(index: Int, points: [Point2], layer: String)] = []
        var outlines: [(index: Int, ends: [Point2], jambs: [Point2], reach: Double, layer: String)] = []
        var wallSegments: [(box: Box, item: Segment)] = []
        var short: [(box: Box, item: LeafCandidate)] = []
        for (i, r) in records.enumerated() where r.fields["PaperSpace"] == nil && r.fields["BlockName"] == nil {
            let layer = r.fields["Layer"]?.text ?? "0"
            guard let role = roles(layer), role == .door || role == .wall, let shape = r.shape else { continue }
            let points = shape.points
            guard points.count >= 2 else { continue }
            if r.fields["SubClasses"]?.text.hasSuffix("AcDbArc") == true {
                arcs.append((i, points, layer))
                continue
            }
            // Only an entity no longer than a door's reach can be a leaf.
            if let box = Box(covering: points), box.maxX - box.minX <= maxReach, box.maxY - box.minY <= maxReach {
                short.append((box, LeafCandidate(index: i, points: points, isDoorLayer: role == .door)))
            }
            if role == .wall {
                for (a, b) in zip(points, points.dropFirst()) where a != b {
                    wallSegments.append((Box(covering: [a, b])!, Segment(a, b)))
                }
            } else if let ring = DXFImporter.closedRing(shape), let doorway = Self.doorway(outline: ring) {
                outlines.append((i, doorway.ends, doorway.ends, doorway.thickness, layer))
            }
        }
        let walls = STRTree(wallSegments)
        let candidates = STRTree(short)
        for outline in outlines {
            // Each short side's middle within the outline's own thickness of a wall: a doorway between jambs.
            let atJambs = outline.jambs.allSatisfy { jamb in
                walls.query(Box(around: jamb, radius: outline.reach)).contains { $0.distance(to: jamb) <= outline.reach }
            }
            guard atJambs else { continue }
            doorways.append(Doorway(ends: outline.ends, layer: outline.layer, handle: records[outline.index].fields["EntityHandle"]?.text))
            consumed.insert(outline.index)
        }
        outlineDoorways = doorways.count
        for arc in arcs {
            guard let swing = Self.swing(arc.points), Self.leafWidths.contains(swing.radius * unitMetres) else { continue }
            let tolerance = max(0.08 / unitMetres, swing.radius * 0.1)
            // The leaf lies along the radius to one end: that end is its tip.
            // Per end: the entities along the radius to it, and whether one
            // of them runs at least half its length (a leaf, not the short
            // side of a leaf's outline or a jamb's end cap at the hinge).
            var leaves: [[Int]] = [[], []]
            var spans = [false, false]
            for (side, tip) in [swing.a, swing.b].enumerated() {
                let leaf = Segment(swing.centre, tip)
                candidates.query(Box(around: swing.centre, radius: swing.radius + tolerance)) { candidate in
                    guard !consumed.contains(candidate.index), candidate.points.allSatisfy({ leaf.distance(to: $0) <= tolerance })
                    else { return }
                    let along = candidate.points.map { ($0 - swing.centre).dot(tip - swing.centre) / swing.radius }
                    let spanning = (along.max() ?? 0) - (along.min() ?? 0) >= swing.radius * 0.5
                    spans[side] = spans[side] || spanning
                    // On a wall layer only the leaf's own lines are the door's.
                    if spanning || candidate.isDoorLayer { leaves[side].append(candidate.index) }
                }
            }
            let handle = records[arc.index].fields["EntityHandle"]?.text
            guard spans[0] != spans[1] else {
                unreadArcs.append(handle.map { "arc \($0)" } ?? "an arc on layer \(arc.layer)")
                continue
            }
            let tipSide = spans[0] ? 0 : 1
            let closedEnd = tipSide == 0 ? swing.b : swing.a
            doorways.append(Doorway(ends: [swing.centre, closedEnd], layer: arc.layer, handle: handle))
            consumed.insert(arc.index)
            consumed.formUnion(leaves[tipSide])
        }
    }

    /// The radii (drawing units) of the arcs on door layers shaped like a
    /// swing, for telling the drawing's unit from its doors.
    static func swingRadii(_ records: [OGRRecord], mapping: DXFLayerMapping) -> [Double] {
        var isDoorLayer: [String: Bool] = [:]
        var radii: [Double] = []
        for r in records where r.fields["PaperSpace"] == nil && r.fields["SubClasses"]?.text.hasSuffix("AcDbArc") == true {
            let layer = r.fields["Layer"]?.text ?? "0"
            let door = isDoorLayer[layer] ?? (mapping.role(of: layer) == .door)
            isDoorLayer[layer] = door
            if door, let points = r.shape?.points, let swing = swing(points) { radii.append(swing.radius) }
        }
        return radii
    }

    /// The centre, radius and ends of `points` (an arc as GDAL draws it)
    /// when its sweep is a door's (``sweeps``); `nil` otherwise.
    static func swing(_ points: [Point2]) -> (centre: Point2, radius: Double, a: Point2, b: Point2)? {
        guard points.count >= 3, let a = points.first, let b = points.last else { return nil }
        let m = points[points.count / 2]
        // The circle through three points, worked out from `a` (coordinates
        // of 60,000 mm lose digits when squared as they are).
        let p = m - a
        let q = b - a
        let d = 2 * p.cross(q)
        guard abs(d) > 1e-12 * max(1, p.dot(p) * q.dot(q)) else { return nil }
        let pp = p.dot(p)
        let qq = q.dot(q)
        let centre = a + Point2((q.y * pp - p.y * qq) / d, (p.x * qq - q.x * pp) / d)
        let radius = centre.distance(to: a)
        func angle(_ u: Point2, _ v: Point2) -> Double {
            let cosine = (u - centre).dot(v - centre) / (radius * radius)
            return acos(min(1, max(-1, cosine))) * 180 / .pi
        }
        guard sweeps.contains(angle(a, m) + angle(m, b)) else { return nil }
        return (centre, radius, a, b)
    }

    /// A doorway drawn as a thin outline on a door layer (a rectangle a
    /// door wide and a wall thick, at least 2.5 times as long as it is
    /// thick): the line along its length through its middle, and the
    /// thickness; `nil` for any other shape.
    static func doorway(outline ring: [Point2]) -> (ends: [Point2], thickness: Double)? {
        var corners = ring
        if corners.count > 1, corners.first == corners.last { corners.removeLast() }
        guard corners.count == 4 else { return nil }
        let sides = (0..<4).map { corners[$0].distance(to: corners[($0 + 1) % 4]) }
        // Opposite sides equal: a rectangle's (or a parallelogram's).
        guard abs(sides[0] - sides[2]) <= 0.01 * max(sides[0], sides[2]), abs(sides[1] - sides[3]) <= 0.01 * max(sides[1], sides[3])
        else { return nil }
        let long = sides[0] >= sides[1] ? 0 : 1
        let thickness = sides[(long + 1) % 4]
        guard thickness > 0, sides[long] >= 2.5 * thickness else { return nil }
        // The middles of the two short sides.
        let short = (long + 1) % 4
        let first = (corners[short] + corners[(short + 1) % 4]) * 0.5
        let second = (corners[(short + 2) % 4] + corners[(short + 3) % 4]) * 0.5
        return ([first, second], thickness)
    }
}

/// An entity short enough to be a door's leaf, with what the leaf test reads.
private struct LeafCandidate: Sendable {
    var index: Int
    var points: [Point2]
    var isDoorLayer: Bool
}
