import SightlinePlan

/// The CRS a GIS report (GeoJSON, GeoPackage) is written in, said so that
/// GDAL and QGIS read it: WGS 84 for a geographic or georeferenced plan
/// (RFC 7946's default, no member needed), `EPSG:n` for a projected one,
/// and for a local plan without georeference an engineering CRS in metres
/// whose name says it is not on the globe — never a silent WGS 84, which put
/// plans at 0°, 0° off Africa with areas in degrees².
public struct ReportCRS: Sendable, Equatable {
    /// `EPSG:n`, or the WKT of the local engineering CRS.
    public var definition: String
    public var isLocal: Bool

    public static let localWKT =
        #"LOCAL_CS["Sightline local plan, metres, not georeferenced",LOCAL_DATUM["plan",0],UNIT["metre",1],AXIS["x",EAST],AXIS["y",NORTH]]"#

    public init(of plan: Plan) {
        let name = plan.metadata.georeference?.outputCRS ?? plan.metadata.crs.rawValue
        if name.hasPrefix("EPSG:") {
            definition = name
            isLocal = false
        } else {
            definition = Self.localWKT
            isLocal = true
        }
    }

    /// The legacy GeoJSON `crs` member's name GDAL reads (`nil` for WGS 84,
    /// which RFC 7946 assumes): the engineering CRS's WKT, or an OGC URN.
    public var geoJSONName: String? {
        if isLocal { return definition }
        if definition == "EPSG:4326" { return nil }
        return "urn:ogc:def:crs:EPSG::" + definition.dropFirst(5)
    }

    /// What the command says on standard error for a local plan.
    public static func warning(for output: String) -> String {
        "\(output): the plan has no georeference: layers are in a local engineering CRS (metres), not placed on the globe; add plan.georeference to place them"
    }
}
