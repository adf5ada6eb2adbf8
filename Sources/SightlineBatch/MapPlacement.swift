import PlanarGeometry
import SightlinePlan
import SightlineReport
import SightlineRules

/// Where a checked building and its findings lie in WGS 84, for the
/// portfolio's map: only for a plan that is geographic or has a lon/lat
/// georeference (a local plan is not on the globe; a projected
/// georeference would need a datum transformation the batch does not make,
/// so those buildings stay off the map and `batch report` says how many).
struct MapPlacement {
    /// The plan's origin (0, 0) in longitude and latitude: the georeference
    /// origin, or the centre a geographic plan is projected about.
    let site: (lon: Double, lat: Double)
    private let shapes: WKTText

    init?(_ report: CheckReport) {
        let plan = report.plan
        guard ReportCRS(of: plan).definition == "EPSG:4326" else { return nil }
        let frame = plan.metadata.georeference?.frame ?? plan.frame
        let origin = frame.toPlan(Point2(0, 0))
        site = (origin.x, origin.y)
        shapes = WKTText(frame: frame)
    }

    /// A finding's intruding polygons, else its camera's point.
    func wkt(_ finding: Finding) -> String? {
        if let geometry = finding.geometry, let polygons = shapes.multiPolygon(geometry) { return polygons }
        return finding.camera.map { shapes.point($0.position) }
    }
}
