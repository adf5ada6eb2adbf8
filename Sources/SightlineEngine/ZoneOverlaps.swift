import GEOS
import PlanarGeometry
import SightlinePlan

/// The third stage of a camera's analysis: where the camera meets the
/// zones the profile prohibits — standing in one, its view entering one, a
/// microphone within reach of one.
struct ZoneOverlaps {
    let analyzer: CameraAnalyzer

    /// Prohibited zones the camera stands in: in their interior, or on their
    /// boundary facing in.
    func zonesStoodIn() throws -> [Zone] {
        let camera = analyzer.camera
        let scene = analyzer.scene
        let axis = Point2.unit(bearingDegrees: camera.heading)
        var inside: [Zone] = []
        for index in scene.zoneIndex.query(Box(around: camera.position, radius: 0)) {
            let z = scene.zones[index]
            guard z.isProhibited else { continue }
            let prepared = try z.prepared()
            if try prepared.containsProperly(camera.position)
                || (try prepared.covers(camera.position) && prepared.containsProperly(camera.position + axis * 1e-3))
            {
                inside.append(z.zone)
            }
        }
        return inside
    }

    /// Prohibited zones within an enabled microphone's range, walls ignored.
    func zonesHeard() -> [(zone: Zone, distance: Double)] {
        let camera = analyzer.camera
        let scene = analyzer.scene
        guard camera.audioEnabled, let range = camera.audioRange else { return [] }
        var audio: [(zone: Zone, distance: Double)] = []
        for index in scene.zoneIndex.query(Box(around: camera.position, radius: range)).sorted() {
            let z = scene.zones[index]
            guard z.isProhibited else { continue }
            let d = PolygonRings.distance(from: camera.position, to: z.zone.polygons)
            if d <= range { audio.append((z.zone, d)) }
        }
        return audio
    }

    /// How far the view probe is pulled back towards the eye (metres).
    ///
    /// A view usually ends exactly on a prohibited zone's edge (the zone is
    /// drawn to the wall the view stops at), and "touching" must not cost an
    /// exact overlay per zone. So candidates are first tested against the view
    /// with every vertex pulled this far towards the eye: a view that only
    /// touches a zone no longer meets it, while any real intrusion deeper than
    /// 0.01 mm still does (a sliver thinner than that would have to be a
    /// kilometre long to reach the 0.01 m² threshold). The area and polygon
    /// reported come from the exact view.
    static let probePullback = 1e-5

    /// Polygons smaller than this (m²) in an overlay's output are rounding
    /// noise, not evidence.
    static let sliverArea = 1e-9

    /// The parts of `view` inside each prohibited zone of `scene` it enters.
    ///
    /// - Complexity: one STR-tree query for the view's box; per candidate
    ///   zone a Swift pre-test (rectangles) or a prepared predicate, and an
    ///   exact overlay only for the zones the view really enters.
    func intrusions(of view: ViewRegion, seenFrom eye: Point2, in scene: LevelScene, density: PixelDensity?) throws -> [Intrusion] {
        guard !view.isEmpty else { return [] }
        let probe = view.polygons.map { polygon in
            PolygonRings(
                shell: polygon.shell.map { Self.pulledBack($0, towards: eye) },
                holes: polygon.holes.map { $0.map { Self.pulledBack($0, towards: eye) } })
        }
        guard let probeBox = Box(covering: probe) else { return [] }
        var intrusions: [Intrusion] = []
        var probeGeometry: Geometry?
        for index in scene.zoneIndex.query(probeBox).sorted() {
            let z = scene.zones[index]
            guard z.isProhibited else { continue }
            if z.isRectangle {
                // Touching counts: it only sends the pair on to the exact overlay.
                guard probe.contains(where: { $0.intersects(z.box) }) else { continue }
            } else {
                if probeGeometry == nil { probeGeometry = try scene.context.multiPolygon(probe) }
                guard try z.prepared().intersects(probeGeometry!) else { continue }
            }
            let viewGeometry = try view.geometry()
            // GEOSClipByRect is linear but may return an invalid (dirty) result,
            // as PostGIS documents: on the generated plans always a ring that
            // touches itself where the view meets the room's side at a door
            // jamb. Evidence polygons must be valid, so a dirty clip is
            // repaired (GEOS's "structure" method: the same point set, parts
            // rebuilt), not recomputed by a full overlay with the whole view,
            // which cost 20 times the clip (11 % of the hotel's engine).
            // One hole-free strictly convex part is simple, so valid: GEOS's
            // validity check (a noding of the rings) is skipped for it.
            var overlap = try z.isRectangle ? viewGeometry.clipped(to: z.box) : z.geometry().intersection(viewGeometry)
            var parts: [PolygonRings]?
            if z.isRectangle {
                parts = try overlap.polygons()
                if !(parts!.count == 1 && parts![0].isConvex), try overlap.validityReason != nil {
                    overlap = try overlap.madeValidDroppingCollapsed()
                    parts = nil
                }
            }
            let area = try overlap.area
            guard area > 0 else { continue }
            // Floating-point noise along shared edges leaves slivers of
            // ~1e-15 m²; they are no evidence of anything.
            let polygons = try (parts ?? overlap.polygons()).filter { $0.area > Self.sliverArea }
            guard !polygons.isEmpty else { continue }
            let nearest = PolygonRings.distance(from: analyzer.camera.position, to: polygons)
            intrusions.append(
                Intrusion(
                    zone: z.zone, area: area, polygons: polygons, nearestDistance: nearest,
                    maxDensity: density?.at(nearest)))
        }
        return intrusions
    }

    private static func pulledBack(_ p: Point2, towards eye: Point2) -> Point2 {
        let d = p - eye
        let length = d.length
        if length <= probePullback { return eye }
        return eye + d * (1 - probePullback / length)
    }
}
