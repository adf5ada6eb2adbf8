import PlanarGeometry

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Exact shadows of walls lower than the ceiling (2.5-D), as polygons to
/// subtract from a view region.
///
/// A point at horizontal distance d behind a low wall of height h (met at
/// distance t on the ray) is seen when the highest visible point of the
/// person band clears the wall. Higher points always clear better, so only
/// the top of the band matters: z(d) = min(P, H + d·tan(high)), the person's
/// head P or, farther out for a camera tilted down, the field's top edge.
///
/// - Where z = P the sight line clears iff H + (P − H)·t/d ≥ h. For a lens
///   above the wall (H > h) and a head below it (P < h) this fails for
///   d < k·t with k = (H − P)/(H − h): the shadow is the region between the
///   wall and its image scaled by k about the eye (the ratio is the same all
///   along the wall, so it is a quadrilateral). For a lens below the wall top
///   and a head above the lens the shadow starts at k'·t, k' = (P − H)/(h − H).
/// - Where z is the field's top edge, its height over the wall, H + t·tan(high),
///   does not depend on d: the parts of the wall where it is below h (cut
///   analytically at the circle t = t*) cast a full shadow.
///
/// The two regimes are separated by a circle (where H + d·tan(high) = P), so
/// each shadow piece is a radial quadrilateral, sometimes intersected with an
/// annulus. Only those circles are approximated (chords of at most 1°), as
/// the view's own arcs are.
struct LowWallShadows {
    let eye: Point2
    let lensHeight: Double
    let personHeight: Double
    /// Elevation of the field's top edge, degrees above horizontal.
    let topElevation: Double
    let far: Double

    /// A piece of shadow: the eye-centred region between `inner` and
    /// `outer` times each point of `piece`, within [minDistance, maxDistance].
    struct Piece {
        var piece: Segment
        var inner: Double
        var outer: Double
        var minDistance: Double
        var maxDistance: Double
    }

    /// The distance interval where the top of the visible band is the head.
    private var headRegime: (Double, Double)? {
        let h = lensHeight
        let p = personHeight
        if topElevation >= 90 { return (0, .infinity) }
        let slope = tan(Bearing.radians(topElevation))
        if p <= h {
            return slope >= 0 ? (0, .infinity) : (0, (h - p) / -slope)
        }
        return slope > 0 ? ((p - h) / slope, .infinity) : nil
    }

    func pieces(of wall: Segment, height wallHeight: Double) -> [Piece] {
        let h = lensHeight
        let p = personHeight
        let w = wallHeight
        let unbounded = Double.infinity
        var out: [Piece] = []
        let head = headRegime
        // Regime 1: the head is the top of the band.
        if let (a, b) = head, b > a {
            var ratio: (Double, Double)?
            if h > w {
                if p < w { ratio = (1, (h - p) / (h - w)) }
            } else if p < h || (w > h && p <= h) {
                ratio = (1, unbounded)
            } else if p > h, w > h {
                ratio = (max(1, (p - h) / (w - h)), unbounded)
            }
            if let (lo, hi) = ratio, hi > lo {
                out.append(Piece(piece: wall, inner: lo, outer: hi, minDistance: a, maxDistance: b))
            }
        }
        // Regime 2: the field's top edge is the top of the band.
        let regime2: [(Double, Double)] = {
            guard let (a, b) = head else { return [(0, unbounded)] }
            var r: [(Double, Double)] = []
            if a > 0 { r.append((0, a)) }
            if b < unbounded { r.append((b, unbounded)) }
            return r
        }()
        if !regime2.isEmpty, topElevation < 90 {
            let slope = tan(Bearing.radians(topElevation))
            var blocked: [Segment] = []
            if slope < 0 {
                blocked = h > w ? parts(of: wall, beyond: (h - w) / -slope) : [wall]
            } else if slope == 0 {
                blocked = h < w ? [wall] : []
            } else if w > h {
                blocked = parts(of: wall, within: (w - h) / slope)
            }
            for s in blocked {
                for (a, b) in regime2 { out.append(Piece(piece: s, inner: 1, outer: unbounded, minDistance: a, maxDistance: b)) }
            }
        }
        return out.filter { $0.minDistance < min($0.maxDistance, far) }
    }

    /// The quadrilateral of a piece (without its distance limits).
    func quadrilateral(_ piece: Piece) -> PolygonRings {
        let a = piece.piece.a - eye
        let b = piece.piece.b - eye
        let nearest = min(a.length, b.length)
        // "Unbounded" reaches past the view's far limit, which is all that matters.
        let outer = piece.outer.isFinite ? piece.outer : max(2, (far * 1.01 + 1) / max(nearest, 1e-9))
        return PolygonRings(shell: [eye + a * piece.inner, eye + b * piece.inner, eye + b * outer, eye + a * outer])
    }

    /// Parts of `s` farther than `r` from the eye.
    private func parts(of s: Segment, beyond r: Double) -> [Segment] { split(s, radius: r).outside }
    /// Parts of `s` nearer than `r` to the eye.
    private func parts(of s: Segment, within r: Double) -> [Segment] { split(s, radius: r).inside }

    /// Splits a segment by the circle of radius `r` about the eye.
    private func split(_ s: Segment, radius r: Double) -> (inside: [Segment], outside: [Segment]) {
        let d = s.b - s.a
        let f = s.a - eye
        let qa = d.dot(d)
        let qb = 2 * f.dot(d)
        let qc = f.dot(f) - r * r
        let disc = qb * qb - 4 * qa * qc
        guard disc > 0, qa > 0 else { return qc < 0 ? ([s], []) : ([], [s]) }
        let root = disc.squareRoot()
        let u1 = max(0, min(1, (-qb - root) / (2 * qa)))
        let u2 = max(0, min(1, (-qb + root) / (2 * qa)))
        let p1 = s.a + d * u1
        let p2 = s.a + d * u2
        var inside: [Segment] = []
        var outside: [Segment] = []
        if u2 - u1 > 1e-12 { inside.append(Segment(p1, p2)) }
        if u1 > 1e-12 { outside.append(Segment(s.a, p1)) }
        if u2 < 1 - 1e-12 { outside.append(Segment(p2, s.b)) }
        return (inside, outside)
    }
}
