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

    /// The signed area of triangle (0, p, q) inside the circle of radius r.
    private static func edgeDiskArea(_ p: Point2, _ q: Point2, _ r: Double) -> Double {
        let d = q - p
        let a = d.x * d.x + d.y * d.y
        guard a > 0 else { return 0 }
        // |p + t·d|² = r²: a t² + 2 (p·d) t + |p|² − r² = 0.
        let b = p.x * d.x + p.y * d.y
        let cc = p.x * p.x + p.y * p.y - r * r
        var cuts: [Double] = [0]
        let disc = b * b - a * cc
        if disc > 0 {
            let s = disc.squareRoot()
            for t in [(-b - s) / a, (-b + s) / a] where t > 0 && t < 1 { cuts.append(t) }
        }
        cuts.append(1)
        var area = 0.0
        for (t0, t1) in zip(cuts, cuts.dropFirst()) {
            let u = Point2(p.x + d.x * t0, p.y + d.y * t0)
            let v = Point2(p.x + d.x * t1, p.y + d.y * t1)
            let mid = Point2((u.x + v.x) / 2, (u.y + v.y) / 2)
            let cross = u.x * v.y - u.y * v.x
            if mid.x * mid.x + mid.y * mid.y <= r * r {
                area += cross / 2
            } else {
                area += r * r * atan2(cross, u.x * v.x + u.y * v.y) / 2
            }
        }
        return area
    }
}
