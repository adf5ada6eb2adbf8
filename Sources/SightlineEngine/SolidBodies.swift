import GEOS
import SightlinePlan

/// A level's solid wall bodies (thick or polygon walls after their openings'
/// cuts), kept apart with their boxes, to find lenses drawn inside a wall.
///
/// The bodies are not unioned: the union of a level's bodies was GEOS's
/// cascaded union, 4 % of a whole check on the mall, for a question asked
/// once a camera. A point lies in the interior of the union exactly when it
/// lies in the interior of the union of the bodies that *cover* it — the
/// others are closed sets at a positive distance from it, so a small enough
/// neighbourhood misses them — and that is one or two bodies: a lens on
/// the joint between two abutting bodies is inside the wall, as it was.
struct SolidBodies {
    private let bodies: [PreparedGeometry]
    private let index: STRTree<Int>

    /// `nil` when there are no bodies.
    init?(_ bodies: [Geometry]) throws {
        guard !bodies.isEmpty else { return nil }
        var boxes: [(box: Box, item: Int)] = []
        for (i, body) in bodies.enumerated() {
            if let box = try body.bounds { boxes.append((box, i)) }
        }
        // GEOS prepares lazily: a body's index is built on its first test.
        self.bodies = try bodies.map { try $0.prepared() }
        self.index = STRTree(boxes)
    }

    /// Whether `p` lies in the interior of the union of the bodies.
    ///
    /// - Complexity: an STR-tree query, and GEOS point-in-polygon tests on
    ///   the few bodies whose boxes hold `p`; a union only when two or more
    ///   of them cover it.
    func containsProperly(_ p: Point2, context: GEOSContext) throws -> Bool {
        var covering: [Geometry] = []
        for i in index.query(Box(around: p, radius: 0)).sorted() {
            let body = bodies[i]
            if try body.containsProperly(p) { return true }
            if try body.covers(p) { covering.append(body.base) }
        }
        guard covering.count >= 2 else { return false }
        return try context.collection(.collection, covering).unaryUnion().prepared().containsProperly(p)
    }
}
