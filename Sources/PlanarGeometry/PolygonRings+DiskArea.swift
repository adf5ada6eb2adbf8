import Foundation

extension PolygonRings {
    /// The area of the polygon inside the disk of `radius` about `center`,
    /// exactly (arcs, not chords): for each edge, the signed area of the
    /// triangle it makes with the centre, cut by the circle — a triangle
    /// where the edge runs inside, a circular sector where it runs outside.
    ///
    /// - Complexity: O(vertices).
    public func area(withinDiskOf radius: Double, about center: Point2) -> Double {
        guard radius > 0 else { return 0 }
        let shellPart = abs(Self.signedDiskArea(shell, radius: radius, center: center))
        return shellPart - holes.reduce(0) { $0 + abs(Self.signedDiskArea($1, radius: radius, center: center)) }
    }

    /// The area of the polygon between the circles of radii `near` and
    /// `far` about `center`.
    public func area(inRingFrom near: Double, to far: Double, about center: Point2) -> Double {
        guard far > near else { return 0 }
        return max(0, area(withinDiskOf: far, about: center) - area(withinDiskOf: near, about: center))
    }

    /// Σ over a ring's edges of the signed area of (centre, a, b) ∩ disk.
    private static func signedDiskArea(_ ring: [Point2], radius r: Double, center c: Point2) -> Double {
        guard ring.count >= 3 else { return 0 }
        var sum = 0.0
        var previous = ring[ring.count - 1] - c
        for point in ring {
            let current = point - c
            sum += edgeDiskArea(previous, current, r)
            previous = current
        }
        return sum
    }

    /// The signed area of triangle (0, p, q) inside the circle of radius r:
    /// the edge splits where it crosses the circle (at most twice, the part
    /// between the crossings inside), a triangle for a piece inside and a
    /// circular sector for a piece outside.
    ///
    /// No allocation: it runs for every edge of every polygon measured, and
    /// an array of cut points per edge was most of its cost.
    private static func edgeDiskArea(_ p: Point2, _ q: Point2, _ r: Double) -> Double {
        let d = q - p
        let a = d.x * d.x + d.y * d.y
        guard a > 0 else { return 0 }
        // |p + t·d|² = r²: a t² + 2 (p·d) t + |p|² − r² = 0.
        let b = p.x * d.x + p.y * d.y
        let cc = p.x * p.x + p.y * p.y - r * r
        let disc = b * b - a * cc
        func at(_ t: Double) -> Point2 { Point2(p.x + d.x * t, p.y + d.y * t) }
        func triangle(_ u: Point2, _ v: Point2) -> Double { (u.x * v.y - u.y * v.x) / 2 }
        func sector(_ u: Point2, _ v: Point2) -> Double { r * r * atan2(u.x * v.y - u.y * v.x, u.x * v.x + u.y * v.y) / 2 }
        guard disc > 0 else { return sector(p, q) }
        let s = disc.squareRoot()
        // Inside the circle for t in (t0, t1); the edge runs over [0, 1].
        let t0 = min(max((-b - s) / a, 0), 1)
        let t1 = min(max((-b + s) / a, 0), 1)
        var area = 0.0
        if t0 > 0 { area += sector(p, at(t0)) }
        if t1 > t0 { area += triangle(at(t0), at(t1)) }
        if t1 < 1 { area += sector(at(t1), q) }
        return area
    }
}
