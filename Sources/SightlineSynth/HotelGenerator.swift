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
    /// Where the hotel's origin lies (WGS 84), written as `plan.georeference`.
    public var georeference: (lon: Double, lat: Double)?

    public init(floors: Int, roomsPerSide: Int, seed: UInt64) {
        self.floors = floors
        self.roomsPerSide = roomsPerSide
        self.seed = seed
    }

    /// The plan as `sightline-plan/1` JSON text.
    public func json() -> String {
        var rng = SeededGenerator(seed: seed)
        let levels = (1...max(floors, 1)).map { (id: "F\($0)", name: "\($0)F", elevation: Double($0 - 1) * 3.2, height: 3.0) }
        var w = GeneratedPlanWriter(
            siteID: "synthetic-hotel-\(seed)",
            siteName: "Synthetic Hotel (\(floors) floors, \(roomsPerSide) rooms a side, seed \(seed))",
            placeCategory: "art7-venue", operatorName: "Example Hotels Ltd", levels: levels, doors: "closed",
            georeference: georeference)
        for (f, level) in levels.enumerated() {
            w.level = level.id
            writeFloor(f + 1, into: &w, rng: &rng)
        }
        return w.finish()
    }

    private func writeFloor(_ f: Int, into w: inout GeneratedPlanWriter, rng: inout SeededGenerator) {
        let length = Double(roomsPerSide) * roomWidth
        let c = corridorHalfWidth
        let depth = roomDepth

        // Corridor and its walls; the west end wall holds the toilet door.
        w.box("corridor", "zone", [("category", .text("corridor")), ("name", .text("\(f)F corridor"))], 0, -c, length, c)
        w.line("wall-corridor-n", "wall", [], [(0, c), (length, c)])
        w.line("wall-corridor-s", "wall", [], [(0, -c), (length, -c)])
        w.line("wall-outer-n", "wall", [], [(0, c + depth), (length, c + depth)])
        w.line("wall-outer-s", "wall", [], [(0, -c - depth), (length, -c - depth)])
        w.line("wall-east", "wall", [], [(length, -c - depth), (length, c + depth)])
        w.line("wall-west", "wall", [], [(0, -c - depth), (0, c + depth)])
        // Public toilet west of the corridor.
        w.box("wc", "zone", [("category", .text("toilet")), ("name", .text("\(f)F public toilet"))], -6, -3, 0, 3)
        w.line("wall-wc", "wall", [], [(0, -3), (-6, -3), (-6, 3), (0, 3)])
        let wcOpen = rng.next() % 4 == 0
        w.line(
            "door-wc", "opening", [("openingType", .text("door")), ("state", .text(wcOpen ? "open" : "closed"))],
            [(0, -0.5), (0, 0.5)])

        for side in [1.0, -1.0] {
            let tag = side > 0 ? "n" : "s"
            for i in 0..<roomsPerSide {
                let x0 = Double(i) * roomWidth
                let number = "\(f)\(tag == "n" ? "1" : "2")\(i < 10 ? "0" : "")\(i)"
                w.box(
                    "room-\(tag)\(i)", "zone", [("category", .text("guest_room")), ("name", .text("Room \(number)"))],
                    x0, side > 0 ? c : -c - depth, x0 + roomWidth, side > 0 ? c + depth : -c)
                if i > 0 { w.line("wall-\(tag)\(i)", "wall", [], [(x0, side * c), (x0, side * (c + depth))]) }
                let open = rng.next() % 10 == 0
                w.line(
                    "door-\(tag)\(i)", "opening", [("openingType", .text("door")), ("state", .text(open ? "open" : "closed"))],
                    [(x0 + 0.4, side * c), (x0 + 1.3, side * c)])
            }
        }
        // A warning sign in the corridor at each end.
        for (tag, x) in [("w", 1.0), ("e", length - 1)] {
            w.point("sign-\(tag)", "sign", [("text", .text("视频监控区域 CCTV in operation"))], x, 0)
        }
        for k in 0..<camerasPerFloor {
            let x = (Double(k) + 0.5) * length / Double(camerasPerFloor)
            let east = k % 2 == 0
            let jitter = Double(rng.next() % 1000) / 1000 * 6 - 3
            if ptzEvery > 0, k % ptzEvery == 0 {
                let pan: (Double, Double) = east ? (0, 180) : (180, 360)
                w.point(
                    "ptz\(k)", "camera",
                    [
                        ("type", .text("ptz")), ("mountHeight", .number(2.9)), ("heading", .number(east ? 90 : 270)),
                        ("hfov", .number(60)), ("range", .number(30)),
                        (
                            "ptz",
                            .object([
                                ("panMin", .number(pan.0)), ("panMax", .number(pan.1)),
                                ("tiltMin", .number(0)), ("tiltMax", .number(60)),
                            ])
                        ),
                    ],
                    x, c - 0.1)
                continue
            }
            w.point(
                "cam\(k)", "camera",
                [
                    ("mountHeight", .number(2.7)), ("heading", .number((east ? 90 : 270) + jitter)),
                    ("tilt", .number(10)), ("hfov", .number(90)), ("range", .number(30)),
                ], x, c - 0.1)
        }
    }
}
