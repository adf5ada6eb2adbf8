import PlanarGeometry

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Pass 2 of decoding: turns raw features into typed ones in local metres,
/// checking each kind's geometry type and properties.
struct FeatureBuilder {
    let frame: CoordinateFrame
    let defaults: PlanDefaults
    let log: ProblemLog
    /// Zone categories accepted: the format's and the profile's own.
    let vocabulary: [ZoneCategory]

    private static let common = ["kind", "level", "id", "name", "description", "note"]
    private static let restrictedKeys = common + ["category", "consentRef"]
    private static let zoneKeys =
        common + ["category", "requiredCoverage", "coverageFraction", "managedBy", "occupiedByOthers", "accessControl"]
    private static let wallKeys = common + ["height", "material", "thickness"]
    private static let openingKeys = common + ["openingType", "state", "transparent", "width", "doorType", "automatic"]
    private static let signKeys = common + ["facing", "text"]
    private static let cameraKeys =
        common + [
            "mountHeight", "heading", "tilt", "hfov", "vfov", "lens", "resolution", "range",
            "type", "ptz", "audio", "masks", "consentRef", "model", "owner", "publicSecurity",
        ]

    func add(_ raw: RawFeature, to plan: inout Plan) {
        let p = PropertyReader(object: raw.properties, log: log, feature: raw.id, path: "properties")
        let info = FeatureInfo(id: raw.id, level: raw.level ?? "", index: raw.index)
        switch raw.kind {
        case .zone: if let z = zone(raw, p, info) { plan.zones.append(z) }
        case .wall: if let w = wall(raw, p, info) { plan.walls.append(w) }
        case .opening: if let o = opening(raw, p, info) { plan.openings.append(o) }
        case .camera: if let c = camera(raw, p, info) { plan.cameras.append(c) }
        case .sign: if let s = sign(raw, p, info) { plan.signs.append(s) }
        case .restricted:
            p.warnUnknown(Self.restrictedKeys)
            let category = p.choice("category", RestrictedArea.Category.self)
            if !p.has("category") {
                log.error(
                    raw.id, "properties.category",
                    "missing category: \(Suggestion.expected("", oneOf: RestrictedArea.Category.allCases.map(\.rawValue)))")
            }
            if let polygons = polygons(raw), let category {
                plan.restrictedAreas.append(
                    RestrictedArea(info: info, category: category, polygons: polygons, consentRef: p.string("consentRef")))
            }
        case .boundary:
            p.warnUnknown(Self.common)
            if let polygons = polygons(raw) { plan.boundaries.append(Boundary(info: info, polygons: polygons)) }
        }
    }

    // MARK: Geometry by kind

    private func local(_ points: [Point2]) -> [Point2] { points.map { frame.toLocal($0.x, $0.y) } }

    private func wrongType(_ raw: RawFeature, expected: String) {
        log.error(raw.id, "geometry.type", "a \(raw.kind.rawValue) needs \(expected), found \(raw.geometry?.typeName ?? "none")")
    }

    private func polygons(_ raw: RawFeature) -> [PolygonRings]? {
        switch raw.geometry {
        case .polygon(let rings): return [ringsToPolygon(rings)]
        case .multiPolygon(let polys): return polys.map(ringsToPolygon)
        default:
            wrongType(raw, expected: "a Polygon or MultiPolygon")
            return nil
        }
    }

    private func ringsToPolygon(_ rings: [[Point2]]) -> PolygonRings {
        PolygonRings(shell: local(rings[0]), holes: rings.dropFirst().map(local))
    }

    private func point(_ raw: RawFeature) -> Point2? {
        if case .point(let p) = raw.geometry { return frame.toLocal(p.x, p.y) }
        wrongType(raw, expected: "a Point")
        return nil
    }

    // MARK: Kinds

    private func zone(_ raw: RawFeature, _ p: PropertyReader, _ info: FeatureInfo) -> Zone? {
        p.warnUnknown(Self.zoneKeys)
        let categories = vocabulary.map(\.rawValue)
        guard p.has("category") else {
            log.error(
                raw.id, "properties.category", "missing category: every zone needs one; \(Suggestion.expected("", oneOf: categories))")
            return nil
        }
        var category: ZoneCategory?
        if let text = p.string("category") {
            if vocabulary.contains(ZoneCategory(text)) {
                category = ZoneCategory(text)
            } else {
                log.error(raw.id, "properties.category", "unknown value `\(text)`: \(Suggestion.expected(text, oneOf: categories))")
            }
        }
        let levels = ["detect", "observe", "recognize", "identify"]
        var required: String?
        if let r = p.string("requiredCoverage") {
            let normalized = r == "recognise" ? "recognize" : r
            if levels.contains(normalized) {
                required = normalized
            } else {
                log.error(raw.id, "properties.requiredCoverage", "unknown level `\(r)`: \(Suggestion.expected(r, oneOf: levels))")
            }
        }
        let fraction = p.number("coverageFraction", in: 0...1, openLower: true) ?? 0.95
        guard let polygons = polygons(raw), let category else { return nil }
        var zone = Zone(
            info: info, category: category, name: p.string("name"), polygons: polygons,
            requiredCoverage: required, coverageFraction: fraction)
        (zone.managedBy, zone.managedByKind) = party(p, "managedBy")
        zone.occupiedByOthers = p.bool("occupiedByOthers") ?? false
        zone.accessControl = p.bool("accessControl")
        return zone
    }

    /// A party (`owner`, `managedBy`): a name, or `{"name", "kind"}` as
    /// `site.operator` is written, the kind `unit` or `individual`.
    private func party(_ p: PropertyReader, _ key: String) -> (name: String?, kind: OperatorKind?) {
        guard let value = p.object[key], value != .null else { return (nil, nil) }
        if value.stringValue != nil { return (p.string(key), nil) }
        guard value.objectValue != nil, let o = p.object(key) else {
            log.error(
                p.feature, p.path(key), "expected a name, or {\"name\": …, \"kind\": \"unit\" or \"individual\"}, found \(value.typeName)")
            return (nil, nil)
        }
        o.warnUnknown(["name", "kind"])
        guard let name = o.string("name") else {
            if !o.has("name") { log.error(p.feature, o.path("name"), "a party needs its name") }
            return (nil, nil)
        }
        return (name, o.choice("kind", OperatorKind.self))
    }

    private func wall(_ raw: RawFeature, _ p: PropertyReader, _ info: FeatureInfo) -> Wall? {
        p.warnUnknown(Self.wallKeys)
        let height = p.number("height", in: 0...100, openLower: true, what: "metres above the floor")
        let material = p.choice("material", Wall.Material.self) ?? .opaque
        let thickness = p.number("thickness", in: 0...5, what: "metres") ?? defaults.wallThickness
        let shape: WallShape
        switch raw.geometry {
        case .lineString(let l): shape = .lines([local(l)])
        case .multiLineString(let ls): shape = .lines(ls.map(local))
        case .polygon(let rings):
            shape = .polygons([ringsToPolygon(rings)])
            if p.has("thickness") {
                log.warning(raw.id, "properties.thickness", "ignored: the wall is drawn as a polygon, which gives its thickness")
            }
        case .multiPolygon(let polys): shape = .polygons(polys.map(ringsToPolygon))
        default:
            wrongType(raw, expected: "a LineString, MultiLineString or Polygon")
            return nil
        }
        if case .lines(let lines) = shape, !wallLinesAreDrawable(raw, lines) { return nil }
        return Wall(info: info, shape: shape, heightMetres: height, material: material, thicknessMetres: thickness)
    }

    /// The most vertices one wall's lines may have: a wall polyline from a
    /// tessellated curve has hundreds; more than this is not a wall.
    static let maxWallVertices = 20_000
    /// The most times one wall's lines may cross themselves. A wall crossing
    /// itself is a drawing error the engine copes with (it nodes the
    /// lines); a thousand crossings is a scribble or a hatch on a wall
    /// layer, each crossing a node every camera's sweep must pass.
    static let maxWallSelfCrossings = 1_000

    /// Refuses, with an error naming the feature, a wall too large or too
    /// tangled to be a wall (both bounds are far beyond real drawings, and
    /// keep a check's time and memory bounded by the file's size).
    ///
    /// - Complexity: O(n log n + p), p the pairs of segments whose x-extents
    ///   overlap, cut short at ``maxWallSelfCrossings``.
    private func wallLinesAreDrawable(_ raw: RawFeature, _ lines: [[Point2]]) -> Bool {
        let vertices = lines.reduce(0) { $0 + $1.count }
        guard vertices <= Self.maxWallVertices else {
            log.error(
                raw.id, "geometry",
                "the wall has \(vertices) vertices, more than the \(Self.maxWallVertices) a wall may have: split it into the walls it draws"
            )
            return false
        }
        guard SegmentCrossings.count(in: lines, limit: Self.maxWallSelfCrossings) < Self.maxWallSelfCrossings else {
            log.error(
                raw.id, "geometry",
                "the wall crosses itself \(Self.maxWallSelfCrossings) times or more: a scribble or a hatch drawn as a wall; redraw it as the wall's own lines"
            )
            return false
        }
        return true
    }

    private func opening(_ raw: RawFeature, _ p: PropertyReader, _ info: FeatureInfo) -> Opening? {
        p.warnUnknown(Self.openingKeys)
        guard p.has("openingType") else {
            log.error(
                raw.id, "properties.openingType",
                "missing openingType: \(Suggestion.expected("", oneOf: Opening.OpeningType.allCases.map(\.rawValue)))")
            return nil
        }
        guard let type = p.choice("openingType", Opening.OpeningType.self) else { return nil }
        let state = p.choice("state", DoorState.self)
        if state != nil, type != .door {
            log.warning(raw.id, "properties.state", "ignored: only doors have a state (this is a \(type.rawValue))")
        }
        let transparent = p.bool("transparent")
        if transparent != nil, type != .window { log.warning(raw.id, "properties.transparent", "ignored: only windows use `transparent`") }
        let shape: Opening.Shape
        switch raw.geometry {
        case .lineString(let l):
            shape = .line(local(l))
            if p.has("width") { log.warning(raw.id, "properties.width", "ignored: a LineString opening's width is its length") }
        case .point(let pt):
            guard let width = p.number("width", in: 0...100, openLower: true, what: "metres") else {
                if !p.has("width") { log.error(raw.id, "properties.width", "a Point opening needs `width` in metres") }
                return nil
            }
            shape = .point(frame.toLocal(pt.x, pt.y), widthMetres: width)
        default:
            wrongType(raw, expected: "a LineString along its wall, or a Point with `width`")
            return nil
        }
        return Opening(info: info, type: type, shape: shape, state: state ?? defaults.doors, transparent: transparent ?? true)
    }

    private func sign(_ raw: RawFeature, _ p: PropertyReader, _ info: FeatureInfo) -> Sign? {
        p.warnUnknown(Self.signKeys)
        let facing = p.number("facing", in: -360...360, what: "a plan bearing in degrees").map(normalizedBearing)
        guard let position = point(raw) else { return nil }
        return Sign(info: info, position: position, facing: facing, text: p.string("text"))
    }

    private func camera(_ raw: RawFeature, _ p: PropertyReader, _ info: FeatureInfo) -> Camera? {
        p.warnUnknown(Self.cameraKeys)
        guard let position = point(raw) else { return nil }
        var c = Camera(info: info, position: position)
        if let h = p.number("mountHeight", in: 0...1000, what: "metres above the floor") { c.mountHeight = h }
        if let h = p.number("heading", in: -360...360, what: "a plan bearing in degrees clockwise from +y") {
            c.heading = normalizedBearing(h)
        }
        if let t = p.number("tilt", in: -90...90, what: "degrees below horizontal") { c.tilt = t }
        c.type = p.choice("type", Camera.CameraType.self) ?? .fixed
        let hfovLimit = c.type == .fixed ? 180.0 : 360.0
        c.hfov = p.number(
            "hfov", in: 0...hfovLimit, openLower: true,
            what: c.type == .fixed ? "degrees; a rectilinear lens sees less than 180" : "degrees")
        c.vfov = p.number("vfov", in: 0...180, openLower: true, what: "degrees")
        c.range = p.number("range", in: 0...10_000, openLower: true, what: "metres")
        if let lens = p.object("lens") { c.lens = self.lens(lens) }
        if p.has("resolution") { c.resolution = resolution(p) }
        if let ptz = p.object("ptz") {
            if c.type != .ptz { log.warning(raw.id, "properties.ptz", "ignored: the camera's type is `\(c.type.rawValue)`, not `ptz`") }
            c.ptz = self.ptz(ptz)
        } else if c.type == .ptz {
            c.ptz = PTZLimits()
        }
        if let audio = p.object("audio") {
            audio.warnUnknown(["enabled", "range"])
            c.audioEnabled = audio.bool("enabled") ?? false
            c.audioRange = audio.number("range", in: 0...1000, openLower: true, what: "metres")
            if c.audioEnabled, c.audioRange == nil, !audio.has("range") {
                log.error(raw.id, "properties.audio.range", "an enabled microphone needs `range` in metres")
            }
        }
        if p.has("masks") { c.masks = masks(p) }
        c.consentRef = p.string("consentRef")
        (c.owner, c.ownerKind) = party(p, "owner")
        c.publicSecurity = p.bool("publicSecurity") ?? false
        return c
    }

    private func lens(_ l: PropertyReader) -> Lens? {
        l.warnUnknown(["focalLength", "sensorWidth", "sensorHeight", "sensorFormat"])
        var focal: (Double, Double?)?
        switch l.object["focalLength"] {
        case .number:
            if let f = l.number("focalLength", in: 0...10_000, openLower: true, what: "mm") { focal = (f, nil) }
        case .array, .numbers:
            if let a = l.object["focalLength"]?.numbersValue, a.count == 2, a[0] > 0, a[1] >= a[0] {
                let (lo, hi) = (a[0], a[1])
                focal = (lo, hi)
            } else {
                log.error(
                    l.feature, l.path("focalLength"), "expected mm as a number, or [min, max] for a varifocal lens with 0 < min ≤ max")
            }
        case nil, .null?:
            log.error(l.feature, l.path("focalLength"), "a lens needs `focalLength` in mm")
        case .some(let v):
            log.error(l.feature, l.path("focalLength"), "expected mm as a number or [min, max], found \(v.typeName)")
        }
        var width: Double?
        var height: Double?
        var format: String?
        if let f = l.string("sensorFormat") {
            if let size = SensorFormat.size(of: f) {
                (width, height, format) = (size.width, size.height, f)
            } else {
                log.error(
                    l.feature, l.path("sensorFormat"),
                    "unknown sensor format `\(f)`: \(Suggestion.expected(f, oneOf: SensorFormat.names)), or give sensorWidth and sensorHeight in mm"
                )
            }
        }
        if let w = l.number("sensorWidth", in: 0...100, openLower: true, what: "mm") { width = w }
        if let h = l.number("sensorHeight", in: 0...100, openLower: true, what: "mm") { height = h }
        if width == nil || height == nil, !l.has("sensorFormat") {
            log.error(l.feature, l.path("sensorWidth"), "a lens needs `sensorWidth` and `sensorHeight` in mm, or `sensorFormat`")
        }
        guard let focal, let width, let height else { return nil }
        return Lens(focalLengthMM: focal.0, focalLengthMaxMM: focal.1, sensorWidthMM: width, sensorHeightMM: height, sensorFormat: format)
    }

    private func resolution(_ p: PropertyReader) -> Camera.Resolution? {
        if let a = p.object["resolution"]?.arrayValue, a.count == 2,
            let w = a[0].numberValue, let h = a[1].numberValue, w >= 1, h >= 1, w == w.rounded(), h == h.rounded(), w < 1e6, h < 1e6
        {
            return Camera.Resolution(width: Int(w), height: Int(h))
        }
        log.error(p.feature, "properties.resolution", "expected [width, height] in whole pixels, e.g. [1920, 1080]")
        return nil
    }

    private func ptz(_ r: PropertyReader) -> PTZLimits {
        r.warnUnknown(["panMin", "panMax", "tiltMin", "tiltMax"])
        var limits = PTZLimits()
        let panMin = r.number("panMin", in: -360...360, what: "a plan bearing")
        let panMax = r.number("panMax", in: -360...360, what: "a plan bearing")
        if (panMin == nil) != (panMax == nil), r.has("panMin") != r.has("panMax") {
            log.error(r.feature, r.path(r.has("panMin") ? "panMax" : "panMin"), "give both panMin and panMax, or neither for a full circle")
        }
        if let panMin, let panMax {
            limits.panMin = normalizedBearing(panMin)
            limits.panMax = normalizedBearing(panMax)
            limits.fullCircle = abs(panMax - panMin) >= 360
        }
        limits.tiltMin = r.number("tiltMin", in: -90...90, what: "degrees below horizontal") ?? 0
        limits.tiltMax = r.number("tiltMax", in: -90...90, what: "degrees below horizontal") ?? 90
        if limits.tiltMin > limits.tiltMax {
            log.error(r.feature, r.path("tiltMin"), "tiltMin (\(fmt(limits.tiltMin))) is greater than tiltMax (\(fmt(limits.tiltMax)))")
        }
        return limits
    }

    private func masks(_ p: PropertyReader) -> [PrivacyMask] {
        guard let list = p.object["masks"]?.arrayValue else {
            log.error(p.feature, "properties.masks", "expected an array of masks")
            return []
        }
        var out: [PrivacyMask] = []
        for (i, v) in list.enumerated() {
            guard let o = v.objectValue else {
                log.error(p.feature, "properties.masks[\(i)]", "expected a mask object, found \(v.typeName)")
                continue
            }
            let m = PropertyReader(object: o, log: log, feature: p.feature, path: "properties.masks[\(i)]")
            m.warnUnknown(["azimuthFrom", "azimuthTo", "elevationFrom", "elevationTo"])
            let from = m.number("azimuthFrom", in: -360...360, what: "a plan bearing")
            let to = m.number("azimuthTo", in: -360...360, what: "a plan bearing")
            if !m.has("azimuthFrom") { log.error(p.feature, m.path("azimuthFrom"), "a mask needs azimuthFrom and azimuthTo") }
            if !m.has("azimuthTo") { log.error(p.feature, m.path("azimuthTo"), "a mask needs azimuthFrom and azimuthTo") }
            let eFrom = m.number("elevationFrom", in: -90...90, what: "degrees above horizontal")
            let eTo = m.number("elevationTo", in: -90...90, what: "degrees above horizontal")
            if let eFrom, let eTo, eFrom > eTo {
                log.error(p.feature, m.path("elevationFrom"), "elevationFrom (\(fmt(eFrom))) is above elevationTo (\(fmt(eTo)))")
            }
            if let from, let to {
                // 0 → 360 is the whole circle; equal bearings sweep nothing.
                let raw = to - from
                let sweep = abs(raw) == 360 ? 360 : normalizedBearing(raw)
                if sweep == 0 {
                    log.error(
                        p.feature, m.path("azimuthTo"),
                        "a mask must sweep some bearings: azimuthFrom and azimuthTo are equal (use 0 and 360 for a full circle)")
                } else {
                    out.append(
                        PrivacyMask(
                            azimuthFrom: normalizedBearing(from), azimuthTo: normalizedBearing(to), sweep: sweep,
                            elevationFrom: eFrom, elevationTo: eTo))
                }
            }
        }
        return out
    }
}

/// A bearing folded into [0, 360).
public func normalizedBearing(_ degrees: Double) -> Double {
    let r = degrees.truncatingRemainder(dividingBy: 360)
    return r < 0 ? r + 360 : (r == 360 ? 0 : r)
}

/// Nominal active areas of common CCTV sensor formats, in mm.
public enum SensorFormat {
    public static let table: [(name: String, width: Double, height: Double)] = [
        ("1/4\"", 3.60, 2.03), ("1/3\"", 4.80, 2.70), ("1/2.9\"", 5.12, 2.88), ("1/2.8\"", 5.37, 3.02),
        ("1/2.7\"", 5.37, 4.04), ("1/2.5\"", 5.76, 4.29), ("1/2\"", 6.40, 4.80), ("1/1.8\"", 7.18, 5.32),
        ("2/3\"", 8.80, 6.60), ("1\"", 12.80, 9.60),
    ]
    public static var names: [String] { table.map(\.name) }
    public static func size(of name: String) -> (width: Double, height: Double)? {
        let n = name.replacingOccurrences(of: "inch", with: "\"").replacingOccurrences(of: " ", with: "")
        return table.first { $0.name == n }.map { ($0.width, $0.height) }
    }
}
