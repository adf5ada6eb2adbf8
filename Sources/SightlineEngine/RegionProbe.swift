import PlanarGeometry

/// A region (a camera's view) prepared for many "does this convex polygon
/// meet it?" questions — one per low-wall shadow, hundreds a camera on an
/// open-plan floor. The region's edges go into a uniform grid once (cheaper
/// to build than an STR tree for one camera's view, which is built for
/// each camera), so a question looks only at the edges near the convex
/// polygon instead of every vertex and edge of the view (an arc is
/// hundreds of chords).
///
/// The answer is the complete test for closed sets, touching included: a
/// vertex of the convex polygon inside the region, a vertex of the region
/// inside the convex polygon, or two edges meeting.
///
/// - Complexity: O(v) to build for v region vertices of short edges; a
///   question is O(g + k·c) for the g grid cells and k region edges its box
///   meets and a convex polygon of c vertices, plus O(v) only when no edge
///   decides it and a polygon's box holds its first vertex (the
///   point-in-polygon test).
struct RegionProbe {
    private let polygons: [PolygonRings]
    private let boxes: [Box]
    private let box: Box?
    private let edges: EdgeGrid
    /// How far outside a box a point may lie and still be covered
    /// (``PolygonRings/covers(_:tolerance:)``'s default tolerance).
    private static let slack = 1e-9

    init(_ polygons: [PolygonRings]) {
        self.polygons = polygons
        boxes = polygons.map { Box(covering: $0.shell) ?? Box(minX: 0, minY: 0, maxX: -1, maxY: -1) }
        box = Box(covering: polygons)
        edges = EdgeGrid(polygons, box: box)
    }

    /// Whether the closed region and the closed convex polygon `convex`
    /// (either orientation) share a point.
    func meets(convex: [Point2]) -> Bool {
        guard let own = Box(covering: convex), let box, own.intersects(box) else { return false }
        let near = Box(minX: own.minX - Self.slack, minY: own.minY - Self.slack, maxX: own.maxX + Self.slack, maxY: own.maxY + Self.slack)
        let hull = PolygonRings(shell: convex)
        let meetsAnEdge = edges.anyEdge(meeting: near) { e in
            if hull.covers(e.a) || hull.covers(e.b) { return true }
            var previous = convex[convex.count - 1]
            for corner in convex {
                if e.intersects(Segment(previous, corner)) { return true }
                previous = corner
            }
            return false
        }
        if meetsAnEdge { return true }
        let p = convex[0]
        for (polygon, b) in zip(polygons, boxes)
        where p.x >= b.minX - Self.slack && p.x <= b.maxX + Self.slack && p.y >= b.minY - Self.slack && p.y <= b.maxY + Self.slack {
            if polygon.covers(p) { return true }
        }
        return false
    }
}

/// A region's edges bucketed in a uniform grid of about one edge a cell.
/// An edge is filed in every cell its box overlaps; a query reports each
/// edge once.
private struct EdgeGrid {
    private var segments: [Segment] = []
    /// Cell k's edges are `members[starts[k]..<starts[k + 1]]` (one array, no allocation a cell).
    private var starts: [Int32] = []
    private var members: [Int32] = []
    private var columns = 1, rows = 1
    private var origin = Point2(0, 0)
    private var cell = 1.0

    init(_ polygons: [PolygonRings], box: Box?) {
        for polygon in polygons {
            for ring in [polygon.shell] + polygon.holes where ring.count >= 2 {
                for k in ring.indices { segments.append(Segment(ring[k], ring[(k + 1) % ring.count])) }
            }
        }
        guard let box, !segments.isEmpty else { return }
        let width = max(box.maxX - box.minX, 1e-9)
        let height = max(box.maxY - box.minY, 1e-9)
        cell = max((width * height / Double(segments.count)).squareRoot(), 1e-9)
        columns = min(max(Int(width / cell) + 1, 1), 1024)
        rows = min(max(Int(height / cell) + 1, 1), 1024)
        cell = max(width / Double(columns), height / Double(rows))
        origin = Point2(box.minX, box.minY)
        // Counting sort into cells: count, prefix sums, fill.
        var counts = [Int32](repeating: 0, count: columns * rows + 1)
        for s in segments {
            let (c0, r0, c1, r1) = range(s.box)
            for r in r0...r1 {
                for c in c0...c1 { counts[r * columns + c + 1] += 1 }
            }
        }
        for k in 1..<counts.count { counts[k] += counts[k - 1] }
        starts = counts
        members = [Int32](repeating: 0, count: Int(counts[counts.count - 1]))
        var next = counts
        for (index, s) in segments.enumerated() {
            let (c0, r0, c1, r1) = range(s.box)
            for r in r0...r1 {
                for c in c0...c1 {
                    members[Int(next[r * columns + c])] = Int32(index)
                    next[r * columns + c] += 1
                }
            }
        }
    }

    private func range(_ b: Box) -> (Int, Int, Int, Int) {
        func clamp(_ v: Double, _ n: Int) -> Int { min(max(Int(v), 0), n - 1) }
        return (
            clamp((b.minX - origin.x) / cell, columns), clamp((b.minY - origin.y) / cell, rows),
            clamp((b.maxX - origin.x) / cell, columns), clamp((b.maxY - origin.y) / cell, rows)
        )
    }

    /// Whether `test` holds for an edge whose box meets `box`; each such
    /// edge is tested at most once, with no allocation: an edge filed in
    /// several cells is taken in the first cell its range shares with the
    /// query's (boxes that meet have cell ranges that overlap).
    func anyEdge(meeting box: Box, where test: (Segment) -> Bool) -> Bool {
        guard !starts.isEmpty else { return false }
        let (c0, r0, c1, r1) = range(box)
        for r in r0...r1 {
            for c in c0...c1 {
                let k = r * columns + c
                for m in Int(starts[k])..<Int(starts[k + 1]) {
                    let s = segments[Int(members[m])]
                    let own = s.box
                    guard own.intersects(box) else { continue }
                    let (ec0, er0, _, _) = range(own)
                    guard c == max(c0, ec0), r == max(r0, er0) else { continue }
                    if test(s) { return true }
                }
            }
        }
        return false
    }
}
