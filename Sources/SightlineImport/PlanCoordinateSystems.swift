import OGR
import PlanarGeometry
import SightlinePlan

/// The decoder's ``CRSResolver`` on GDAL's OSR/PROJ: any EPSG code PROJ
/// knows. A projected plan is corrected for its projection's scale at its
/// centre (ground metres per unit, measured by transforming 100-unit steps
/// east and north to lon/lat), and refused when the scale varies by more
/// than 0.5 % across it (the spec's tolerance) or PROJ cannot transform it.
public enum PlanCoordinateSystems {
    public static let resolver: CRSResolver = { code, box in
        if let reason = OGRDataset.unavailableReason { return .refused(reason) }
        switch OGRSpatialReference.kind(epsg: code) {
        case nil: return .refused("PROJ does not know this code")
        case .other?: return .refused("neither geographic nor projected")
        case .geographic?: return .geographic
        case .projected?:
            guard let centre = scale(code, at: box.center) else {
                return .refused("PROJ cannot transform the plan's coordinates to WGS 84")
            }
            for corner in [Point2(box.minX, box.minY), Point2(box.maxX, box.maxY), Point2(box.minX, box.maxY), Point2(box.maxX, box.minY)] {
                guard let k = scale(code, at: corner), abs(k / centre - 1) <= 0.005 else {
                    return .refused("the projection's scale varies by more than 0.5 % across the plan; use a local or geographic plan")
                }
            }
            return .projected(groundMetresPerUnit: centre)
        }
    }

    /// Ground metres per unit at `p`: the mean of 100-unit steps east and north.
    static func scale(_ code: Int, at p: Point2) -> Double? {
        let step = 100.0
        guard let ll = OGRSpatialReference.lonLat(epsg: code, [p, p + Point2(step, 0), p + Point2(0, step)]) else { return nil }
        let plane = CoordinateFrame.tangentPlane(lon0: ll[0].x, lat0: ll[0].y)
        let east = plane.toLocal(ll[1].x, ll[1].y).length
        let north = plane.toLocal(ll[2].x, ll[2].y).length
        return (east + north) / 2 / step
    }
}
