/// A closed half-plane { p : normal · (p − point) ≥ 0 }, and the one polygon
/// clip the project uses (Sutherland–Hodgman against convex half-planes).
public struct HalfPlane: Sendable, Equatable {
    public var normal: Point2
    /// A point on the boundary line.
    public var point: Point2

    public init(normal: Point2, through point: Point2) {
        self.normal = normal
        self.point = point
    }

    /// The points left of (counter-clockwise from) the directed line
    /// through `origin` along `direction`, the line itself included.
    public init(leftOf direction: Point2, through origin: Point2) {
        self.init(normal: Point2(-direction.y, direction.x), through: origin)
    }

    /// Positive inside, zero on the line, negative outside (a multiple of
    /// the signed distance). Relative to `point` first, so an axis-aligned
    /// side is exactly `p.x − x₀`.
    @inlinable public func side(_ p: Point2) -> Double { normal.dot(p - point) }

    /// The four half-planes whose intersection is `box`.
    public static func sides(of box: Box) -> [HalfPlane] {
        let low = Point2(box.minX, box.minY)
        let high = Point2(box.maxX, box.maxY)
        return [
            HalfPlane(normal: Point2(1, 0), through: low), HalfPlane(normal: Point2(-1, 0), through: high),
            HalfPlane(normal: Point2(0, 1), through: low), HalfPlane(normal: Point2(0, -1), through: high),
        ]
    }

    /// `ring` clipped to the intersection of `halfPlanes` (Sutherland–Hodgman).
    ///
    /// Exact for the area: where the ring leaves and re-enters the convex
    /// region the clipped ring runs along its boundary, so it may have
    /// degenerate edges there, which add no area. Use the result for areas,
    /// not as a polygon to hand on.
    ///
    /// A half-plane holding every point is skipped (its clip would return
    /// the ring as it is), and one holding none ends the clip (it would
    /// return nothing): a view clipped to a room's box usually crosses one
    /// or two of its sides, not four. Two buffers serve every stage.
    ///
    /// - Complexity: O(n·h) for n vertices and h half-planes.
    public static func clip(_ ring: [Point2], to halfPlanes: [HalfPlane]) -> [Point2] {
        var out = ring
        var input: [Point2] = []
        for plane in halfPlanes {
            guard !out.isEmpty else { break }
            var allInside = true
            var anyInside = false
            for p in out {
                let side = plane.side(p)
                if side < 0 { allInside = false } else { anyInside = true }
            }
            if allInside { continue }
            guard anyInside else { return [] }
            swap(&input, &out)
            out.removeAll(keepingCapacity: true)
            out.reserveCapacity(input.count + 2)
            var previous = input[input.count - 1]
            var sp = plane.side(previous)
            for current in input {
                let sc = plane.side(current)
                if sc >= 0 {
                    if sp < 0 { out.append(previous + (current - previous) * (sp / (sp - sc))) }
                    out.append(current)
                } else if sp >= 0 {
                    out.append(previous + (current - previous) * (sp / (sp - sc)))
                }
                previous = current
                sp = sc
            }
        }
        return out
    }
}

extension PolygonRings {
    /// The polygon's area inside the intersection of convex half-planes:
    /// each ring clipped (``HalfPlane/clip(_:to:)``), shell minus holes.
    public func area(inside halfPlanes: [HalfPlane]) -> Double {
        abs(Self.signedArea(HalfPlane.clip(shell, to: halfPlanes)))
            - holes.reduce(0) { $0 + abs(Self.signedArea(HalfPlane.clip($1, to: halfPlanes))) }
    }
}
