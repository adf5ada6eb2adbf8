import OGR
import PlanarGeometry
import SightlineEngine
import SightlinePlan
import SightlineRules

/// `--format gpkg`: the report as a GeoPackage through GDAL, one layer per
/// kind so QGIS (and a Shapefile export) takes each as it is — `views`,
/// `intrusions`, `cameras`, `zones`, `walls`, `wall_bodies`, and the
/// non-spatial `findings` — in the plan's CRS (WGS 84 for a georeferenced
/// or geographic plan, its projected CRS where it has one), with typed
/// attributes (areas are reals). A local plan without a georeference gets
/// an engineering CRS that says so, never a silent WGS 84.
public struct GeoPackageReportWriter: Sendable {
    public init() {}

    public func write(_ report: CheckReport, to path: String) throws(OGRError) {
        let plan = report.plan
        let frame = plan.metadata.georeference?.frame ?? plan.frame
        let crs = ReportCRS(of: plan).definition
        let out = try OGRVectorWriter(path: path)
        let shapes = WKTText(frame: frame)
        func text(_ s: String?) -> OGRVectorWriter.Value { s.map { .text($0) } ?? .null }
        func real(_ d: Double?) -> OGRVectorWriter.Value { d.map { .real($0) } ?? .null }

        try out.addLayer(
            "views", geometry: .multiPolygon, crs: crs,
            fields: [
                ("camera", .text), ("level", .text), ("view_area", .real), ("masked", .real), ("hfov", .real), ("range", .real),
            ])
        for c in report.analysis.cameras {
            try out.add(
                to: "views", wkt: shapes.multiPolygon(c.view),
                values: [
                    .text(c.camera.id), .text(c.camera.info.level), .real(c.viewArea),
                    .real(c.maskedArea), .real(c.optics.hfov), .real(c.optics.range),
                ])
        }
        try out.addLayer(
            "cameras", geometry: .point, crs: crs,
            fields: [
                ("camera", .text), ("level", .text), ("type", .text), ("heading", .real), ("tilt", .real), ("mount_h", .real),
                ("findings", .integer),
            ])
        for c in report.analysis.cameras {
            try out.add(
                to: "cameras", wkt: shapes.point(c.camera.position),
                values: [
                    .text(c.camera.id), .text(c.camera.info.level), .text(c.camera.type.rawValue), .real(c.camera.heading),
                    .real(c.camera.tilt), .real(c.camera.mountHeight),
                    .integer(report.findings.filter { $0.cameraID == c.camera.id }.count),
                ])
        }
        let findingFields: [(name: String, kind: OGRVectorWriter.FieldKind)] = [
            ("finding", .integer), ("rule", .text), ("severity", .text), ("camera", .text), ("zone", .text), ("zone_name", .text),
            ("level", .text), ("area", .real), ("dori", .text), ("density", .real), ("message", .text), ("article", .text),
            ("article_zh", .text), ("article_en", .text), ("measures", .text),
        ]
        try out.addLayer("intrusions", geometry: .multiPolygon, crs: crs, fields: findingFields)
        try out.addLayer("findings", geometry: .none, crs: nil, fields: findingFields)
        for (i, f) in report.findings.enumerated() {
            let values: [OGRVectorWriter.Value] = [
                .integer(i + 1), .text(f.rule), .text(f.severity.rawValue), text(f.cameraID), text(f.zoneID), text(f.zoneName),
                text(f.level), real(f.area), text(f.dori), real(f.pixelDensity), .text(f.message), .text(f.citation.reference),
                .text(f.citation.zh), .text(f.citation.en), .text(f.consequenceSummary),
            ]
            try out.add(to: "findings", wkt: nil, values: values)
            if let geometry = f.geometry, let shape = shapes.multiPolygon(geometry) {
                try out.add(to: "intrusions", wkt: shape, values: values)
            }
        }
        try out.addLayer(
            "zones", geometry: .multiPolygon, crs: crs,
            fields: [
                ("zone", .text), ("name", .text), ("category", .text), ("level", .text), ("prohibited", .integer),
            ])
        for z in plan.zones {
            try out.add(
                to: "zones", wkt: shapes.multiPolygon(z.polygons),
                values: [
                    .text(z.id), text(z.name), .text(z.category.rawValue), .text(z.info.level),
                    .integer(report.profile.prohibitedCategories.contains(z.category) ? 1 : 0),
                ])
        }
        let wallFields: [(name: String, kind: OGRVectorWriter.FieldKind)] = [
            ("wall", .text), ("level", .text), ("material", .text), ("height", .real), ("thickness", .real),
        ]
        try out.addLayer("walls", geometry: .multiLineString, crs: crs, fields: wallFields)
        try out.addLayer("wall_bodies", geometry: .multiPolygon, crs: crs, fields: wallFields)
        for wall in plan.walls {
            let values: [OGRVectorWriter.Value] = [
                .text(wall.id), .text(wall.info.level), .text(wall.material.rawValue),
                real(wall.heightMetres), .real(wall.thicknessMetres),
            ]
            switch wall.shape {
            case .lines(let lines): try out.add(to: "walls", wkt: shapes.multiLineString(lines), values: values)
            case .polygons(let polygons): try out.add(to: "wall_bodies", wkt: shapes.multiPolygon(polygons), values: values)
            }
        }
        try out.finish()
    }
}
