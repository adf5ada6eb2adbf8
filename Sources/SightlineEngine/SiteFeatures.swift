import GEOS
import SightlinePlan

/// The site-wide features a level's cameras are measured against: the
/// boundary (Art. 13 / Art. 33) and restricted areas (Art. 10), made in the
/// level's GEOS context.
struct SiteFeatures {
    let boundary: PreparedGeometry?
    let restricted: [(area: RestrictedArea, geometry: Geometry, box: Box)]

    init(plan: Plan, context ctx: GEOSContext) throws {
        if plan.boundaries.isEmpty {
            boundary = nil
        } else {
            let parts = try plan.boundaries.map { try ctx.multiPolygon($0.polygons).madeValid() }
            boundary = try ctx.collection(.collection, parts).unaryUnion().prepared()
        }
        restricted = try plan.restrictedAreas.compactMap { area in
            let g = try ctx.multiPolygon(area.polygons).madeValid()
            guard let box = try g.bounds else { return nil }
            return (area, g, box)
        }
    }
}
