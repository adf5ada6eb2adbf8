#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A polygon as plain values: an outer ring and holes, each ring closed
/// implicitly (the first point is not repeated at the end).
public struct PolygonRings: Sendable, Equatable {
    public var shell: [Point2]
    public var holes: [[Point2]]
    public init(shell: [Point2], holes: [[Point2]] = []) {
        self.shell = shell
        self.holes = holes
    }

    /// Signed-area-free absolute area by the shoelace formula: shell minus holes.
    public var area: Double {
        abs(Self.signedArea(shell)) - holes.reduce(0) { $0 + abs(Self.signedArea($1)) }
    }

    /// Shoelace sum over a ring; positive when counter-clockwise.
    public static func signedArea(_ ring: [Point2]) -> Double {
        guard ring.count >= 3 else { return 0 }
        var sum = 0.0
        var prev = ring[ring.count - 1]
        for p in ring {
            sum += prev.x * p.y - p.x * prev.y
            prev = p
        }
        return sum / 2
    }

    /// Whether the polygon is a hole-free, strictly convex ring that turns
    /// once: such a ring is simple, so GEOS's validity check can be skipped.
    public var isConvex: Bool {
        guard holes.isEmpty, shell.count >= 3 else { return false }
        var sign = 0.0
        var turning = 0.0
        let n = shell.count
        for i in 0..<n {
            let a = shell[i]
            let b = shell[(i + 1) % n]
            let c = shell[(i + 2) % n]
            let u = b - a
            let v = c - b
            let cr = u.cross(v)
            if cr == 0 || (sign != 0 && (cr > 0) != (sign > 0)) { return false }
            sign = cr
            turning += atan2(cr, u.dot(v))
        }
        return abs(abs(turning) - 2 * .pi) < 1e-6
    }

    /// Whether the polygon is an axis-aligned rectangle: four box corners
    /// *in ring order*, every edge horizontal or vertical. A bow-tie drawn
    /// through the same four corners has two diagonal edges and is not one.
    public var isAxisAlignedRectangle: Bool {
        guard holes.isEmpty, shell.count == 4, let box = Box(covering: shell) else { return false }
        let edgesAxisAligned = (0..<4).allSatisfy { i in
            let a = shell[i]
            let b = shell[(i + 1) % 4]
            return (a.x == b.x) != (a.y == b.y)
        }
        return edgesAxisAligned && shell.allSatisfy { ($0.x == box.minX || $0.x == box.maxX) && ($0.y == box.minY || $0.y == box.maxY) }
            && box.maxX > box.minX && box.maxY > box.minY && Self.distinct(shell)
    }

    /// Whether no two of a few points are equal (pairwise: no hashing).
    private static func distinct(_ points: [Point2]) -> Bool {
        for i in points.indices {
            for j in points.indices where j > i && points[i] == points[j] { return false }
        }
        return true
    }

    /// Whether `p` is inside the polygon or on its boundary (holes excluded,
    /// their edges included): within `tolerance` of an edge, else by the
    /// parity of the edges a horizontal ray from `p` crosses.
    ///
    /// - Complexity: O(n) in the vertices, with no allocation (it runs
    ///   thousands of times a camera in the low-wall pre-tests).
    public func covers(_ p: Point2, tolerance: Double = 1e-9) -> Bool {
        var inside = false
        func scan(_ ring: [Point2]) -> Bool {
            guard ring.count >= 2 else { return false }
            var j = ring.count - 1
            for i in 0..<ring.count {
                let a = ring[i]
                let b = ring[j]
                // The distance (a square root and a division) only for an edge
                // whose box comes within the tolerance of `p`.
                if p.x >= Swift.min(a.x, b.x) - tolerance, p.x <= Swift.max(a.x, b.x) + tolerance,
                    p.y >= Swift.min(a.y, b.y) - tolerance, p.y <= Swift.max(a.y, b.y) + tolerance,
                    Segment(b, a).distance(to: p) <= tolerance
                {
                    return true
                }
                if (a.y > p.y) != (b.y > p.y), p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x { inside.toggle() }
                j = i
            }
            return false
        }
        if scan(shell) { return true }
        for hole in holes where scan(hole) { return true }
        return inside
    }

    /// The area of the polygon inside an axis-aligned box: each ring
    /// clipped against the box's four sides (``HalfPlane/clip(_:to:)``).
    public func area(inside box: Box) -> Double { area(inside: HalfPlane.sides(of: box)) }

    /// Whether the closed polygon shares a point with the closed box: an
    /// edge meets the box, or the box lies inside the polygon (then its
    /// corner does). Touching counts.
    ///
    /// An edge meets the box when their boxes overlap and the box's corners
    /// are not all strictly on one side of the edge's line (the separating
    /// axes of a segment and a box are x, y and the segment's normal).
    ///
    /// - Complexity: O(n) in the vertices, with no allocation (a pre-test
    ///   run for every camera and nearby zone).
    public func intersects(_ box: Box) -> Bool {
        func meets(_ ring: [Point2]) -> Bool {
            guard ring.count >= 2 else { return false }
            var a = ring[ring.count - 1]
            for b in ring {
                defer { a = b }
                guard Swift.max(a.x, b.x) >= box.minX, Swift.min(a.x, b.x) <= box.maxX,
                    Swift.max(a.y, b.y) >= box.minY, Swift.min(a.y, b.y) <= box.maxY
                else { continue }
                let d = b - a
                let s1 = d.cross(Point2(box.minX, box.minY) - a)
                let s2 = d.cross(Point2(box.maxX, box.minY) - a)
                let s3 = d.cross(Point2(box.maxX, box.maxY) - a)
                let s4 = d.cross(Point2(box.minX, box.maxY) - a)
                let allAbove = s1 > 0 && s2 > 0 && s3 > 0 && s4 > 0
                let allBelow = s1 < 0 && s2 < 0 && s3 < 0 && s4 < 0
                if !allAbove && !allBelow { return true }
            }
            return false
        }
        if meets(shell) || holes.contains(where: meets) { return true }
        return covers(Point2(box.minX, box.minY))
    }

    /// Calls `body` with the end points of every edge of every ring, shell
    /// first, without building the ``edges`` array.
    @inlinable public func forEachEdge(_ body: (Point2, Point2) -> Void) {
        func ring(_ points: [Point2]) {
            guard points.count >= 2 else { return }
            var previous = points[points.count - 1]
            for p in points {
                body(previous, p)
                previous = p
            }
        }
        ring(shell)
        for hole in holes { ring(hole) }
    }

    /// Every point of every ring.
    public var allPoints: [Point2] { shell + holes.flatMap { $0 } }

    /// Each ring's edges as segments.
    public var edges: [Segment] {
        ([shell] + holes).flatMap { ring -> [Segment] in
            guard ring.count >= 2 else { return [] }
            return ring.indices.map { Segment(ring[$0], ring[($0 + 1) % ring.count]) }
        }
    }
}

extension PolygonRings {
    /// Horizontal distance from a point to polygons: 0 inside (or on an
    /// edge), else to the nearest edge; infinity for no polygon.
    public static func distance(from p: Point2, to polygons: [PolygonRings]) -> Double {
        var best = Double.infinity
        for polygon in polygons {
            if polygon.covers(p) { return 0 }
            polygon.forEachEdge { a, b in best = min(best, Segment(a, b).distance(to: p)) }
        }
        return best
    }
}

extension PolygonRings {
    /// A ring sector about `center` between radii `r1` and `r2` (a disk
    /// when `r1` is 0), from maths angle `start` (radians) through `width`
    /// counter-clockwise — a full annulus by default — with chords at most
    /// `maxArcStep` radians apart, their ends on the circles.
    public static func annulus(
        center: Point2, from r1: Double, to r2: Double, start: Double = 0, width: Double = 2 * .pi, maxArcStep: Double
    ) -> [PolygonRings] {
        let n = max(2, Int((width / maxArcStep).rounded(.up)))
        let full = width >= 2 * .pi - 1e-12
        let angles = (0...n).map { start + width * Double($0) / Double(n) }
        let outer = (full ? angles.dropLast() : angles[...]).map { center + Point2.unit(angle: $0) * r2 }
        if full {
            let hole = r1 > 0 ? [angles.dropLast().reversed().map { center + Point2.unit(angle: $0) * r1 }] : []
            return [PolygonRings(shell: Array(outer), holes: hole)]
        }
        let inner = r1 > 0 ? angles.reversed().map { center + Point2.unit(angle: $0) * r1 } : [center]
        return [PolygonRings(shell: Array(outer) + inner)]
    }
}
