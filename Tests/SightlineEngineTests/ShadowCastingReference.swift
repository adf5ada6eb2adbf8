import Foundation
import GEOS
import PlanarGeometry

/// A slow, obviously correct visibility reference for the random cross-check:
/// what a camera sees is its field — an annular sector, arcs in 0.05° chords —
/// minus the union of the shadow every blocking segment casts, a quadrilateral
/// from the segment away from the eye past the far limit. Nothing here is
/// shared with the engine: not the sweep, not the obstacle builder, not the
/// optics.
struct ShadowCastingReference {
    let context = GEOSContext()

    /// The distances at which some height z in [0, person] is seen from a
    /// lens at `lens` metres within elevations [low, high] (degrees above the
    /// horizontal), capped by `range`. At distance d the visible elevations
    /// run from the floor's, −atan(H/d), to the head's, atan((P − H)/d), and
    /// both rise with d, so each bound of the field gives one bound of d.
    static func band(lens h: Double, person p: Double, low: Double, high: Double, range: Double) -> (near: Double, far: Double) {
        var near = 0.0
        var far = range
        // The floor must not be above the top edge: −atan(H/d) ≤ high.
        if high < 0 { far = min(far, h / tan(-high * .pi / 180)) }
        // The head must not be below the bottom edge: atan((P − H)/d) ≥ low.
        if p < h {
            if low >= 0 { return (0, 0) }
            if low > -90 { near = (h - p) / tan(-low * .pi / 180) }
        }
        return (near, far)
    }

    /// The field as a polygon: bearings clockwise from +y, `sweep` degrees
    /// from `from` (360: a full ring).
    func field(eye: Point2, from: Double, sweep: Double, near: Double, far: Double) throws -> Geometry {
        func point(_ bearing: Double, _ r: Double) -> Point2 {
            let b = bearing * .pi / 180
            return eye + Point2(sin(b), cos(b)) * r
        }
        let steps = max(2, Int((sweep / 0.05).rounded(.up)))
        let bearings = (0...steps).map { from + sweep * Double($0) / Double(steps) }
        if sweep >= 360 {
            let outer = bearings.dropLast().map { point($0, far) }
            let hole = near > 0 ? [bearings.dropLast().reversed().map { point($0, near) }] : []
            return try context.polygon(PolygonRings(shell: outer, holes: hole))
        }
        let inner = near > 0 ? bearings.reversed().map { point($0, near) } : [eye]
        return try context.polygon(PolygonRings(shell: bearings.map { point($0, far) } + inner))
    }

    /// The shadow of a segment seen from `eye`, reaching past `far`: halved
    /// until each piece subtends at most 20°, so that each quadrilateral's
    /// outer edge stays beyond `far` (its distance from the eye is at least
    /// R·cos 10°).
    func shadows(of s: Segment, eye: Point2, far: Double) throws -> [Geometry] {
        let u = s.a - eye
        let v = s.b - eye
        guard u.length > 1e-9, v.length > 1e-9, abs(u.cross(v)) > 1e-12 * u.length * v.length else { return [] }
        let angle = acos(max(-1, min(1, u.dot(v) / (u.length * v.length))))
        if angle > 20 * .pi / 180 {
            let mid = s.a + (s.b - s.a) * 0.5
            return try shadows(of: Segment(s.a, mid), eye: eye, far: far) + shadows(of: Segment(mid, s.b), eye: eye, far: far)
        }
        let reach = far * 1.2 + 1
        func beyond(_ x: Point2) -> Point2 {
            let d = x - eye
            return eye + d * max(reach / d.length, 2)
        }
        return [try context.polygon(PolygonRings(shell: [s.a, s.b, beyond(s.b), beyond(s.a)]))]
    }

    /// What the eye sees of the field among the blocking segments.
    func visible(eye: Point2, field: Geometry, far: Double, blocking: [Segment]) throws -> Geometry {
        var quads: [Geometry] = []
        for s in blocking where s.distance(to: eye) < far { quads += try shadows(of: s, eye: eye, far: far) }
        guard !quads.isEmpty else { return field }
        return try field.difference(context.collection(.collection, quads).unaryUnion())
    }
}
