import PlanarGeometry
import SightlinePlan

/// A level's openings and signs in STR trees, built once per signage check,
/// so finding a zone's doors and the signs near them costs O(log n + k)
/// rather than a scan of every opening and sign of the level for every zone
/// (a 300 m terminal's 2,500 kiosks spent 15 % of a whole check on it).
struct SignageIndex {
    private let openings: [[Segment]]
    private let openingTree: STRTree<Int>
    private let signs: [Sign]
    private let signTree: STRTree<Int>

    init(_ contents: LevelContents) {
        openings = contents.openings.map { opening in
            switch opening.shape {
            case .line(let points): zip(points, points.dropFirst()).map { Segment($0, $1) }
            case .point(let p, _): [Segment(p, p)]
            }
        }
        openingTree = STRTree(
            openings.enumerated().compactMap { i, pieces in
                Box(covering: pieces.flatMap { [$0.a, $0.b] }).map { (box: $0, item: i) }
            })
        signs = contents.signs
        signTree = STRTree(boxes: signs.map { Box(around: $0.position, radius: 0) })
    }

    /// The openings with a piece within `tolerance` of an edge of `zone`, as segments.
    func openings(onBoundaryOf zone: Zone, tolerance: Double) -> [[Segment]] {
        guard var box = Box(covering: zone.polygons) else { return [] }
        box.minX -= tolerance
        box.minY -= tolerance
        box.maxX += tolerance
        box.maxY += tolerance
        let edges = zone.polygons.flatMap(\.edges)
        return openingTree.query(box).sorted().compactMap { i in
            let pieces = openings[i]
            return pieces.contains { piece in edges.contains { $0.distance(to: piece) <= tolerance } } ? pieces : nil
        }
    }

    /// Whether a sign stands inside the zone (edge included).
    func hasSign(inside zone: Zone) -> Bool {
        guard let box = Box(covering: zone.polygons) else { return false }
        return signTree.query(box).contains { i in zone.polygons.contains { $0.covers(signs[i].position) } }
    }

    /// Whether a sign stands within `distance` of any of the segments.
    func hasSign(within distance: Double, of pieces: [[Segment]]) -> Bool {
        pieces.joined().contains { piece in
            guard var box = Box(covering: [piece.a, piece.b]) else { return false }
            box.minX -= distance
            box.minY -= distance
            box.maxX += distance
            box.maxY += distance
            return signTree.query(box).contains { piece.distance(to: signs[$0].position) <= distance }
        }
    }
}
