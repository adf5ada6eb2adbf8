import GEOS
import PlanarGeometry
import SightlinePlan

/// Measures of a whole level, after its cameras are analysed: how much of
/// each ordinary zone the cameras see together (Art. 13 signs), and how well
/// `requiredCoverage` zones are covered.
struct LevelMeasures {
    let scene: LevelScene
    let analyzers: [CameraAnalyzer]
    let results: [CameraAnalysis]

    /// For each zone that is not prohibited, how much of it the union of the
    /// cameras' unmasked views covers, judged against `threshold` (the
    /// profile's signage threshold).
    ///
    /// Only the verdict against the threshold matters to the rule, so the
    /// union is avoided where it cannot change it: one camera seeing
    /// `threshold` or more settles it (that camera's area, a lower bound, is
    /// reported), and so does the sum of all cameras' areas falling short
    /// (an upper bound). Only in between is the exact union computed. Each
    /// camera's area inside a rectangular zone is clipped in Swift.
    func zoneViewAreas(threshold: Double) throws -> [String: Double] {
        let candidates = scene.zones.filter { !$0.isProhibited && $0.zone.category != .void }
        guard !candidates.isEmpty else { return [:] }
        let ctx = scene.context
        let views: [(box: Box, polygons: [PolygonRings])] = results.compactMap { r in
            Box(covering: r.view).map { ($0, r.view) }
        }
        // The views by box, so each zone meets only the views near it: a scan
        // of every view for every zone was O(Z·V), an eighth of the terminal.
        let viewTree = STRTree(boxes: views.map { $0.box })
        var out: [String: Double] = [:]
        for z in candidates {
            var areas: [(index: Int, area: Double)] = []
            for i in viewTree.query(z.box).sorted() {
                let view = views[i]
                let area =
                    try z.isRectangle
                    ? view.polygons.reduce(0) { $0 + $1.area(inside: z.box) }
                    : z.geometry().intersection(ctx.multiPolygon(view.polygons)).area
                if area > 0 { areas.append((i, area)) }
            }
            guard let largest = areas.map(\.area).max() else { continue }
            let sum = areas.reduce(0) { $0 + $1.area }
            if largest >= threshold || sum < threshold || areas.count == 1 {
                out[z.zone.id] = largest >= threshold ? largest : sum
                continue
            }
            let pieces = try areas.map { try z.geometry().intersection(ctx.multiPolygon(views[$0.index].polygons)) }
            out[z.zone.id] = try ctx.collection(.collection, pieces).unaryUnion().area
        }
        return out
    }

    /// Coverage of the level's `requiredCoverage` zones by the union of the
    /// cameras' strict coverage regions at each zone's DORI level.
    func coverage() throws -> [CoverageMeasure] {
        let required = scene.zones.filter { $0.zone.requiredCoverage != nil }
        guard !required.isEmpty else { return [] }
        let ctx = scene.context
        let withoutResolution = analyzers.filter { $0.camera.resolution == nil }.map(\.camera.id)
        var unions: [DORILevel: Geometry] = [:]
        var out: [CoverageMeasure] = []
        for z in required {
            guard let level = z.zone.requiredCoverage.flatMap(DORILevel.init(rawValue:)) else { continue }
            if unions[level] == nil {
                let regions = try analyzers.map { try $0.strictCoverage(at: level) }.filter { !$0.isEmpty }
                unions[level] =
                    regions.isEmpty
                    ? try ctx.emptyPolygon()
                    : try ctx.collection(.collection, regions.map { try ctx.multiPolygon($0) }).unaryUnion()
            }
            let zoneGeometry = try z.geometry()
            let covered = try zoneGeometry.intersection(unions[level]!).area
            out.append(
                CoverageMeasure(
                    zone: z.zone, level: level, zoneArea: try zoneGeometry.area, coveredArea: covered,
                    camerasWithoutResolution: withoutResolution))
        }
        return out
    }
}
