import PlanarGeometry
import SightlineJSON

/// A GeoJSON geometry as read from the file, before the coordinate frame is
/// applied: positions are in file coordinates, already checked to be finite.
enum RawGeometry {
    case point(Point2)
    case lineString([Point2])
    case multiLineString([[Point2]])
    case polygon([[Point2]])
    case multiPolygon([[[Point2]]])

    var typeName: String {
        switch self {
        case .point: "Point"
        case .lineString: "LineString"
        case .multiLineString: "MultiLineString"
        case .polygon: "Polygon"
        case .multiPolygon: "MultiPolygon"
        }
    }

    var allPositions: [Point2] {
        switch self {
        case .point(let p): [p]
        case .lineString(let l): l
        case .multiLineString(let ls): ls.flatMap { $0 }
        case .polygon(let rings): rings.flatMap { $0 }
        case .multiPolygon(let polys): polys.flatMap { $0.flatMap { $0 } }
        }
    }

    /// Calls `body` with each position in order, gathering none.
    func forEachPosition(_ body: (Point2) -> Void) {
        switch self {
        case .point(let p): body(p)
        case .lineString(let l): l.forEach(body)
        case .multiLineString(let ls): for l in ls { l.forEach(body) }
        case .polygon(let rings): for r in rings { r.forEach(body) }
        case .multiPolygon(let polys): for rings in polys { for r in rings { r.forEach(body) } }
        }
    }

    /// Reads `geometry`, logging what is wrong with it; `nil` on any error.
    static func read(_ value: JSONValue?, log: ProblemLog, feature: String) -> RawGeometry? {
        guard let value, value != .null else {
            log.error(feature, "geometry", "geometry is missing or null; this kind of feature needs one")
            return nil
        }
        guard let object = value.objectValue else {
            log.error(feature, "geometry", "expected a GeoJSON geometry object, found \(value.typeName)")
            return nil
        }
        guard let type = object["type"]?.stringValue else {
            log.error(feature, "geometry.type", "expected a GeoJSON geometry type")
            return nil
        }
        let known = ["Point", "LineString", "MultiLineString", "Polygon", "MultiPolygon"]
        guard known.contains(type) else {
            log.error(feature, "geometry.type", "unsupported geometry type `\(type)`: \(Suggestion.expected(type, oneOf: known))")
            return nil
        }
        guard let coordinates = object["coordinates"] else {
            log.error(feature, "geometry.coordinates", "missing coordinates")
            return nil
        }
        var reader = CoordinateReader(log: log, feature: feature)
        switch type {
        case "Point":
            return reader.position(coordinates, path: "geometry.coordinates").map { .point($0) }
        case "LineString":
            return reader.line(coordinates, path: "geometry.coordinates").map { .lineString($0) }
        case "MultiLineString":
            guard let parts = reader.array(coordinates, path: "geometry.coordinates", minCount: 1) else { return nil }
            let lines = parts.enumerated().map { reader.line($1, path: "geometry.coordinates[\($0)]") }
            return reader.failed ? nil : .multiLineString(lines.compactMap { $0 })
        case "Polygon":
            return reader.polygon(coordinates, path: "geometry.coordinates").map { .polygon($0) }
        default:
            guard let parts = reader.array(coordinates, path: "geometry.coordinates", minCount: 1) else { return nil }
            let polys = parts.enumerated().map { reader.polygon($1, path: "geometry.coordinates[\($0)]") }
            return reader.failed ? nil : .multiPolygon(polys.compactMap { $0 })
        }
    }
}

private struct CoordinateReader {
    let log: ProblemLog
    let feature: String
    var failed = false

    mutating func fail<T>(_ path: String, _ message: String) -> T? {
        log.error(feature, path, message)
        failed = true
        return nil
    }

    mutating func array(_ v: JSONValue, path: @autoclosure () -> String, minCount: Int) -> [JSONValue]? {
        guard let a = v.arrayValue else { return fail(path(), "expected an array, found \(v.typeName)") }
        guard a.count >= minCount else { return fail(path(), "expected at least \(minCount) entries, found \(a.count) (empty geometry)") }
        return a
    }

    mutating func position(_ v: JSONValue, path: @autoclosure () -> String) -> Point2? {
        if case .numbers(let n) = v, n.count == 2 || n.count == 3 { return Point2(n[0], n[1]) }
        guard let a = v.arrayValue, a.count >= 2, a.count <= 3 else {
            return fail(path(), "expected a position [x, y], found \(v.arrayValue.map { "\($0.count) values" } ?? v.typeName)")
        }
        guard let x = a[0].numberValue, let y = a[1].numberValue, x.isFinite, y.isFinite else {
            return fail(path(), "expected finite numbers in a position, found \(a[0].typeName) and \(a[1].typeName)")
        }
        return Point2(x, y)
    }

    mutating func line(_ v: JSONValue, path: @autoclosure () -> String) -> [Point2]? {
        guard let a = array(v, path: path(), minCount: 2) else { return nil }
        var points: [Point2] = []
        points.reserveCapacity(a.count)
        for (i, p) in a.enumerated() {
            guard let point = position(p, path: "\(path())[\(i)]") else { return nil }
            points.append(point)
        }
        if !Self.hasDistinct(points, count: 2) { return fail(path(), "a line needs two distinct positions") }
        return points
    }

    /// Whether `points` holds at least `count` (2 or 3) distinct positions,
    /// without hashing: this runs for every ring of every feature.
    static func hasDistinct(_ points: [Point2], count: Int) -> Bool {
        guard let first = points.first else { return false }
        var second: Point2?
        for p in points where p != first {
            guard let s = second else {
                second = p
                if count == 2 { return true }
                continue
            }
            if p != s { return true }
        }
        return false
    }

    mutating func polygon(_ v: JSONValue, path: @autoclosure () -> String) -> [[Point2]]? {
        guard let rings = array(v, path: path(), minCount: 1) else { return nil }
        var out: [[Point2]] = []
        out.reserveCapacity(rings.count)
        for (i, r) in rings.enumerated() {
            guard let ring = line(r, path: "\(path())[\(i)]") else { return nil }
            guard ring.count >= 4 else { return fail("\(path())[\(i)]", "a polygon ring needs at least 4 positions, found \(ring.count)") }
            guard ring.first == ring.last else {
                return fail("\(path())[\(i)]", "a polygon ring must be closed: its first and last positions must be equal")
            }
            if !Self.hasDistinct(ring, count: 3) { return fail("\(path())[\(i)]", "a polygon ring needs three distinct positions") }
            out.append(Array(ring.dropLast()))
        }
        return out
    }
}

extension Box? {
    /// Grows the bounds to hold `p`; the first position starts them.
    mutating func include(_ p: Point2) {
        if self == nil { self = Box(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y) } else { self!.include(p) }
    }
}
