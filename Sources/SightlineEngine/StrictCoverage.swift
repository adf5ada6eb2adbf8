import GEOS
import PlanarGeometry
import SightlinePlan

extension CameraAnalyzer {
    /// Where the camera sees the whole person band (floor to head) at `level`'s
    /// pixel density or better: the conservative opposite of the privacy view,
    /// for `requiredCoverage`. Empty when the camera gives no resolution.
    func strictCoverage(at level: DORILevel) throws -> [PolygonRings] {
        let optics = CameraOptics(camera: camera, personHeight: personHeight)
        guard let density = optics.density else { return [] }
        let band = Self.strictBand(
            lensHeight: camera.mountHeight, personHeight: personHeight,
            low: optics.elevationLow, high: optics.elevationHigh)
        let far = min(band.far, optics.range, density.distance(reaching: level.pixelsPerMetre))
        guard far > band.near else { return [] }
        let eye = camera.position
        let axis = Point2.unit(bearingDegrees: camera.heading)
        var region = ViewRegion(
            sweepRegion(
                eye: eye, optics: optics, near: band.near, far: far, segments: scene.segments(near: eye, radius: far), heading: axis),
            context: scene.context)
        guard !region.isEmpty else { return [] }
        // Behind a low wall the floor is what is lost first: shadows for z = 0.
        let floorShadows = LowWallShadows(eye: eye, lensHeight: camera.mountHeight, personHeight: 0, topElevation: 90, far: far)
        let shadows = scene.lowSegments(near: eye, radius: far).filter { $0.segment.distance(to: eye) > ObstacleSet.onWallTolerance }
            .flatMap { wall in floorShadows.pieces(of: wall.segment, height: wall.height).map { [floorShadows.quadrilateral($0)] } }
        region = try region.subtractingShadows(shadows, seenFrom: eye)
        if !camera.masks.isEmpty, !region.isEmpty {
            region = try region.difference(
                PrivacyMaskSplit(analyzer: self).maskRegion(eye: eye, optics: optics, lensHeight: camera.mountHeight))
        }
        return region.polygons
    }

    /// The distances at which both the floor and the head are inside the
    /// vertical field: atan2(−H, d) ≥ low and atan2(P − H, d) ≤ high (the
    /// floor is always seen below the head, so these two suffice).
    static func strictBand(lensHeight h: Double, personHeight p: Double, low: Double, high: Double) -> (near: Double, far: Double) {
        let band = SightDistances.elevation(ofHeight: 0, lens: h, atLeast: low)
            .intersection(.elevation(ofHeight: p, lens: h, atMost: high))
        return (band.near, band.far)
    }
}
