import PlanarGeometry

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The obstacles around one eye, split into those the eye stands on and the
/// rest.
///
/// The spec: "a camera on a wall or at a wall junction: a wall through the
/// lens blocks only sight lines that cross to its far side." The walls
/// through the eye divide the directions around it into sectors; the camera
/// looks into the sector its heading points into, and every other sector is
/// behind a wall. A single wall ending at the eye divides nothing.
struct ObstacleSet {
    /// Segments not touching the eye, for the sweep.
    let segments: [Segment]
    /// Directions (maths radians) of wall pieces leaving the eye.
    let spokes: [Double]

    static let onWallTolerance = 1e-7

    init(eye: Point2, segments all: [Segment]) {
        var rest: [Segment] = []
        var spokes: [Double] = []
        rest.reserveCapacity(all.count)
        for s in all {
            guard s.distance(to: eye) <= Self.onWallTolerance else {
                rest.append(s)
                continue
            }
            for end in [s.a, s.b] where end.distance(to: eye) > Self.onWallTolerance {
                spokes.append(atan2(end.y - eye.y, end.x - eye.x))
            }
        }
        self.segments = rest
        self.spokes = spokes
    }

    /// The parts of `domain` inside the sector the heading points into.
    func restrictDomain(_ domain: RadialSweep.AngularDomain, heading: Point2) -> [RadialSweep.AngularDomain] {
        let twoPi = 2 * Double.pi
        func norm(_ a: Double) -> Double {
            let r = a.truncatingRemainder(dividingBy: twoPi)
            return r < 0 ? r + twoPi : r
        }
        var dirs = spokes.map(norm).sorted()
        // Merge directions that coincide (two noded pieces of one wall).
        dirs = dirs.reduce(into: [Double]()) { acc, d in if acc.last.map({ d - $0 > 1e-9 }) ?? true { acc.append(d) } }
        if dirs.count >= 2, let first = dirs.first, let last = dirs.last, twoPi - last + first <= 1e-9 { dirs.removeLast() }
        guard dirs.count >= 2 else { return [domain] }
        let h = norm(atan2(heading.y, heading.x))
        // The sector [dirs[k], dirs[k+1]) (cyclically) containing the heading.
        var lo = dirs[dirs.count - 1] - twoPi
        var hi = dirs[0]
        for k in 0..<dirs.count {
            let a = dirs[k]
            let b = k + 1 < dirs.count ? dirs[k + 1] : dirs[0] + twoPi
            if (h >= a && h < b) || (h + twoPi >= a && h + twoPi < b) {
                lo = a
                hi = b
                break
            }
        }
        // Intersect two circular intervals: [lo, hi] and the domain.
        var out: [RadialSweep.AngularDomain] = []
        let dStart = norm(domain.start)
        let dWidth = min(domain.width, twoPi)
        for shift in [-twoPi, 0, twoPi] {
            let s = max(lo, dStart + shift)
            let e = min(hi, dStart + shift + dWidth)
            if e - s > 1e-12 { out.append(RadialSweep.AngularDomain(start: s, width: e - s)) }
        }
        return out
    }
}
