import PlanarGeometry

/// Walls along area outlines, for sources that draw rooms but not walls
/// (IMDF units, OSM indoor rooms): every edge once, however many outlines
/// share it, and only where at least one of them is walled (nothing stands
/// between two open areas).
///
/// Edges are matched by their end points (to 1e-9 in the source's units:
/// shared outlines share their vertices in both formats).
///
/// Complexity: O(edges).
struct BoundaryWalls {
    private struct Key: Hashable {
        var level: String
        var a: [Int64]
        var b: [Int64]
    }
    private var edges: [Key: (segment: [Point2], walled: Bool)] = [:]
    private var order: [Key] = []

    /// Adds an outline's edges; `walled` says whether its own edges are walls.
    mutating func add(ring: [Point2], level: String, walled: Bool) {
        func key(_ p: Point2) -> [Int64] { [Int64((p.x * 1e9).rounded()), Int64((p.y * 1e9).rounded())] }
        for (a, b) in zip(ring, ring.dropFirst()) where a != b {
            let (ka, kb) = (key(a), key(b))
            let k = ka.lexicographicallyPrecedes(kb) ? Key(level: level, a: ka, b: kb) : Key(level: level, a: kb, b: ka)
            if let e = edges[k] {
                edges[k] = (e.segment, e.walled || walled)
            } else {
                edges[k] = ([a, b], walled)
                order.append(k)
            }
        }
    }

    /// The walled edges in the order first seen, with their level.
    var walls: [(level: String, segment: [Point2])] {
        order.compactMap { k in edges[k].flatMap { $0.walled ? (k.level, $0.segment) : nil } }
    }
}
