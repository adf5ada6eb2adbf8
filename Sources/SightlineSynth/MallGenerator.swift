/// A synthetic open-plan shopping mall for benchmarks, deterministic for a
/// seed: the retail floor on which openings used to leak through partitions.
///
/// Each floor is 96 m × 36 m: a 12 m mall corridor (y from 12 to 24 in
/// local terms, drawn y ∈ [12, 24] + 12) with a grid of 0.6 m columns every
/// 8 m, and 12 shops 8 m × 12 m on each side. A shop front is a wall with a
/// 5 m shop window starting at the partition that ends there and a 2 m
/// doorway. Every other north shop sells clothes: three 1.5 m × 2 m fitting
/// rooms stand against its window (partitions meeting the glass) with
/// curtains, one in three left open. The last south shop is a toilet block
/// (two toilets behind passages). Cameras: 12 in the corridor at 40 m range,
/// alternately looking east and west with seeded jitter, and one at the back
/// of each north shop looking at its front: 24 a floor, so 10 floors give
/// 240 cameras.
public struct MallGenerator: Sendable {
    public var floors: Int
    public var seed: UInt64
    public static let shopsPerSide = 12
    public static let shopWidth = 8.0

    public init(floors: Int, seed: UInt64) {
        self.floors = floors
        self.seed = seed
    }

    public func json() -> String {
        var rng = SeededGenerator(seed: seed)
        let levels = (1...max(floors, 1)).map { (id: "M\($0)", name: "\($0)F", elevation: Double($0 - 1) * 5, height: 4.5) }
        var w = GeneratedPlanWriter(
            siteID: "synthetic-mall-\(seed)", siteName: "Synthetic Mall (\(floors) floors, seed \(seed))",
            placeCategory: "art7-venue", operatorName: "Example Malls Ltd", levels: levels, doors: "open")
        for level in levels {
            w.level = level.id
            writeFloor(into: &w, rng: &rng)
        }
        return w.finish()
    }

    private func writeFloor(into w: inout GeneratedPlanWriter, rng: inout SeededGenerator) {
        let length = Double(Self.shopsPerSide) * Self.shopWidth
        let (south, corridorSouth, corridorNorth, north) = (0.0, 12.0, 24.0, 36.0)
        w.box(
            "corridor", "zone", [("category", .text("corridor")), ("name", .text("Mall corridor"))], 0, corridorSouth, length, corridorNorth
        )
        w.line("outer", "wall", [], [(0, south), (length, south), (length, north), (0, north), (0, south)])
        for (k, x) in stride(from: 8.0, to: length, by: 8).enumerated() {
            for y in [16.0, 20.0] {
                w.box("column-\(k)-\(Int(y))", "wall", [], x - 0.3, y - 0.3, x + 0.3, y + 0.3)
            }
        }
        w.point("sign-w", "sign", [("text", .text("视频监控区域 CCTV in operation"))], 1, 18)
        w.point("sign-e", "sign", [("text", .text("视频监控区域 CCTV in operation"))], length - 1, 18)
        for side in ["n", "s"] {
            let front = side == "n" ? corridorNorth : corridorSouth
            let back = side == "n" ? north : south
            let inward = side == "n" ? 1.0 : -1.0
            for i in 0..<Self.shopsPerSide {
                let x0 = Double(i) * Self.shopWidth
                let x1 = x0 + Self.shopWidth
                let id = "\(side)\(i)"
                if i > 0 { w.line("partition-\(id)", "wall", [], [(x0, front), (x0, back)]) }
                w.line("front-\(id)", "wall", [], [(x0, front), (x1, front)])
                w.line("window-\(id)", "opening", [("openingType", .text("window"))], [(x0, front), (x0 + 5, front)])
                w.line("doorway-\(id)", "opening", [("openingType", .text("passage"))], [(x0 + 5.5, front), (x0 + 7.5, front)])
                if side == "s", i == Self.shopsPerSide - 1 {
                    writeToilets(x0: x0, front: front, back: back, into: &w)
                    continue
                }
                w.box(
                    "shop-\(id)", "zone", [("category", .text("retail")), ("name", .text("Shop \(id.uppercased())"))],
                    x0, min(front, back), x1, max(front, back))
                if side == "n", i.isMultiple(of: 2) {
                    // Fitting rooms against the window: partitions meet the glass.
                    let depth = 2.0 * inward
                    for k in 0..<3 {
                        let a = x0 + Double(k) * 1.5
                        let b = a + 1.5
                        w.box(
                            "fitting-\(id)-\(k)", "zone",
                            [("category", .text("fitting_room")), ("name", .text("Fitting room \(id.uppercased())-\(k + 1)"))],
                            a, front, b, front + depth)
                        w.line("fitting-wall-\(id)-\(k)", "wall", [("height", .number(2.2))], [(b, front), (b, front + depth)])
                        w.line("curtain-rail-\(id)-\(k)", "wall", [("height", .number(2.2))], [(a, front + depth), (b, front + depth)])
                        let open = rng.next() % 3 == 0
                        w.line(
                            "curtain-\(id)-\(k)", "opening", [("openingType", .text("door")), ("state", .text(open ? "open" : "closed"))],
                            [(a + 0.2, front + depth), (b - 0.2, front + depth)])
                    }
                }
                if side == "n" {
                    w.point(
                        "cam-shop-\(id)", "camera",
                        [
                            ("mountHeight", .number(3.5)), ("heading", .number(180)),
                            ("tilt", .number(15)), ("hfov", .number(90)), ("range", .number(40)),
                        ],
                        x0 + 4, back - 0.3)
                }
            }
        }
        for k in 0..<12 {
            let x = (Double(k) + 0.5) * length / 12
            let east = k.isMultiple(of: 2)
            let jitter = Double(rng.next() % 1000) / 1000 * 10 - 5
            let y = k % 4 < 2 ? corridorNorth - 0.3 : corridorSouth + 0.3
            w.point(
                "cam-corridor-\(k)", "camera",
                [
                    ("mountHeight", .number(4)), ("heading", .number((east ? 90 : 270) + jitter)),
                    ("tilt", .number(8)), ("hfov", .number(70)), ("range", .number(40)),
                ], x, y)
        }
    }

    /// Two toilets side by side in a shop slot, each behind a 1 m passage in
    /// a lobby wall 2 m behind the shop front.
    private func writeToilets(x0: Double, front: Double, back: Double, into w: inout GeneratedPlanWriter) {
        let lobby = front - 2
        w.line("wc-lobby-wall", "wall", [], [(x0, lobby), (x0 + 8, lobby)])
        w.line("wc-divider", "wall", [], [(x0 + 4, lobby), (x0 + 4, back)])
        for (k, a) in [x0, x0 + 4].enumerated() {
            w.box(
                "wc-\(k)", "zone", [("category", .text("toilet")), ("name", .text(k == 0 ? "Men's toilet" : "Women's toilet"))],
                a, back, a + 4, lobby)
            w.line("wc-entrance-\(k)", "opening", [("openingType", .text("passage"))], [(a + 1.5, lobby), (a + 2.5, lobby)])
        }
    }
}
