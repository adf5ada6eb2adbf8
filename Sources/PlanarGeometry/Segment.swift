/// A straight piece of an obstacle between two end points.
public struct Segment: Sendable, Equatable {
    public var a: Point2
    public var b: Point2
    @inlinable public init(_ a: Point2, _ b: Point2) {
        self.a = a
        self.b = b
    }

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

extension Segment {
    /// Orientation of `p` relative to the segment's line: positive on the
    /// left, negative on the right, zero on it.
    @inlinable public func side(_ p: Point2) -> Double { (b - a).cross(p - a) }

    /// Whether the two segments cross at a point inside both (a proper
    /// crossing: touching at an end point or overlapping collinearly is not).
    public func properlyCrosses(_ o: Segment) -> Bool {
        let d1 = side(o.a)
        let d2 = side(o.b)
        let d3 = o.side(a)
        let d4 = o.side(b)
        return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))
    }

    /// Whether the two closed segments share any point (touching and
    /// collinear overlap included).
    public func intersects(_ o: Segment) -> Bool {
        let d1 = side(o.a)
        let d2 = side(o.b)
        let d3 = o.side(a)
        let d4 = o.side(b)
        if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) { return true }
        func onSegment(_ s: Segment, _ p: Point2) -> Bool {
            p.x >= Swift.min(s.a.x, s.b.x) && p.x <= Swift.max(s.a.x, s.b.x) && p.y >= Swift.min(s.a.y, s.b.y)
                && p.y <= Swift.max(s.a.y, s.b.y)
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
        let alongStart = (a - cut.a).dot(u)
        let alongRate = d.dot(u)
        guard abs(alongRate) > 1e-15 else { return [self] }
        // Parameter interval of t in [0, 1] where a + t·d projects inside the cut.
        var t0 = -alongStart / alongRate
        var t1 = (length - alongStart) / alongRate
        if t0 > t1 { swap(&t0, &t1) }
        let lo = Swift.max(0, t0)
        let hi = Swift.min(1, t1)
        guard hi - lo > 1e-12 else { return [self] }
        let p = a + d * lo
        let q = a + d * hi
        let offsetP = (p - cut.a).dot(n)
        let offsetQ = (q - cut.a).dot(n)
        guard abs(offsetP) <= tolerance, abs(offsetQ) <= tolerance,
            abs(offsetQ - offsetP) <= abs((q - p).dot(u))
        else { return [self] }
        var out: [Segment] = []
        if lo > 1e-12 { out.append(Segment(a, p)) }
        if hi < 1 - 1e-12 { out.append(Segment(q, b)) }
        return out
    }
}
