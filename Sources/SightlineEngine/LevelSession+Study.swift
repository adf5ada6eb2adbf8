import GEOS
import PlanarGeometry
import SightlinePlan

/// The questions `fix` asks of a level's scene to work out what would make
/// a camera compliant: what the camera could reach turned any way, which
/// parts of a region are prohibited, what its masks would hide, where a
/// camera could stand instead. Each answers from the same scene and by the
/// same overlays as the check, so a study never disagrees with it.
extension LevelSession {
    /// What `camera` could see with `optics` turned to every bearing about
    /// its axis, in the same distance band, among the same full-height and
    /// low walls as the check (masks not applied).
    public func reach(of camera: Camera, optics: CameraOptics) throws -> ViewRegion {
        let analyzer = try analyzer(camera)
        var around = optics
        around.bearingFrom = 0
        around.bearingSweep = 360
        let eye = camera.position
        let reach = ViewRegion(
            analyzer.sweepRegion(
                eye: eye, optics: around, near: optics.nearLimit, far: optics.farLimit,
                segments: scene.segments(near: eye, radius: optics.farLimit), heading: Point2.unit(bearingDegrees: camera.heading)),
            context: scene.context)
        guard !reach.isEmpty else { return reach }
        return try CameraVisibility(analyzer: analyzer, optics: optics).removingLowWallShadows(from: reach, eye: eye, optics: optics)
    }

    /// The camera's field with no distance band (from the lens out to its
    /// range) among full-height walls: where a steeper tilt could still see.
    public func unbandedField(of camera: Camera, optics: CameraOptics) throws -> ViewRegion {
        let eye = camera.position
        return ViewRegion(
            try analyzer(camera).sweepRegion(
                eye: eye, optics: optics, near: 0, far: optics.range, segments: scene.segments(near: eye, radius: optics.range),
                heading: Point2.unit(bearingDegrees: camera.heading)),
            context: scene.context)
    }

    /// The parts of `region` (seen from `camera`'s point) inside the level's
    /// prohibited zones, by the check's own overlay.
    public func prohibitedParts(of region: ViewRegion, seenBy camera: Camera) throws -> [PolygonRings] {
        try ZoneOverlaps(analyzer: analyzer(camera)).intrusions(of: region, seenFrom: camera.position, in: scene, density: nil)
            .flatMap(\.polygons)
    }

    /// `view` less the level's prohibited zones whose ids are in `ids`: one
    /// difference with the union of the zones named, not one per prohibited
    /// zone of the level (300 cameras × 300 toilets made `fix` 50× the cost
    /// of the check), nor one per zone named.
    public func removingProhibitedZones(_ ids: Set<String>, from view: ViewRegion) throws -> ViewRegion {
        guard !ids.isEmpty, !view.isEmpty else { return view }
        let named = try scene.zones.filter { $0.isProhibited && ids.contains($0.zone.id) }.map { try $0.geometry() }
        guard !named.isEmpty else { return view }
        // One difference with the zones' union: k overlays of the whole view
        // were the study's largest cost after its tilts.
        let zones = named.count == 1 ? named[0] : try scene.context.collection(.collection, named).unaryUnion()
        return try ViewRegion(try view.geometry().difference(zones))
    }

    /// What `camera`'s privacy masks hide, with `optics`, seen from its point.
    public func maskRegion(of camera: Camera, optics: CameraOptics) throws -> ViewRegion {
        try ViewRegion(
            PrivacyMaskSplit(analyzer: analyzer(camera)).maskRegion(eye: camera.position, optics: optics, lensHeight: camera.mountHeight))
    }

    /// Rings as a region of this level (for overlays with its other regions).
    public func region(_ polygons: [PolygonRings]) -> ViewRegion { ViewRegion(polygons, context: scene.context) }

    /// A ring sector about `center` with the engine's arc step (see
    /// ``PlanarGeometry/PolygonRings/annulus(center:from:to:start:width:maxArcStep:)``).
    public func annulus(center: Point2, from r1: Double, to r2: Double, start: Double = 0, width: Double = 2 * .pi) -> [PolygonRings] {
        PolygonRings.annulus(center: center, from: r1, to: r2, start: start, width: width, maxArcStep: sweep.maxArcStep)
    }

    /// The nearest point to `p` in an ordinary zone of the level, outside
    /// every prohibited zone, at least 0.5 m from any of its walls; `nil`
    /// when there is none.
    public func nearestAllowedSpot(to p: Point2) throws -> Point2? {
        let ctx = scene.context
        let ordinary = try scene.zones.filter { !$0.isProhibited && $0.zone.category != .void }.map { try $0.geometry() }
        guard !ordinary.isEmpty else { return nil }
        var allowed = try ctx.collection(.collection, ordinary).unaryUnion()
        for z in scene.zones where z.isProhibited { allowed = try allowed.difference(z.geometry()) }
        var clearances: [Geometry] = []
        for wall in walls {
            switch wall.shape {
            case .lines(let lines): clearances += try lines.map { try ctx.lineString($0).buffer(0.5 + wall.thicknessMetres / 2) }
            case .polygons(let polygons): clearances.append(try ctx.multiPolygon(polygons).buffer(0.5))
            }
        }
        if !clearances.isEmpty { allowed = try allowed.difference(ctx.collection(.collection, clearances).unaryUnion()) }
        guard try !allowed.isEmpty else { return nil }
        return try allowed.nearestPoints(ctx.point(p)).0
    }
}
