import OGR

/// `batch report --format gpkg`: a portfolio a GIS team opens in QGIS —
/// `buildings` (a point per building at its plan's origin, with status and
/// counts), `intrusions` (every finding's intruding polygons),
/// `finding_points` (other findings at their camera) and the non-spatial
/// `findings` (all of them), in WGS 84, typed (areas are reals, counts
/// integers). Buildings whose plans are not on the globe (local, or a
/// projected georeference) keep a row with no geometry.
public enum PortfolioGeoPackage {
    public struct Summary: Sendable {
        public var buildings: Int
        public var placed: Int
        public var failing: Bool
    }

    public static func write(database path: String, to output: String) throws -> Summary {
        let store = try ResultStore(path: path, access: .read)
        let out = try OGRVectorWriter(path: output)
        try out.addLayer(
            "buildings", geometry: .point, crs: "EPSG:4326",
            fields: [
                ("path", .text), ("sha256", .text), ("status", .text), ("errors", .integer), ("warnings", .integer),
                ("cameras", .integer), ("profile", .text), ("as_of", .text), ("input_error", .text),
            ])
        let findingFields: [(name: String, kind: OGRVectorWriter.FieldKind)] = [
            ("path", .text), ("rule", .text), ("severity", .text), ("level", .text), ("camera", .text), ("zone", .text),
            ("area", .real), ("dori", .text), ("message", .text),
        ]
        try out.addLayer("intrusions", geometry: .multiPolygon, crs: "EPSG:4326", fields: findingFields)
        try out.addLayer("finding_points", geometry: .point, crs: "EPSG:4326", fields: findingFields)
        try out.addLayer("findings", geometry: .none, crs: nil, fields: findingFields)
        func text(_ s: String?) -> OGRVectorWriter.Value { s.map { .text($0) } ?? .null }
        var summary = Summary(buildings: 0, placed: 0, failing: false)
        try store.buildings { b in
            summary.buildings += 1
            summary.failing = summary.failing || b.failsRun
            if b.site != nil { summary.placed += 1 }
            try out.add(
                to: "buildings", wkt: b.site.map { "POINT (\($0.lon) \($0.lat))" },
                values: [
                    .text(b.path), .text(b.sha256), .text(b.status.rawValue), .integer(b.errors), .integer(b.warnings),
                    b.cameras.map { .integer($0) } ?? .null, .text(b.profile), .text(b.asOf), text(b.inputError),
                ])
            for f in b.findings {
                let values: [OGRVectorWriter.Value] = [
                    .text(b.path), .text(f.rule), .text(f.severity), text(f.level), text(f.camera), text(f.zone),
                    f.area.map { .real($0) } ?? .null, text(f.dori), .text(f.message),
                ]
                try out.add(to: "findings", wkt: nil, values: values)
                if let wkt = f.wkt {
                    try out.add(to: wkt.hasPrefix("MULTIPOLYGON") ? "intrusions" : "finding_points", wkt: wkt, values: values)
                }
            }
        }
        try out.finish()
        return summary
    }
}
