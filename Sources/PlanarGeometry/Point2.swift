/// A point or vector in plan coordinates: metres, x east, y north ("up" on
/// the drawing). Bearings elsewhere in Sightline are measured clockwise from
/// +y; maths angles (for `atan2`) counter-clockwise from +x.
public struct Point2: Hashable, Sendable {
    public var x: Double
    public var y: Double
    @inlinable public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }

    @inlinable public static func + (a: Point2, b: Point2) -> Point2 { Point2(a.x + b.x, a.y + b.y) }
    @inlinable public static func - (a: Point2, b: Point2) -> Point2 { Point2(a.x - b.x, a.y - b.y) }
    @inlinable public static func * (a: Point2, k: Double) -> Point2 { Point2(a.x * k, a.y * k) }
    @inlinable public func dot(_ o: Point2) -> Double { x * o.x + y * o.y }
    /// The z component of the 3-D cross product: positive when `o` is
    /// counter-clockwise from `self`.
    @inlinable public func cross(_ o: Point2) -> Double { x * o.y - y * o.x }
    @inlinable public var length: Double { (x * x + y * y).squareRoot() }
    @inlinable public func distance(to o: Point2) -> Double { (self - o).length }

    /// The unit vector at a maths angle (radians, counter-clockwise from +x).
    @inlinable public static func unit(angle: Double) -> Point2 { Point2(cos(angle), sin(angle)) }
    /// The unit vector along a plan bearing (degrees clockwise from +y).
    @inlinable public static func unit(bearingDegrees b: Double) -> Point2 {
        let r = b * .pi / 180
        return Point2(sin(r), cos(r))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A straight piece of an obstacle between two end points.
public struct Segment: Sendable, Equatable {
    public var a: Point2
    public var b: Point2
    @inlinable public init(_ a: Point2, _ b: Point2) { self.a = a; self.b = b }

    public var box: Box { Box(minX: min(a.x, b.x), minY: min(a.y, b.y), maxX: max(a.x, b.x), maxY: max(a.y, b.y)) }

    /// Distance from `p` to the closest point of the segment.
    public func distance(to p: Point2) -> Double {
        let d = b - a
        let len2 = d.dot(d)
        if len2 == 0 { return p.distance(to: a) }
        let t = max(0, min(1, (p - a).dot(d) / len2))
        return p.distance(to: a + d * t)
    }

    /// The closest point of the segment to `p`.
    public func closestPoint(to p: Point2) -> Point2 {
        let d = b - a
        let len2 = d.dot(d)
        if len2 == 0 { return a }
        let t = max(0, min(1, (p - a).dot(d) / len2))
        return a + d * t
    }
}

/// A polygon as plain values: an outer ring and holes, each ring closed
/// implicitly (the first point is not repeated at the end).
public struct PolygonRings: Sendable, Equatable {
    public var shell: [Point2]
    public var holes: [[Point2]]
    public init(shell: [Point2], holes: [[Point2]] = []) { self.shell = shell; self.holes = holes }

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
            let a = shell[i], b = shell[(i + 1) % n], c = shell[(i + 2) % n]
            let u = b - a, v = c - b
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
            let a = shell[i], b = shell[(i + 1) % 4]
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
                let a = ring[i], b = ring[j]
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

/// An axis-aligned bounding box.
public struct Box: Sendable, Equatable {
    public var minX, minY, maxX, maxY: Double
    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX; self.minY = minY; self.maxX = maxX; self.maxY = maxY
    }

    /// The box of a set of points; `nil` when there are none.
    public init?<S: Sequence>(covering points: S) where S.Element == Point2 {
        var it = points.makeIterator()
        guard let first = it.next() else { return nil }
        self.init(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)
        while let p = it.next() { include(p) }
    }

    /// The box of polygons' outer rings; `nil` when there are no points.
    public init?(covering polygons: [PolygonRings]) {
        var box: Box?
        for polygon in polygons {
            for p in polygon.shell {
                if box == nil { box = Box(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y) } else { box!.include(p) }
            }
        }
        guard let box else { return nil }
        self = box
    }

    /// A square of half-side `radius` around `p`.
    public init(around p: Point2, radius: Double) {
        self.init(minX: p.x - radius, minY: p.y - radius, maxX: p.x + radius, maxY: p.y + radius)
    }

    public mutating func include(_ p: Point2) {
        minX = Swift.min(minX, p.x); maxX = Swift.max(maxX, p.x)
        minY = Swift.min(minY, p.y); maxY = Swift.max(maxY, p.y)
    }

    public mutating func include(_ b: Box) {
        minX = Swift.min(minX, b.minX); maxX = Swift.max(maxX, b.maxX)
        minY = Swift.min(minY, b.minY); maxY = Swift.max(maxY, b.maxY)
    }

    @inlinable public func intersects(_ o: Box) -> Bool {
        minX <= o.maxX && o.minX <= maxX && minY <= o.maxY && o.minY <= maxY
    }

    public var center: Point2 { Point2((minX + maxX) / 2, (minY + maxY) / 2) }
}

extension Segment {
    /// Orientation of `p` relative to the segment's line: positive on the
    /// left, negative on the right, zero on it.
    @inlinable public func side(_ p: Point2) -> Double { (b - a).cross(p - a) }

    /// Whether the two segments cross at a point inside both (a proper
    /// crossing: touching at an end point or overlapping collinearly is not).
    public func properlyCrosses(_ o: Segment) -> Bool {
        let d1 = side(o.a), d2 = side(o.b), d3 = o.side(a), d4 = o.side(b)
        return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))
    }

    /// Whether the two closed segments share any point (touching and
    /// collinear overlap included).
    public func intersects(_ o: Segment) -> Bool {
        let d1 = side(o.a), d2 = side(o.b), d3 = o.side(a), d4 = o.side(b)
        if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) { return true }
        func onSegment(_ s: Segment, _ p: Point2) -> Bool {
            p.x >= Swift.min(s.a.x, s.b.x) && p.x <= Swift.max(s.a.x, s.b.x) && p.y >= Swift.min(s.a.y, s.b.y) && p.y <= Swift.max(s.a.y, s.b.y)
        }
        return (d1 == 0 && onSegment(self, o.a)) || (d2 == 0 && onSegment(self, o.b))
            || (d3 == 0 && onSegment(o, a)) || (d4 == 0 && onSegment(o, b))
    }

    /// Smallest distance between two segments.
    public func distance(to o: Segment) -> Double {
        if properlyCrosses(o) { return 0 }
        return Swift.min(distance(to: o.a), distance(to: o.b), o.distance(to: a), o.distance(to: b))
    }

    /// What is left of this segment when an opening along `cut` removes the
    /// part that runs with it: the part whose projection onto the cut's line
    /// falls within the cut's extent, if that part runs along the cut —
    /// both its ends within `tolerance` of the line, and at most 45° from
    /// it. A segment meeting the cut at an angle (a partition ending at a
    /// window's end, a mullion across it) is returned whole, so an opening
    /// never leaves a gap in a wall it does not lie on. Exact up to floating
    /// point.
    public func removing(runningAlong cut: Segment, tolerance: Double) -> [Segment] {
        let axis = cut.b - cut.a
        let length = axis.length
        guard length > 0 else { return [self] }
        let u = axis * (1 / length)
        let n = Point2(-u.y, u.x)
        let d = b - a
        let alongStart = (a - cut.a).dot(u), alongRate = d.dot(u)
        guard abs(alongRate) > 1e-15 else { return [self] }
        // Parameter interval of t in [0, 1] where a + t·d projects inside the cut.
        var t0 = -alongStart / alongRate, t1 = (length - alongStart) / alongRate
        if t0 > t1 { swap(&t0, &t1) }
        let lo = Swift.max(0, t0), hi = Swift.min(1, t1)
        guard hi - lo > 1e-12 else { return [self] }
        let p = a + d * lo, q = a + d * hi
        let offsetP = (p - cut.a).dot(n), offsetQ = (q - cut.a).dot(n)
        guard abs(offsetP) <= tolerance, abs(offsetQ) <= tolerance,
              abs(offsetQ - offsetP) <= abs((q - p).dot(u)) else { return [self] }
        var out: [Segment] = []
        if lo > 1e-12 { out.append(Segment(a, p)) }
        if hi < 1 - 1e-12 { out.append(Segment(q, b)) }
        return out
    }
}
