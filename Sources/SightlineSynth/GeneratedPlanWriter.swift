import SightlineJSON
import SightlinePlan

/// Writes a generated `sightline-plan/1` document: the plan member with a
/// site filed on time, then features level by level, each id prefixed by its
/// level. The hotel, mall and terminal generators share it, so every
/// synthetic plan has the same complete metadata and only its geometry
/// varies.
struct GeneratedPlanWriter {
    private(set) var writer = JSONWriter(indent: 0)
    /// The level features are written on.
    var level = ""

    /// A property value: text, a number (3 decimals), an integer, a flag, or
    /// a nested object.
    enum Value {
        case text(String)
        case number(Double)
        case integer(Int)
        case flag(Bool)
        case object([(String, Value)])
    }

    /// Opens the document and writes its `plan` member; `levels` are
    /// (id, name, elevation, height); `doors` is the plan's default door state.
    ///
    /// - Parameter georeference: where the plan's origin lies (WGS 84
    ///   longitude, latitude), to place the building on a map.
    init(
        siteID: String, siteName: String, placeCategory: String, operatorName: String,
        levels: [(id: String, name: String, elevation: Double, height: Double)], doors: String,
        georeference: (lon: Double, lat: Double)? = nil
    ) {
        var w = writer
        w.beginObject()
        w.field("type", "FeatureCollection")
        w.key("plan")
        w.beginObject()
        w.field("format", PlanDecoder.formatName)
        w.field("units", "m")
        w.field("crs", "local")
        w.field("profile", "cn-2025")
        if let georeference {
            w.key("georeference")
            w.beginObject()
            w.key("origin")
            w.inlinePair(georeference.lon, georeference.lat, decimals: 6)
            w.field("rotation", 0, decimals: 0)
            w.endObject()
        }
        w.key("site")
        w.beginObject()
        w.field("id", siteID)
        w.field("name", siteName)
        w.field("address", "1 Example Road")
        w.field("placeCategory", placeCategory)
        w.key("operator")
        w.beginObject()
        w.field("name", operatorName)
        w.field("kind", "unit")
        w.endObject()
        w.endObject()
        w.key("system")
        w.beginObject()
        w.field("commissionedOn", "2025-05-06")
        w.field("filedOn", "2025-05-20")
        w.field("retentionDays", 30)
        w.endObject()
        w.key("levels")
        w.beginArray()
        for level in levels {
            w.beginObject()
            w.field("id", level.id)
            w.field("name", level.name)
            w.field("elevation", level.elevation, decimals: 2)
            w.field("height", level.height, decimals: 2)
            w.endObject()
        }
        w.endArray()
        w.key("defaults")
        w.beginObject()
        w.field("doors", doors)
        w.endObject()
        w.endObject()
        w.key("features")
        w.beginArray()
        writer = w
    }

    /// Closes the document and returns its text.
    mutating func finish() -> String {
        writer.endArray()
        writer.endObject()
        return writer.string + "\n"
    }

    private mutating func write(_ key: String, _ value: Value) {
        switch value {
        case .text(let s): writer.field(key, s)
        case .number(let d): writer.field(key, d, decimals: 3)
        case .integer(let i): writer.field(key, i)
        case .flag(let b): writer.field(key, b)
        case .object(let members):
            writer.key(key)
            writer.beginObject()
            for (k, v) in members { write(k, v) }
            writer.endObject()
        }
    }

    /// One feature: `kind` first, then the level, then the properties.
    mutating func feature(
        _ id: String, _ kind: String, _ properties: [(String, Value)], _ type: String,
        coordinates: (inout JSONWriter) -> Void
    ) {
        writer.beginObject()
        writer.field("type", "Feature")
        writer.field("id", "\(level)-\(id)")
        writer.key("properties")
        writer.beginObject()
        writer.field("level", level)
        writer.field("kind", kind)
        for (k, v) in properties { write(k, v) }
        writer.endObject()
        writer.key("geometry")
        writer.beginObject()
        writer.field("type", type)
        writer.key("coordinates")
        coordinates(&writer)
        writer.endObject()
        writer.endObject()
    }

    mutating func point(_ id: String, _ kind: String, _ properties: [(String, Value)], _ x: Double, _ y: Double) {
        feature(id, kind, properties, "Point") { $0.inlinePair(x, y, decimals: 3) }
    }

    mutating func line(_ id: String, _ kind: String, _ properties: [(String, Value)], _ points: [(Double, Double)]) {
        feature(id, kind, properties, "LineString") { w in
            w.beginArray()
            for p in points { w.inlinePair(p.0, p.1, decimals: 3) }
            w.endArray()
        }
    }

    mutating func polygon(_ id: String, _ kind: String, _ properties: [(String, Value)], _ ring: [(Double, Double)]) {
        feature(id, kind, properties, "Polygon") { w in
            w.beginArray()
            w.beginArray()
            for p in ring + [ring[0]] { w.inlinePair(p.0, p.1, decimals: 3) }
            w.endArray()
            w.endArray()
        }
    }

    mutating func box(
        _ id: String, _ kind: String, _ properties: [(String, Value)],
        _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double
    ) {
        polygon(id, kind, properties, [(x0, y0), (x1, y0), (x1, y1), (x0, y1)])
    }
}
