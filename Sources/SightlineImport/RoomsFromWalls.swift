import GEOS
import PlanarGeometry

/// Rooms for a drawing that has walls but no room outlines: the faces the
/// wall lines enclose, once each door gap is closed.
///
/// A room must not leak through a gap into its corridor: a toilet that
/// merged with the corridor would lose its category, a privacy false
/// negative. So gaps are closed first: door blocks already put a wall line
/// across theirs; a plain doorway is found as two jamb caps (the short
/// lines that close a double-line wall's ends) facing each other across
/// 0.5–3 m, and a line joins their midpoints. Faces thinner than
/// ``minThicknessMetres`` (2·area/perimeter: the bodies of double-line
/// walls) or smaller than ``minAreaSquareMetres`` are dropped.
///
/// Complexity: O(caps²) to pair jambs (a floor has tens to hundreds), then
/// GEOS noding and polygonizing, O(n log n) in the wall segments.
enum RoomsFromWalls {
    static let maxCapMetres = 0.4
    static let gapMetres = 0.5...3.0
    static let minThicknessMetres = 0.3
    static let minAreaSquareMetres = 1.0

    /// The rooms' outlines (closed rings), in drawing units.
    static func rooms(walls: [[Point2]], metresPerUnit m: Double) throws -> [[Point2]] {
        let segments = walls.flatMap { line in zip(line, line.dropFirst()).map { Segment($0, $1) } }.filter { $0.a != $0.b }
        let caps = segments.filter { ($0.b - $0.a).length * m <= maxCapMetres }
        var closing: [[Point2]] = []
        var used = Set<Int>()
        for i in caps.indices where !used.contains(i) {
            let a = caps[i]
            let mid = (a.a + a.b) * 0.5
            let dir = a.b - a.a
            var best: (index: Int, distance: Double)?
            for j in caps.indices where j != i && !used.contains(j) {
                let b = caps[j]
                let other = (b.a + b.b) * 0.5
                let gap = other - mid
                let d = gap.length
                guard gapMetres.contains(d * m) else { continue }
                // Parallel caps, facing each other across the gap.
                let bdir = b.b - b.a
                guard abs(dir.cross(bdir)) <= 0.1 * dir.length * bdir.length, abs(dir.dot(gap)) <= 0.1 * dir.length * d else { continue }
                if d < (best?.distance ?? .infinity) { best = (j, d) }
            }
            if let best {
                used.insert(i)
                used.insert(best.index)
                closing.append([mid, (caps[best.index].a + caps[best.index].b) * 0.5])
            }
        }
        let ctx = GEOSContext()
        let lines = try (walls + closing).filter { $0.count >= 2 }.map { try ctx.lineString($0) }
        guard !lines.isEmpty else { return [] }
        let faces = try ctx.collection(.multiLineString, lines).unaryUnion().polygonized().polygons()
        return faces.filter { face in
            let area = face.area * m * m
            let perimeter = face.edges.reduce(0) { $0 + ($1.b - $1.a).length } * m
            return area >= minAreaSquareMetres && 2 * area / max(perimeter, 1e-9) >= minThicknessMetres
        }.map { $0.shell + [$0.shell[0]] }
    }
}
