import SightlinePlan

/// A synthetic hotel for benchmarks and demos, deterministic for a seed.
///
/// Each floor is a double-loaded corridor: `roomsPerSide` guest rooms
/// (4 m × 6 m) north and south of a 2 m corridor, each behind a self-closing
/// door that the seed leaves open on about one room in ten; a public toilet
/// at the west end behind a door (open on about one floor in four); and 15
/// corridor cameras mounted near the north wall, alternately looking east and
/// west with a little seeded jitter; a warning sign at each end of the
/// corridor; the system filed on time. Walls are lines; every door is a
/// LineString opening on its wall. So 40 floors give 600 cameras.
public struct HotelGenerator: Sendable {
    public var floors: Int
    public var roomsPerSide: Int
    public var seed: UInt64
    public var camerasPerFloor = 15
    /// Every n-th corridor camera is a PTZ dome (0: none) that can pan the
    /// whole half-circle facing the corridor's far end, with a 1/2.8" lens
    /// and 1920 px, so its view is the union over its reach.
    public var ptzEvery = 0
    public var roomWidth = 4.0
    public var roomDepth = 6.0
    public var corridorHalfWidth = 1.0

    public init(floors: Int, roomsPerSide: Int, seed: UInt64) {
        self.floors = floors
        self.roomsPerSide = roomsPerSide
        self.seed = seed
    }

    /// The plan as `sightline-plan/1` JSON text.
    public func json() -> String {
        var rng = SeededGenerator(seed: seed)
        var w = JSONWriter(indent: 0)
        w.beginObject()
        w.field("type", "FeatureCollection")
        w.key("plan")
        w.beginObject()
        w.field("format", PlanDecoder.formatName)
        w.field("units", "m")
        w.field("crs", "local")
        w.field("profile", "cn-2025")
        w.key("site")
        w.beginObject()
        w.field("id", "synthetic-hotel-\(seed)")
        w.field("name", "Synthetic Hotel (\(floors) floors, \(roomsPerSide) rooms a side, seed \(seed))")
        w.field("address", "1 Example Road")
        w.field("placeCategory", "art7-venue")
        w.key("operator"); w.beginObject(); w.field("name", "Example Hotels Ltd"); w.field("kind", "unit"); w.endObject()
        w.endObject()
        w.key("system"); w.beginObject(); w.field("commissionedOn", "2025-05-06"); w.field("filedOn", "2025-05-20")
        w.field("retentionDays", 30); w.endObject()
        w.key("levels")
        w.beginArray()
        for f in 1...max(floors, 1) {
            w.beginObject(); w.field("id", "F\(f)"); w.field("name", "\(f)F")
            w.field("elevation", Double(f - 1) * 3.2, decimals: 2); w.field("height", 3.0, decimals: 2); w.endObject()
        }
        w.endArray()
        w.key("defaults"); w.beginObject(); w.field("doors", "closed"); w.endObject()
        w.endObject()
        w.key("features")
        w.beginArray()
        for f in 1...max(floors, 1) { writeFloor(f, into: &w, rng: &rng) }
        w.endArray()
        w.endObject()
        return w.string + "\n"
    }

    private func writeFloor(_ f: Int, into w: inout JSONWriter, rng: inout SeededGenerator) {
        let level = "F\(f)"
        let length = Double(roomsPerSide) * roomWidth
        let c = corridorHalfWidth, depth = roomDepth
        func feature(_ id: String, _ properties: [(String, Any)], _ type: String, _ write: (inout JSONWriter) -> Void) {
            w.beginObject()
            w.field("type", "Feature")
            w.field("id", "\(level)-\(id)")
            w.key("properties")
            w.beginObject()
            w.field("level", level)
            for (k, v) in properties {
                if k == "ptzPan", let pan = v as? String {
                    let limits = pan.split(separator: ",").compactMap { Double($0) }
                    w.key("ptz"); w.beginObject()
                    w.field("panMin", limits[0], decimals: 1); w.field("panMax", limits[1], decimals: 1)
                    w.field("tiltMin", 0.0, decimals: 1); w.field("tiltMax", 60.0, decimals: 1)
                    w.endObject()
                    continue
                }
                switch v {
                case let s as String: w.field(k, s)
                case let d as Double: w.field(k, d, decimals: 3)
                case let i as Int: w.field(k, i)
                case let b as Bool: w.field(k, b)
                default: break
                }
            }
            w.endObject()
            w.key("geometry")
            w.beginObject()
            w.field("type", type)
            w.key("coordinates")
            write(&w)
            w.endObject()
            w.endObject()
        }
        func line(_ id: String, _ props: [(String, Any)], _ pts: [(Double, Double)]) {
            feature(id, props, "LineString") { w in
                w.beginArray(); for p in pts { w.inlineNumbers([p.0, p.1], decimals: 3) }; w.endArray()
            }
        }
        func box(_ id: String, _ props: [(String, Any)], _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) {
            feature(id, props, "Polygon") { w in
                w.beginArray(); w.beginArray()
                for p in [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)] { w.inlineNumbers([p.0, p.1], decimals: 3) }
                w.endArray(); w.endArray()
            }
        }

        // Corridor and its walls; the west end wall holds the toilet door.
        box("corridor", [("kind", "zone"), ("category", "corridor"), ("name", "\(f)F corridor")], 0, -c, length, c)
        line("wall-corridor-n", [("kind", "wall")], [(0, c), (length, c)])
        line("wall-corridor-s", [("kind", "wall")], [(0, -c), (length, -c)])
        line("wall-outer-n", [("kind", "wall")], [(0, c + depth), (length, c + depth)])
        line("wall-outer-s", [("kind", "wall")], [(0, -c - depth), (length, -c - depth)])
        line("wall-east", [("kind", "wall")], [(length, -c - depth), (length, c + depth)])
        line("wall-west", [("kind", "wall")], [(0, -c - depth), (0, c + depth)])
        // Public toilet west of the corridor.
        box("wc", [("kind", "zone"), ("category", "toilet"), ("name", "\(f)F public toilet")], -6, -3, 0, 3)
        line("wall-wc", [("kind", "wall")], [(0, -3), (-6, -3), (-6, 3), (0, 3)])
        let wcOpen = rng.next() % 4 == 0
        line("door-wc", [("kind", "opening"), ("openingType", "door"), ("state", wcOpen ? "open" : "closed")],
             [(0, -0.5), (0, 0.5)])

        for side in [1.0, -1.0] {
            let tag = side > 0 ? "n" : "s"
            for i in 0..<roomsPerSide {
                let x0 = Double(i) * roomWidth
                let number = "\(f)\(tag == "n" ? "1" : "2")\(i < 10 ? "0" : "")\(i)"
                box("room-\(tag)\(i)", [("kind", "zone"), ("category", "guest_room"), ("name", "Room \(number)")],
                    x0, side > 0 ? c : -c - depth, x0 + roomWidth, side > 0 ? c + depth : -c)
                if i > 0 { line("wall-\(tag)\(i)", [("kind", "wall")], [(x0, side * c), (x0, side * (c + depth))]) }
                let open = rng.next() % 10 == 0
                line("door-\(tag)\(i)", [("kind", "opening"), ("openingType", "door"), ("state", open ? "open" : "closed")],
                     [(x0 + 0.4, side * c), (x0 + 1.3, side * c)])
            }
        }
        // A warning sign in the corridor at each end.
        for (tag, x) in [("w", 1.0), ("e", length - 1)] {
            feature("sign-\(tag)", [("kind", "sign"), ("text", "视频监控区域 CCTV in operation")], "Point") { w in
                w.inlineNumbers([x, 0], decimals: 3)
            }
        }
        for k in 0..<camerasPerFloor {
            let x = (Double(k) + 0.5) * length / Double(camerasPerFloor)
            let east = k % 2 == 0
            let jitter = Double(rng.next() % 1000) / 1000 * 6 - 3
            if ptzEvery > 0, k % ptzEvery == 0 {
                feature("ptz\(k)", [("kind", "camera"), ("type", "ptz"), ("mountHeight", 2.9), ("heading", east ? 90.0 : 270.0),
                                    ("hfov", 60.0), ("range", 30.0), ("ptzPan", east ? "0,180" : "180,360")], "Point") { w in
                    w.inlineNumbers([x, c - 0.1], decimals: 3)
                }
                continue
            }
            feature("cam\(k)", [("kind", "camera"), ("mountHeight", 2.7), ("heading", (east ? 90 : 270) + jitter),
                                ("tilt", 10.0), ("hfov", 90.0), ("range", 30.0)], "Point") { w in
                w.inlineNumbers([x, c - 0.1], decimals: 3)
            }
        }
    }
}
