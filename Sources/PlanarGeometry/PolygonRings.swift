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
            && Set(shell).count == 4 && box.maxX > box.minX && box.maxY > box.minY
    }

    /// Whether `p` is inside the polygon or on its boundary (holes excluded,
    /// their edges included).
    public func covers(_ p: Point2, tolerance: Double = 1e-9) -> Bool {
        if edges.contains(where: { $0.distance(to: p) <= tolerance }) { return true }
        var inside = false
        for ring in [shell] + holes {
            var j = ring.count - 1
            for i in 0..<ring.count {
                let a = ring[i]
                let b = ring[j]
                if (a.y > p.y) != (b.y > p.y), p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x { inside.toggle() }
                j = i
            }
        }
        return inside
    }

    /// The area of the polygon inside an axis-aligned box, by clipping each
    /// ring against the box's four half-planes (Sutherland–Hodgman). The
    /// clipped rings may have degenerate edges along the box, which add no
    /// area, so the result is exact; only the area is returned for that reason.
    public func area(inside box: Box) -> Double {
        func clip(_ ring: [Point2]) -> [Point2] {
            var out = ring
            for side in 0..<4 {
                guard !out.isEmpty else { break }
                let input = out
                out = []
                func inside(_ p: Point2) -> Bool {
                    switch side {
                    case 0: p.x >= box.minX
                    case 1: p.x <= box.maxX
                    case 2: p.y >= box.minY
                    default: p.y <= box.maxY
                    }
                }
                func cross(_ a: Point2, _ b: Point2) -> Point2 {
                    let t: Double
                    switch side {
                    case 0: t = (box.minX - a.x) / (b.x - a.x)
                    case 1: t = (box.maxX - a.x) / (b.x - a.x)
                    case 2: t = (box.minY - a.y) / (b.y - a.y)
                    default: t = (box.maxY - a.y) / (b.y - a.y)
                    }
                    return a + (b - a) * t
                }
                var previous = input[input.count - 1]
                for current in input {
                    if inside(current) {
                        if !inside(previous) { out.append(cross(previous, current)) }
                        out.append(current)
                    } else if inside(previous) {
                        out.append(cross(previous, current))
                    }
                    previous = current
                }
            }
            return out
        }
        return abs(Self.signedArea(clip(shell))) - holes.reduce(0) { $0 + abs(Self.signedArea(clip($1))) }
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
