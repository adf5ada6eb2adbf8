import GEOS
import SightlinePlan

/// Measures of a whole level, after its cameras are analysed: how much of
/// each ordinary zone the cameras see together (Art. 13 signs), and how well
/// `requiredCoverage` zones are covered.
struct LevelMeasures {
    let scene: LevelScene
    let analyzers: [CameraAnalyzer]
    let results: [CameraAnalysis]

    /// For each zone that is not prohibited: the area the union of the
    /// cameras' unmasked views covers.
    func zoneViewAreas() throws -> [String: Double] {
        let candidates = scene.zones.filter { !$0.isProhibited && $0.zone.category != .void }
        let views = results.map(\.view).filter { !$0.isEmpty }
        guard !candidates.isEmpty, !views.isEmpty else { return [:] }
        let ctx = scene.context
        let union = try ctx.collection(.collection, views.map { try ctx.multiPolygon($0) }).unaryUnion()
        guard let box = try union.bounds else { return [:] }
        var out: [String: Double] = [:]
        for z in candidates where z.box.intersects(box) {
            let prepared = try z.prepared()
            guard try prepared.intersects(union) else { continue }
            let area = try z.geometry().intersection(union).area
            if area > 0 { out[z.zone.id] = area }
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
                unions[level] = regions.isEmpty ? try ctx.emptyPolygon()
                    : try ctx.collection(.collection, regions.map { try ctx.multiPolygon($0) }).unaryUnion()
            }
            let zoneGeometry = try z.geometry()
            let covered = try zoneGeometry.intersection(unions[level]!).area
            out.append(CoverageMeasure(zone: z.zone, level: level, zoneArea: try zoneGeometry.area, coveredArea: covered,
                                       camerasWithoutResolution: withoutResolution))
        }
        return out
    }
}
