import PlanarGeometry

/// A region (a camera's view) prepared for many "does this convex polygon
/// meet it?" questions — one per low-wall shadow, hundreds a camera on an
/// open-plan floor. The region's edges go into an STR tree once, so a
/// question looks only at the edges near the convex polygon instead of
/// every vertex and edge of the view (an arc is hundreds of chords).
///
/// The answer is the complete test for closed sets, touching included: a
/// vertex of the convex polygon inside the region, a vertex of the region
/// inside the convex polygon, or two edges meeting.
///
/// - Complexity: O(v log v) to build for v region vertices; a question is
///   O(log v + k·c) for the k region edges near a convex polygon of c
///   vertices, plus O(v) only when the region's box holds its first vertex
///   and no edge decides it (the point-in-polygon test).
struct RegionProbe {
    private let polygons: [PolygonRings]
    private let boxes: [Box]
    private let box: Box?
    private let edges: STRTree<Segment>
    /// How far outside a box a point may lie and still be covered
    /// (``PolygonRings/covers(_:tolerance:)``'s default tolerance).
    private static let slack = 1e-9

    init(_ polygons: [PolygonRings]) {
        self.polygons = polygons
        boxes = polygons.map { Box(covering: $0.shell) ?? Box(minX: 0, minY: 0, maxX: -1, maxY: -1) }
        box = Box(covering: polygons)
        edges = STRTree(polygons.flatMap(\.edges).map { ($0.box, $0) })
    }

    /// Whether the closed region and the closed convex polygon `convex`
    /// (either orientation) share a point.
    func meets(convex: [Point2]) -> Bool {
        guard let own = Box(covering: convex), let box, own.intersects(box) else { return false }
        let near = Box(minX: own.minX - Self.slack, minY: own.minY - Self.slack, maxX: own.maxX + Self.slack, maxY: own.maxY + Self.slack)
        let hull = PolygonRings(shell: convex)
        let candidates = edges.query(near)
        for e in candidates where hull.covers(e.a) || hull.covers(e.b) { return true }
        let sides = hull.edges
        for e in candidates {
            for side in sides where e.intersects(side) { return true }
        }
        let p = convex[0]
        for (polygon, b) in zip(polygons, boxes)
        where p.x >= b.minX - Self.slack && p.x <= b.maxX + Self.slack && p.y >= b.minY - Self.slack && p.y <= b.maxY + Self.slack {
            if polygon.covers(p) { return true }
        }
        return false
    }
}
