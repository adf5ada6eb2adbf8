import Foundation
import PlanarGeometry
import SightlineJSON

/// Decodes and validates a `sightline-plan/1` file.
///
/// Every problem found is reported, each naming the file, the feature id and
/// the property; the plan is returned only when there is no error. Warnings
/// (unknown properties, say) ride along in ``Plan/warnings``.
public enum PlanDecoder {
    public static let formatName = "sightline-plan/1"

    /// Reads and decodes the file at `path`.
    ///
    /// - Parameter categories: zone categories accepted besides the format's
    ///   own, given the profile the plan names (`nil` when it names none).
    public static func decode(
        contentsOf path: String,
        extraCategories: (String?) -> [ZoneCategory] = { _ in [] }
    ) throws(PlanError) -> Plan {
        try decode(bytes: readFile(path), file: path, extraCategories: extraCategories)
    }

    /// The largest plan file read (bytes): far above any building's plan
    /// (a 40-floor, 600-camera hotel is 1.2 MB), and a bound on the memory a
    /// hostile file can take.
    public static let maxFileBytes = 256 << 20

    /// The bytes of a plan file, or an error saying why it cannot be read
    /// (errno's own words: no such file, permission denied, a folder, empty,
    /// too large). Devices and pipes (`/dev/stdin`) are read to their end.
    public static func readFile(_ path: String) throws(PlanError) -> [UInt8] {
        func fail(_ why: String) -> PlanError { PlanError([PlanProblem(file: path, message: why)]) }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw fail(errno == ENOENT ? "no such file" : "cannot be read: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw fail("cannot be read: \(String(cString: strerror(errno)))") }
        if info.st_mode & S_IFMT == S_IFDIR { throw fail("is a directory, not a plan file") }
        if Int(info.st_size) > maxFileBytes { throw fail("is \(info.st_size) bytes; a plan may be at most \(maxFileBytes >> 20) MiB") }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail("cannot be read: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[..<n])
            if bytes.count > maxFileBytes { throw fail("is larger than the \(maxFileBytes >> 20) MiB a plan may be") }
        }
        if bytes.isEmpty { throw fail("is empty: a plan is a GeoJSON FeatureCollection") }
        return bytes
    }

    /// Decodes a plan from its bytes; `file` names it in messages.
    /// - Parameter crsResolver: resolves EPSG codes beyond the built-in ones
    ///   (and corrects projected ones for their scale), when given.
    ///
    /// - Parameter keepDocument: keep the parsed tree as ``Plan/document``
    ///   (`fix --apply` and the planner rewrite it). Without it the features
    ///   are read as they are parsed and their trees let go one by one
    ///   (``FeatureReader``), so a check never holds the whole tree.
    /// - Parameter keepSource: keep the file's bytes as ``Plan/sourceBytes``
    ///   for the SARIF report's line numbers; a check that writes another
    ///   format lets them go (they are as large as the file).
    public static func decode(
        bytes: [UInt8], file: String,
        extraCategories: (String?) -> [ZoneCategory] = { _ in [] },
        crsResolver: CRSResolver? = nil, keepDocument: Bool = true, keepSource: Bool = true
    ) throws(PlanError) -> Plan {
        let root: JSONValue
        let reader = keepDocument ? nil : FeatureReader(file: file)
        do {
            root = try JSONParser.parse(bytes, eachFeature: reader.map { reader in { reader.read($0, index: $1) } })
        } catch {
            throw PlanError([PlanProblem(file: file, message: "not valid JSON: \(error)")])
        }
        let log = ProblemLog(file: file)
        let plan = decode(root, log: log, extraCategories: extraCategories, crsResolver: crsResolver, read: reader)
        if !log.errors.isEmpty || plan == nil {
            var error = PlanError(log.errors.isEmpty ? [PlanProblem(file: file, message: "not a plan")] : log.errors)
            if var salvaged = plan {
                salvaged.warnings = log.warnings
                if keepDocument { salvaged.document = root }
                error.salvaged = salvaged
            }
            throw error
        }
        var result = plan!
        result.warnings = log.warnings
        if keepDocument { result.document = root }
        if keepSource { result.sourceBytes = bytes }
        return result
    }

    private static func decode(
        _ root: JSONValue, log: ProblemLog, extraCategories: (String?) -> [ZoneCategory],
        crsResolver: CRSResolver?, read: FeatureReader? = nil
    ) -> Plan? {
        guard var preamble = readPreamble(root, log: log, extraCategories: extraCategories) else { return nil }

        // Pass 1: ids, kinds, levels and raw geometry (read as the features
        // were parsed, when they were; their problems come in file order
        // after the plan's own, as if read here).
        var raws: [RawFeature]
        if let read {
            log.append(contentsOf: read.log)
            raws = read.takeRaws()
        } else {
            let reader = FeatureReader(log: log, count: preamble.featureValues.count)
            for (index, value) in preamble.featureValues.enumerated() { reader.read(value, index: index) }
            raws = reader.takeRaws()
        }

        let levels = resolveLevels(declared: preamble.declaredLevels, raws: &raws, log: log)
        resolveBackgrounds(&preamble.metadata.backgrounds, levels: levels, log: log)
        var box: Box?
        for raw in raws { raw.geometry?.forEachPosition { box.include($0) } }
        guard let frame = makeFrame(&preamble.metadata, raws: raws, box: box, log: log, resolver: crsResolver) else { return nil }

        // Pass 2: typed features in local metres.
        var plan = Plan(file: log.file, metadata: preamble.metadata, frame: frame, levels: levels)
        plan.reserveCapacity(for: raws)
        let builder = FeatureBuilder(frame: frame, defaults: preamble.metadata.defaults, log: log, vocabulary: preamble.vocabulary)
        // Each raw feature's properties and positions are let go once built,
        // so the raw and the typed plan are never both whole.
        for i in raws.indices {
            builder.add(raws[i], to: &plan)
            raws[i].properties = JSONObject()
            raws[i].geometry = nil
        }
        return plan
    }

    /// What the document says before its features: the plan's metadata,
    /// its declared levels and the zone categories it may use.
    struct Preamble {
        var metadata = PlanMetadata()
        var declaredLevels: [Level] = []
        var vocabulary = ZoneCategory.base
        /// The `features` array as parsed (empty when the parser handed the
        /// features on one by one).
        var featureValues: [JSONValue] = []
    }

    /// Reads the top of the document: that it is a FeatureCollection with
    /// `features`, the `plan` member, and the vocabulary of zone categories
    /// given the profile the plan names; `nil` when it is no plan at all.
    static func readPreamble(_ root: JSONValue, log: ProblemLog, extraCategories: (String?) -> [ZoneCategory]) -> Preamble? {
        guard let top = root.objectValue else {
            log.error(nil, nil, "expected a GeoJSON FeatureCollection object, found \(root.typeName)")
            return nil
        }
        let topReader = PropertyReader(object: top, log: log, feature: nil, path: "")
        if top["type"]?.stringValue != "FeatureCollection" {
            log.error(
                nil, "type",
                "expected \"FeatureCollection\", found \(top["type"].map { $0.stringValue.map { "\"\($0)\"" } ?? $0.typeName } ?? "nothing")"
            )
        }
        guard let featureValues = top["features"]?.arrayValue else {
            log.error(nil, "features", "expected an array of features")
            return nil
        }
        var preamble = Preamble(featureValues: featureValues)
        var declaredProfile: String?
        if let planReader = topReader.object("plan") {
            readMetadata(planReader, into: &preamble.metadata, levels: &preamble.declaredLevels)
            declaredProfile = planReader.has("profile") ? preamble.metadata.profile : nil
        }
        for extra in extraCategories(declaredProfile) where !preamble.vocabulary.contains(extra) { preamble.vocabulary.append(extra) }
        return preamble
    }

    // MARK: Metadata

    private static func readMetadata(_ p: PropertyReader, into m: inout PlanMetadata, levels: inout [Level]) {
        p.warnUnknown([
            "format", "units", "crs", "profile", "site", "system", "levels", "defaults", "name", "description", "georeference",
            "background",
        ])
        m.backgrounds = readBackgrounds(p)
        if let g = p.object("georeference") {
            g.warnUnknown(["origin", "rotation", "crs"])
            let origin = g.object["origin"]?.arrayValue?.compactMap(\.numberValue) ?? []
            let rotation = g.number("rotation", in: -360...360, what: "degrees clockwise from north") ?? 0
            let crs = g.string("crs").map { PlanCRS(rawValue: $0) } ?? .epsg4326
            switch crs {
            case .geographic?:
                if origin.count == 2, abs(origin[0]) <= 180, abs(origin[1]) <= 85 {
                    m.georeference = Georeference(lon: origin[0], lat: origin[1], rotation: rotation)
                } else {
                    p.log.error(nil, "plan.georeference.origin", "expected [longitude, latitude] in degrees, |lat| ≤ 85")
                }
            case let projected? where origin.count == 2 && projected != .local:
                // The scale at the origin is settled with the frame (the resolver is there).
                var reference = Georeference(lon: 0, lat: 0, rotation: rotation)
                reference.projected = .init(crs: projected, x: origin[0], y: origin[1], unitsPerMetre: 1)
                m.georeference = reference
            default:
                p.log.error(
                    nil, "plan.georeference", "expected an origin [x, y] in a projected `crs`, or [lon, lat] (the default crs EPSG:4326)")
            }
        }
        if let format = p.string("format"), format != formatName {
            p.log.error(nil, "plan.format", "unsupported format `\(format)`: this version of Sightline reads `\(formatName)`")
        }
        if let units = p.choice("units", LengthUnit.self) { m.units = units }
        if p.has("crs") {
            if let crsText = p.string("crs") {
                if let crs = PlanCRS(rawValue: crsText) {
                    m.crs = crs
                } else {
                    p.log.error(nil, "plan.crs", "unknown or unsupported CRS `\(crsText)`: expected \(PlanCRS.supported)")
                }
            }
        }
        if let profile = p.string("profile") { m.profile = profile }
        if let site = p.object("site") {
            site.warnUnknown(["id", "name", "address", "placeCategory", "operator", "locale"])
            m.site.locale = site.string("locale")
            m.site.id = site.string("id")
            m.site.name = site.string("name")
            m.site.address = site.string("address")
            if let category = site.choice("placeCategory", PlaceCategory.self) { m.site.placeCategory = category }
            if let op = site.object("operator") {
                op.warnUnknown(["name", "kind", "creditCode", "contact", "phone"])
                m.site.operatorName = op.string("name")
                if let kind = op.choice("kind", OperatorKind.self) { m.site.operatorKind = kind }
                m.site.operatorCreditCode = op.string("creditCode")
            }
        }
        if let system = p.object("system") {
            system.warnUnknown([
                "commissionedOn", "filedOn", "retentionDays", "retentionBasis", "preexisting", "filing",
                "designProgramme", "testReport", "inspection", "acceptance",
            ])
            m.system.commissionedOn = system.date("commissionedOn")
            m.system.filedOn = system.date("filedOn")
            if let days = system.number("retentionDays", in: 0...Double(Int32.max)) {
                if days == days.rounded() {
                    m.system.retentionDays = Int(days)
                } else {
                    p.log.error(nil, "plan.system.retentionDays", "expected a whole number of days, found \(fmt(days))")
                }
            }
            if let pre = system.bool("preexisting") { m.system.preexisting = pre }
            m.system.retentionBasis = system.string("retentionBasis")
            m.system.designProgramme = system.string("designProgramme")
            m.system.testReport = system.string("testReport")
            if let filing = system.object("filing") { m.system.filing = filedRecord(filing) }
            if let inspection = system.object("inspection") {
                inspection.warnUnknown(["frequency", "lastOn"])
                m.system.inspection = DutyRecord(date: inspection.date("lastOn"), note: inspection.string("frequency"))
            }
            if let acceptance = system.object("acceptance") {
                acceptance.warnUnknown(["date", "archive"])
                m.system.acceptance = DutyRecord(date: acceptance.date("date"), note: acceptance.string("archive"))
            }
        }
        if let defaults = p.object("defaults") {
            defaults.warnUnknown(["doors", "personHeight", "wallThickness"])
            if let doors = defaults.choice("doors", DoorState.self) { m.defaults.doors = doors }
            if let h = defaults.number("personHeight", in: 0...10, openLower: true, what: "metres") { m.defaults.personHeight = h }
            if let t = defaults.number("wallThickness", in: 0...5, what: "metres") { m.defaults.wallThickness = t }
        }
        if p.has("levels") {
            guard let list = p.object["levels"]?.arrayValue else {
                p.log.error(nil, "plan.levels", "expected an array of levels, found \(p.object["levels"]!.typeName)")
                return
            }
            var ids = Set<String>()
            for (i, value) in list.enumerated() {
                let path = "plan.levels[\(i)]"
                guard let object = value.objectValue else {
                    p.log.error(nil, path, "expected a level object, found \(value.typeName)")
                    continue
                }
                let level = PropertyReader(object: object, log: p.log, feature: nil, path: path)
                level.warnUnknown(["id", "name", "elevation", "height", "ordinal"])
                guard let id = idString(object["id"]) else {
                    p.log.error(nil, "\(path).id", "every level needs an id (a string)")
                    continue
                }
                if !ids.insert(id).inserted { p.log.error(nil, "\(path).id", "duplicate level id `\(id)`") }
                levels.append(
                    Level(
                        id: id, name: level.string("name"),
                        elevation: level.number("elevation", in: -1000...10000) ?? 0,
                        height: level.number("height", in: 0...100, openLower: true, what: "metres") ?? 3))
            }
        }
    }

    /// Levels as declared, or implied by the features when none are declared.
    /// `system.filing`: `{ "date": "YYYY-MM-DD", "cameras": { "fixed": 3, "ptz": 1 }, "retentionDays": 30, "address": "…" }`.
    private static func filedRecord(_ f: PropertyReader) -> FiledRecord {
        f.warnUnknown(["date", "cameras", "retentionDays", "address"])
        var counts: [String: Int] = [:]
        if let cameras = f.object("cameras") {
            cameras.warnUnknown(Camera.CameraType.allCases.map(\.rawValue))
            for type in Camera.CameraType.allCases {
                guard let n = cameras.number(type.rawValue, in: 0...1e9, what: "cameras") else { continue }
                if n == n.rounded() {
                    counts[type.rawValue] = Int(n)
                } else {
                    f.log.error(nil, cameras.path(type.rawValue), "expected a whole number of cameras, found \(fmt(n))")
                }
            }
        } else if f.has("cameras") == false {
            f.log.error(nil, f.path("cameras"), "required: the cameras filed, by type, e.g. { \"fixed\": 12, \"ptz\": 2 }")
        }
        var retention: Int?
        if let days = f.number("retentionDays", in: 0...Double(Int32.max)) {
            if days == days.rounded() {
                retention = Int(days)
            } else {
                f.log.error(nil, f.path("retentionDays"), "expected a whole number of days, found \(fmt(days))")
            }
        }
        return FiledRecord(date: f.date("date"), cameras: counts, retentionDays: retention, address: f.string("address"))
    }

    static func resolveLevels(declared: [Level], raws: inout [RawFeature], log: ProblemLog) -> [Level] {
        var named: [String] = []
        var seen = Set<String>()
        for raw in raws { if let l = raw.level, seen.insert(l).inserted { named.append(l) } }
        let levels = planLevels(declared: declared, named: named)
        let ids = levels.map(\.id)
        let known = Set(ids)
        for i in raws.indices {
            if let l = raws[i].level {
                if !known.contains(l) {
                    let hint = Suggestion.closest(to: l, in: ids).map { "; did you mean `\($0)`?" } ?? ""
                    log.error(raws[i].id, "properties.level", "unknown level `\(l)`: the plan declares \(Suggestion.list(ids))\(hint)")
                }
            } else if raws[i].needsLevel {
                if levels.count == 1 {
                    raws[i].level = levels[0].id
                } else {
                    log.error(
                        raws[i].id, "properties.level",
                        "missing level: the plan has \(levels.count) levels (\(Suggestion.list(ids))), so each \(raws[i].kind) must name one"
                    )
                }
            }
        }
        return levels
    }

    /// The plan's levels: those declared, or when it declares none, those
    /// its features name (`named`, in order of first use), or one called
    /// `default`.
    static func planLevels(declared: [Level], named: [String]) -> [Level] {
        if !declared.isEmpty { return declared }
        return named.isEmpty ? [Level(id: "default")] : named.map { Level(id: $0) }
    }

    /// How far from the plan's origin (local) or centre (EPSG:4326) a
    /// position may lie, in metres. Beyond it double precision no longer
    /// carries millimetres through the engine's products (1e12 m offsets
    /// silently changed findings), and a tangent plane no longer stays within
    /// 0.5 % of the ground: a building, or a campus, is far smaller.
    public static let maxExtentMetres = 1_000_000.0

    /// The first position of a feature beyond ``maxExtentMetres``, as an error.
    static func checkExtent(_ raws: [RawFeature], log: ProblemLog, what: String, toMetres: (Point2) -> Point2) -> Bool {
        for raw in raws {
            for p in raw.geometry?.allPositions ?? [] {
                let m = toMetres(p)
                guard abs(m.x) <= maxExtentMetres, abs(m.y) <= maxExtentMetres else {
                    log.error(
                        raw.id, "geometry.coordinates",
                        "position (\(fmt(p.x)), \(fmt(p.y))) is more than 1,000 km from \(what); Sightline checks buildings and sites, so coordinates must stay within ±1,000 km (\(fmt(maxExtentMetres)) m)"
                    )
                    return false
                }
            }
        }
        return true
    }

    /// The frame from the file's coordinates to local metres.
    ///
    /// - Parameters:
    ///   - box: the bounds of every position in the file (the centre of a
    ///     projected or geographic plan).
    ///   - raws: the features whose positions are checked against the frame
    ///     (a streamed decode checks each level's as it builds them, and
    ///     passes none here).
    static func makeFrame(_ m: inout PlanMetadata, raws: [RawFeature], box: Box?, log: ProblemLog, resolver: CRSResolver?)
        -> CoordinateFrame?
    {
        // Codes beyond the built-in ones, and the scale of projected ones, come from the resolver.
        if case .other(let code) = m.crs, resolver == nil {
            log.error(
                nil, "plan.crs",
                "EPSG:\(code) needs a coordinate-system library (sightline check has one); this reader knows \(PlanCRS.supported)")
            return nil
        }
        if m.georeference != nil, m.crs != .local {
            log.error(
                nil, "plan.georeference",
                "a georeference places a local plan; this plan's crs is \(m.crs.rawValue), which is placed already")
        }
        // A projected origin's scale: PROJ's, when there is a resolver.
        if var origin = m.georeference?.projected {
            let code: Int
            switch origin.crs {
            case .projected(let c), .other(let c): code = c
            default: code = 0
            }
            if let resolver, code > 0 {
                switch resolver(code, Box(around: Point2(origin.x, origin.y), radius: 50)) {
                case .projected(let metres): origin.unitsPerMetre = 1 / metres
                case .geographic, .refused:
                    log.error(nil, "plan.georeference.crs", "EPSG:\(code) is not a projected CRS PROJ can place the origin in")
                }
            } else if case .other = origin.crs {
                log.error(
                    nil, "plan.georeference.crs", "\(origin.crs.rawValue) needs a coordinate-system library (sightline check has one)")
            }
            m.georeference?.projected = origin
        }
        switch m.crs {
        case .local:
            let frame = CoordinateFrame.local(unit: m.units)
            return checkExtent(raws, log: log, what: "the plan's origin", toMetres: { frame.toLocal($0.x, $0.y) }) ? frame : nil
        case .projected(let code), .other(let code):
            guard let box else { return .shifted(x0: 0, y0: 0, groundMetresPerUnit: 1) }
            var k = 1.0
            if let resolver {
                switch resolver(code, box) {
                case .projected(let metres): k = metres
                case .geographic:
                    m.crs = .geographic(epsg: code)
                    return makeFrame(&m, raws: raws, box: box, log: log, resolver: resolver)
                case .refused(let why):
                    log.error(nil, "plan.crs", "EPSG:\(code): \(why)")
                    return nil
                }
                if case .other = m.crs { m.crs = .projected(epsg: code) }
            }
            let frame = CoordinateFrame.shifted(x0: box.center.x, y0: box.center.y, groundMetresPerUnit: k)
            return checkExtent(raws, log: log, what: "the plan's centre", toMetres: { frame.toLocal($0.x, $0.y) }) ? frame : nil
        case .geographic(let code):
            guard positionsInRange(raws, epsg: code, log: log) else { return nil }
            let centre = box?.center ?? Point2(0, 0)
            if let box, box.maxX - box.minX > 180 {
                log.error(nil, "plan.crs", "the plan spans more than 180° of longitude; split it or use a local CRS")
                return nil
            }
            let frame = CoordinateFrame.tangentPlane(lon0: centre.x, lat0: centre.y)
            return checkExtent(raws, log: log, what: "the plan's centre", toMetres: { frame.toLocal($0.x, $0.y) }) ? frame : nil
        }
    }

    /// Whether every position of `raws` is in the coordinate system's
    /// range; each feature's first position out of it is an error.
    static func positionsInRange(_ raws: [RawFeature], epsg code: Int, log: ProblemLog) -> Bool {
        var ok = true
        for raw in raws {
            for p in raw.geometry?.allPositions ?? [] where abs(p.x) > 180 || abs(p.y) > 90 {
                log.error(
                    raw.id, "geometry.coordinates",
                    "longitude/latitude out of range (\(fmt(p.x)), \(fmt(p.y))): an EPSG:\(code) plan has lon in [-180, 180] and lat in [-90, 90]"
                )
                ok = false
                break
            }
        }
        return ok
    }

    /// Whether every position of `raws` fits `frame` (in range of its
    /// coordinate system, within ``maxExtentMetres``): what ``makeFrame``
    /// checks, for features checked after the frame is made.
    static func positionsFit(_ raws: [RawFeature], frame: CoordinateFrame, crs: PlanCRS, log: ProblemLog) -> Bool {
        if case .geographic(let code) = crs, !positionsInRange(raws, epsg: code, log: log) { return false }
        let what = crs == .local ? "the plan's origin" : "the plan's centre"
        return checkExtent(raws, log: log, what: what, toMetres: { frame.toLocal($0.x, $0.y) })
    }

    /// A GeoJSON id: a string, or an integer written as a number.
    public static func idString(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let s) where !s.isEmpty: return s
        case .number(let n) where n == n.rounded() && abs(n) < 1e15: return String(Int(n))
        default: return nil
        }
    }
}

/// A feature after pass 1: id, kind and level settled, geometry still raw.
struct RawFeature {
    enum Kind: String, CaseIterable { case zone, wall, opening, camera, sign, restricted, boundary }
    var id: String
    var kind: Kind
    var level: String?
    var index: Int
    var properties: JSONObject
    var geometry: RawGeometry?

    /// Site-wide features (restricted areas, boundaries) belong to no level.
    var needsLevel: Bool { kind != .restricted && kind != .boundary }

    static func read(_ value: JSONValue, index: Int, log: ProblemLog) -> RawFeature? {
        // Made only for a message: interpolating it for every feature was
        // 2 % of a decode.
        var placeholder: String { "features[\(index)]" }
        guard let object = value.objectValue else {
            log.error(placeholder, nil, "expected a GeoJSON Feature object, found \(value.typeName)")
            return nil
        }
        let properties = object["properties"]?.objectValue ?? JSONObject()
        if let p = object["properties"], p != .null, p.objectValue == nil {
            log.error(placeholder, "properties", "expected an object, found \(p.typeName)")
            return nil
        }
        guard let id = PlanDecoder.idString(object["id"]) ?? PlanDecoder.idString(properties["id"]) else {
            log.error(placeholder, "id", "every feature needs an id (the Feature's `id` or `properties.id`, a string or an integer)")
            return nil
        }
        if object["type"]?.stringValue != "Feature" {
            log.error(id, "type", "expected \"Feature\"")
        }
        guard let kindValue = properties["kind"] else {
            log.error(id, "properties.kind", "missing kind: \(Suggestion.expected("", oneOf: Kind.allCases.map(\.rawValue)))")
            return nil
        }
        guard let kindText = kindValue.stringValue else {
            log.error(
                id, "properties.kind",
                "expected a string, found \(kindValue.typeName): \(Suggestion.expected("", oneOf: Kind.allCases.map(\.rawValue)))")
            return nil
        }
        guard let kind = Kind(rawValue: kindText) else {
            log.error(
                id, "properties.kind", "unknown kind `\(kindText)`: \(Suggestion.expected(kindText, oneOf: Kind.allCases.map(\.rawValue)))")
            return nil
        }
        var level: String?
        if let l = properties["level"], l != .null {
            guard let text = PlanDecoder.idString(l) else {
                log.error(id, "properties.level", "expected a level id (a string), found \(l.typeName)")
                return nil
            }
            level = text
        }
        guard let geometry = RawGeometry.read(object["geometry"], log: log, feature: id) else { return nil }
        return RawFeature(id: id, kind: kind, level: level, index: index, properties: properties, geometry: geometry)
    }
}

extension Plan {
    /// Room for every feature of each kind, so the lists are allocated once
    /// at their size rather than grown by doubling (up to twice the memory).
    mutating func reserveCapacity(for raws: [RawFeature]) {
        var counts: (zones: Int, walls: Int, openings: Int, cameras: Int, signs: Int) = (0, 0, 0, 0, 0)
        for raw in raws {
            switch raw.kind {
            case .zone: counts.zones += 1
            case .wall: counts.walls += 1
            case .opening: counts.openings += 1
            case .camera: counts.cameras += 1
            case .sign: counts.signs += 1
            case .restricted, .boundary: break
            }
        }
        zones.reserveCapacity(counts.zones)
        walls.reserveCapacity(counts.walls)
        openings.reserveCapacity(counts.openings)
        cameras.reserveCapacity(counts.cameras)
        signs.reserveCapacity(counts.signs)
    }
}
