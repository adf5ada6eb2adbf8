import PlanarGeometry
import SightlineJSON
import SightlinePlan

/// Builds a `sightline-plan/1` document feature by feature, ids unique and
/// in the order added, numbers rounded to the source's precision so the
/// output is byte-stable.
struct PlanDocument {
    var plan: [(String, JSONValue)] = [("format", .string(PlanDecoder.formatName))]
    private(set) var features: [JSONValue] = []
    private var ids = Set<String>()
    /// For each base that was taken, the suffix to try next: a drawing with
    /// 10,000 features of one id numbers them in linear time, not quadratic.
    private var nextSuffix: [String: Int] = [:]
    /// Decimal places kept in coordinates (mm drawings: 1; metres: 4;
    /// longitude and latitude: 8), at most 9.
    var decimals = 4

    /// `base`, or `base-2`, `base-3`… when taken.
    mutating func uniqueID(_ base: String) -> String {
        var id = base
        if ids.contains(id) {
            var n = nextSuffix[base] ?? 2
            repeat {
                id = "\(base)-\(n)"
                n += 1
            } while ids.contains(id)
            nextSuffix[base] = n
        }
        ids.insert(id)
        return id
    }

    func round(_ v: Double) -> Double {
        // Up to 9 places: longitude and latitude keep 8 (about 1 mm); the
        // table stopped at 6 (0.11 m of latitude), which moved doors off
        // their walls and collapsed short unit edges.
        let scale = ([1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000] as [Double])[
            min(max(decimals, 0), 9)]
        let r = (v * scale).rounded() / scale
        return r == 0 ? 0 : r
    }

    func position(_ p: Point2) -> JSONValue { .numbers([round(p.x), round(p.y)]) }

    mutating func add(_ id: String, kind: String, geometry: JSONValue, _ properties: [(String, JSONValue)]) {
        let id = uniqueID(id)
        features.append(
            .object(
                JSONObject([
                    ("type", .string("Feature")), ("id", .string(id)),
                    ("properties", .object(JSONObject([("kind", .string(kind))] + properties))), ("geometry", geometry),
                ])))
    }

    func point(_ p: Point2) -> JSONValue { .object(JSONObject([("type", .string("Point")), ("coordinates", position(p))])) }

    func line(_ points: [Point2]) -> JSONValue {
        .object(JSONObject([("type", .string("LineString")), ("coordinates", .array(points.map(position)))]))
    }

    /// A polygon from rings; each ring is closed if it is not already.
    func polygon(_ rings: [[Point2]]) -> JSONValue {
        let closed = rings.map { ring -> [Point2] in ring.first == ring.last ? ring : ring + [ring[0]] }
        return .object(JSONObject([("type", .string("Polygon")), ("coordinates", .array(closed.map { .array($0.map(position)) }))]))
    }

    var document: JSONValue {
        .object(JSONObject([("type", .string("FeatureCollection")), ("plan", .object(JSONObject(plan))), ("features", .array(features))]))
    }
}
