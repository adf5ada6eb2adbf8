import Foundation
import OGR
import SightlineIO
import SightlineJSON
import SightlinePlan

/// `sightline import cameras`: an installer's camera schedule (CSV or XLSX,
/// read by GDAL) merged into a plan.
///
/// Headers may be English or Chinese (编号, 楼层, 安装高度, 方向角, 俯角,
/// 水平视角, 类型, 型号, 分辨率…). Each row is one camera; a camera whose id
/// is already in the plan is replaced where it stands in the file (re-importing
/// an updated schedule is the normal loop), a new one is appended. A bad
/// value stops the import naming the row (as a spreadsheet numbers it: the
/// header is row 1) and the column as written. `x` and `y` are metres in
/// the plan's frame (converted to the plan's `units`); `lon`/`lat` only for
/// EPSG:4326 plans.
public struct CameraSchedule: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// Plan properties by the header words that name them (lower-cased).
    static let columns: [(key: String, words: [String])] = [
        ("id", ["id", "编号", "编码", "摄像机编号", "camera", "camera id"]),
        ("level", ["level", "楼层", "层", "floor"]),
        ("x", ["x", "x坐标"]),
        ("y", ["y", "y坐标"]),
        ("lon", ["lon", "lng", "longitude", "经度"]),
        ("lat", ["lat", "latitude", "纬度"]),
        ("mountHeight", ["mountheight", "mount height", "height", "安装高度", "高度"]),
        ("heading", ["heading", "direction", "方向角", "朝向", "方位角"]),
        ("tilt", ["tilt", "俯角"]),
        ("hfov", ["hfov", "水平视角", "视角"]),
        ("vfov", ["vfov", "垂直视角"]),
        ("range", ["range", "距离", "监控距离"]),
        ("type", ["type", "类型"]),
        ("model", ["model", "型号"]),
        ("resolution", ["resolution", "分辨率"]),
        ("focalLength", ["lens", "focal length", "镜头", "焦距"]),
    ]

    /// What each numeric column means, for messages, and its bounds.
    static let numeric: [String: (what: String, range: ClosedRange<Double>)] = [
        "x": ("a coordinate", -1e9...1e9), "y": ("a coordinate", -1e9...1e9),
        "lon": ("a longitude", -180...180), "lat": ("a latitude", -90...90),
        "mountHeight": ("metres above the floor", 0...1000), "heading": ("degrees clockwise from north", -360...360),
        "tilt": ("degrees below horizontal", -90...90), "hfov": ("degrees", 0...360), "vfov": ("degrees", 0...180),
        "range": ("metres", 0...10_000), "focalLength": ("millimetres", 0...2000),
    ]

    /// The largest schedule read: a million cameras as CSV is ~60 MB, and a
    /// spreadsheet's cells are held in memory several times over while
    /// GDAL reads it (a 500 MB XLSX took 2.6 GB).
    static let maxFileBytes = 64 << 20

    /// The schedule's rows: header word → value, with the row number.
    func rows() throws(ImportError) -> (header: [String: String], rows: [(number: Int, values: [String: String])]) {
        let lower = path.lowercased()
        let drivers = lower.hasSuffix(".xlsx") ? ["XLSX"] : lower.hasSuffix(".csv") ? ["CSV"] : nil
        guard let drivers else { throw ImportError(file: path, message: "a camera schedule is a .csv or .xlsx file") }
        var info = stat()
        if stat(path, &info) == 0, Int(info.st_size) > Self.maxFileBytes {
            throw ImportError(
                file: path,
                message:
                    "\(info.st_size) bytes is more than a camera schedule can be (\(Self.maxFileBytes >> 20) MiB, a million cameras as CSV); split it"
            )
        }
        let records: [OGRRecord]
        do throws(OGRError) {
            let options = drivers == ["XLSX"] ? ["HEADERS": "FORCE", "FIELD_TYPES": "STRING"] : ["HEADERS": "YES"]
            let dataset = try OGRDataset(path: path, drivers: drivers, options: options)
            guard let layer = dataset.layers.first else { throw OGRError(path: path, message: "no sheet") }
            records = try layer.records()
        } catch {
            throw ImportError(file: path, message: "not a readable schedule: \(error.message)")
        }
        // Map the file's headers to plan keys.
        var header: [String: String] = [:] // file header → key
        let names = Set(records.flatMap(\.fields.keys))
        for name in names {
            let word = name.trimmingCharacters(in: .whitespaces).lowercased()
            if let key = Self.columns.first(where: { $0.words.contains(word) })?.key { header[name] = key }
        }
        let rows = records.enumerated().map { i, r in
            (
                number: i + 2,
                values: r.fields.reduce(into: [String: String]()) { out, field in
                    out[field.key] = field.value.text.trimmingCharacters(in: .whitespaces)
                }
            )
        }
        return (header, rows)
    }

    public func merge(into document: JSONValue, planFile: String) throws(ImportError) -> ImportResult {
        let (header, rows) = try rows()
        guard header.values.contains("id") else {
            throw ImportError(
                file: path, message: "no id column (id or 编号); the columns are \(header.keys.sorted().joined(separator: ", "))")
        }
        guard var root = document.objectValue, var features = root["features"]?.arrayValue else {
            throw ImportError(file: planFile, message: "not a plan: a FeatureCollection with features was expected")
        }
        let plan = root["plan"]?.objectValue
        let crs = plan?["crs"]?.stringValue.flatMap(PlanCRS.init(rawValue:)) ?? .local
        let geographic: Bool = if case .geographic = crs { true } else { false }
        let projected: Bool = if case .projected = crs { true } else { false }
        // Schedules give x and y in metres; the plan may count in mm or ft.
        let unit = projected ? .m : plan?["units"]?.stringValue.flatMap(LengthUnit.init(rawValue:)) ?? .m
        let levels = plan?["levels"]?.arrayValue?.compactMap(\.objectValue) ?? []
        var replaced = 0
        var added = 0
        let column = { (key: String) in header.first { $0.value == key }?.key }
        // Where each id stands, so a schedule merges in time linear in its
        // rows and the plan's features (a search per row took 150 s and
        // more for 200,000 rows).
        var place: [String: Int] = [:]
        for (i, f) in features.enumerated() {
            if let id = Self.id(of: f), place[id] == nil { place[id] = i }
        }

        for row in rows {
            func fail(_ key: String, _ message: String) -> ImportError {
                ImportError(file: path, message: "row \(row.number): column \(column(key) ?? key): \(message)")
            }
            func value(_ key: String) -> String? { column(key).flatMap { row.values[$0] }.flatMap { $0.isEmpty ? nil : $0 } }
            func number(_ key: String) throws(ImportError) -> Double? {
                guard let text = value(key) else { return nil }
                let (what, range) = Self.numeric[key] ?? ("a number", -1e12...1e12)
                guard let v = Double(text), v.isFinite else {
                    throw fail(key, "expected a number (\(what)), found `\(TerminalText.excerpt(text))`")
                }
                guard range.contains(v) else {
                    throw fail(
                        key, "expected \(what) between \(range.lowerBound) and \(range.upperBound), found \(TerminalText.excerpt(text))")
                }
                return v
            }
            guard let id = value("id") else { throw fail("id", "every camera needs an id") }
            var props: [(String, JSONValue)] = [("kind", .string("camera"))]
            if let level = value("level") {
                if levels.isEmpty || levels.contains(where: { $0["id"]?.stringValue == level }) {
                    props.append(("level", .string(level)))
                } else if let byName = levels.first(where: { $0["name"]?.stringValue == level })?["id"]?.stringValue {
                    props.append(("level", .string(byName)))
                } else {
                    let known = levels.compactMap { $0["id"]?.stringValue }
                    throw fail(
                        "level",
                        "unknown level `\(TerminalText.excerpt(level))`: the plan's levels are \(Suggestion.list(known)) (by id or name)")
                }
            }
            let position: [Double]
            if let x = try number("x"), let y = try number("y") {
                position = [x / unit.metres, y / unit.metres].map { ($0 * 1e6).rounded() / 1e6 }
            } else if let lon = try number("lon"), let lat = try number("lat") {
                guard geographic else {
                    throw fail("lon", "the plan is not geographic (EPSG:4326 or 4490); give x and y in its coordinates")
                }
                position = [lon, lat]
            } else {
                throw fail(column("x") == nil ? "lon" : "x", "every camera needs x and y (or lon and lat)")
            }
            for key in ["mountHeight", "heading", "tilt", "hfov", "vfov", "range"] {
                if let v = try number(key) { props.append((key, .number(v))) }
            }
            if let type = value("type") {
                guard let t = DXFImporter.cameraType(type) ?? Camera.CameraType(rawValue: type.lowercased())?.rawValue else {
                    throw fail("type", "expected fixed, ptz or fisheye (or 枪机, 球机, 鱼眼), found `\(TerminalText.excerpt(type))`")
                }
                props.append(("type", .string(t)))
            }
            if let model = value("model") { props.append(("model", .string(model))) }
            if let text = value("resolution") {
                let parts = text.lowercased().split { $0 == "x" || $0 == "×" || $0 == "*" }.compactMap {
                    Int($0.trimmingCharacters(in: .whitespaces))
                }
                guard parts.count == 2, parts.allSatisfy({ $0 > 0 }) else {
                    throw fail("resolution", "expected width×height in pixels, e.g. 1920x1080, found `\(TerminalText.excerpt(text))`")
                }
                props.append(("resolution", .numbers(parts.map(Double.init))))
            }
            if let f = try number("focalLength") {
                props.append(("lens", .object(JSONObject([("focalLength", .number(f)), ("sensorFormat", .string("1/2.8\""))]))))
            }
            let feature = JSONValue.object(
                JSONObject([
                    ("type", .string("Feature")), ("id", .string(id)), ("properties", .object(JSONObject(props))),
                    ("geometry", .object(JSONObject([("type", .string("Point")), ("coordinates", .numbers(position))]))),
                ]))
            if let i = place[id] {
                features[i] = feature
                replaced += 1
            } else {
                place[id] = features.count
                features.append(feature)
                added += 1
            }
        }
        root["features"] = .array(features)
        let summary = [
            "\(path): \(rows.count) cameras: \(added) added, \(replaced) replaced in \(planFile)",
            "  columns: " + header.sorted { $0.key < $1.key }.map { "\($0.key) → \($0.value)" }.joined(separator: ", "),
        ]
        return ImportResult(document: .object(root), summary: summary)
    }

    static func id(of feature: JSONValue) -> String? {
        guard let f = feature.objectValue else { return nil }
        return PlanDecoder.idString(f["id"]) ?? PlanDecoder.idString(f["properties"]?.objectValue?["id"])
    }
}
