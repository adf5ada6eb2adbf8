import Foundation

extension PolygonRings {
    /// The bearings from `eye` at which a ray meets the polygon between the
    /// circles of radii `near` and `far` about `eye`, exactly (arcs, not
    /// chords), with no overlay: what ``bearings(of:from:)`` gives for the
    /// polygon cut to that ring.
    ///
    /// The part of the polygon in the ring does not hold the eye (when
    /// `near` > 0), so a ray meets it exactly where it meets its boundary:
    /// the polygon's edges cut to the ring, and the arcs of the two circles
    /// that run inside the polygon. Each edge piece spans the bearings
    /// between its ends; each arc its own.
    ///
    /// - Complexity: O(e + k·e) for e edges and k crossings of the two
    ///   circles with them (each arc between crossings is tested once).
    public func bearings(inRingFrom near: Double, to far: Double, about eye: Point2) -> [BearingInterval] {
        guard far > near else { return [] }
        if near <= 0, covers(eye, tolerance: 1e-9) { return [BearingInterval(from: 0, sweep: 360)] }
        var spans: [BearingInterval] = []
        let edges = self.edges
        for edge in edges {
            for (a, b) in Self.pieces(of: edge, inRingFrom: near, to: far, about: eye) {
                spans.append(Self.span(from: a - eye, to: b - eye))
            }
        }
        if near > 0 { spans += arcsInside(radius: near, about: eye, edges: edges) }
        spans += arcsInside(radius: far, about: eye, edges: edges)
        return BearingInterval.union(spans)
    }

    /// The parts of a segment between the two circles: at most two (a
    /// segment can cross the inner disk and come out on its other side).
    private static func pieces(of edge: Segment, inRingFrom near: Double, to far: Double, about eye: Point2) -> [(Point2, Point2)] {
        let a = edge.a - eye
        let d = edge.b - edge.a
        // |a + t·d|² = r² ⇔ (d·d) t² + 2 (a·d) t + (a·a − r²) = 0.
        let dd = d.dot(d)
        guard dd > 0 else { return [] }
        func roots(_ r: Double) -> (Double, Double)? {
            let half = a.dot(d)
            let disc = half * half - dd * (a.dot(a) - r * r)
            guard disc > 0 else { return nil }
            let s = disc.squareRoot()
            return ((-half - s) / dd, (-half + s) / dd)
        }
        // Inside the far circle: one interval of t.
        guard let (f0, f1) = roots(far) else { return [] }
        let lo = max(0, f0)
        let hi = min(1, f1)
        guard hi > lo else { return [] }
        var intervals: [(Double, Double)] = [(lo, hi)]
        // Less the inside of the near circle.
        if near > 0, let (n0, n1) = roots(near) {
            intervals = [(lo, min(hi, n0)), (max(lo, n1), hi)].filter { $0.1 > $0.0 }
        }
        return intervals.map { (edge.a + d * $0.0, edge.a + d * $0.1) }
    }

    /// The arcs of the circle of `radius` about `eye` that run inside the
    /// polygon, as bearing intervals.
    private func arcsInside(radius r: Double, about eye: Point2, edges: [Segment]) -> [BearingInterval] {
        var crossings: [Double] = []
        for edge in edges {
            let a = edge.a - eye
            let d = edge.b - edge.a
            let dd = d.dot(d)
            guard dd > 0 else { continue }
            let half = a.dot(d)
            let disc = half * half - dd * (a.dot(a) - r * r)
            guard disc >= 0 else { continue }
            let s = disc.squareRoot()
            let t0 = (-half - s) / dd
            let t1 = (-half + s) / dd
            if t0 >= 0, t0 <= 1 { crossings.append(Bearing.of(a + d * t0)) }
            if t1 >= 0, t1 <= 1 { crossings.append(Bearing.of(a + d * t1)) }
        }
        func inside(_ bearing: Double) -> Bool { covers(eye + Point2.unit(bearingDegrees: bearing) * r, tolerance: 0) }
        guard !crossings.isEmpty else {
            return inside(0) ? [BearingInterval(from: 0, sweep: 360)] : []
        }
        crossings.sort()
        var arcs: [BearingInterval] = []
        for (i, from) in crossings.enumerated() {
            let to = i + 1 < crossings.count ? crossings[i + 1] : crossings[0] + 360
            let sweep = to - from
            guard sweep > 0, inside(from + sweep / 2) else { continue }
            arcs.append(BearingInterval(from: from, sweep: sweep))
        }
        return arcs
    }
}
