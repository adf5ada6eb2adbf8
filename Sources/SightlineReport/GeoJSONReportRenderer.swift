import PlanarGeometry
import SightlineEngine
import SightlinePlan
import SightlineRules

/// `--format geojson`: layers for QGIS in the plan's own CRS (lon/lat for
/// geographic plans; lon/lat too for a local plan with a georeference, so a
/// GIS team opens it on a map): each camera's view region and position, and
/// every finding (the intruding polygon where there is one, else the
/// camera's point, else no geometry) with its facts as properties.
public struct GeoJSONReportRenderer: ReportRenderer {
    public init() {}

    public func render(_ report: CheckReport) -> String {
        let plan = report.plan
        let frame = plan.metadata.georeference?.frame ?? plan.frame
        let decimals = frame.outputDecimals
        let positions = Dictionary(report.analysis.cameras.map { ($0.camera.id, $0.camera.position) }) { a, _ in a }
        var w = JSONWriter()
        w.beginObject()
        w.field("type", "FeatureCollection")
        if let name = ReportCRS(of: plan).geoJSONName {
            // Not RFC 7946 (which allows WGS 84 only), but what GDAL and QGIS
            // read, so a local or projected plan is not taken for WGS 84.
            w.key("crs"); w.beginObject(); w.field("type", "name")
            w.key("properties"); w.beginObject(); w.field("name", name); w.endObject()
            w.endObject()
        }
        w.key("sightline")
        w.beginObject()
        w.field("tool", "sightline \(report.toolVersion)"); w.field("profile", report.profile.id)
        w.field("plan", plan.file); w.field("sha256", report.inputSHA256); w.field("asOf", report.asOf.description)
        w.field("crs", plan.metadata.georeference?.outputCRS ?? plan.metadata.crs.rawValue); w.field("verdict", report.verdict)
        w.endObject()
        w.key("features")
        w.beginArray()
        for c in report.analysis.cameras {
            w.beginObject()
            w.field("type", "Feature"); w.field("id", "view:\(c.camera.id)")
            w.key("properties"); w.beginObject()
            w.field("layer", "view"); w.field("camera", c.camera.id); w.field("level", c.camera.info.level)
            w.field("viewArea", c.viewArea, decimals: 4); w.field("maskedArea", c.maskedArea, decimals: 4)
            w.field("hfov", c.optics.hfov, decimals: 3); w.field("range", c.optics.range, decimals: 3)
            w.endObject()
            w.key("geometry"); w.multiPolygon(c.view, frame: frame, decimals: decimals)
            w.endObject()
            w.beginObject()
            w.field("type", "Feature"); w.field("id", "camera:\(c.camera.id)")
            w.key("properties"); w.beginObject()
            w.field("layer", "camera"); w.field("camera", c.camera.id); w.field("level", c.camera.info.level)
            w.field("type", c.camera.type.rawValue); w.field("heading", c.camera.heading, decimals: 3)
            w.field("findings", report.findings.filter { $0.camera == c.camera.id }.count)
            w.endObject()
            w.key("geometry"); w.point(c.camera.position, frame: frame, decimals: decimals)
            w.endObject()
        }
        for (i, f) in report.findings.enumerated() {
            w.beginObject()
            w.field("type", "Feature"); w.field("id", "finding:\(i + 1)")
            w.key("properties"); w.beginObject()
            w.field("layer", "finding"); w.field("rule", f.rule); w.field("severity", f.severity.rawValue)
            w.field("camera", f.camera); w.field("zone", f.zone); w.field("zoneName", f.zoneName); w.field("level", f.level)
            w.key("area"); if let a = f.area { w.number(a, decimals: 4) } else { w.null() }
            w.field("dori", f.dori)
            w.key("pixelDensity"); if let d = f.pixelDensity { w.number(d, decimals: 1) } else { w.null() }
            w.field("article", f.citation.reference); w.field("articleZh", f.citation.zh); w.field("articleEn", f.citation.en)
            w.field("consequence", f.consequenceSummary)
            w.field("message", f.message)
            w.endObject()
            w.key("geometry")
            if let g = f.geometry, !g.isEmpty {
                w.multiPolygon(g, frame: frame, decimals: decimals)
            } else if let camera = f.camera, let p = positions[camera] {
                w.point(p, frame: frame, decimals: decimals)
            } else {
                w.null()
            }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.string + "\n"
    }
}
