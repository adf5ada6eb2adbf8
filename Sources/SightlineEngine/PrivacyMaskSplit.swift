import GEOS
import PlanarGeometry
import SightlinePlan

/// The second stage of a camera's analysis: its privacy masks (the spec's
/// test 5) split what its sight lines reach into what it records and what
/// the masks hide.
struct PrivacyMaskSplit {
    let analyzer: CameraAnalyzer

    /// Splits `region` into what the camera records and what its masks
    /// hide; without masks the region is all recorded.
    func split(_ region: ViewRegion, eye: Point2, optics: CameraOptics, lensHeight: Double) throws
        -> (recorded: ViewRegion, masked: ViewRegion)
    {
        let ctx = analyzer.scene.context
        guard !analyzer.camera.masks.isEmpty, !region.isEmpty else { return (region, ViewRegion([], context: ctx)) }
        let masks = try maskRegion(eye: eye, optics: optics, lensHeight: lensHeight)
        return (try region.difference(masks), try region.intersection(masks))
    }

    /// The union of the camera's masks as regions of the plan.
    ///
    /// A point is hidden by a mask when its bearing is in the mask's sector
    /// and every visible height of the person band is seen at an elevation
    /// inside the mask's elevations. The lowest visible elevation at distance
    /// d is max(atan2(−H, d), low) and the highest min(atan2(P − H, d), high);
    /// both are monotonic in d, so each mask is a sector of an annulus whose
    /// radii have closed forms.
    func maskRegion(eye: Point2, optics: CameraOptics, lensHeight: Double) throws -> Geometry {
        let ctx = analyzer.scene.context
        let outer = optics.farLimit * 1.01 + 1
        var parts: [Geometry] = []
        for mask in analyzer.camera.masks {
            let (from, to) = Self.maskBand(
                mask, lensHeight: lensHeight, personHeight: analyzer.personHeight,
                low: optics.elevationLow, high: optics.elevationHigh)
            guard to > from else { continue }
            let (start, width) = Bearing.sector(from: mask.azimuthTo - mask.sweep, sweep: mask.sweep)
            parts.append(try ctx.multiPolygon(analyzer.annulus(eye: eye, from: from, to: min(to, outer), start: start, width: width)))
        }
        if parts.isEmpty { return try ctx.emptyPolygon() }
        return try ctx.collection(.collection, parts).unaryUnion()
    }

    /// The distances at which a mask hides every visible height.
    static func maskBand(
        _ mask: PrivacyMask, lensHeight h: Double, personHeight p: Double,
        low: Double, high: Double
    ) -> (Double, Double) {
        var band = SightDistances.all
        // The lowest visible elevation, max(floor, low), must reach e1 …
        if let e1 = mask.elevationFrom, low < e1 { band = band.intersection(.elevation(ofHeight: 0, lens: h, atLeast: e1)) }
        // … and the highest, min(head, high), must stay under e2.
        if let e2 = mask.elevationTo, high > e2 { band = band.intersection(.elevation(ofHeight: p, lens: h, atMost: e2)) }
        return (band.near, band.far)
    }
}
