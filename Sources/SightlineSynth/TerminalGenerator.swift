/// One huge level for the engine's scaling benchmark, deterministic for a
/// seed: a 300 m × 300 m terminal hall with a grid of 2,500 kiosks (3 m × 3 m
/// in 6 m cells, four walls each with a seeded 1.2 m doorway), so 10,000
/// wall segments; one kiosk in ten is a changing room; 1,000 cameras in the
/// aisles, seeded headings, 50 m range.
public struct TerminalGenerator: Sendable {
    public var side = 300.0
    public var cell = 6.0
    public var cameras = 1000
    public var range = 50.0
    public var seed: UInt64

    public init(seed: UInt64) { self.seed = seed }

    public func json() -> String {
        var rng = SeededGenerator(seed: seed)
        var w = GeneratedPlanWriter(
            siteID: "synthetic-terminal-\(seed)", siteName: "Synthetic Terminal (seed \(seed))",
            placeCategory: "art7-venue", operatorName: "Example Airports Ltd",
            levels: [(id: "T", name: "Departures", elevation: 0, height: 8)], doors: "open")
        w.level = "T"
        let n = Int(side / cell)
        w.box("hall", "zone", [("category", .text("public")), ("name", .text("Departures hall"))], 0, 0, side, side)
        for (k, x) in [1.0, side - 1].enumerated() {
            w.point("sign-\(k)", "sign", [("text", .text("视频监控区域 CCTV in operation"))], x, 1)
        }
        for i in 0..<n {
            for j in 0..<n {
                let x0 = Double(i) * cell + 1.5
                let y0 = Double(j) * cell + 1.5
                let x1 = x0 + 3
                let y1 = y0 + 3
                let id = "k\(i)-\(j)"
                let changing = rng.next() % 10 == 0
                w.box(id, "zone", [("category", .text(changing ? "changing_room" : "retail"))], x0, y0, x1, y1)
                w.line("\(id)-walls", "wall", [], [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)])
                // The doorway on a seeded side, 1.2 m wide, centred.
                let (a, b): ((Double, Double), (Double, Double))
                switch rng.next() % 4 {
                case 0: (a, b) = ((x0 + 0.9, y0), (x0 + 2.1, y0))
                case 1: (a, b) = ((x1, y0 + 0.9), (x1, y0 + 2.1))
                case 2: (a, b) = ((x0 + 0.9, y1), (x0 + 2.1, y1))
                default: (a, b) = ((x0, y0 + 0.9), (x0, y0 + 2.1))
                }
                w.line("\(id)-door", "opening", [("openingType", .text("passage"))], [a, b])
            }
        }
        for k in 0..<cameras {
            // Aisle crossings: cell corners, where the 3 m aisles meet.
            let i = Int(rng.next() % UInt64(n))
            let j = Int(rng.next() % UInt64(n))
            let heading = Double(rng.next() % 3600) / 10
            w.point(
                "cam-\(k)", "camera",
                [
                    ("mountHeight", .number(6)), ("heading", .number(heading)), ("tilt", .number(10)),
                    ("hfov", .number(90)), ("range", .number(range)),
                ],
                Double(i) * cell + 0.2, Double(j) * cell + 0.2)
        }
        return w.finish()
    }
}
