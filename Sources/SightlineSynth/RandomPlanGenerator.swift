import SightlineJSON
import SightlinePlan

/// Structure-aware random plans that are *valid* `sightline-plan/1`, for
/// robustness tests and fuzzing seeds: every feature kind, every camera
/// type (PTZ with pan limits and masks, fisheye, lenses, microphones),
/// thick, polygon, low and glass walls, every opening form, multi-part
/// zones, voids between levels, signs, restricted areas and a boundary. The
/// geometry is drawn on a coarse grid with small jitters so edges nearly
/// coincide: the cases that break floating-point overlays.
///
/// Deterministic for a seed (SplitMix64), so a failure is reproducible
/// from its seed alone.
public struct RandomPlanGenerator: Sendable {
    public var seed: UInt64
    public init(seed: UInt64) { self.seed = seed }

    private static let categories = [
        "guest_room", "toilet", "fitting_room", "changing_room", "nursing_room", "bathhouse",
        "dormitory_room", "private_other", "corridor", "lobby", "retail", "office", "dining", "room",
    ]

    /// The plan as a JSON document.
    public func document() -> JSONValue {
        var rng = SeededGenerator(seed: seed)
        func real(_ range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &rng) }
        func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
        func chance(_ p: Double) -> Bool { real(0...1) < p }
        /// A grid value with, now and then, a jitter far below a millimetre.
        func grid(_ range: ClosedRange<Int>) -> Double {
            let base = Double(int(range))
            return chance(0.2) ? base + real(-1e-9...1e-9) : base
        }
        func point(_ x: Double, _ y: Double) -> JSONValue { .numbers([x, y]) }
        func ring(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> JSONValue {
            .array([point(x0, y0), point(x1, y0), point(x1, y1), point(x0, y1), point(x0, y0)])
        }
        func feature(_ id: String, _ geometry: JSONValue, _ properties: [(String, JSONValue)]) -> JSONValue {
            .object(
                JSONObject([
                    ("type", .string("Feature")), ("id", .string(id)), ("properties", .object(JSONObject(properties))),
                    ("geometry", geometry),
                ]))
        }
        func geometry(_ type: String, _ coordinates: JSONValue) -> JSONValue {
            .object(JSONObject([("type", .string(type)), ("coordinates", coordinates)]))
        }

        let levelCount = int(1...3)
        var features: [JSONValue] = []
        var levels: [JSONValue] = []
        for l in 0..<levelCount {
            let level = "L\(l)"
            levels.append(.object(JSONObject([("id", .string(level)), ("elevation", .number(Double(l) * 3.2)), ("height", .number(3))])))
            let w = Double(int(8...24))
            let h = Double(int(7...16))
            features.append(
                feature(
                    "\(level)-outer", geometry("LineString", .array([point(0, 0), point(w, 0), point(w, h), point(0, h), point(0, 0)])),
                    [("kind", .string("wall")), ("level", .string(level))]))
            // Rooms along the south side, each with a door or passage.
            var x = 0.0
            var room = 0
            while x < w - 3 {
                let rw = Double(int(2...5))
                let rd = Double(int(2...5))
                let x1 = min(x + rw, w)
                let category = Self.categories[int(0...Self.categories.count - 1)]
                var zoneGeometry = geometry("Polygon", .array([ring(x, 0, x1, rd)]))
                if chance(0.15) {
                    // A stall drawn inside its room: the parts are one area, never a hole.
                    let sx = x + 0.5
                    let sy = 0.5
                    zoneGeometry = geometry("MultiPolygon", .array([.array([ring(x, 0, x1, rd)]), .array([ring(sx, sy, sx + 1, sy + 1)])]))
                }
                features.append(
                    feature(
                        "\(level)-zone-\(room)", zoneGeometry,
                        [("kind", .string("zone")), ("level", .string(level)), ("category", .string(category))]))
                var wallProps: [(String, JSONValue)] = [("kind", .string("wall")), ("level", .string(level))]
                if chance(0.3) { wallProps.append(("thickness", .number([0.1, 0.2, 0.25][int(0...2)]))) }
                if chance(0.15) { wallProps.append(("material", .string("glass"))) }
                if chance(0.15) { wallProps.append(("height", .number(real(0.9...2.4)))) }
                features.append(feature("\(level)-wall-\(room)", geometry("LineString", .array([point(x, rd), point(x1, rd)])), wallProps))
                if x > 0 {
                    features.append(
                        feature(
                            "\(level)-side-\(room)", geometry("LineString", .array([point(x, 0), point(x, rd)])),
                            [("kind", .string("wall")), ("level", .string(level))]))
                }
                let mid = (x + x1) / 2
                switch int(0...3) {
                case 0:
                    features.append(
                        feature(
                            "\(level)-door-\(room)", geometry("LineString", .array([point(mid - 0.45, rd), point(mid + 0.45, rd)])),
                            [
                                ("kind", .string("opening")), ("level", .string(level)), ("openingType", .string("door")),
                                ("state", .string(chance(0.5) ? "open" : "closed")),
                            ]))
                case 1:
                    features.append(
                        feature(
                            "\(level)-passage-\(room)", geometry("Point", point(mid, rd)),
                            [
                                ("kind", .string("opening")), ("level", .string(level)), ("openingType", .string("passage")),
                                ("width", .number(real(0.6...1.2))),
                            ]))
                case 2:
                    features.append(
                        feature(
                            "\(level)-window-\(room)", geometry("LineString", .array([point(mid - 0.3, rd), point(mid + 0.3, rd)])),
                            [
                                ("kind", .string("opening")), ("level", .string(level)), ("openingType", .string("window")),
                                ("transparent", .bool(chance(0.5))),
                            ]))
                default: break
                }
                x = x1
                room += 1
            }
            // A corridor, a polygon pillar, maybe a void (above the ground floor).
            features.append(
                feature(
                    "\(level)-corridor", geometry("Polygon", .array([ring(0, 5, w, h)])),
                    [("kind", .string("zone")), ("level", .string(level)), ("category", .string("corridor"))]))
            if chance(0.5) {
                let px = grid(2...Int(w) - 2)
                let py = grid(6...Int(h) - 1)
                features.append(
                    feature(
                        "\(level)-pillar", geometry("Polygon", .array([ring(px, py, px + 0.4, py + 0.4)])),
                        [("kind", .string("wall")), ("level", .string(level))]))
            }
            if l > 0, chance(0.5) {
                features.append(
                    feature(
                        "\(level)-void", geometry("Polygon", .array([ring(2, 6, 5, 9)])),
                        [("kind", .string("zone")), ("level", .string(level)), ("category", .string("void"))]))
            }
            // Cameras: fixed, PTZ with limits and masks, fisheye; some on walls.
            for c in 0..<int(1...5) {
                let onWall = chance(0.2)
                let cx = onWall ? grid(1...Int(w) - 1) : real(0.3...(w - 0.3))
                let cy = onWall ? 5.0 : real(0.3...(h - 0.3))
                var props: [(String, JSONValue)] = [
                    ("kind", .string("camera")), ("level", .string(level)),
                    ("heading", .number(grid(0...359))), ("tilt", .number(real(0...60))),
                    ("mountHeight", .number(real(2.2...3.0))),
                ]
                switch int(0...2) {
                case 0:
                    props.append(("hfov", .number(real(30...120))))
                    if chance(0.3) {
                        props.append(
                            ("lens", .object(JSONObject([("focalLength", .number(real(2.8...12))), ("sensorFormat", .string("1/2.8\""))]))))
                    }
                case 1:
                    props.append(("type", .string("ptz")))
                    props.append(("hfov", .number(real(40...90))))
                    if chance(0.6) {
                        props.append(
                            (
                                "ptz",
                                .object(
                                    JSONObject([
                                        ("panMin", .number(grid(0...359))), ("panMax", .number(grid(0...359))),
                                        ("tiltMin", .number(real(0...30))), ("tiltMax", .number(real(30...90))),
                                    ]))
                            ))
                    }
                default:
                    props.append(("type", .string("fisheye")))
                    props.append(("hfov", .number(360)))
                }
                if chance(0.4) {
                    var masks: [JSONValue] = []
                    for _ in 0..<int(1...3) {
                        let from = grid(0...359)
                        var m: [(String, JSONValue)] = [
                            ("azimuthFrom", .number(from)),
                            ("azimuthTo", .number((from + real(5...90)).truncatingRemainder(dividingBy: 360))),
                        ]
                        if chance(0.5) { m += [("elevationFrom", .number(real(-80 ... -30))), ("elevationTo", .number(real(-29...0)))] }
                        masks.append(.object(JSONObject(m)))
                    }
                    props.append(("masks", .array(masks)))
                }
                if chance(0.2) {
                    props.append(("audio", .object(JSONObject([("enabled", .bool(true)), ("range", .number(real(1...8)))]))))
                }
                if chance(0.3) { props.append(("resolution", .numbers([1920, 1080]))) }
                props.append(("range", .number(real(5...30))))
                features.append(feature("\(level)-cam-\(c)", geometry("Point", point(cx, cy)), props))
            }
            features.append(
                feature(
                    "\(level)-sign", geometry("Point", point(real(1...w - 1), real(6...h - 0.5))),
                    [("kind", .string("sign")), ("level", .string(level))]))
        }
        if chance(0.4) {
            features.append(feature("site", geometry("Polygon", .array([ring(-1, -1, 20, 14)])), [("kind", .string("boundary"))]))
        }
        if chance(0.3) {
            features.append(
                feature(
                    "barracks", geometry("Polygon", .array([ring(30, -10, 60, 20)])),
                    [("kind", .string("restricted")), ("category", .string("military_managed"))]))
        }
        let plan = JSONObject([
            ("format", .string(PlanDecoder.formatName)),
            (
                "site",
                .object(
                    JSONObject([
                        ("name", .string("Random \(seed)")), ("address", .string("1 Random Road")),
                        ("operator", .object(JSONObject([("name", .string("Random Co"))]))),
                    ]))
            ),
            (
                "system",
                .object(
                    JSONObject([
                        ("commissionedOn", .string("2025-06-01")), ("filedOn", .string("2025-06-10")),
                        ("retentionDays", .number(30)),
                    ]))
            ),
            ("levels", .array(levels)),
        ])
        return .object(JSONObject([("type", .string("FeatureCollection")), ("plan", .object(plan)), ("features", .array(features))]))
    }

    /// The plan as JSON text.
    public func json() -> String {
        var w = JSONWriter(indent: 0)
        w.value(document())
        return w.string
    }
}
