import PlanarGeometry
import SightlineEngine
import SightlineJSON
import SightlinePlan
import SightlineRules

/// `--format geojson`: layers for QGIS in the plan's own CRS (lon/lat for
/// geographic plans; lon/lat too for a local plan with a georeference, so a
/// GIS team opens it on a map): each camera's view region and position, and
/// every finding (the intruding polygon where there is one, else the
/// camera's point, else no geometry) with its facts as properties.
public struct GeoJSONReportRenderer: ReportRenderer, JSONDocumentRenderer {
    public init() {}

    func write(_ report: CheckReport, into w: inout JSONWriter) {
        let out = Output(report)
        out.begin(&w)
        for c in report.analysis.cameras {
            out.view(c, &w)
            out.camera(c, &w)
        }
        for (i, f) in report.findings.enumerated() { out.finding(i, f, &w) }
        out.end(&w)
    }

    /// The layers a GIS team loads one by one (and a Shapefile export takes,
    /// one geometry type each), as (name, FeatureCollection text): `views`,
    /// `cameras`, `intrusions` (findings with polygons), `finding_points`
    /// (other findings at their camera), `zones`, `walls` (line walls) and
    /// `wall_bodies` (polygon walls) — the GeoPackage's layers.
    public func layers(_ report: CheckReport) -> [(name: String, text: String)] {
        let out = Output(report)
        func layer(_ name: String, _ write: (inout JSONWriter) -> Void) -> (name: String, text: String) {
            var w = JSONWriter()
            out.begin(&w, layer: name)
            write(&w)
            out.end(&w)
            return (name, String(decoding: w.takeFileBytes(), as: UTF8.self))
        }
        let findings = Array(report.findings.enumerated())
        return [
            layer("views") { w in for c in report.analysis.cameras { out.view(c, &w) } },
            layer("cameras") { w in for c in report.analysis.cameras { out.camera(c, &w) } },
            layer("intrusions") { w in for (i, f) in findings where !(f.geometry ?? []).isEmpty { out.finding(i, f, &w) } },
            layer("finding_points") { w in
                for (i, f) in findings where (f.geometry ?? []).isEmpty && f.camera != nil {
                    out.finding(i, f, &w)
                }
            },
            layer("zones") { w in for z in report.plan.zones { out.zone(z, &w) } },
            layer("walls") { w in for wall in report.plan.walls { if case .lines = wall.shape { out.wall(wall, &w) } } },
            layer("wall_bodies") { w in for wall in report.plan.walls { if case .polygons = wall.shape { out.wall(wall, &w) } } },
        ]
    }

    /// What every feature writer shares: the output frame and decimals.
    private struct Output {
        let report: CheckReport
        let frame: CoordinateFrame
        let decimals: Int

        init(_ report: CheckReport) {
            self.report = report
            frame = report.plan.metadata.georeference?.frame ?? report.plan.frame
            decimals = frame.outputDecimals
        }

        func begin(_ w: inout JSONWriter, layer: String? = nil) {
            let plan = report.plan
            w.beginObject()
            w.field("type", "FeatureCollection")
            if let layer { w.field("name", layer) }
            if let name = ReportCRS(of: plan).geoJSONName {
                // Not RFC 7946 (which allows WGS 84 only), but what GDAL and QGIS
                // read, so a local or projected plan is not taken for WGS 84.
                w.key("crs")
                w.beginObject()
                w.field("type", "name")
                w.key("properties")
                w.beginObject()
                w.field("name", name)
                w.endObject()
                w.endObject()
            }
            w.key("sightline")
            w.beginObject()
            w.field("tool", "sightline \(report.toolVersion)")
            w.field("profile", report.profile.id)
            w.field("plan", plan.file)
            w.field("sha256", report.inputSHA256)
            w.field("asOf", report.asOf.description)
            w.field("crs", plan.metadata.georeference?.outputCRS ?? plan.metadata.crs.rawValue)
            w.field("verdict", report.verdict)
            w.endObject()
            w.key("features")
            w.beginArray()
        }

        func end(_ w: inout JSONWriter) {
            w.endArray()
            w.endObject()
        }

        func view(_ c: CameraAnalysis, _ w: inout JSONWriter) {
            w.beginObject()
            w.field("type", "Feature")
            w.field("id", "view:\(c.camera.id)")
            w.key("properties")
            w.beginObject()
            w.field("layer", "view")
            w.field("camera", c.camera.id)
            w.field("level", c.camera.info.level)
            w.field("viewArea", c.viewArea, decimals: 4)
            w.field("maskedArea", c.maskedArea, decimals: 4)
            w.field("hfov", c.optics.hfov, decimals: 3)
            w.field("range", c.optics.range, decimals: 3)
            w.endObject()
            w.key("geometry")
            w.multiPolygon(c.view, frame: frame, decimals: decimals)
            w.endObject()
        }

        func camera(_ c: CameraAnalysis, _ w: inout JSONWriter) {
            w.beginObject()
            w.field("type", "Feature")
            w.field("id", "camera:\(c.camera.id)")
            w.key("properties")
            w.beginObject()
            w.field("layer", "camera")
            w.field("camera", c.camera.id)
            w.field("level", c.camera.info.level)
            w.field("type", c.camera.type.rawValue)
            w.field("heading", c.camera.heading, decimals: 3)
            w.field("findings", report.findings.filter { $0.cameraID == c.camera.id }.count)
            w.endObject()
            w.key("geometry")
            w.point(c.camera.position, frame: frame, decimals: decimals)
            w.endObject()
        }

        func finding(_ i: Int, _ f: Finding, _ w: inout JSONWriter) {
            w.beginObject()
            w.field("type", "Feature")
            w.field("id", "finding:\(i + 1)")
            w.key("properties")
            w.beginObject()
            w.field("layer", "finding")
            w.field("rule", f.rule)
            w.field("severity", f.severity.rawValue)
            w.field("camera", f.cameraID)
            w.field("zone", f.zoneID)
            w.field("zoneName", f.zoneName)
            w.field("level", f.level)
            w.key("area")
            if let a = f.area { w.number(a, decimals: 4) } else { w.null() }
            w.field("dori", f.dori)
            w.key("pixelDensity")
            if let d = f.pixelDensity { w.number(d, decimals: 1) } else { w.null() }
            w.field("article", f.citation.reference)
            w.field("articleZh", f.citation.zh)
            w.field("articleEn", f.citation.en)
            w.field("consequence", f.consequenceSummary)
            w.field("message", f.message)
            w.endObject()
            w.key("geometry")
            if let g = f.geometry, !g.isEmpty {
                w.multiPolygon(g, frame: frame, decimals: decimals)
            } else if let camera = f.camera {
                w.point(camera.position, frame: frame, decimals: decimals)
            } else {
                w.null()
            }
            w.endObject()
        }

        func zone(_ z: Zone, _ w: inout JSONWriter) {
            w.beginObject()
            w.field("type", "Feature")
            w.field("id", "zone:\(z.id)")
            w.key("properties")
            w.beginObject()
            w.field("layer", "zone")
            w.field("zone", z.id)
            w.field("name", z.name)
            w.field("category", z.category.rawValue)
            w.field("level", z.info.level)
            w.field("prohibited", report.profile.prohibitedCategories.contains(z.category))
            w.endObject()
            w.key("geometry")
            w.multiPolygon(z.polygons, frame: frame, decimals: decimals)
            w.endObject()
        }

        func wall(_ wall: Wall, _ w: inout JSONWriter) {
            w.beginObject()
            w.field("type", "Feature")
            w.field("id", "wall:\(wall.id)")
            w.key("properties")
            w.beginObject()
            w.field("layer", "wall")
            w.field("wall", wall.id)
            w.field("level", wall.info.level)
            w.field("material", wall.material.rawValue)
            w.key("height")
            if let h = wall.heightMetres { w.number(h, decimals: 3) } else { w.null() }
            w.field("thickness", wall.thicknessMetres, decimals: 3)
            w.endObject()
            w.key("geometry")
            switch wall.shape {
            case .lines(let lines): w.multiLineString(lines, frame: frame, decimals: decimals)
            case .polygons(let polygons): w.multiPolygon(polygons, frame: frame, decimals: decimals)
            }
            w.endObject()
        }
    }
}
